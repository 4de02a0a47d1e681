/**
 * The task pane's commands, each one Excel.run with a fixed number of syncs:
 *  updateBudget / buildSchedule: read (2) → engine → nothing written on an error, else writeSheets;
 *  newProduction: the sample production's tables as real Excel tables in a blank workbook;
 *  selectProblem: goes to the offending cell.
 */
import { CellValue, findTable } from "../core/cells";
import { EngineResult, hasErrors, runEngine } from "../core/engine";
import { budgetLayouts, scheduleLayouts } from "../core/layout";
import { SheetLayout } from "../core/layout/types";
import { Problem } from "../core/problems";
import { BudgetSummary, ScheduleSummary, budgetSummary, locateAccounts, scheduleSummary } from "../core/summary";
import { SampleTable, emptyProduction, sampleProduction } from "../core/sample";

/** New production's two starts: the tables with headers and a chart of accounts, or the sample show. */
export type ProductionKind = "empty" | "sample";
import type { ExcelHost } from "./host";
import { readWorkbook, toRawTable } from "./readWorkbook";
import { BudgetVersion, VERSIONS_SHEET, VERSION_HEADERS, checkVersionName, readVersions, snapshotOf, versionRows } from "../core/budget/versions";
import { MAX_COMPARED, compareBudgets } from "../core/budget/compare";
import { compareLayout } from "../core/layout/compare";
import { Problems } from "../core/problems";
import { formatCents } from "../core/money";
import { hostFeatures } from "./requirements";
import { Progress, RECALCULATE, WRITE_REQUESTS, WriteFailed, WrittenSheet, errorText, packRequests, requestCount, writeSheets } from "./writeSheets";

export type Intent = "success" | "warning" | "error" | "info";

export interface Message {
  intent: Intent;
  text: string;
}

export interface CommandOutcome {
  ok: boolean;
  problems: Problem[];
  messages: Message[];
  written: WrittenSheet[];
  /** The figures of what was written (core/summary): what the pane shows after the command. */
  summary?: { budget?: BudgetSummary; schedule?: ScheduleSummary };
  /** Lines of an import the pane lists under the message (refused CSV rows, skipped duplicates). */
  details?: { title: string; items: string[] }[];
}

export interface CommandOptions {
  onProgress?: Progress;
  now?: () => Date;
}

function failed(text: string, problems: Problem[] = []): CommandOutcome {
  return { ok: false, problems, messages: [{ intent: "error", text }], written: [] };
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  if (names.length > 4) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export const NO_BUDGET =
  "No Budget table: press New production to start an empty production (or the sample), or add an Accounts table (Code, Name, Parent) and a Budget table.";
export const NO_BOARD = "No Stripboard table: press New production to start one, or Import script to make the strips from a Fountain or Final Draft script.";

/** Shared path of Update budget and Build schedule. */
async function generate(
  host: ExcelHost,
  what: "budget" | "schedule",
  layoutsOf: (r: EngineResult) => SheetLayout[],
  opts: CommandOptions,
): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return failed(features.message!);
  const progress = opts.onProgress ?? (() => undefined);
  try {
    return await host.run(async (ctx) => {
      progress("Reading the tables", 0);
      const wb = await readWorkbook(ctx);
      // A workbook without the tables gets what to do, not a problem pointing at a sheet that is not there.
      if (what === "budget" && !findTable(wb, "Accounts") && !findTable(wb, "Budget")) return failed(NO_BUDGET);
      if (what === "schedule" && !findTable(wb, "Stripboard")) return failed(NO_BOARD);
      progress("Checking the tables", 0.05);
      const result = runEngine(wb, what === "budget" ? { budget: true, schedule: false } : { budget: false, schedule: true });
      if (hasErrors(result)) {
        const n = result.problems.filter((p) => p.severity === "error").length;
        return failed(`Nothing was written: ${n} ${n === 1 ? "problem needs" : "problems need"} fixing first. Click one to go to its cell.`, result.problems);
      }
      const layouts = layoutsOf(result);
      if (!layouts.length) {
        return failed(what === "budget" ? "There is no budget to write: add an Accounts table." : "There is no schedule to write: add a Stripboard table.", result.problems);
      }
      const report = await writeSheets(ctx, layouts, {
        features,
        now: opts.now,
        onProgress: (step, f) => progress(step, 0.1 + 0.9 * f),
      });
      const names = report.written.map((w) => w.sheet);
      const calls = names.filter((n) => /^Call D\d+/.test(n));
      const shown = calls.length > 1 ? [...names.filter((n) => !calls.includes(n)), `${calls.length} call sheets`] : names;
      const messages: Message[] = [{ intent: "success", text: `Wrote ${listNames(shown)}.` }];
      for (const m of report.messages) messages.push({ intent: "warning", text: m });
      const costReport = layouts.find((l) => l.kind === "cost-report");
      const costSheet = report.written.find((w) => w.layout === costReport?.name)?.sheet;
      const summary =
        what === "budget"
          ? { budget: result.budget ? locateAccounts(budgetSummary(result.budget), costReport, costSheet) : undefined }
          : { schedule: result.schedule ? scheduleSummary(result.schedule) : undefined };
      return { ok: true, problems: result.problems, messages, written: report.written, summary };
    });
  } catch (e) {
    if (e instanceof WriteFailed) return failed(e.message);
    return failed(`Prodbook could not finish: ${errorText(e)}. Nothing was written.`);
  }
}

/** Top Sheet and Cost Report. */
export function updateBudget(host: ExcelHost, opts: CommandOptions = {}): Promise<CommandOutcome> {
  return generate(host, "budget", budgetLayouts, opts);
}

/** Schedule, DOOD and one call sheet a shooting day. */
export function buildSchedule(host: ExcelHost, opts: CommandOptions = {}): Promise<CommandOutcome> {
  return generate(host, "schedule", scheduleLayouts, opts);
}

/** Excel table names take letters, digits, _ and . only: "Strip Colors" → "Strip_Colors" (the contract reads both). */
export function tableNameFor(name: string): string {
  const n = name.replace(/[^A-Za-z0-9_.]+/g, "_");
  return /^[A-Za-z_]/.test(n) ? n : `_${n}`;
}

const EXCEL_DATE = "yyyy-mm-dd";

function sampleCell(v: CellValue, format: string | undefined): { value: string | number | boolean; numberFormat: string } {
  if (v === null || v === undefined) return { value: "", numberFormat: format ?? "General" };
  if (v instanceof Date) return { value: v.getTime() / 86_400_000 + 25569, numberFormat: format ?? EXCEL_DATE };
  if (typeof v === "string") return { value: v, numberFormat: "@" };
  return { value: v, numberFormat: format && format !== "@" ? format : "General" };
}

/**
 * Fills a blank workbook with the sample production's input tables, one sheet and one Excel table
 * each. A workbook that already has any of those sheets or tables is left alone.
 */
export async function newProduction(host: ExcelHost, opts: CommandOptions & { tables?: SampleTable[]; kind?: ProductionKind } = {}): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return failed(features.message!);
  const progress = opts.onProgress ?? (() => undefined);
  const empty = opts.kind === "empty";
  const today = Math.floor((opts.now ?? (() => new Date()))().getTime() / 86_400_000);
  const tables = opts.tables ?? (empty ? emptyProduction(today) : sampleProduction());
  const what = empty ? "the empty production's tables" : "the sample tables";
  const created: string[] = [];
  try {
    return await host.run(async (ctx) => {
      progress("Looking at the workbook", 0);
      const sheets = ctx.workbook.worksheets.load("items/name");
      const existingTables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const tableNames = new Set(existingTables.items.map((t) => t.name.toLowerCase()));
      const clash = tables.filter((t) => sheetNames.has(t.name.toLowerCase()) || tableNames.has(tableNameFor(t.name).toLowerCase()));
      if (clash.length) {
        return failed(
          `This workbook already has ${listNames(clash.map((t) => t.name))}. New production fills a blank workbook: ` +
            `start a new one (File > New > Blank workbook) and click New production there.`,
        );
      }
      const used = sheets.items.map((s) => ({ name: s.name, used: s.getUsedRangeOrNullObject(false).untrack() }));
      await ctx.sync();
      const blank = used.filter((u) => u.used.isNullObject).map((u) => u.name);

      // Each table: values (formats first) in row blocks, then the ListObject over them.
      const chunks: { bytes: number; apply: () => void }[] = [];
      for (const t of tables) {
        const width = t.headers.length;
        // An Excel table has at least one body row: an empty one gets a blank row to type into.
        const body = t.rows.length ? t.rows : [t.headers.map(() => null)];
        const rows = [t.headers.map((h) => ({ value: h, numberFormat: "@" })), ...body.map((r) => t.headers.map((h, i) => sampleCell(r[i] ?? null, t.formats?.[h])))];
        const last = `${colName(width)}${rows.length}`;
        for (let start = 0; start < rows.length; start += 2000) {
          const part = rows.slice(start, start + 2000);
          const values = part.map((r) => r.map((c) => c.value));
          const formats = part.map((r) => r.map((c) => c.numberFormat));
          chunks.push({
            bytes: JSON.stringify(values).length + JSON.stringify(formats).length + 400,
            apply: () => {
              const range = ctx.workbook.worksheets.getItem(t.name).getRange(`A${start + 1}:${colName(width)}${start + part.length}`).untrack();
              range.numberFormat = formats;
              range.values = values;
            },
          });
        }
        chunks.push({
          bytes: 1200,
          apply: () => {
            const ws = ctx.workbook.worksheets.getItem(t.name);
            const table = ws.tables.add(`A1:${last}`, true);
            table.name = tableNameFor(t.name);
            ws.getRange(`A1:${last}`).untrack().format.autofitColumns();
            ws.freezePanes.freezeRows(1);
          },
        });
      }
      const assignment = packRequests(chunks);
      const n = requestCount(assignment);
      for (let b = 0; b < n; b++) {
        progress(`Writing ${what} (${b + 1} of ${n})`, 0.1 + (0.8 * b) / n);
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        if (b === 0) {
          for (const t of tables) {
            ctx.workbook.worksheets.add(t.name);
            created.push(t.name);
          }
        }
        chunks.forEach((c, i) => assignment[i] === b && c.apply());
        await ctx.sync();
      }
      // A blank workbook's empty Sheet1 has no purpose once the tables are in.
      if (blank.length === sheets.items.length) for (const name of blank) ctx.workbook.worksheets.getItem(name).delete();
      ctx.workbook.worksheets.getItem(tables[0].name).activate();
      // The writes ran with calculation suspended: re-calculating is ours (suspendApiCalculationUntilNextSync).
      ctx.workbook.application.calculate(RECALCULATE);
      await ctx.sync();
      progress("Done", 1);
      return {
        ok: true,
        problems: [],
        messages: [
          empty
            ? {
                intent: "success",
                text: `Started an empty production: ${listNames(tables.map((t) => t.name))}, with a feature-film chart of accounts and US payroll fringes. Fill in Settings (Production, Start Date), then add Budget lines, or Import script for the strips.`,
              }
            : { intent: "success", text: `Added the sample production's tables: ${listNames(tables.map((t) => t.name))}. Update budget and Build schedule work on them now.` },
        ],
        written: tables.map((t) => ({ layout: t.name, sheet: t.name, action: "create" as const })),
      };
    });
  } catch (e) {
    const undone = created.length ? await removeSheets(host, created) : true;
    return failed(
      undone
        ? `Nothing was changed: adding ${what} failed (${errorText(e)}).`
        : `Adding ${what} failed (${errorText(e)}) and some sheets could not be removed: ${listNames(created)}.`,
    );
  }
}

async function removeSheets(host: ExcelHost, names: string[]): Promise<boolean> {
  try {
    return await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const mine = new Set(names.map((n) => n.toLowerCase()));
      sheets.items.filter((s) => mine.has(s.name.toLowerCase())).forEach((s) => s.delete());
      await ctx.sync();
      return true;
    });
  } catch {
    return false;
  }
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Goes to `address` on `sheet` (an account's Cost Report row, a sheet just written): activate and
 * select in one request, one sync.
 */
export async function goToRange(host: ExcelHost, sheet: string, address: string): Promise<{ ok: boolean; message?: string }> {
  try {
    return await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
      return { ok: true };
    });
  } catch (e) {
    return { ok: false, message: `Could not go to ${sheet}!${address}: ${errorText(e)}. Build it again if it was deleted.` };
  }
}

/** Selects the cell a problem names (or its row, or its table's header) so the user can fix it. */
export async function selectProblem(host: ExcelHost, problem: Problem): Promise<{ ok: boolean; message?: string }> {
  try {
    return await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(problem.sheet).load("visibility");
      const table = ctx.workbook.tables.getItemOrNullObject(tableNameFor(problem.table || problem.sheet));
      await ctx.sync();
      if (sheet.isNullObject) return { ok: false, message: `There is no sheet named ${problem.sheet} any more.` };
      if (sheet.visibility !== "Visible") return { ok: false, message: `${problem.sheet} is hidden: unhide it to see the cell.` };
      let target: Excel.Range;
      if (problem.cell) target = sheet.getRange(problem.cell);
      else if (problem.row > 0) target = sheet.getRange(`${problem.row}:${problem.row}`);
      else if (!table.isNullObject) target = table.getHeaderRowRange();
      else target = sheet.getRange("A1");
      sheet.activate();
      target.untrack().select();
      await ctx.sync();
      return { ok: true };
    });
  } catch (e) {
    return { ok: false, message: `Could not go to ${problem.sheet}${problem.cell ? `!${problem.cell}` : ""}: ${errorText(e)}` };
  }
}

export { WRITE_REQUESTS };

// ---------------------------------------------------------------------------------------------
// Budget versions (issue 11): lock the original, list, compare against a saved version.

/** A locked version as the pane lists it. */
export interface VersionInfo {
  name: string;
  /** ISO time it was locked, or "" when unknown. */
  locked: string;
  /** Money in currency units. */
  total: number;
  grandTotal: number;
}

export interface VersionsOutcome extends CommandOutcome {
  versions: VersionInfo[];
}

function versionInfo(v: BudgetVersion): VersionInfo {
  return { name: v.name, locked: v.locked ? v.locked.toISOString() : "", total: v.total / 100, grandTotal: v.grandTotal / 100 };
}

const VERSION_DATE_FORMAT = "yyyy-mm-dd hh:mm";

/** One cell of the versions sheet: text stays text (an account named "=x" is not a formula), dates are dates. */
function versionCell(v: CellValue): { value: string | number | boolean; numberFormat: string } {
  if (v === null || v === undefined) return { value: "", numberFormat: "General" };
  if (v instanceof Date) return { value: v.getTime() / 86_400_000 + 25569, numberFormat: VERSION_DATE_FORMAT };
  if (typeof v === "string") return { value: v, numberFormat: "@" };
  return { value: v, numberFormat: "General" };
}

/**
 * Locks the current budget as version `name` on the very hidden `_Prodbook Versions` sheet:
 * read (2 syncs) → engine → the new rows appended under the old ones (1 sync), whatever the
 * number of accounts or versions. Nothing is written while the workbook has an error.
 */
export async function lockVersion(host: ExcelHost, name: string, opts: CommandOptions = {}): Promise<VersionsOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return { ...failed(features.message!), versions: [] };
  const now = (opts.now ?? (() => new Date()))();
  try {
    return await host.run(async (ctx) => {
      const wb = await readWorkbook(ctx);
      if (!findTable(wb, "Accounts") && !findTable(wb, "Budget")) return { ...failed(NO_BUDGET), versions: [] };
      const result = runEngine(wb, { budget: true, schedule: false });
      const b = result.budget;
      const versions = b?.versions ?? [];
      if (hasErrors(result) || !b) {
        const n = result.problems.filter((p) => p.severity === "error").length;
        return { ...failed(`Nothing was locked: ${n} ${n === 1 ? "problem needs" : "problems need"} fixing first. Click one to go to its cell.`, result.problems), versions: versions.map(versionInfo) };
      }
      const bad = checkVersionName(name, versions);
      if (bad) return { ...failed(bad), versions: versions.map(versionInfo) };
      const existing = findTable(wb, VERSIONS_SHEET);
      const rows = versionRows(name, now, b);
      // A new sheet gets the header; an existing one the rows after its last.
      const grid = existing ? rows : [[...VERSION_HEADERS] as CellValue[], ...rows];
      const firstRow = existing ? existing.headerRow + existing.rows.length + 1 : 1;
      const cells = grid.map((r) => VERSION_HEADERS.map((_, i) => versionCell(r[i] ?? null)));
      const ws = existing ? ctx.workbook.worksheets.getItem(existing.sheet) : ctx.workbook.worksheets.add(VERSIONS_SHEET);
      const range = ws.getRange(`A${firstRow}:${colName(VERSION_HEADERS.length)}${firstRow + cells.length - 1}`);
      // Formats before values, so text is stored as text.
      range.numberFormat = cells.map((r) => r.map((c) => c.numberFormat));
      range.values = cells.map((r) => r.map((c) => c.value));
      range.untrack();
      ws.visibility = "VeryHidden";
      await ctx.sync();
      const all = [...versions, { ...snapshotOf(b, name.trim()), locked: now }];
      const role = versions.length === 0 ? "the Original: Update budget now shows Original, Current and Variance" : `version ${all.length}`;
      return {
        ok: true,
        problems: result.problems,
        messages: [{ intent: "success", text: `Locked "${name.trim()}" as ${role} (grand total ${formatCents(b.grandTotal)}).` }],
        written: [{ layout: VERSIONS_SHEET, sheet: VERSIONS_SHEET, action: existing ? "replace" : "create" }],
        versions: all.map(versionInfo),
      };
    });
  } catch (e) {
    return { ...failed(`Prodbook could not lock the version: ${errorText(e)}. Nothing was written.`), versions: [] };
  }
}

/** The locked versions, oldest (the Original) first: 2 syncs, reading only the versions sheet. */
export async function listVersions(host: ExcelHost): Promise<VersionsOutcome> {
  try {
    return await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(VERSIONS_SHEET);
      await ctx.sync();
      if (ws.isNullObject) return { ok: true, problems: [], messages: [], written: [], versions: [] };
      const used = ws.getUsedRangeOrNullObject(true).load("address,values,numberFormat");
      await ctx.sync();
      if (used.isNullObject) return { ok: true, problems: [], messages: [], written: [], versions: [] };
      const raw = toRawTable(VERSIONS_SHEET, used.address, used.values, used.numberFormat);
      used.untrack();
      const problems = new Problems();
      const versions = readVersions({ tables: [raw] }, problems);
      return { ok: true, problems: problems.list, messages: [], written: [], versions: versions.map(versionInfo) };
    });
  } catch (e) {
    return { ...failed(`Prodbook could not read the versions: ${errorText(e)}.`), versions: [] };
  }
}

/**
 * Writes the Compare sheet: the saved version `name` against the budget as it stands now (and
 * any other saved versions named in `more`, up to four budgets). Read (2 syncs) → writeSheets.
 */
export async function compareWithVersion(host: ExcelHost, name: string, opts: CommandOptions & { more?: string[] } = {}): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return failed(features.message!);
  try {
    return await host.run(async (ctx) => {
      const wb = await readWorkbook(ctx);
      if (!findTable(wb, "Accounts") && !findTable(wb, "Budget")) return failed(NO_BUDGET);
      const result = runEngine(wb, { budget: true, schedule: false });
      const b = result.budget;
      if (hasErrors(result) || !b) {
        const n = result.problems.filter((p) => p.severity === "error").length;
        return failed(`Nothing was written: ${n} ${n === 1 ? "problem needs" : "problems need"} fixing first. Click one to go to its cell.`, result.problems);
      }
      const wanted = [name, ...(opts.more ?? [])].slice(0, MAX_COMPARED - 1);
      const chosen: BudgetVersion[] = [];
      for (const w of wanted) {
        const v = b.versions.find((x) => x.name.toLowerCase() === w.trim().toLowerCase());
        if (!v) return failed(b.versions.length ? `There is no saved version named "${w}". Saved: ${listNames(b.versions.map((x) => x.name))}.` : "No version is saved yet: lock one first.");
        chosen.push({ ...v, currency: v.currency ?? b.currency });
      }
      const comparison = compareBudgets([...chosen, snapshotOf(b, "Current")]);
      const layout = compareLayout(comparison, result.settings.production, b.currency);
      const report = await writeSheets(ctx, [layout], { features, now: opts.now, onProgress: opts.onProgress });
      const grand = comparison.rows.find((r) => r.kind === "grand")!;
      const diff = grand.differences[grand.differences.length - 1];
      const messages: Message[] = [
        { intent: "success", text: `Wrote ${report.written.map((w) => w.sheet).join(", ")}: the grand total is ${formatCents(Math.abs(diff))} ${diff >= 0 ? "more" : "less"} than "${chosen[0].name}".` },
      ];
      for (const m of report.messages) messages.push({ intent: "warning", text: m });
      for (const n of comparison.notes) messages.push({ intent: "warning", text: n });
      return { ok: true, problems: result.problems, messages, written: report.written };
    });
  } catch (e) {
    if (e instanceof WriteFailed) return failed(e.message);
    return failed(`Prodbook could not finish: ${errorText(e)}. Nothing was written.`);
  }
}
