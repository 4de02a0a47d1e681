/**
 * `prodbook compare A.xlsx B.xlsx [C.xlsx D.xlsx]`: budgets side by side (core/budget/compare),
 * as text, JSON, or a Compare sheet (core/layout/compare) written into a copy of the first.
 */
import { basename } from "node:path";
import { runEngine } from "../core/engine";
import { BudgetVersion, snapshotOf } from "../core/budget/versions";
import { MAX_COMPARED, compareBudgets, comparisonJson } from "../core/budget/compare";
import { compareLayout } from "../core/layout/compare";
import { describeProblem } from "../core/problems";
import { formatCents } from "../core/money";
import { CliError, CliIo, EXIT } from "./io";
import { parseCommand } from "./commandArgs";
import { checkOutputKind, loadXlsx, saveXlsxAtomic, samePath } from "./files";
import { XlsxFile } from "./xlsx/xlsxFile";

export const COMPARE_HELP = `Usage: prodbook compare A.xlsx B.xlsx [C.xlsx D.xlsx] [--json] [-o OUT.xlsx]
       prodbook compare A.xlsx --version NAME [B.xlsx ...] [--json] [-o OUT.xlsx]

Puts two to four budgets side by side: each account's rolled-up total (lines + fringes),
sections, the total, each contractual charge, the grand total (and incentives and the net when
there are any), with each later budget's difference from the first and that difference as a
percentage of the first.

--version NAME compares a version locked in the first workbook (prodbook lock) with the
current budgets: "compare A.xlsx --version Original" is Original against A as it stands now.
Repeat it for several versions; they come first, in the order given.

Every workbook must read without an error (exit 1, naming the file). Without --json a table
on standard output.

  --version NAME          a locked version of the first workbook (repeatable)
  --json                  {"budgets", "rows": [{kind, code, name, depth, values, difference, percent}], "notes"}
  -o, --output OUT.xlsx   a copy of the first workbook with a Compare sheet (must differ from it)
`;

export async function runCompare(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand("compare", args, {
    version: { type: "string", multiple: true },
    json: { type: "boolean" },
    output: { type: "string", short: "o" },
    quiet: { type: "boolean", short: "q" },
    help: { type: "boolean", short: "h" },
  }, COMPARE_HELP, io);
  if (!parsed) return EXIT.ok;
  const v = parsed.values;
  const files = parsed.positionals;
  const versions = v.version ?? [];
  const count = files.length + versions.length;
  if (files.length === 0) throw new CliError("compare needs workbooks: prodbook compare A.xlsx B.xlsx (or A.xlsx --version Original)", EXIT.usage);
  if (count < 2) throw new CliError("compare needs two budgets at least: another workbook, or --version NAME for a version locked in it", EXIT.usage);
  if (count > MAX_COMPARED) throw new CliError(`compare takes at most ${MAX_COMPARED} budgets (workbooks and versions), not ${count}`, EXIT.usage);
  if (v.output && !/\.xls[xm]$/i.test(v.output)) throw new CliError(`The output must be an .xlsx or .xlsm file, not ${v.output}`, EXIT.usage);
  if (v.output && files.some((f) => samePath(f, v.output!))) throw new CliError(`The output ${v.output} is one of the workbooks compared; write the Compare sheet into another file`, EXIT.usage);

  const budgets: BudgetVersion[] = [];
  let firstFile: XlsxFile | undefined;
  let title = "";
  let currency = "USD";
  const current: BudgetVersion[] = [];
  for (const [i, path] of files.entries()) {
    const { file } = await loadXlsx(path);
    const result = runEngine(file.readInput(basename(path)), { budget: true, schedule: false });
    const errors = result.problems.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      for (const p of errors) io.stderr(`${basename(path)}: ${describeProblem(p)}\n`);
      io.stderr(`${basename(path)} has ${errors.length} error${errors.length === 1 ? "" : "s"}: its budget cannot be compared. Fix them and compare again.\n`);
      return EXIT.problems;
    }
    const b = result.budget;
    if (!b) throw new CliError(`${basename(path)} has no budget to compare: it needs the Accounts and Budget tables`, EXIT.problems);
    if (i === 0) {
      firstFile = file;
      title = result.settings.production;
      currency = b.currency;
      for (const name of versions) {
        const found = b.versions.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
        if (!found) {
          const have = b.versions.map((x) => `"${x.name}"`).join(", ");
          throw new CliError(`${basename(path)} has no locked version named "${name}"${have ? `; it has ${have}` : " (lock one with prodbook lock)"}`, EXIT.usage);
        }
        budgets.push({ ...found, currency: found.currency ?? b.currency });
      }
    }
    // Two files with one name (a/budget.xlsx, b/budget.xlsx) are told apart by their folders.
    const label = files.filter((f) => basename(f) === basename(path)).length > 1 ? path : basename(path).replace(/\.xls[xm]$/i, "");
    current.push(snapshotOf(b, label));
  }
  budgets.push(...current);
  const comparison = compareBudgets(budgets);

  if (v.output) {
    checkOutputKind(firstFile!, files[0], v.output);
    const report = firstFile!.writeLayouts([compareLayout(comparison, title, currency)]);
    for (const m of report.messages) io.stderr(m + "\n");
    await saveXlsxAtomic(firstFile!, v.output);
  }
  for (const n of comparison.notes) io.stderr(`Note: ${n}.\n`);
  if (v.json) {
    io.stdout(JSON.stringify(comparisonJson(comparison), null, 2) + "\n");
  } else {
    const labels = comparison.budgets.map((b) => b.label);
    const w = 16;
    const head = ["".padEnd(42), ...labels.map((l) => l.slice(0, w).padStart(w)), ...labels.slice(1).map((l) => `${l.slice(0, w - 8)} − 1st`.padStart(w)), ...labels.slice(1).map(() => "%".padStart(8))];
    io.stdout(head.join(" ").trimEnd() + "\n");
    for (const r of comparison.rows) {
      const name = `${"  ".repeat(Math.min(r.depth, 6))}${r.code ? `${r.code} ` : ""}${r.name}`.slice(0, 42).padEnd(42);
      const vals = r.values.map((x) => (x === undefined ? "" : formatCents(x)).padStart(w));
      const diffs = r.differences.map((d) => formatCents(d).padStart(w));
      const pcts = r.shares.map((s) => (s === undefined ? "" : `${(s * 100).toFixed(1)}%`).padStart(8));
      io.stdout([name, ...vals, ...diffs, ...pcts].join(" ").trimEnd() + "\n");
    }
    if (v.output) io.stdout(`Wrote the Compare sheet to ${v.output}.\n`);
  }
  return EXIT.ok;
}
