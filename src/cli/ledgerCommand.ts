/**
 * `prodbook ledger IN.xlsx --import FILE.csv`: appends an accounting export's lines to the Ledger
 * table. The checking, mapping and duplicate rules are the engine's (core/budget/ledgerImport);
 * this file reads the files, appends the rows and saves.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { findTable } from "../core/cells";
import { runEngine } from "../core/engine";
import { describeImportProblem, parseMapOption, planLedgerImport } from "../core/budget/ledgerImport";
import { describeProblem } from "../core/problems";
import { CliError, CliIo, EXIT } from "./io";
import { parseCommand } from "./commandArgs";
import { checkOutputKind, loadXlsx, saveXlsxAtomic, samePath } from "./files";
import { appendTableRows } from "./tableRows";

export const LEDGER_HELP = `Usage: prodbook ledger IN.xlsx --import FILE.csv [--map Field=Header,...] [--day-first]
                      [-o OUT.xlsx | --in-place] [--json]

Appends the lines of an accounting system's CSV export to the Ledger table. Columns are found
by the usual export headers (Date/Posted/Transaction Date, Account/GL Account, Vendor/Payee,
Description/Memo, Amount or Debit and Credit, Type, PO/PO Number, Invoice/Reference); --map
names the others. Without a Type column every line is Actual.

Every line must have a date, an Account that is a Code of Accounts, an amount and a known Type;
any line that has not is an error naming the CSV row, and then nothing is written (exit 1).
A line already in the Ledger (same date, vendor, amount, PO and invoice number) is skipped
with a warning, so importing the same export twice adds nothing.

Without -o or --in-place nothing is written (a dry run that lists what would be added).

  --import FILE.csv       the CSV to import (comma, semicolon or tab separated, UTF-8)
  --map Field=Header,...  which CSV column is which field: Date, Account, Vendor, Description,
                          Amount, Debit, Credit, Type, PO, Invoice (repeat --map or use commas)
  --day-first             dates like 03/04/2026 are 3 April (default: US month first)
  -o, --output OUT.xlsx   write into a copy (must differ from IN)
  --in-place              write into IN itself, through a temporary file renamed over it
  --json                  print {"added", "wouldAdd", "skipped", "addedColumns", "problems", "written"}
`;

export async function runLedger(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand("ledger", args, {
    import: { type: "string" },
    map: { type: "string", multiple: true },
    "day-first": { type: "boolean" },
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    help: { type: "boolean", short: "h" },
  }, LEDGER_HELP, io);
  if (!parsed) return EXIT.ok;
  const v = parsed.values;
  const pos = parsed.positionals;
  if (pos.length !== 1) throw new CliError(pos.length ? `ledger takes one input workbook, got ${pos.join(" ")}` : "ledger needs an input workbook: prodbook ledger IN.xlsx --import FILE.csv", EXIT.usage);
  const input = pos[0];
  if (!v.import) throw new CliError("ledger needs --import FILE.csv: the accounting export to append to the Ledger", EXIT.usage);
  if (v.output && v["in-place"]) throw new CliError("Give either -o OUT.xlsx or --in-place, not both", EXIT.usage);
  if (v.output && samePath(input, v.output)) throw new CliError(`The output is the input file ${input}; to write into it, use --in-place`, EXIT.usage);
  let map;
  try {
    map = parseMapOption((v.map ?? []).join(","));
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.usage);
  }
  const csvName = basename(v.import);
  const csv = readCsv(v.import);

  const { file } = await loadXlsx(input);
  if (v.output) checkOutputKind(file, input, v.output);
  const before = file.readInput(basename(input));
  const plan = planLedgerImport(before, csv, { map, dayFirst: !!v["day-first"], fileName: csvName });
  // The package layer keeps a table's columns: a PO or Invoice column the lines need is the user's to add.
  if (plan.addedHeaders.length > 0) {
    const cols = plan.addedHeaders.join(" and ");
    plan.problems.push({
      severity: "error",
      row: 0,
      column: "",
      message: `The lines carry ${cols} numbers but table ${plan.table} on sheet ${plan.sheet} has no ${cols} column: add ${plan.addedHeaders.length > 1 ? "them" : "it"} at the right of the table (header only) and import again`,
    });
  }
  const errors = plan.problems.filter((p) => p.severity === "error");
  for (const p of [...plan.problems, ...plan.skipped]) io.stderr(describeImportProblem(p, csvName) + "\n");
  const json = (written: string | null) =>
    JSON.stringify({ added: written === null ? 0 : plan.rows.length, wouldAdd: plan.problems.length ? 0 : plan.rows.length, skipped: plan.skipped.length, addedColumns: plan.addedHeaders, problems: [...plan.problems, ...plan.skipped], written }, null, 2) + "\n";
  if (errors.length > 0) {
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${csvName}: nothing was imported. Fix the CSV (or Accounts) and import again.\n`);
    if (v.json) io.stdout(json(null));
    return EXIT.problems;
  }

  const target = v["in-place"] ? input : v.output;
  const skippedNote = plan.skipped.length ? `; ${plan.skipped.length} already in the Ledger, skipped` : "";
  const where = `table ${plan.table} on sheet ${plan.sheet}`;
  let msg: string;
  let written: string | null = null;
  if (!target) {
    msg = `Dry run: ${plan.rows.length} line${plan.rows.length === 1 ? "" : "s"} of ${csvName} would be added to ${where}${skippedNote}. Add -o OUT.xlsx or --in-place to write them.`;
  } else if (plan.rows.length === 0 && v["in-place"]) {
    msg = `Nothing to add from ${csvName}${skippedNote}: ${basename(input)} was left as it was.`;
  } else {
    if (plan.rows.length > 0) {
      const ledgerErrors = (w: typeof before) => runEngine(w).problems.filter((p) => p.severity === "error" && p.table.toLowerCase() === plan.table.toLowerCase()).length;
      const was = ledgerErrors(before);
      appendTableRows(file, findTable(before, plan.table)!, plan.rows);
      // Read back as the engine will: the new rows must add no error to the Ledger, else it is a bug.
      const after = file.readInput(basename(input));
      if (ledgerErrors(after) > was) {
        const p = runEngine(after).problems.find((q) => q.severity === "error" && q.table.toLowerCase() === plan.table.toLowerCase())!;
        throw new Error(`the appended Ledger rows read back with an error: ${describeProblem(p)}`);
      }
    }
    await saveXlsxAtomic(file, target);
    written = target;
    msg = `Added ${plan.rows.length} line${plan.rows.length === 1 ? "" : "s"} of ${csvName} to ${where} in ${target}${skippedNote}.`;
  }
  if (v.json) io.stdout(json(written));
  else io.stdout(msg + "\n");
  return EXIT.ok;
}

function readCsv(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder, not a CSV file`, EXIT.noInput);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(`No such file: ${path}`, EXIT.noInput);
    throw new CliError(`Cannot read ${path}: ${(e as Error).message}`, EXIT.noInput);
  }
}
