import { basename } from "node:path";
import { existsSync, statSync } from "node:fs";
import { EngineResult, reportJson, runEngine } from "../core/engine";
import { allLayouts, localDay } from "../core/layout";
import { Problem, describeProblem } from "../core/problems";
import { formatCents } from "../core/money";
import { describePeriod } from "../core/budget";
import { budgetSummary, budgetSummaryText, scheduleSummary, scheduleSummaryText } from "../core/summary";
import { CliError, CliIo, EXIT } from "./io";
import { checkOutputKind, loadXlsx, saveXlsxAtomic, samePath } from "./files";
import { XlsxFile } from "./xlsx/xlsxFile";
import { sampleWorkbook } from "./demo";

/** Files above this size get progress lines on standard error. */
export const PROGRESS_BYTES = 1_000_000;

interface Progress {
  (msg: string): void;
}

function progressFor(io: CliIo, bytes: number, quiet: boolean): Progress {
  if (quiet || bytes < PROGRESS_BYTES) return () => {};
  const t0 = Date.now();
  return (msg) => io.stderr(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}

async function analyse(path: string, io: CliIo, quiet = false): Promise<{ file: XlsxFile; result: EngineResult; progress: Progress }> {
  const size = existsSync(path) ? safeSize(path) : 0;
  const progress = progressFor(io, size, quiet);
  progress(`Reading ${basename(path)} (${(size / 1e6).toFixed(1)} MB)`);
  const { file } = await loadXlsx(path);
  progress("Reading tables");
  const input = file.readInput(basename(path));
  progress(`Computing (${input.tables.length} tables)`);
  const result = runEngine(input);
  return { file, result, progress };
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function count(problems: Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function printProblems(io: CliIo, problems: Problem[]): void {
  for (const p of problems) io.stderr(describeProblem(p) + "\n");
}

export interface BuildOptions {
  input: string;
  output?: string;
  inPlace?: boolean;
  quiet?: boolean;
}

/**
 * `prodbook build`: reads the inputs, and when they have no errors writes every generated sheet
 * into a copy (or, with --in-place, into the input through a temporary file).
 */
export async function runBuild(o: BuildOptions, io: CliIo): Promise<number> {
  const output = o.output ?? (o.inPlace ? o.input : undefined);
  if (!output) throw new CliError("build needs an output: prodbook build IN.xlsx -o OUT.xlsx (or --in-place)", EXIT.usage);
  if (!/\.xls[xm]$/i.test(output)) throw new CliError(`The output must be an .xlsx or .xlsm file, not ${output}`, EXIT.usage);
  if (samePath(o.input, output) && !o.inPlace) {
    throw new CliError(`The output is the input file ${o.input}; to write into it, add --in-place`, EXIT.usage);
  }
  const { file, result, progress } = await analyse(o.input, io, o.quiet);
  checkOutputKind(file, o.input, output);
  printProblems(io, result.problems);
  const { errors, warnings } = count(result.problems);
  if (errors > 0) {
    io.stderr(`${plural(errors, "error")}, ${plural(warnings, "warning")}: nothing was written. Fix the errors and build again.\n`);
    return EXIT.problems;
  }
  const layouts = allLayouts({ ...result, builtOn: localDay(new Date()) });
  if (layouts.length === 0) {
    io.stderr(`Nothing to build: ${basename(o.input)} has no Accounts or Budget table and no Stripboard. Run "prodbook demo -o sample.xlsx" to see a complete production.\n`);
    return EXIT.problems;
  }
  progress(`Laying out and writing ${plural(layouts.length, "sheet")}`);
  const report = file.writeLayouts(layouts);
  for (const m of report.messages) io.stderr(m + "\n");
  progress(`Saving ${basename(output)}`);
  await saveXlsxAtomic(file, output);
  const names = report.actions.map((a) => a.name);
  io.stdout(`Wrote ${plural(names.length, "sheet")} to ${output}: ${summariseNames(names)}\n`);
  if (warnings > 0) io.stderr(`${plural(warnings, "warning")} (see above).\n`);
  return EXIT.ok;
}

/** "Top Sheet, Cost Report, Schedule, DOOD, Call D1 … Call D11". */
function summariseNames(names: string[]): string {
  const calls = names.filter((n) => /^Call D\d+$/.test(n));
  const rest = names.filter((n) => !/^Call D\d+$/.test(n));
  const parts = [...rest];
  if (calls.length > 2) parts.push(`${calls[0]} … ${calls[calls.length - 1]}`);
  else parts.push(...calls);
  return parts.join(", ");
}

export interface CheckOptions {
  input: string;
  json?: boolean;
  quiet?: boolean;
}

/** `prodbook check`: the problems, readable or as JSON; exit 1 when there is an error. */
export async function runCheck(o: CheckOptions, io: CliIo): Promise<number> {
  const { result } = await analyse(o.input, io, o.quiet);
  const { errors, warnings } = count(result.problems);
  if (o.json) {
    io.stdout(JSON.stringify({ errors, warnings, problems: reportJson(result).problems }, null, 2) + "\n");
  } else {
    for (const p of result.problems) io.stdout(describeProblem(p) + "\n");
    io.stdout(errors + warnings === 0 ? `${basename(o.input)}: no problems.\n` : `${basename(o.input)}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.\n`);
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

export interface ReportOptions {
  input: string;
  json?: boolean;
  quiet?: boolean;
}

/** `prodbook report`: the computed results (WORKBOOK.md's object with --json); exit 1 when there is an error. */
export async function runReport(o: ReportOptions, io: CliIo): Promise<number> {
  const { result } = await analyse(o.input, io, o.quiet);
  const { errors } = count(result.problems);
  if (o.json) {
    io.stdout(JSON.stringify(reportJson(result), null, 2) + "\n");
  } else {
    io.stdout(textReport(result));
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

function textReport(r: EngineResult): string {
  const lines: string[] = [r.settings.production, ""];
  const b = r.budget;
  if (b) {
    lines.push(`Budget (${b.currency})`);
    for (const s of b.sections) lines.push(`  ${s.account.code.padEnd(8)} ${s.account.name.padEnd(32)} ${formatCents(s.rolled.budget).padStart(16)}`);
    lines.push(`  ${"".padEnd(8)} ${"Total".padEnd(32)} ${formatCents(b.total).padStart(16)}`);
    for (const m of b.markups) lines.push(`  ${"".padEnd(8)} ${m.name.padEnd(32)} ${formatCents(m.amount).padStart(16)}`);
    lines.push(`  ${"".padEnd(8)} ${"Grand total".padEnd(32)} ${formatCents(b.grandTotal).padStart(16)}`);
    const sum = budgetSummary(b);
    lines.push(`  ${budgetSummaryText(sum)}`);
    if (sum.over.length) lines.push(`  OVER: ${sum.over.map((a) => `${a.code} ${a.name}`).join(", ")}`);
    if (sum.watch.length) lines.push(`  WATCH: ${sum.watch.map((a) => `${a.code} ${a.name}`).join(", ")}`);
    lines.push(
      `  ${describePeriod(b.window)}: actual this period ${formatCents(b.totals.period)}, to date ${formatCents(b.totals.actual)}, open commitments ${formatCents(b.totals.committed)}`,
      "",
    );
  }
  const s = r.schedule;
  if (s) {
    lines.push(`Schedule: ${scheduleSummaryText(scheduleSummary(s))}`);
    const json = reportJson(r);
    for (const d of json.schedule.days) lines.push(`  Day ${String(d.day).padStart(3)}  ${d.date || "(no date)"}  ${String(d.pages).padStart(7)} pages  ${d.scenes.join(", ")}`);
    lines.push("");
  }
  const { errors, warnings } = count(r.problems);
  lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}${r.problems.length ? ' (run "prodbook check" to list them)' : ""}.`);
  return lines.join("\n") + "\n";
}

export interface DemoOptions {
  output?: string;
  force?: boolean;
  build?: boolean;
}

/** `prodbook demo`: the sample production's input tables, and with --build its generated sheets too. */
export async function runDemo(o: DemoOptions, io: CliIo): Promise<number> {
  if (!o.output) throw new CliError("demo needs an output: prodbook demo -o sample.xlsx", EXIT.usage);
  if (!/\.xlsx$/i.test(o.output)) throw new CliError(`The output must be an .xlsx file, not ${o.output}`, EXIT.usage);
  if (existsSync(o.output) && !o.force) throw new CliError(`${o.output} already exists; choose another name or add --force to replace it`, EXIT.usage);
  const file = sampleWorkbook();
  if (o.build) {
    const result = runEngine(file.readInput(basename(o.output)));
    printProblems(io, result.problems);
    if (result.problems.some((p) => p.severity === "error")) return EXIT.internal;
    const rep = file.writeLayouts(allLayouts({ ...result, builtOn: localDay(new Date()) }));
    for (const m of rep.messages) io.stderr(m + "\n");
  }
  await saveXlsxAtomic(file, o.output);
  io.stdout(`Wrote the sample production "The Long Way Home" to ${o.output}.${o.build ? "" : ` Next: prodbook build ${o.output} -o built.xlsx`}\n`);
  return EXIT.ok;
}
