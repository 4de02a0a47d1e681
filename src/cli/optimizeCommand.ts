/**
 * `prodbook optimize`: reorders the Stripboard for the least cast hold cost (and company moves),
 * prints before and after, and with -o / --in-place writes the new order with fresh day breaks,
 * keeping the old order in a very hidden sheet so `--restore` can put it back.
 */
import { basename } from "node:path";
import { CellValue, RawTable, WorkbookInput, findTable, isBlank } from "../core/cells";
import { reportJson, runEngine } from "../core/engine";
import { formatCents } from "../core/money";
import { SearchProgress } from "../core/optimize/boardSearch";
import { BoardFigures, StripboardPlan, optimizeStripboard } from "../core/optimize/stripboardOptimizer";
import { SavedBoard, UNDO_SHEET, parseUndoGrid, undoGrid } from "../core/optimize/undo";
import { Problem, describeProblem, showValue } from "../core/problems";
import { STRIPBOARD_SPEC } from "../core/schedule/stripboard";
import { headerKey } from "../core/tables";
import { CliError, CliIo, EXIT } from "./io";
import { checkOutputKind, loadXlsx, saveXlsxAtomic, samePath } from "./files";
import { TableEditError, XlsxFile } from "./xlsx/xlsxFile";
import { RowWrite, TablePlace, rewriteTableRows, tablePlace } from "./xlsx/tableEdit";

export const OPTIMIZE_HELP = `Usage: prodbook optimize IN.xlsx [-o OUT.xlsx | --in-place] [--time-limit S] [--seed N] [--json]
       prodbook optimize IN.xlsx --restore (-o OUT.xlsx | --in-place) [--force]

Reorders the Stripboard so the cast's hold days (days paid between an actor's first and last
work day) cost least, plus company moves when Settings has a Company Move Cost. Strips keep
their Lock (locked to their day), the table Unavailable (Cast ID | From | To) is respected,
and each day holds at most Settings Pages Per Day (else the current number of days, each up to
the fullest day now). Prints hold days, hold cost, company moves and days before and after.

Without -o or --in-place nothing is written (a dry run). With them the Stripboard's rows are
replaced by the new order with fresh "End of Day n — date — pages" rows; every other sheet is
copied unchanged, and the old rows are kept in the very hidden sheet "_Prodbook Undo". When no
better order is found, -o writes an unchanged copy and --in-place leaves IN untouched. Nothing
is written when the workbook has an error (exit 1, as check).

  -o, --output OUT.xlsx   write the new order into a copy (must differ from IN)
  --in-place              write into IN itself, through a temporary file renamed over it
  --time-limit S          seconds to search (default 10; decimals allowed)
  --seed N                seeds the search's random choices, a whole number (default 1); the
                          search stops on time, so one seed may still end on different orders
  --json                  print {"before": {...}, "after": {...}, "improved", "optimal", "basis",
                          "iterations", "ms", "currency", "written"}; money in currency units
  -q, --quiet             no progress lines on standard error
  --restore               put back the order saved by the last optimize (needs -o or --in-place)
  --force                 with --restore: restore although the strips changed since
`;

export interface OptimizeCommand {
  input: string;
  output?: string;
  inPlace: boolean;
  timeLimitS: number;
  seed?: number;
  json: boolean;
  quiet: boolean;
  restore: boolean;
  force: boolean;
}

/** The command's arguments; throws a CliError (exit 2) on anything it does not know. */
export function parseOptimizeArgs(args: string[]): OptimizeCommand | "help" {
  const o: Partial<OptimizeCommand> & { positional: string[] } = { positional: [], inPlace: false, json: false, quiet: false, restore: false, force: false, timeLimitS: 10 };
  const valueOf = (a: string, i: number): [string, number] => {
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) return [a.slice(eq + 1), i];
    const v = args[i + 1];
    if (v === undefined) throw new CliError(`${a} needs a value (prodbook optimize --help)`, EXIT.usage);
    return [v, i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith("--") ? a.slice(2).split("=")[0] : a;
    if (a === "-h" || a === "--help") return "help";
    if (a === "-o" || name === "output") {
      const [v, j] = valueOf(a, i);
      if (!v) throw new CliError(`${a} needs a file name`, EXIT.usage);
      o.output = v;
      i = j;
    } else if (name === "time-limit") {
      const [v, j] = valueOf(a, i);
      const s = Number(v);
      if (v.trim() === "" || !Number.isFinite(s) || s <= 0) throw new CliError(`--time-limit needs a number of seconds above 0, not "${v}"`, EXIT.usage);
      o.timeLimitS = s;
      i = j;
    } else if (name === "seed") {
      const [v, j] = valueOf(a, i);
      const n = Number(v);
      if (v.trim() === "" || !Number.isSafeInteger(n)) throw new CliError(`--seed needs a whole number, not "${v}"`, EXIT.usage);
      o.seed = n;
      i = j;
    } else if (a === "--in-place") o.inPlace = true;
    else if (a === "--json") o.json = true;
    else if (a === "-q" || a === "--quiet") o.quiet = true;
    else if (a === "--restore") o.restore = true;
    else if (a === "--force") o.force = true;
    else if (a.startsWith("-") && a !== "-") throw new CliError(`Unknown option ${a} for optimize (prodbook optimize --help)`, EXIT.usage);
    else o.positional.push(a);
  }
  if (o.positional.length === 0) throw new CliError("optimize needs an input workbook: prodbook optimize IN.xlsx", EXIT.usage);
  if (o.positional.length > 1) throw new CliError(`optimize takes one input workbook, got ${o.positional.join(" ")}`, EXIT.usage);
  const input = o.positional[0];
  if (o.output && o.inPlace) throw new CliError("Give either -o OUT.xlsx or --in-place, not both", EXIT.usage);
  if (o.output && samePath(input, o.output)) throw new CliError(`The output is the input file ${input}; to write into it, use --in-place`, EXIT.usage);
  if (o.output && !/\.xls[xm]$/i.test(o.output)) throw new CliError(`The output must be an .xlsx or .xlsm file, not ${o.output}`, EXIT.usage);
  if (o.restore && !o.output && !o.inPlace) throw new CliError("--restore writes the saved order: add -o OUT.xlsx or --in-place", EXIT.usage);
  if (o.force && !o.restore) throw new CliError("--force goes with --restore", EXIT.usage);
  return { input, output: o.output, inPlace: !!o.inPlace, timeLimitS: o.timeLimitS!, seed: o.seed, json: !!o.json, quiet: !!o.quiet, restore: !!o.restore, force: !!o.force };
}

/** `prodbook optimize …`: returns the exit code; CliErrors are reported by the dispatcher. */
export async function runOptimize(args: string[], io: CliIo): Promise<number> {
  const cmd = parseOptimizeArgs(args);
  if (cmd === "help") {
    io.stdout(OPTIMIZE_HELP);
    return EXIT.ok;
  }
  return cmd.restore ? restore(cmd, io) : optimize(cmd, io);
}

// ---------------------------------------------------------------------------------------------
// optimize

async function optimize(cmd: OptimizeCommand, io: CliIo): Promise<number> {
  const { file } = await loadXlsx(cmd.input);
  if (cmd.output) checkOutputKind(file, cmd.input, cmd.output);
  const input = file.readInput(basename(cmd.input));
  // The whole workbook is checked, as `check` and `build` do: nothing is written over an error.
  const checked = runEngine(input);
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) return refuse(io, cmd, checked.problems, reportJson(checked).problems);
  const raw = findTable(input, STRIPBOARD_SPEC.name);
  if (!raw) throw new CliError(`${basename(cmd.input)} has no Stripboard table or sheet: nothing to optimize`, EXIT.problems);

  const t0 = Date.now();
  let lastShown = 0;
  const showProgress = !cmd.json && !cmd.quiet;
  const currency = checked.settings.currency;
  if (showProgress) io.stderr(`Optimizing the Stripboard for ${cmd.timeLimitS} s (Ctrl-C stops without writing anything)\n`);
  const { plan, problems } = optimizeStripboard(input, {
    timeLimitMs: cmd.timeLimitS * 1000,
    seed: cmd.seed,
    onProgress: (p: SearchProgress) => {
      if (!showProgress || p.elapsedMs - lastShown < 1000) return;
      lastShown = p.elapsedMs;
      io.stderr(`[${(p.elapsedMs / 1000).toFixed(0)} s] best so far ${money(p.best.total, currency)}: ${plural(p.best.holdDays, "hold day")}, ${plural(p.best.moves, "company move")}; ${p.iterations.toLocaleString("en-US")} tries\n`);
    },
  });
  if (problems.some((p) => p.severity === "error")) return refuse(io, cmd, problems, problems);
  // Warnings: the workbook's, then the optimizer's own (Lock, Unavailable, the settings it reads).
  const seen = new Set(checked.problems.map(problemKey));
  for (const p of [...checked.problems, ...problems.filter((q) => !seen.has(problemKey(q)))]) io.stderr(describeProblem(p) + "\n");
  if (!plan) {
    const msg = `The Stripboard of ${basename(cmd.input)} has no strips: nothing to optimize.`;
    if (cmd.json) io.stdout(JSON.stringify({ improved: false, message: msg, written: null }) + "\n");
    else io.stdout(msg + "\n");
    return EXIT.ok;
  }

  const target = cmd.inPlace ? cmd.input : cmd.output;
  let written: string | undefined;
  let writeNote = "";
  if (target && plan.improved) {
    const place = locateBoard(file, raw);
    const oldRows = raw.rows;
    const change = replaceBoardRows(file, place, raw, plan.rows.rows);
    writeUndo(file, { table: raw.name, sheet: raw.sheet, when: new Date().toISOString(), headers: raw.headers, rows: oldRows });
    for (const p of selfCheck(file, cmd.input, oldRows, seen)) io.stderr(`After reordering: ${describeProblem(p)}\n`);
    await saveXlsxAtomic(file, target);
    written = target;
    writeNote = `Wrote the new order to ${target} (${place.table ? `table ${raw.name} on sheet ${raw.sheet}` : `sheet ${raw.sheet}`}: ${plural(plan.rows.rows.length, "row")}, was ${raw.rows.length}).`;
    if (change.formulas > 0) writeNote += ` ${plural(change.formulas, "formula cell")} of moved strips now hold their values.`;
    writeNote += `\nThe old order is kept in the very hidden sheet ${UNDO_SHEET}: prodbook optimize ${basename(target)} --restore --in-place puts it back.`;
    if (file.registry().length > 0) writeNote += `\nSchedule, DOOD and call sheets still show the old order: run prodbook build ${basename(target)} --in-place.`;
  } else if (target && !cmd.inPlace) {
    await saveXlsxAtomic(file, target);
    written = target;
    writeNote = `No better order found: wrote ${target} as an unchanged copy of ${basename(cmd.input)}.`;
  } else if (target) {
    writeNote = `No better order found: ${basename(cmd.input)} was left as it was.`;
  } else {
    writeNote = plan.improved ? "Dry run: nothing was written. Add -o OUT.xlsx (or --in-place) to write the new order." : "Dry run: nothing was written.";
  }

  if (cmd.json) {
    io.stdout(planJson(plan, currency, written) + "\n");
  } else {
    let hint = "";
    if (!checked.settings.companyMoveCost) {
      hint = `No company move was added to save holds (Settings has no Company Move Cost; give one to trade moves for hold days).\n`;
    }
    io.stdout(planText(plan, currency, (Date.now() - t0) / 1000, cmd.seed ?? 1) + hint + writeNote + "\n");
  }
  return EXIT.ok;
}

function refuse(io: CliIo, cmd: OptimizeCommand, problems: Problem[], json: unknown[]): number {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  for (const p of problems) io.stderr(describeProblem(p) + "\n");
  const what = cmd.output || cmd.inPlace ? "nothing was written" : "nothing was optimized";
  io.stderr(`${plural(errors, "error")}, ${plural(warnings, "warning")}: ${what}. Fix the errors and run optimize again.\n`);
  if (cmd.json) io.stdout(JSON.stringify({ errors, warnings, problems: json }, null, 2) + "\n");
  return EXIT.problems;
}

/** Cents as a JSON number with exactly two decimals ("1000.00"), exact for any integer cents. */
function jsonMoney(c: number): string {
  const abs = Math.abs(c);
  return `${c < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function figuresJson(f: BoardFigures): string {
  return `{"holdDays": ${f.holdDays}, "holdCost": ${jsonMoney(f.holdCost)}, "moves": ${f.moves}, "days": ${f.days}, "total": ${jsonMoney(f.total)}}`;
}

/** Holds per cast member before and after, as the DOOD charges them. */
function castJson(plan: StripboardPlan): string {
  const rows = plan.cast.map((m, i) => {
    const b = plan.before.holds[i];
    const a = plan.after.holds[i];
    return `{"id": ${JSON.stringify(m.id)}, "character": ${JSON.stringify(m.character)}, "holdDaysBefore": ${b.holdDays}, "holdDaysAfter": ${a.holdDays}, "holdCostBefore": ${jsonMoney(b.holdCost)}, "holdCostAfter": ${jsonMoney(a.holdCost)}}`;
  });
  return `[${rows.join(", ")}]`;
}

function movedJson(plan: StripboardPlan): string {
  return `[${plan.moved.map((m) => `{"scene": ${JSON.stringify(m.scene)}, "from": ${m.fromDay}, "to": ${m.toDay}}`).join(", ")}]`;
}

export function planJson(plan: StripboardPlan, currency: string, written: string | undefined): string {
  const bound = plan.lowerBound === undefined ? "null" : jsonMoney(plan.lowerBound);
  const gap = plan.gap === undefined ? "null" : String(Math.round(plan.gap * 10000) / 10000);
  return (
    `{"before": ${figuresJson(plan.before)}, "after": ${figuresJson(plan.after)}, "improved": ${plan.improved}, "optimal": ${plan.optimal}, ` +
    `"lowerBound": ${bound}, "gap": ${gap}, "cast": ${castJson(plan)}, "moved": ${movedJson(plan)}, ` +
    `"basis": ${JSON.stringify(plan.basis)}, "iterations": ${plan.iterations}, "ms": ${Math.round(plan.elapsedMs)}, ` +
    `"currency": ${JSON.stringify(currency)}, "written": ${written === undefined ? "null" : JSON.stringify(written)}}`
  );
}

/** A gap as a whole percentage, rounded up so it is never understated ("12%"). */
export function gapPercent(gap: number): string {
  return `${Math.ceil(gap * 100 - 1e-9)}%`;
}

function money(c: number, currency: string): string {
  return `${formatCents(c)} ${currency}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function planText(plan: StripboardPlan, currency: string, seconds: number, seed: number): string {
  const { before: b, after: a } = plan;
  const row = (label: string, x: string, y: string) => `  ${label.padEnd(22)}${x.padStart(16)}${y.padStart(16)}\n`;
  let s = `Stripboard optimized in ${seconds.toFixed(1)} s (${plan.iterations.toLocaleString("en-US")} tries, seed ${seed})\n`;
  s += `Basis: ${plan.basis}\n\n`;
  s += row("", "before", "after");
  s += row("Hold days", String(b.holdDays), String(a.holdDays));
  s += row(`Hold cost (${currency})`, formatCents(b.holdCost), formatCents(a.holdCost));
  s += row("Company moves", String(b.moves), String(a.moves));
  s += row("Shooting days", String(b.days), String(a.days));
  s += row(`Total (${currency})`, formatCents(b.total), formatCents(a.total));
  s += "\n";
  if (plan.optimal) s += "Proved optimal: every strip needs a day of its own, so the exact solver settled the order.\n";
  else if (plan.gap !== undefined) s += `Not proved optimal: the hold cost is at most ${gapPercent(plan.gap)} above the best possible (at least ${money(plan.lowerBound!, currency)}).\n`;
  const changed = plan.cast.map((m, i) => ({ m, b: b.holds[i], a: a.holds[i] })).filter((x) => x.b.holdDays !== x.a.holdDays || x.b.holdCost !== x.a.holdCost);
  if (plan.improved && changed.length > 0) {
    s += "Holds by cast member (before -> after):\n";
    for (const { m, b: hb, a: ha } of changed) s += `  ${`${m.id} ${m.character}`.padEnd(28)}${`${hb.holdDays} -> ${ha.holdDays}`.padStart(10)}${`${formatCents(hb.holdCost)} -> ${formatCents(ha.holdCost)}`.padStart(28)}\n`;
  }
  if (plan.improved && plan.moved.length > 0) s += `${plural(plan.moved.length, "strip")} change day: ${plan.moved.slice(0, 12).map((x) => `${x.scene} (day ${x.fromDay} -> ${x.toDay})`).join(", ")}${plan.moved.length > 12 ? ", ..." : ""}\n`;
  if (!plan.improved) s += plan.optimal ? "The current order is already optimal.\n" : "The current order is already the best found.\n";
  else if (a.total < b.total) s += `Saves ${money(b.total - a.total, currency)}.\n`;
  else s += "The current order breaks a lock, an actor's unavailable dates or the day capacity; the new order keeps them all.\n";
  return s;
}

// ---------------------------------------------------------------------------------------------
// restore

async function restore(cmd: OptimizeCommand, io: CliIo): Promise<number> {
  const { file } = await loadXlsx(cmd.input);
  if (cmd.output) checkOutputKind(file, cmd.input, cmd.output);
  const undo = file.sheetEntry(UNDO_SHEET);
  const saved = undo ? parseUndoGrid(file.cells.valueGrid(undo.name)) : undefined;
  if (!saved) throw new CliError(`${basename(cmd.input)} holds no saved Stripboard order (very hidden sheet ${UNDO_SHEET}): nothing to restore`, EXIT.problems);
  const input = file.readInput(basename(cmd.input));
  const raw = findTable(input, saved.table) ?? findTable(input, STRIPBOARD_SPEC.name);
  if (!raw) throw new CliError(`${basename(cmd.input)} has no table ${saved.table} to restore the saved order into`, EXIT.problems);

  // The saved rows go back column by column under the same headers, wherever they are now.
  const from = raw.headers.map((h) => saved.headers.findIndex((s) => headerKey(s) === headerKey(h) && headerKey(h) !== ""));
  const lost = saved.headers.filter((s) => headerKey(s) !== "" && !raw.headers.some((h) => headerKey(h) === headerKey(s)));
  const added = raw.headers.filter((h, i) => from[i] < 0 && headerKey(h) !== "");
  if (lost.length || added.length) {
    throw new CliError(
      `The ${raw.name} columns changed since it was optimized (${[...lost.map((h) => `${h} removed`), ...added.map((h) => `${h} added`)].join(", ")}); ` +
        `restore by hand from the very hidden sheet ${UNDO_SHEET}`,
      EXIT.problems,
    );
  }
  const rows = saved.rows.map((r) => from.map((j) => (j < 0 ? null : (r[j] ?? null))));
  const sceneCol = sceneColumn(raw.headers);
  const diff = stripDifference(raw.rows, rows, sceneCol);
  if (diff && !cmd.force) {
    throw new CliError(`The strips changed since the Stripboard was optimized (${diff}): restoring would undo those edits. Add --force to restore anyway.`, EXIT.problems);
  }
  const place = locateBoard(file, raw);
  replaceBoardRows(file, place, raw, rows);
  // The saved order is the board again; a later restore must not bring back an older one.
  file.removeSheet(undo!.name);
  const target = cmd.inPlace ? cmd.input : cmd.output!;
  await saveXlsxAtomic(file, target);
  const msg = `Restored the Stripboard order of ${saved.when || "the last optimize"} (${plural(rows.length, "row")}) to ${target}.`;
  if (cmd.json) io.stdout(JSON.stringify({ restored: true, rows: rows.length, saved: saved.when, written: target }) + "\n");
  else io.stdout(msg + (diff ? ` The strips had changed since (${diff}).` : "") + "\n");
  if (file.registry().length > 0 && !cmd.json) io.stdout(`Schedule, DOOD and call sheets still show the optimized order: run prodbook build ${basename(target)} --in-place.\n`);
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// where the Stripboard is, and rewriting it

const DAY_BREAK = /^end\s*of\s*day/i;

/**
 * Where the board is: the ListObject of its name, or on a sheet named Stripboard the Excel table
 * of another name ("Table1") that holds it, or the sheet itself read as a table.
 */
function locateBoard(file: XlsxFile, raw: RawTable): TablePlace {
  const named = file.findTable(raw.name);
  if (named && named.sheet === raw.sheet) return tablePlace(file, named.name)!;
  const holding = file.tables().find((t) => t.sheet === raw.sheet && t.ref.r1 === raw.headerRow && t.ref.c1 === raw.firstColumn && t.headerRowCount > 0);
  if (holding) {
    if (holding.totalsRowCount > 0) {
      throw new CliError(`The Stripboard on sheet ${raw.sheet} is table ${holding.name}, which has a totals row: name the table Stripboard (Table Design > Table Name) and run optimize again`, EXIT.problems);
    }
    return tablePlace(file, holding.name)!;
  }
  return { sheet: raw.sheet, headerRow: raw.headerRow, firstColumn: raw.firstColumn, width: raw.headers.length, rowCount: raw.rows.length, totals: false };
}

/** A row's identity for matching: values as the engine reads them. */
function rowKey(cells: CellValue[]): string {
  return JSON.stringify(cells.map((v) => (v instanceof Date ? { d: v.getTime() } : v === "" ? null : v)));
}

function sceneColumn(headers: string[]): number {
  const keys = [STRIPBOARD_SPEC.columns[0].header, ...(STRIPBOARD_SPEC.columns[0].aliases ?? [])].map(headerKey);
  return Math.max(0, headers.findIndex((h) => keys.includes(headerKey(h))));
}

/**
 * Writes `rows` over the board's data rows. Each row that matches an old row by its values keeps
 * that row's cells as they were (rich text, links, strip colours, number formats); new day
 * breaks take the look of the board's first day break. The Excel table is resized (its totals
 * row moves with it) and cells the board no longer covers are cleared.
 */
function replaceBoardRows(file: XlsxFile, place: TablePlace, raw: RawTable, rows: CellValue[][]): { formulas: number } {
  const dataStart = place.headerRow + 1;
  const byKey = new Map<string, number[]>();
  raw.rows.forEach((cells, i) => {
    const k = rowKey(cells);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const sceneCol = sceneColumn(raw.headers);
  const breakIndex = raw.rows.findIndex((cells) => typeof cells[sceneCol] === "string" && DAY_BREAK.test((cells[sceneCol] as string).trim()));
  const writes: RowWrite[] = rows.map((cells) => {
    const match = byKey.get(rowKey(cells))?.shift();
    if (match !== undefined) return { values: cells, copyFrom: dataStart + match };
    const isBreak = typeof cells[sceneCol] === "string" && DAY_BREAK.test(cells[sceneCol] as string);
    return { values: cells, lookFrom: isBreak && breakIndex >= 0 ? dataStart + breakIndex : undefined };
  });
  try {
    return rewriteTableRows(file, place, writes);
  } catch (e) {
    if (e instanceof TableEditError) throw new CliError(`The new order cannot be written: ${e.message}.`, EXIT.problems);
    throw e;
  }
}

/** The old rows in the very hidden undo sheet (one level: a later optimize replaces it). */
function writeUndo(file: XlsxFile, saved: SavedBoard): void {
  file.writeValueSheet(UNDO_SHEET, undoGrid(saved), "veryHidden");
}

/**
 * Before saving, the rewritten board is read back as the engine will read it: every strip of the
 * old board there exactly once and no error on the Stripboard, else it is a bug and nothing is
 * saved. Problems elsewhere that the new order brings (a Calls row for a day that is gone) are
 * returned for the user.
 */
function selfCheck(file: XlsxFile, name: string, oldRows: CellValue[][], seen: Set<string>): Problem[] {
  const input: WorkbookInput = file.readInput(basename(name));
  const raw = findTable(input, STRIPBOARD_SPEC.name);
  if (!raw) throw new Error("the rewritten Stripboard cannot be read back");
  const diff = stripDifference(oldRows, raw.rows, sceneColumn(raw.headers));
  if (diff) throw new Error(`the rewritten Stripboard lost or gained strips (${diff})`);
  const fresh = runEngine(input).problems.filter((p) => !seen.has(problemKey(p)) && !(p.severity === "warning" && p.table === raw.name));
  const broken = fresh.find((p) => p.severity === "error" && p.table === raw.name);
  if (broken) throw new Error(`the rewritten Stripboard reads with an error: ${describeProblem(broken)}`);
  const errors = fresh.filter((p) => p.severity === "error");
  if (errors.length) {
    throw new CliError(`The new order would leave ${plural(errors.length, "error")} elsewhere, so nothing was written:\n${errors.map(describeProblem).join("\n")}`, EXIT.problems);
  }
  return fresh;
}

function problemKey(p: Problem): string {
  return `${p.severity}|${p.sheet}|${p.table}|${p.row}|${p.column}|${p.message}`;
}

/**
 * How two boards differ in their strips (rows other than day breaks and blanks, compared by
 * value as a multiset): "scene 6 added, scene 2 removed", or "" when they hold the same strips.
 */
export function stripDifference(now: CellValue[][], saved: CellValue[][], sceneCol: number): string {
  const isStrip = (r: CellValue[]) => !r.every((v) => isBlank(v)) && !(typeof r[sceneCol] === "string" && DAY_BREAK.test((r[sceneCol] as string).trim()));
  const counts = new Map<string, { n: number; scene: CellValue }>();
  for (const r of now.filter(isStrip)) {
    const k = rowKey(r);
    const e = counts.get(k) ?? { n: 0, scene: r[sceneCol] };
    e.n++;
    counts.set(k, e);
  }
  for (const r of saved.filter(isStrip)) {
    const k = rowKey(r);
    const e = counts.get(k) ?? { n: 0, scene: r[sceneCol] };
    e.n--;
    counts.set(k, e);
  }
  const parts: string[] = [];
  for (const { n, scene } of counts.values()) {
    if (n > 0) parts.push(`scene ${showValue(scene)} added or edited`);
    if (n < 0) parts.push(`scene ${showValue(scene)} removed or edited`);
  }
  if (parts.length > 6) return `${parts.slice(0, 6).join(", ")} and ${parts.length - 6} more`;
  return parts.join(", ");
}

