/**
 * Writing input tables through Office.js for the pane's imports, in a fixed number of syncs:
 *  - writeWholeTables (Import script): each table replaced row for row (Stripboard, Cast, Breakdown,
 *    Script Scenes), grown with `rows.add`; a missing one gets its own sheet and ListObject.
 *  - appendRows (Import ledger CSV): rows added under the last non-blank row of a table.
 * Both locate (1 sync), then write in TABLE_WRITE_REQUESTS requests spread by size, each under
 * REQUEST_BUDGET, so the count does not grow with the file. Text is written as text (format "@"
 * first), dates as dates, numbers keep their column's format. A failed write puts back what it
 * changed (rows, values, formats) and removes the sheets it added.
 */
import { CellValue, RawTable, WorkbookInput, columnLetters, findTable, normalizeName } from "../core/cells";
import { tableNameFor } from "./commands";
import { REQUEST_BUDGET, deleteSheet, errorText, packRequests } from "./writeSheets";

/** Write requests of an import, whatever its size (more only past TABLE_WRITE_REQUESTS × REQUEST_BUDGET). */
export const TABLE_WRITE_REQUESTS = 4;
/** Rows per values write: office.js splits a write into 1,500-cell parts anyway. */
const BLOCK_ROWS = 500;
const DATE_FORMAT = "yyyy-mm-dd";
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

type Scalar = string | number | boolean;

/** A cell to write: text, a number, a date (EpochDay), or blank. */
export type WriteCell = CellValue | { date: number };

export interface TableWrite {
  name: string;
  headers: string[];
  rows: WriteCell[][];
}

/** A refusal found before anything was written. */
export class TableWriteRefused extends Error {}

interface Located {
  write: TableWrite;
  raw?: RawTable;
  listObject: boolean;
  /** Number formats of the existing body, one row per row. */
  formats: string[][];
  /** Old values, for the rollback (Office.js values: serials for dates, "" for blanks). */
  oldValues: Scalar[][];
}

function isDateFormat(f: string | undefined): boolean {
  return !!f && /[dy]/i.test(f.replace(/\[[^\]]*\]|"[^"]*"/g, "")) && f !== "@";
}

function cellWrite(v: WriteCell | undefined, had: string | undefined, usual: string): { value: Scalar; format: string } {
  if (v === null || v === undefined || v === "") return { value: "", format: had ?? usual };
  if (typeof v === "string") return { value: v, format: "@" };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000, format: isDateFormat(had) ? had! : isDateFormat(usual) ? usual : DATE_FORMAT };
  if (typeof v === "object") return { value: v.date + 25569, format: isDateFormat(had) ? had! : isDateFormat(usual) ? usual : DATE_FORMAT };
  const keep = had ?? usual;
  return { value: v, format: keep === "@" || isDateFormat(keep) ? "General" : keep };
}

/** The format each column mostly has: what a blank or new cell gets. */
function usualFormats(formats: string[][], width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const counts = new Map<string, number>();
    for (const r of formats) if (r[c] !== undefined) counts.set(r[c], (counts.get(r[c]) ?? 0) + 1);
    let best = "General";
    let n = 0;
    for (const [f, k] of counts) if (k > n) [best, n] = [f, k];
    return best;
  });
}

function addr(r1: number, c1: number, r2: number, c2: number): string {
  return `${columnLetters(c1)}${r1}:${columnLetters(c2)}${r2}`;
}

/** Sync 1: which tables are ListObjects, and the formats and values of the bodies to be changed. */
async function locate(ctx: Excel.RequestContext, wb: WorkbookInput, writes: TableWrite[]): Promise<Located[]> {
  const tables = ctx.workbook.tables.load("items/name");
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const listObjects = new Set(tables.items.map((t) => normalizeName(t.name)));
  const sheetNames = new Set(sheets.items.map((s) => normalizeName(s.name)));
  const reads = writes.map((write) => {
    const raw = findTable(wb, write.name);
    if (!raw) {
      if (sheetNames.has(normalizeName(write.name)) || listObjects.has(normalizeName(tableNameFor(write.name)))) {
        throw new TableWriteRefused(`A sheet named ${write.name} is already there but holds no ${write.name} table: rename that sheet, or make its data a table named ${tableNameFor(write.name)}, and import again. Nothing was written.`);
      }
      return { write, raw, listObject: false, range: undefined };
    }
    if (write.headers.length > raw.headers.length) {
      const missing = write.headers.slice(raw.headers.length).join(" and ");
      throw new TableWriteRefused(`Table ${raw.name} on sheet ${raw.sheet} needs the column${write.headers.length - raw.headers.length > 1 ? "s" : ""} ${missing}: add them at the right of the table (headers only) and import again. Nothing was written.`);
    }
    const listObject = listObjects.has(normalizeName(raw.name));
    const range =
      raw.rows.length > 0
        ? ctx.workbook.worksheets.getItem(raw.sheet).getRange(addr(raw.headerRow + 1, raw.firstColumn, raw.headerRow + raw.rows.length, raw.firstColumn + raw.headers.length - 1)).untrack().load("numberFormat,values")
        : undefined;
    return { write, raw, listObject, range };
  });
  await ctx.sync();
  return reads.map(({ write, raw, listObject, range }) => {
    const formats = range ? (range.numberFormat as string[][]) : [];
    const oldValues = range ? (range.values as Scalar[][]) : [];
    return { write, raw, listObject, formats, oldValues };
  });
}

interface Chunk {
  bytes: number;
  apply: () => void;
}

/** Values then formats of `rows` at body row `from` (0-based) of a located table, in blocks. */
function valueChunks(ctx: Excel.RequestContext, sheet: string, top: number, left: number, rows: WriteCell[][], width: number, hadFormats: (i: number) => string[] | undefined, usual: string[]): Chunk[] {
  const out: Chunk[] = [];
  for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
    const part = rows.slice(start, start + BLOCK_ROWS).map((r, i) => {
      const had = hadFormats(start + i);
      return Array.from({ length: width }, (_, c) => cellWrite(r[c], had?.[c], usual[c]));
    });
    const values = part.map((r) => r.map((x) => x.value));
    const formats = part.map((r) => r.map((x) => x.format));
    out.push({
      bytes: JSON.stringify(values).length + JSON.stringify(formats).length + 600,
      apply: () => {
        // Untracked before the request: Excel.run then keeps no reference to release at its end.
        const range = ctx.workbook.worksheets.getItem(sheet).getRange(addr(top + start, left, top + start + part.length - 1, left + width - 1)).untrack();
        // Formats first: text goes into "@" cells and stays text ("=x", "1100", "+1 555").
        range.numberFormat = formats;
        range.values = values;
      },
    });
  }
  return out;
}

async function runChunks(ctx: Excel.RequestContext, structural: (() => void)[], chunks: Chunk[], progress: (step: string, f: number) => void): Promise<void> {
  const assignment = packRequests(chunks, TABLE_WRITE_REQUESTS, REQUEST_BUDGET);
  const n = Math.max(TABLE_WRITE_REQUESTS, ...assignment.map((b) => b + 1));
  for (let b = 0; b < n; b++) {
    progress(`Writing the tables (${b + 1} of ${n})`, b / n);
    if (b === 0) structural.forEach((f) => f());
    chunks.forEach((c, i) => assignment[i] === b && c.apply());
    await ctx.sync();
  }
}

/** Puts located tables back as read and removes sheets made: one more run, two syncs. */
async function rollback(ctx: Excel.RequestContext, located: Located[], created: string[]): Promise<boolean> {
  try {
    const bodies = located.map((l) => (l.raw && l.listObject ? ctx.workbook.tables.getItem(l.raw.name).getDataBodyRange().untrack().load("rowCount") : undefined));
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    const mine = new Set(created.map(normalizeName));
    for (const s of sheets.items) if (mine.has(normalizeName(s.name))) deleteSheet(s);
    located.forEach((l, i) => {
      const raw = l.raw;
      if (!raw) return;
      const had = raw.rows.length;
      const now = bodies[i]?.rowCount ?? had;
      if (l.listObject) {
        const t = ctx.workbook.tables.getItem(raw.name);
        for (let r = now - 1; r >= had; r--) t.rows.getItemAt(r).delete();
      } else if (l.write.rows.length > had) {
        ctx.workbook.worksheets.getItem(raw.sheet).getRange(addr(raw.headerRow + had + 1, raw.firstColumn, raw.headerRow + l.write.rows.length, raw.firstColumn + raw.headers.length - 1)).untrack().clear("Contents");
      }
      if (had > 0) {
        const range = ctx.workbook.worksheets.getItem(raw.sheet).getRange(addr(raw.headerRow + 1, raw.firstColumn, raw.headerRow + had, raw.firstColumn + raw.headers.length - 1)).untrack();
        range.numberFormat = l.formats;
        range.values = l.oldValues;
      }
    });
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

export interface TablesWritten {
  /** Tables added on new sheets. */
  created: string[];
  /** Tables rewritten in place. */
  replaced: string[];
}

/** The message of a failed write: undone, or what may be left. */
export class TableWriteFailed extends Error {}

/**
 * Writes each table whole: an existing one (ListObject or plain sheet) row for row from its first
 * body row, grown with `rows.add` or cleared below when shorter; a missing one on a new sheet as
 * a ListObject. 2 syncs to locate, TABLE_WRITE_REQUESTS to write.
 */
export async function writeWholeTables(ctx: Excel.RequestContext, wb: WorkbookInput, writes: TableWrite[], progress: (step: string, f: number) => void = () => undefined): Promise<TablesWritten> {
  const located = await locate(ctx, wb, writes);
  const structural: (() => void)[] = [];
  const chunks: Chunk[] = [];
  const created: string[] = [];
  const replaced: string[] = [];
  for (const l of located) {
    const { write, raw } = l;
    const width = write.headers.length;
    if (raw) {
      const had = raw.rows.length;
      const n = write.rows.length;
      const fullWidth = raw.headers.length;
      if (l.listObject) {
        const name = raw.name;
        if (n > had) structural.push(() => ctx.workbook.tables.getItem(name).rows.add(undefined, Array.from({ length: n - had }, () => Array.from({ length: fullWidth }, () => ""))));
        for (let i = had - 1; i >= Math.max(n, 1); i--) structural.push(() => ctx.workbook.tables.getItem(name).rows.getItemAt(i).delete());
      } else if (n < had) {
        structural.push(() => ctx.workbook.worksheets.getItem(raw.sheet).getRange(addr(raw.headerRow + n + 1, raw.firstColumn, raw.headerRow + had, raw.firstColumn + fullWidth - 1)).untrack().clear("Contents"));
      }
      const usual = usualFormats(l.formats, width);
      chunks.push(...valueChunks(ctx, raw.sheet, raw.headerRow + 1, raw.firstColumn, write.rows, width, (i) => l.formats[i], usual));
      replaced.push(raw.name);
    } else {
      const sheet = write.name;
      const body = write.rows.length ? write.rows : [write.headers.map(() => null)];
      const last = addr(1, 1, body.length + 1, width);
      structural.push(() => {
        ctx.workbook.worksheets.add(sheet);
        const header = ctx.workbook.worksheets.getItem(sheet).getRange(addr(1, 1, 1, width)).untrack();
        header.numberFormat = [write.headers.map(() => "@")];
        header.values = [write.headers];
      });
      created.push(sheet);
      chunks.push(...valueChunks(ctx, sheet, 2, 1, body, width, () => undefined, write.headers.map(() => "General")));
      chunks.push({
        bytes: 1200,
        apply: () => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          const t = ws.tables.add(last, true);
          t.name = tableNameFor(write.name);
          ws.getRange(last).untrack().format.autofitColumns();
          ws.freezePanes.freezeRows(1);
        },
      });
    }
  }
  try {
    await runChunks(ctx, structural, chunks, progress);
  } catch (e) {
    const undone = await rollback(ctx, located, created);
    throw new TableWriteFailed(
      undone
        ? `Writing the tables failed (${errorText(e)}); they were put back as they were.`
        : `Writing the tables failed (${errorText(e)}) and could not all be put back: check ${[...replaced, ...created].join(", ")}.`,
    );
  }
  return { created, replaced };
}

/**
 * Appends `rows` (aligned with the table's headers) under the last non-blank row of `raw`, filling
 * its blank rows first. The table's own formats of that last row are the look of the new ones.
 */
export async function appendRows(ctx: Excel.RequestContext, raw: RawTable, rows: WriteCell[][], progress: (step: string, f: number) => void = () => undefined): Promise<void> {
  const wb: WorkbookInput = { tables: [raw] };
  const [l] = await locate(ctx, wb, [{ name: raw.name, headers: raw.headers, rows: [] }]);
  let used = raw.rows.length;
  while (used > 0 && raw.rows[used - 1].every((v) => v === null || v === "")) used--;
  const width = raw.headers.length;
  const grow = Math.max(0, used + rows.length - raw.rows.length);
  const look = used > 0 ? l.formats[used - 1] : undefined;
  const usual = look ?? usualFormats(l.formats, width);
  const structural: (() => void)[] = [];
  if (grow > 0 && l.listObject) {
    // One rows.add per block keeps each request's blank rows small.
    for (let s = 0; s < grow; s += BLOCK_ROWS) {
      const k = Math.min(BLOCK_ROWS, grow - s);
      structural.push(() => ctx.workbook.tables.getItem(raw.name).rows.add(undefined, Array.from({ length: k }, () => Array.from({ length: width }, () => ""))));
    }
  }
  const chunks = valueChunks(ctx, raw.sheet, raw.headerRow + 1 + used, raw.firstColumn, rows, width, (i) => l.formats[used + i], usual);
  try {
    await runChunks(ctx, structural, chunks, progress);
  } catch (e) {
    const trimmed: Located = { ...l, write: { ...l.write, rows: new Array(used + rows.length) } };
    const undone = await rollback(ctx, [trimmed], []);
    throw new TableWriteFailed(
      undone
        ? `Adding the lines to ${raw.name} failed (${errorText(e)}); the table was put back as it was.`
        : `Adding the lines to ${raw.name} failed (${errorText(e)}) and the table could not be put back: check it below row ${raw.headerRow + used}.`,
    );
  }
}

