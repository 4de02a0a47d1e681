/**
 * The optimizer's half in Excel: puts an optimized Stripboard order into the workbook, keeping the
 * order it replaced on the very hidden `_Prodbook Undo` sheet (the format the CLI's
 * `prodbook optimize --restore` reads too), and puts a saved order back.
 *
 *  - Fixed syncs, whatever the board's size: apply and restore are 3 (names, the board, one write);
 *    a failed write adds 2 to undo itself.
 *  - All or nothing: Excel keeps what a failed request did before the failure, so on any failure
 *    the Stripboard (rows, number formats, formulas) and the undo sheet are written back as they
 *    were read.
 *  - ExcelApi 1.7 only: a ListObject grows with `rows.add` and shrinks with `rows.getItemAt(i).delete()`
 *    (both 1.1; Table.resize is 1.13); a Stripboard that is a plain sheet is written and cleared.
 *  - Text stays text (number format "@" before the values), numbers keep the format they had on
 *    their row (dates stay dates), blank cells take their column's usual format.
 */
import { CellValue, RawTable, columnLetters, normalizeName } from "../core/cells";
import { BoardRows } from "../core/optimize/boardRewrite";
import { UNDO_SHEET, parseUndoGrid, undoGrid } from "../core/optimize/undo";
import { headerKey } from "../core/tables";
import type { CommandOutcome, Message } from "./commands";
import type { ExcelHost } from "./host";
import { parseAddress } from "./readWorkbook";
import { hostFeatures } from "./requirements";
import { REQUEST_BUDGET, deleteSheet, errorText } from "./writeSheets";

type Scalar = string | number | boolean;

/** Syncs of a successful apply or restore; a failed write adds ROLLBACK_SYNCS. */
export const BOARD_SYNCS = 3;
export const ROLLBACK_SYNCS = 2;

const DAY_BREAK = /^end\s*of\s*day/i;
const DATE_FORMAT = "yyyy-mm-dd";
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The Stripboard as it is in the workbook: where, and its body's values, formats and formulas. */
interface BoardSnapshot {
  kind: "table" | "sheet";
  /** ListObject name, or the sheet's name for a sheet read as a table. */
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  values: Scalar[][];
  formats: string[][];
  formulas: Scalar[][];
}

interface UndoSnapshot {
  exists: boolean;
  /** Used range (values only) as read: A1-based address on the undo sheet, values and formats. */
  address?: string;
  values?: Scalar[][];
  formats?: string[][];
}

interface Located {
  board?: { kind: "table" | "sheet"; name: string; sheet: string };
  undo: UndoSnapshot;
}

function outcome(ok: boolean, messages: Message[], sheet = ""): CommandOutcome {
  return { ok, problems: [], messages, written: ok ? [{ layout: "Stripboard", sheet, action: "replace" }] : [] };
}

function refuse(text: string): CommandOutcome {
  return outcome(false, [{ intent: "error", text }]);
}

function addr(r1: number, c1: number, r2: number, c2: number): string {
  return `${columnLetters(c1)}${r1}:${columnLetters(c2)}${r2}`;
}

const blankOf = (v: unknown) => v === "" || v === null || v === undefined;

/** Sync 1: the Stripboard's whereabouts (ListObject first, as readWorkbook reads it) and the undo sheet. */
async function locate(ctx: Excel.RequestContext, want: { name: string; sheet?: string }): Promise<Located> {
  const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
  const sheets = ctx.workbook.worksheets.load("items/name");
  const undoSheet = ctx.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  const undoUsed = undoSheet.getUsedRangeOrNullObject(true).untrack().load("address,values,numberFormat");
  await ctx.sync();
  const key = normalizeName(want.name);
  const table =
    tables.items.find((t) => normalizeName(t.name) === key && (!want.sheet || t.worksheet.name.toLowerCase() === want.sheet.toLowerCase())) ??
    tables.items.find((t) => normalizeName(t.name) === key);
  const sheet = sheets.items.find((s) => normalizeName(s.name) === key);
  let board: Located["board"];
  if (table) board = { kind: "table", name: table.name, sheet: table.worksheet.name };
  else if (sheet) board = { kind: "sheet", name: sheet.name, sheet: sheet.name };
  const undo: UndoSnapshot = { exists: !undoSheet.isNullObject };
  if (undo.exists && !undoUsed.isNullObject) {
    undo.address = undoUsed.address;
    undo.values = undoUsed.values as Scalar[][];
    undo.formats = undoUsed.numberFormat as string[][];
  }
  return { board, undo };
}

/** Sync 2: the board's header and body. */
async function readBoard(ctx: Excel.RequestContext, at: NonNullable<Located["board"]>): Promise<BoardSnapshot | string> {
  if (at.kind === "table") {
    const t = ctx.workbook.tables.getItem(at.name);
    const header = t.getHeaderRowRange().untrack().load("address,values");
    const body = t.getDataBodyRange().untrack().load("address,values,numberFormat,formulas");
    await ctx.sync();
    const h = parseAddress(header.address);
    return {
      kind: "table",
      name: at.name,
      sheet: at.sheet,
      headerRow: h.row,
      firstColumn: h.column,
      headers: (header.values[0] ?? []).map((v) => String(v ?? "")),
      values: body.values as Scalar[][],
      formats: body.numberFormat as string[][],
      formulas: body.formulas as Scalar[][],
    };
  }
  const used = ctx.workbook.worksheets.getItem(at.sheet).getUsedRangeOrNullObject(true).untrack().load("address,values,numberFormat,formulas");
  await ctx.sync();
  if (used.isNullObject) return `The ${at.sheet} sheet is empty.`;
  const u = parseAddress(used.address);
  if (u.row !== 1) return `The ${at.sheet} sheet needs its headers in row 1, as the contract reads a sheet without a table.`;
  const [head = [], ...rows] = used.values as Scalar[][];
  const [, ...formats] = used.numberFormat as string[][];
  const [, ...formulas] = used.formulas as Scalar[][];
  return { kind: "sheet", name: at.name, sheet: at.sheet, headerRow: 1, firstColumn: u.column, headers: head.map((v) => String(v ?? "")), values: rows, formats, formulas };
}

/** The format each column mostly has: what a blank cell in a new row gets. */
function columnFormats(formats: string[][], width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const counts = new Map<string, number>();
    for (const r of formats) counts.set(r[c] ?? "General", (counts.get(r[c] ?? "General") ?? 0) + 1);
    let best = "General";
    let n = 0;
    for (const [f, k] of counts) if (k > n) [best, n] = [f, k];
    return best;
  });
}

/** Cells to write and the number format each should end with. */
interface Grid {
  values: Scalar[][];
  formats: string[][];
}

/** One cell as Office.js writes it and the format it ends with: its own where known, else "@" for text. */
function cellWrite(v: CellValue | undefined, had: string | undefined, column: string): { value: Scalar; format: string } {
  if (v === null || v === undefined || v === "") return { value: "", format: had ?? column };
  if (typeof v === "string") return { value: v, format: had ?? "@" };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000, format: had && had !== "@" && had !== "General" ? had : DATE_FORMAT };
  return { value: v, format: had ?? (column === "@" ? "General" : column) };
}

/**
 * Writes `grid` so every cell ends as it should: text first gets "@" (so "=…", "+1 555", "1" stay
 * text even where the cell's own format is General, as after typing '1), numbers and formulas get a
 * non-text format (a number written into a "@" cell would turn into text), then the values, then
 * the cells' own formats where those differ. `formula(i, c)` marks formulas to write as formulas.
 */
function writeExact(range: Excel.Range, grid: Grid, formula: (i: number, c: number) => boolean = () => false): void {
  let differs = false;
  const first = grid.values.map((r, i) =>
    r.map((v, c) => {
      const want = grid.formats[i]?.[c] ?? "General";
      const safe = typeof v === "string" && v !== "" && !formula(i, c) ? "@" : want === "@" && v !== "" ? "General" : want;
      if (safe !== want) differs = true;
      return safe;
    }),
  );
  range.numberFormat = first;
  range.formulas = grid.values as string[][];
  if (differs) range.numberFormat = grid.formats;
}

/** A row compared by value; a Date (readWorkbook gives date-formatted cells as Dates) as the serial Excel holds. */
const rowKey = (r: readonly unknown[]) => JSON.stringify(r.map((v) => (blankOf(v) ? null : v instanceof Date ? (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000 : v)));

/** Values and formats for rows that come from `old` (matched by value, so formats move with rows). */
function writeGrid(rows: CellValue[][], old: BoardSnapshot, width: number): Grid {
  const byKey = new Map<string, number[]>();
  old.values.forEach((r, i) => {
    const k = rowKey(r.slice(0, width));
    const list = byKey.get(k) ?? [];
    list.push(i);
    byKey.set(k, list);
  });
  const usual = columnFormats(old.formats, width);
  const values: Scalar[][] = [];
  const formats: string[][] = [];
  for (const r of rows) {
    const from = byKey.get(rowKey(Array.from({ length: width }, (_, c) => r[c] ?? null)))?.shift();
    const line = Array.from({ length: width }, (_, c) => cellWrite(r[c], from === undefined ? undefined : old.formats[from]?.[c], usual[c]));
    values.push(line.map((x) => x.value));
    formats.push(line.map((x) => x.format));
  }
  return { values, formats };
}

/** Queues the board's new body: row count (rows.add / row delete or clear), formats, then values. */
function queueBoard(ctx: Excel.RequestContext, b: BoardSnapshot, n: number, fill: (range: Excel.Range) => void): void {
  const ws = ctx.workbook.worksheets.getItem(b.sheet);
  const width = b.headers.length;
  const lastColumn = b.firstColumn + width - 1;
  const had = b.values.length;
  if (b.kind === "table") {
    const t = ctx.workbook.tables.getItem(b.name);
    if (n > had) t.rows.add(undefined, Array.from({ length: n - had }, () => Array.from({ length: width }, () => "")));
    for (let i = had - 1; i >= n; i--) t.rows.getItemAt(i).delete(); // from the bottom: indexes stay valid
  } else if (n < had) {
    ws.getRange(addr(b.headerRow + n + 1, b.firstColumn, b.headerRow + had, lastColumn)).untrack().clear("Contents");
  }
  if (n > 0) fill(ws.getRange(addr(b.headerRow + 1, b.firstColumn, b.headerRow + n, lastColumn)).untrack());
}

/** The undo sheet's columns to clear: every column either grid uses. */
function undoClearAddress(u: UndoSnapshot, width: number): string {
  const used = u.address ? parseAddress(u.address) : undefined;
  const usedWidth = used && u.values?.[0] ? used.column + u.values[0].length - 1 : 1;
  const last = columnLetters(Math.max(width, usedWidth, 4));
  return `A:${last}`;
}

/**
 * Puts the board and the undo sheet back as `locate`/`readBoard` read them. Two syncs: the board's
 * row count now (a failed request may have added or removed rows), then the writes. `reach` is how
 * many rows below a plain sheet's old body the failed write may have filled.
 */
async function rollback(ctx: Excel.RequestContext, b: BoardSnapshot, undo: UndoSnapshot, undoWidth: number, reach: number): Promise<boolean> {
  try {
    const undoSheet = ctx.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
    const body = b.kind === "table" ? ctx.workbook.tables.getItem(b.name).getDataBodyRange().untrack().load("rowCount") : undefined;
    await ctx.sync();
    const now = body ? body.rowCount : b.values.length;
    queueBoard(ctx, { ...b, values: Array.from({ length: now }, () => []) }, b.values.length, (range) =>
      writeExact(range, { values: b.formulas, formats: b.formats }, (i, c) => isFormula(b, i, c)),
    );
    if (b.kind === "sheet" && reach > 0) {
      const from = b.headerRow + b.values.length + 1;
      ctx.workbook.worksheets.getItem(b.sheet).getRange(addr(from, b.firstColumn, from + reach - 1, b.firstColumn + b.headers.length - 1)).untrack().clear("Contents");
    }
    if (!undo.exists) {
      if (!undoSheet.isNullObject) deleteSheet(undoSheet);
    } else {
      const ws = ctx.workbook.worksheets.getItem(UNDO_SHEET);
      ws.getRange(undoClearAddress(undo, undoWidth)).untrack().clear("All");
      if (undo.address && undo.values && undo.formats) {
        writeExact(ws.getRange(undo.address.slice(undo.address.lastIndexOf("!") + 1)).untrack(), { values: undo.values, formats: undo.formats });
      }
      ws.visibility = "VeryHidden";
    }
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

/** The new body and the undo sheet in one request; on failure, both back as they were. */
async function writeAll(
  ctx: Excel.RequestContext,
  b: BoardSnapshot,
  grid: Grid,
  undo: UndoSnapshot,
  undoWrite: Grid | "delete",
): Promise<{ ok: true } | { ok: false; undone: boolean; error: unknown }> {
  const undoWidth = undoWrite === "delete" ? 4 : (undoWrite.values[0]?.length ?? 4);
  try {
    // No suspended calculation: the user's =PROD.* cells read the Stripboard and must follow it,
    // and after a suspension re-calculating would be ours to do (suspendApiCalculationUntilNextSync).
    if (undoWrite !== "delete") {
      const ws = undo.exists ? ctx.workbook.worksheets.getItem(UNDO_SHEET) : ctx.workbook.worksheets.add(UNDO_SHEET);
      if (undo.exists) ws.getRange(undoClearAddress(undo, undoWidth)).untrack().clear("All");
      writeExact(ws.getRange(addr(1, 1, undoWrite.values.length, undoWidth)).untrack(), undoWrite);
      ws.visibility = "VeryHidden";
    }
    queueBoard(ctx, b, grid.values.length, (range) => writeExact(range, grid));
    // Last, so a failure before it leaves the saved order in place.
    if (undoWrite === "delete") deleteSheet(ctx.workbook.worksheets.getItem(UNDO_SHEET));
    await ctx.sync();
    return { ok: true };
  } catch (error) {
    return { ok: false, undone: await rollback(ctx, b, undo, undoWidth, Math.max(0, grid.values.length - b.values.length)), error };
  }
}

function bytesOf(...grids: unknown[][][]): number {
  return grids.reduce((s, g) => s + JSON.stringify(g).length, 0);
}

function sameHeaders(a: string[], b: string[]): boolean {
  const norm = (h: string[]) => {
    const out = h.map(headerKey);
    while (out.length && out[out.length - 1] === "") out.pop();
    return out;
  };
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** Strips and banners (not day breaks, not blank rows) as a multiset, to check nothing is lost. */
function contentKeys(rows: readonly (readonly unknown[])[], sceneCol: number, width: number): string[] {
  return rows
    .filter((r) => !r.slice(0, width).every(blankOf) && !DAY_BREAK.test(String(r[sceneCol] ?? "").trim()))
    .map((r) => rowKey(Array.from({ length: width }, (_, c) => r[c] ?? null)))
    .sort();
}

/** A formula, not text that reads like one: its value differs from its formula text. */
function isFormula(b: BoardSnapshot, i: number, c: number): boolean {
  const f = b.formulas[i]?.[c];
  return typeof f === "string" && f.startsWith("=") && b.values[i]?.[c] !== f;
}

/** Rows in one sorted multiset and not the other, counted once per side's surplus. */
function countDifferences(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const k of a) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) - 1);
  let surplus = 0;
  let deficit = 0;
  for (const n of counts.values()) {
    if (n > 0) surplus += n;
    else deficit -= n;
  }
  return Math.max(surplus, deficit);
}

function formulaCells(b: BoardSnapshot): string[] {
  const out: string[] = [];
  b.formulas.forEach((r, i) => r.forEach((_, c) => isFormula(b, i, c) && out.push(`${columnLetters(b.firstColumn + c)}${b.headerRow + 1 + i}`)));
  return out;
}

export interface ApplyOptions {
  now?: () => Date;
}

/**
 * Writes `plan` (the Stripboard's rows in the new order) over the Stripboard and saves the rows it
 * replaces to the undo sheet. `basis` is the Stripboard as the optimizer read it: if the table has
 * changed since, nothing is written.
 */
export async function applyBoardOrder(host: ExcelHost, plan: BoardRows, basis: RawTable, opts: ApplyOptions = {}): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return refuse(features.message!);
  const now = opts.now ?? (() => new Date());
  try {
    return await host.run(async (ctx) => {
      const at = await locate(ctx, { name: basis.name, sheet: basis.sheet });
      if (!at.board) return refuse(`There is no ${basis.name} table any more: nothing was changed.`);
      const b = await readBoard(ctx, at.board);
      if (typeof b === "string") return refuse(b);
      const width = b.headers.length;
      const changed =
        !sameHeaders(b.headers, basis.headers) ||
        !(basis.rows.length === b.values.length || basis.rows.length === b.values.length + 1) ||
        b.values.some((r, i) => rowKey(r.slice(0, width)) !== rowKey(Array.from({ length: width }, (_, c) => basis.rows[i]?.[c] ?? null)));
      if (changed) return refuse(`${b.name} has changed since Optimize read it, so nothing was changed: click Optimize again.`);
      if (!sameHeaders(plan.headers, b.headers)) return refuse(`The new order has different columns from ${b.name}: nothing was changed.`);
      const sceneCol = Math.max(0, b.headers.findIndex((h) => headerKey(h) === "scene"));
      const before = contentKeys(b.values, sceneCol, width);
      const after = contentKeys(plan.rows, sceneCol, width);
      if (before.length !== after.length || before.some((k, i) => k !== after[i])) {
        return refuse(`The new order does not hold exactly the strips and banners of ${b.name}: nothing was changed.`);
      }

      const grid = writeGrid(plan.rows, b, width);
      // The rows being replaced, trailing blank rows left out (the undo sheet's used range ends at its last value).
      let keep = b.values.length;
      while (keep > 0 && b.values[keep - 1].every(blankOf)) keep--;
      const oldRows: CellValue[][] = b.values.slice(0, keep).map((r) => r.map((v) => (blankOf(v) ? null : v)));
      const saved = undoGrid({ table: b.name, sheet: b.sheet, when: now().toISOString(), headers: b.headers, rows: oldRows });
      const undoValues = saved.map((r) => r.map((v) => (v === null ? "" : (v as Scalar))));
      // Each saved cell keeps its own format, so a restore gives back formats too.
      const undoFormats = saved.map((r, i) => r.map((v, c) => (i < 2 ? "@" : cellWrite(v, b.formats[i - 2]?.[c], "General").format)));
      const size = bytesOf(grid.values, grid.formats, undoValues, undoFormats);
      if (size > REQUEST_BUDGET) {
        return refuse(`${b.name} is too large to rewrite in one request (${(size / 1024 / 1024).toFixed(1)} MB; Excel takes 5 MB): nothing was changed.`);
      }
      const formulas = formulaCells(b);
      const w = await writeAll(ctx, b, grid, at.undo, { values: undoValues, formats: undoFormats });
      if (!w.ok) {
        return refuse(
          w.undone
            ? `Nothing was changed: writing the new order failed (${errorText(w.error)}), and ${b.name} was put back as it was.`
            : `Writing the new order failed (${errorText(w.error)}) and ${b.name} could not be fully put back: use Restore previous order, or Undo in Excel.`,
        );
      }
      const messages: Message[] = [
        { intent: "success", text: `${b.name} is in the new order. The previous order is saved: Restore previous order puts it back. Build schedule updates the Schedule, DOOD and call sheets.` },
      ];
      if (formulas.length) {
        messages.push({ intent: "warning", text: `Formulas in ${b.name} (${formulas.slice(0, 3).join(", ")}${formulas.length > 3 ? ` and ${formulas.length - 3} more` : ""}) were replaced by their values.` });
      }
      return outcome(true, messages, b.sheet);
    });
  } catch (e) {
    return refuse(`Prodbook could not apply the new order: ${errorText(e)}. Nothing was changed.`);
  }
}

/** Puts the order saved on the undo sheet back on the Stripboard, then removes the undo sheet. */
export async function restoreBoardOrder(host: ExcelHost): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return refuse(features.message!);
  try {
    return await host.run(async (ctx) => {
      // The saved order says which table it belongs to; find it first, then that table.
      const first = await locate(ctx, { name: "Stripboard" });
      const saved = first.undo.values ? parseUndoGrid(first.undo.values.map((r) => r.map((v) => (blankOf(v) ? null : v)))) : undefined;
      if (!saved) return refuse("There is no saved Stripboard order to restore.");
      const at = normalizeName(saved.table) === "stripboard" && first.board ? first : await locate(ctx, { name: saved.table, sheet: saved.sheet });
      if (!at.board) return refuse(`The saved order belongs to ${saved.table}, which is not in this workbook any more.`);
      const b = await readBoard(ctx, at.board);
      if (typeof b === "string") return refuse(b);
      if (!sameHeaders(b.headers, saved.headers)) {
        return refuse(
          `${b.name}'s columns have changed since the order was saved (saved: ${saved.headers.join(", ")}), so restoring would put values under the wrong headings: nothing was changed.`,
        );
      }
      const width = b.headers.length;
      // As `prodbook optimize --restore` does: edits to strips made since would be lost, so refuse.
      const sceneCol = Math.max(0, b.headers.findIndex((h) => headerKey(h) === "scene"));
      const now = contentKeys(b.values, sceneCol, width);
      const then = contentKeys(saved.rows, sceneCol, width);
      const differ = countDifferences(now, then);
      if (differ > 0) {
        return refuse(
          `${differ === 1 ? "A strip or banner has" : `${differ} strips or banners have`} changed since the order was saved, and restoring would undo those edits: nothing was changed. ` +
            `To restore anyway, use \`prodbook optimize FILE --restore --force\` on a saved copy.`,
        );
      }
      const savedFormats = (first.undo.formats ?? []).slice(2);
      const values: Scalar[][] = [];
      const formats: string[][] = [];
      saved.rows.forEach((r, i) => {
        const line = Array.from({ length: width }, (_, c) => cellWrite(r[c] ?? null, savedFormats[i]?.[c], "General"));
        values.push(line.map((x) => x.value));
        formats.push(line.map((x) => x.format));
      });
      if (!values.length) return refuse("The saved order has no rows: nothing was changed.");
      const size = bytesOf(values, formats);
      if (size > REQUEST_BUDGET) return refuse(`The saved order is too large to write in one request: nothing was changed.`);
      const w = await writeAll(ctx, b, { values, formats }, first.undo, "delete");
      if (!w.ok) {
        return refuse(
          w.undone
            ? `Nothing was changed: restoring the order failed (${errorText(w.error)}), and ${b.name} was put back as it was.`
            : `Restoring the order failed (${errorText(w.error)}) and ${b.name} could not be fully put back: use Undo in Excel.`,
        );
      }
      return outcome(true, [{ intent: "success", text: `${b.name} is back in the order saved ${describeWhen(saved.when)}. Build schedule updates the Schedule, DOOD and call sheets.` }]);
    });
  } catch (e) {
    return refuse(`Prodbook could not restore the order: ${errorText(e)}. Nothing was changed.`);
  }
}

function describeWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "before optimizing" : `on ${d.toISOString().slice(0, 10)} at ${d.toISOString().slice(11, 16)} UTC`;
}

/** Whether an order is saved to restore (two syncs), and when it was saved. */
export async function savedBoardOrder(host: ExcelHost): Promise<{ exists: boolean; when?: string; table?: string }> {
  try {
    return await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
      await ctx.sync();
      if (ws.isNullObject) return { exists: false };
      const head = ws.getRange("A1:D2").untrack().load("values");
      await ctx.sync();
      const s = parseUndoGrid(head.values as CellValue[][]);
      return s ? { exists: true, when: s.when, table: s.table } : { exists: false };
    });
  } catch {
    return { exists: false };
  }
}
