/** `prodbook solve FILE.dat`: the exact talent scheduling solver on a file in Stuckey's format. */
import { EXIT } from "./io";
import { readFileSync } from "node:fs";
import { parseTalentDat, type TalentInstance } from "../core/optimize/talentInstance";
import { solveTalent } from "../core/optimize/talentSolver";
import { gapPercent } from "./optimizeCommand";

export interface SolveIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a file as UTF-8 text; the file system when left out. */
  readFile?: (p: string) => string;
}

export const SOLVE_HELP = `Usage: prodbook solve FILE.dat [--json] [--time-limit S]

Orders the scenes of FILE.dat so that the cast's paid days cost least (the talent scheduling
problem), and proves the order optimal. FILE.dat is in Peter Stuckey's talent format: a name
line; the number of scenes and of actors; one row per actor of 0/1 scene flags and a daily
cost; a row of scene durations in days.

  --json           print {"order": [...], "totalPaid": n, "idle": n, "optimal": true|false,
                   "lowerBound": n|null, "gap": x|null, "ms": n}
                   order: scene indices from 0 in shooting order; totalPaid: sum over actors of
                   cost x days from first to last scene; idle: totalPaid minus own scene days;
                   lowerBound: proved least totalPaid and gap: (totalPaid - lowerBound) /
                   lowerBound, both null when the order is proved optimal
  --time-limit S   stop after S seconds with the best order found (optimal: false if unproved)
  -h, --help       this text

Exit codes: 0 done (also when the time limit stopped the proof), 2 bad arguments, 3 missing or
unreadable file, 4 a file not in the format (as every prodbook command: docs/CLI.md).
`;


export async function runSolve(args: string[], io: SolveIo): Promise<number> {
  let file: string | undefined;
  let json = false;
  let timeLimitS: number | undefined;
  const fail = (message: string, code: number = EXIT.usage): number => {
    io.stderr(`prodbook solve: ${message}\n`);
    return code;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      io.stdout(SOLVE_HELP);
      return EXIT.ok;
    } else if (a === "--json") {
      json = true;
    } else if (a === "--time-limit" || a.startsWith("--time-limit=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === undefined) return fail("--time-limit needs a number of seconds");
      const s = Number(v);
      if (v.trim() === "" || !Number.isFinite(s) || s < 0) {
        return fail(`--time-limit needs a number of seconds, got "${v}"`);
      }
      timeLimitS = s;
    } else if (a.startsWith("-") && a !== "-") {
      return fail(`unknown option ${a} (prodbook solve --help)`);
    } else if (file === undefined) {
      file = a;
    } else {
      return fail(`takes one file, got ${file} and ${a}`);
    }
  }
  if (file === undefined) return fail("needs a file: prodbook solve FILE.dat (prodbook solve --help)");

  let text: string;
  try {
    text = (io.readFile ?? ((p: string) => readFileSync(p, "utf8")))(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(`no such file: ${file}`, EXIT.noInput);
    if (code === "EISDIR") return fail(`${file} is a folder, not a .dat file`, EXIT.noInput);
    return fail(`cannot read ${file}: ${(e as Error).message}`, EXIT.noInput);
  }
  let inst: TalentInstance;
  try {
    inst = parseTalentDat(text);
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`, EXIT.badFile);
  }

  const t0 = performance.now();
  const res = solveTalent(inst, {
    timeLimitMs: timeLimitS === undefined ? undefined : timeLimitS * 1000,
  });
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  // Unproved: how far above the proved lower bound the order may be (a fraction of the bound).
  const gap = res.optimal ? null : res.lowerBound > 0 ? (res.totalPaid - res.lowerBound) / res.lowerBound : null;
  if (json) {
    io.stdout(
      `{"order": [${res.order.join(", ")}], "totalPaid": ${res.totalPaid}, "idle": ${res.idle}, ` +
        `"optimal": ${res.optimal}, "lowerBound": ${res.optimal ? null : res.lowerBound}, "gap": ${gap}, "ms": ${ms}}\n`,
    );
    return EXIT.ok;
  }
  const lines = [
    `${inst.name}: ${inst.durations.length} scenes, ${inst.costs.length} actors`,
    `Order (scene numbers from 0): ${res.order.join(" ")}`,
    `Total paid: ${res.totalPaid}`,
    `Idle (waiting) cost: ${res.idle}`,
    res.optimal
      ? `Optimal: yes, proved in ${ms} ms`
      : `Optimal: not proved within the time limit (${ms} ms); the optimum is at least ${res.lowerBound}` +
        (gap === null ? "" : `, so this order is at most ${gapPercent(gap)} above the best possible`),
  ];
  io.stdout(lines.join("\n") + "\n");
  return EXIT.ok;
}
