/**
 * `prodbook import SCRIPT.fountain|SCRIPT.fdx -o OUT.xlsx`: a new production from a script; with
 * `--into IN.xlsx`, a revised script merged into a workbook that has a board (in place, or into
 * a copy with -o).
 */
import { readFileSync, statSync, existsSync } from "node:fs";
import { basename } from "node:path";
import { ImportedScript, ScriptError, importScript, revisionColor, REVISION_COLORS } from "../core/script";
import { scriptTables } from "../core/script/tables";
import { mergeScript } from "../core/script/merge";
import { findTable } from "../core/cells";
import { mergeSummaryText, nextMonday, nextRevision, scriptSettings, scriptSummaryLine } from "../core/script/importPlan";
import { formatIso, parseDateCell } from "../core/dates";
import { runEngine } from "../core/engine";
import { describeProblem } from "../core/problems";
import { CliError, CliIo, EXIT } from "./io";
import { parseCommand } from "./commandArgs";
import { loadXlsx, saveXlsxAtomic, samePath } from "./files";
import { XlsxFile } from "./xlsx/xlsxFile";
import { writeInputTables } from "./inputTables";

export const IMPORT_HELP = `Usage: prodbook import SCRIPT.fountain|SCRIPT.fdx -o OUT.xlsx [--start YYYY-MM-DD] [--day-pages N]
       prodbook import REVISED.fountain|.fdx --into IN.xlsx [-o OUT.xlsx] [--revision COLOUR]

Reads a Fountain or Final Draft script: each scene heading becomes a strip (scene number, Int/Ext,
Set, Day/Night, Script Day, pages in eighths, speaking cast, first action line as Description),
characters become Cast rows, tagged elements (Final Draft tagging, Fountain notes such as
[[Props: gun, badge]]) become Breakdown rows. See docs/CLI.md for the rules.

A new workbook (-o) gets Settings, Stripboard (script order, a day break every --day-pages
pages, 5 by default, 0 for none), Cast, Breakdown and the Script Scenes import record.

--into merges a revised script into a workbook that has a board: strips keep their order, day
breaks, banners and hand edits; changed scenes get new pages, cast and elements and are marked
Changed with the revision colour; new scenes go to the Boneyard at the end of the Stripboard;
scenes gone from the script are marked OMITTED, never deleted. Without -o the workbook is
rewritten in place, through a temporary file that replaces it only when complete.

  -o, --output OUT.xlsx   where to write
  --into IN.xlsx          merge into this workbook
  --revision COLOUR       revision colour of this draft: ${REVISION_COLORS.join(", ")}
                          (default: the script's own, else the next after the workbook's last)
  --start YYYY-MM-DD      Start Date of a new workbook (default: the next Monday)
  --day-pages N           day breaks every N pages in a new workbook (default 5; 0 for none)
  --force                 replace OUT.xlsx if it exists
`;

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand("import", args, {
    output: { type: "string", short: "o" },
    into: { type: "string" },
    revision: { type: "string" },
    start: { type: "string" },
    "day-pages": { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    quiet: { type: "boolean", short: "q" },
  }, IMPORT_HELP, io);
  if (!parsed) return EXIT.ok;
  const o = parsed.values;
  if (parsed.positionals.length !== 1) throw new CliError("import needs one script: prodbook import SCRIPT.fountain -o OUT.xlsx (or --into IN.xlsx)", EXIT.usage);
  const scriptPath = parsed.positionals[0];
  if (!o.output && !o.into) throw new CliError("import needs an output: -o OUT.xlsx, or --into IN.xlsx to merge into a workbook", EXIT.usage);
  if (o.output && !/\.xlsx$/i.test(o.output)) throw new CliError(`The output must be an .xlsx file, not ${o.output}`, EXIT.usage);
  let revision: string | undefined;
  if (o.revision) {
    revision = revisionColor(o.revision);
    if (!revision) throw new CliError(`--revision must be one of ${REVISION_COLORS.join(", ")}, not ${o.revision}`, EXIT.usage);
  }
  const script = readScript(scriptPath);
  for (const w of script.warnings) io.stderr(`WARNING ${basename(scriptPath)} line ${w.line}: ${w.message}\n`);

  if (o.into) return merge(scriptPath, script, o.into, o.output, revision, io);

  const output = o.output!;
  if (existsSync(output) && !o.force) throw new CliError(`${output} already exists; choose another name, add --force to replace it, or use --into ${output} to merge the script into it`, EXIT.usage);
  let start = nextMonday(Math.floor(Date.now() / 86_400_000));
  if (o.start) {
    const d = parseDateCell(o.start);
    if (d === undefined) throw new CliError(`--start must be a date like 2027-03-01, not ${o.start}`, EXIT.usage);
    start = d;
  }
  const dayPages = o["day-pages"] === undefined ? 5 : Number(o["day-pages"]);
  if (!Number.isFinite(dayPages) || dayPages < 0) throw new CliError(`--day-pages must be a number of pages of 0 or more, not ${o["day-pages"]}`, EXIT.usage);
  const file = XlsxFile.create();
  const title = script.title || basename(scriptPath).replace(/\.[^.]+$/, "");
  const settings = scriptSettings(title, start);
  writeInputTables(file, { tables: [] }, [settings, ...scriptTables(script, { dayEighths: Math.round(dayPages * 8) })]);
  await saveXlsxAtomic(file, output);
  io.stdout(`${summary(scriptPath, script)}\nWrote ${output}: Settings, Stripboard, Cast (${script.cast.length}), Breakdown (${script.scenes.reduce((n, s) => n + s.elements.length, 0)} elements), Script Scenes.\n`);
  if (!o.start) io.stdout(`Start Date is set to ${formatIso(start)} (the next Monday); change it in Settings.\n`);
  return EXIT.ok;
}

async function merge(scriptPath: string, script: ImportedScript, into: string, output: string | undefined, revision: string | undefined, io: CliIo): Promise<number> {
  const target = output ?? into;
  if (output && samePath(output, into)) throw new CliError("With --into, -o names a copy to write; leave -o out to write into the workbook itself", EXIT.usage);
  const { file } = await loadXlsx(into);
  const input = file.readInput(basename(into));
  if (!findTable(input, "Stripboard")) {
    throw new CliError(`${basename(into)} has no Stripboard to merge into; import the script into a new workbook with -o instead`, EXIT.problems);
  }
  const colour = revision ?? script.revision ?? nextRevision(input);
  const { tables, summary: s } = mergeScript(input, script, colour);
  writeInputTables(file, input, tables);
  // The merged workbook must read: report what the engine finds before saving.
  const check = runEngine(file.readInput(basename(target)));
  const errors = check.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    for (const p of errors) io.stderr(describeProblem(p) + "\n");
    io.stderr(`The merged workbook would have ${errors.length} error(s); nothing was written.\n`);
    return EXIT.problems;
  }
  await saveXlsxAtomic(file, target);
  io.stdout(`${summary(scriptPath, script)}\nMerged into ${target} (${colour} revision): ${mergeSummaryText(s)}.\n`);
  return EXIT.ok;
}

function readScript(path: string): ImportedScript {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder, not a script`, EXIT.noInput);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(`No such file: ${path}`, EXIT.noInput);
    throw new CliError(`Cannot read ${path}: ${(e as Error).message}`, EXIT.noInput);
  }
  if (text.startsWith("PK\u0003\u0004") || text.startsWith("%PDF")) {
    throw new CliError(`${basename(path)} is not a text script: import a Fountain (.fountain) or Final Draft (.fdx) file`, EXIT.badFile);
  }
  try {
    return importScript(basename(path), text);
  } catch (e) {
    if (e instanceof ScriptError) throw new CliError(e.message, EXIT.badFile);
    throw e;
  }
}

function summary(path: string, s: ImportedScript): string {
  return scriptSummaryLine(basename(path), s);
}
