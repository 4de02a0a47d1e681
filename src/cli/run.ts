import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CliError, CliIo, EXIT } from "./io";
import { PackageError } from "./xlsx/workbook";
import { runBuild, runCheck, runDemo, runReport } from "./commands";
import { runSolve } from "./solveCommand";
import { OPTIMIZE_HELP, runOptimize } from "./optimizeCommand";
import { IMPORT_HELP, runImport } from "./importCommand";
import { LEDGER_HELP, runLedger } from "./ledgerCommand";
import { LOCK_HELP, runLock } from "./lockCommand";
import { COMPARE_HELP, runCompare } from "./compareCommand";

const HELP: Record<string, string> = {
  main: `prodbook: film and TV budgets, cost reports and shooting schedules from .xlsx workbooks

Usage: prodbook <command> [options]

Commands:
  build IN.xlsx -o OUT.xlsx   write Top Sheet, Cost Report, Schedule, DOOD and call sheets into a copy
  check IN.xlsx               list problems in the input tables (exit 1 on an error)
  report IN.xlsx --json       the computed budget, schedule and DOOD as JSON
  demo -o FILE.xlsx           write the sample production "The Long Way Home"
  import SCRIPT -o OUT.xlsx   a board, cast and breakdown from a .fountain or .fdx script
                              (--into IN.xlsx merges a revised script; prodbook import --help)
  optimize IN.xlsx [-o OUT]   reorder the Stripboard for the least hold cost (prodbook optimize --help)
  ledger IN.xlsx --import F   append an accounting CSV export to the Ledger (prodbook ledger --help)
  lock IN.xlsx --name NAME    lock the current budget as a version, e.g. the Original (prodbook lock --help)
  compare A.xlsx B.xlsx ...   two to four budgets side by side, or against a locked version (prodbook compare --help)
  solve FILE.dat ...          the schedule optimizer (prodbook solve --help)

Options: --help (also after a command), --version

Exit codes: 0 done, 1 the workbook has errors, 2 bad arguments, 3 input missing or unreadable,
4 not a readable .xlsx (other format, password-protected, damaged), 5 output not written,
70 a bug in Prodbook. See docs/CLI.md.
`,
  build: `Usage: prodbook build IN.xlsx -o OUT.xlsx [--in-place] [--quiet]

Reads the input tables of IN.xlsx and writes every generated sheet (Top Sheet, Cost Report,
Schedule, DOOD, Call D1 ... Call Dn) into OUT.xlsx. Every part of IN Prodbook does not own
(sheets, charts, pivots, comments, macros) is copied byte for byte; an .xlsm stays an .xlsm.
Nothing is written when an input has an error: the problems are printed and the exit code is 1.

A generated sheet is replaced only when Prodbook wrote it and nobody has changed it since; a
changed one is kept and the new one is written beside it ("Top Sheet (2)"), with a message.

  -o, --output OUT.xlsx   where to write (must differ from IN unless --in-place)
  --in-place              write into IN.xlsx itself, through a temporary file that replaces it
                          only when complete (mode, owner, symbolic and hard links are kept)
  -q, --quiet             no progress lines on standard error for large files
`,
  check: `Usage: prodbook check IN.xlsx [--json]

Lists every problem in the input tables with sheet, cell, table, row, column and message.
Exit 1 when there is at least one error, 0 otherwise (warnings alone exit 0).

  --json   print {"errors": n, "warnings": n, "problems": [...]} instead
`,
  report: `Usage: prodbook report IN.xlsx --json

Prints the computed results: budget (sections, markups, every account with budget, fringes,
actual, committed, ETC, EFC, variance, status), schedule days, DOOD and problems, as one JSON
object (WORKBOOK.md). Money is in currency units rounded to cents, dates are YYYY-MM-DD.
Without --json, a short readable summary. Exit 1 when the workbook has an error.
`,
  optimize: OPTIMIZE_HELP,
  import: IMPORT_HELP,
  ledger: LEDGER_HELP,
  lock: LOCK_HELP,
  compare: COMPARE_HELP,
  demo: `Usage: prodbook demo -o FILE.xlsx [--build] [--force]

Writes the sample production "The Long Way Home": a short feature with a full chart of
accounts, US payroll fringes, markups, a ledger, a stripboard of 45 strips over 11 days, cast
and locations, each as an Excel table.

  -o, --output FILE.xlsx   where to write
  --build                  also write the generated sheets
  --force                  replace FILE.xlsx if it exists
`,
};

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

interface Parsed {
  positional: string[];
  output?: string;
  flags: Set<string>;
}

const FLAGS: Record<string, string[]> = {
  build: ["in-place", "quiet"],
  check: ["json", "quiet"],
  report: ["json", "quiet"],
  demo: ["build", "force"],
};

function parse(cmd: string, args: string[]): Parsed {
  const out: Parsed = { positional: [], flags: new Set() };
  const allowed = new Set([...(FLAGS[cmd] ?? []), "help"]);
  const takesOutput = cmd === "build" || cmd === "demo";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output" || a.startsWith("--output=")) {
      if (!takesOutput) throw new CliError(`${cmd} takes no output file`, EXIT.usage);
      const v = a.startsWith("--output=") ? a.slice(9) : args[++i];
      if (!v) throw new CliError(`${a} needs a file name`, EXIT.usage);
      out.output = v;
    } else if (a === "-h") out.flags.add("help");
    else if (a === "-q") out.flags.add("quiet");
    else if (a.startsWith("--")) {
      const name = a.slice(2);
      if (!allowed.has(name)) throw new CliError(`Unknown option ${a} for ${cmd} (prodbook ${cmd} --help)`, EXIT.usage);
      out.flags.add(name);
    } else if (a.startsWith("-") && a !== "-") throw new CliError(`Unknown option ${a} for ${cmd} (prodbook ${cmd} --help)`, EXIT.usage);
    else out.positional.push(a);
  }
  return out;
}

function oneInput(cmd: string, p: Parsed): string {
  if (p.positional.length === 0) throw new CliError(`${cmd} needs an input workbook: prodbook ${cmd} IN.xlsx`, EXIT.usage);
  if (p.positional.length > 1) throw new CliError(`${cmd} takes one input workbook, got ${p.positional.join(" ")}`, EXIT.usage);
  return p.positional[0];
}

/** The `prodbook` command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
      const topic = cmd === "help" && rest[0] && HELP[rest[0]] ? rest[0] : "main";
      io.stdout(HELP[topic]);
      return cmd ? EXIT.ok : EXIT.usage;
    }
    if (cmd === "--version" || cmd === "-V" || cmd === "version") {
      io.stdout(`prodbook ${version()}\n`);
      return EXIT.ok;
    }
    // `solve` belongs to the optimizer engineer (src/cli/solveCommand.ts): its own arguments and help.
    if (cmd === "solve") return await runSolve(rest, io);
    if (cmd === "optimize") return await runOptimize(rest, io);
    if (cmd === "import") return await runImport(rest, io);
    if (cmd === "ledger") return await runLedger(rest, io);
    if (cmd === "lock") return await runLock(rest, io);
    if (cmd === "compare") return await runCompare(rest, io);
    if (!HELP[cmd] || cmd === "main") throw new CliError(`Unknown command ${cmd}. Commands: build, check, report, demo, import, optimize, ledger, lock, compare, solve (prodbook --help)`, EXIT.usage);
    const p = parse(cmd, rest);
    if (p.flags.has("help")) {
      io.stdout(HELP[cmd]);
      return EXIT.ok;
    }
    switch (cmd) {
      case "build":
        return await runBuild({ input: oneInput(cmd, p), output: p.output, inPlace: p.flags.has("in-place"), quiet: p.flags.has("quiet") }, io);
      case "check":
        return await runCheck({ input: oneInput(cmd, p), json: p.flags.has("json"), quiet: p.flags.has("quiet") }, io);
      case "report":
        return await runReport({ input: oneInput(cmd, p), json: p.flags.has("json"), quiet: p.flags.has("quiet") }, io);
      case "demo":
        if (p.positional.length > 0 && !p.output) p.output = p.positional[0];
        return await runDemo({ output: p.output, force: p.flags.has("force"), build: p.flags.has("build") }, io);
    }
    return EXIT.usage;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`prodbook: ${e.message}\n`);
      return e.code;
    }
    if (e instanceof PackageError) {
      // A part found damaged while reading a table: nothing was written.
      io.stderr(`prodbook: the workbook is damaged: ${e.message}. Open it in Excel or LibreOffice, save it again, and retry; nothing was written\n`);
      return EXIT.badFile;
    }
    io.stderr(`prodbook: internal error, please report it: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}
