/**
 * `prodbook lock IN.xlsx --name Original`: saves the current budget as a named version in the
 * very hidden sheet `_Prodbook Versions` (core/budget/versions), which the Top Sheet, Cost Report
 * and `prodbook compare --version` then show against. `--list` prints the versions.
 */
import { basename } from "node:path";
import { runEngine } from "../core/engine";
import { VERSIONS_SHEET, checkVersionName, versionsGrid, versionsReportJson } from "../core/budget/versions";
import { describeProblem } from "../core/problems";
import { formatCents } from "../core/money";
import { CliError, CliIo, EXIT } from "./io";
import { parseCommand } from "./commandArgs";
import { checkOutputKind, loadXlsx, saveXlsxAtomic, samePath } from "./files";

export const LOCK_HELP = `Usage: prodbook lock IN.xlsx --name NAME [-o OUT.xlsx | --in-place] [--json]
       prodbook lock IN.xlsx --list [--json]

Locks the current budget as a version: every account's budget (lines + fringes, rolled up),
each contractual charge and incentive, the total, grand total and net, with the name and the
time, in the very hidden sheet "${VERSIONS_SHEET}". The first version locked is the Original:
once there is one, build writes Original, Current and Variance on the Top Sheet, and Original
and Variance to Original on the Cost Report; report --json gives budget.original and each
account's original. Versions are kept; a name already used is refused.

Nothing is locked while the workbook has an error (exit 1). Without -o or --in-place nothing is
written (a dry run that says what would be locked).

  --name NAME             the version's name, e.g. Original, "Revised 2" (at most 60 characters)
  --list                  list the locked versions: name, when, total, grand total
  -o, --output OUT.xlsx   write into a copy (must differ from IN)
  --in-place              write into IN itself, through a temporary file renamed over it
  --json                  print the versions (with --list) or {"locked", "total", "grandTotal", "written"}
`;

export async function runLock(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand("lock", args, {
    name: { type: "string" },
    list: { type: "boolean" },
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    help: { type: "boolean", short: "h" },
  }, LOCK_HELP, io);
  if (!parsed) return EXIT.ok;
  const v = parsed.values;
  const pos = parsed.positionals;
  if (pos.length !== 1) throw new CliError(pos.length ? `lock takes one input workbook, got ${pos.join(" ")}` : "lock needs an input workbook: prodbook lock IN.xlsx --name Original", EXIT.usage);
  const input = pos[0];
  if (v.list && (v.name !== undefined || v.output || v["in-place"])) throw new CliError("--list only lists: give it without --name, -o or --in-place", EXIT.usage);
  if (!v.list && v.name === undefined) throw new CliError("lock needs --name NAME (e.g. --name Original), or --list", EXIT.usage);
  if (v.output && v["in-place"]) throw new CliError("Give either -o OUT.xlsx or --in-place, not both", EXIT.usage);
  if (v.output && samePath(input, v.output)) throw new CliError(`The output is the input file ${input}; to write into it, use --in-place`, EXIT.usage);

  const { file } = await loadXlsx(input);
  if (v.output) checkOutputKind(file, input, v.output);
  const result = runEngine(file.readInput(basename(input)));
  const budget = result.budget;

  if (v.list) {
    const versions = budget?.versions ?? [];
    if (v.json) io.stdout(JSON.stringify(versionsReportJson(versions), null, 2) + "\n");
    else if (versions.length === 0) io.stdout(`${basename(input)} has no locked budget version (prodbook lock ${basename(input)} --name Original)\n`);
    else {
      for (const [i, x] of versions.entries()) {
        const when = x.locked ? x.locked.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "(no date)";
        io.stdout(`${x.name.padEnd(24)} ${when.padEnd(21)} total ${formatCents(x.total).padStart(16)}  grand total ${formatCents(x.grandTotal).padStart(16)}${i === 0 ? "  (Original)" : ""}\n`);
      }
    }
    return EXIT.ok;
  }

  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    for (const p of errors) io.stderr(describeProblem(p) + "\n");
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${basename(input)}: nothing was locked. Fix them and lock again.\n`);
    return EXIT.problems;
  }
  if (!budget) throw new CliError(`${basename(input)} has no budget to lock: it needs the Accounts and Budget tables`, EXIT.problems);
  const name = v.name!.trim();
  const bad = checkVersionName(name, budget.versions);
  if (bad) throw new CliError(bad, EXIT.usage);

  const target = v["in-place"] ? input : v.output;
  const total = formatCents(budget.total);
  const grand = formatCents(budget.grandTotal);
  const role = budget.versions.length === 0 ? "the Original" : `version ${budget.versions.length + 1}`;
  if (target) {
    const entry = file.sheetEntry(VERSIONS_SHEET);
    const existing = entry ? file.cells.valueGrid(entry.name) : undefined;
    file.writeValueSheet(VERSIONS_SHEET, versionsGrid(existing, name, new Date(), budget), "veryHidden");
    await saveXlsxAtomic(file, target);
  }
  if (v.json) io.stdout(JSON.stringify({ locked: name, total: budget.total / 100, grandTotal: budget.grandTotal / 100, written: target ?? null }, null, 2) + "\n");
  else if (target) io.stdout(`Locked "${name}" (${role}): total ${total}, grand total ${grand}, in ${target}.\n`);
  else io.stdout(`Dry run: "${name}" would be locked as ${role} (total ${total}, grand total ${grand}). Add -o OUT.xlsx or --in-place to write it.\n`);
  return EXIT.ok;
}
