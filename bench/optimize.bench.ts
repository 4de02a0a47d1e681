// The exact talent scheduling solver on the published instances of ../shared/data/talent: time
// to prove the optimum, whether it was proved, and the gap to the published optimum (total paid).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTalentDat } from "../src/core/optimize/talentInstance";
import { solveTalent } from "../src/core/optimize/talentSolver";

const DIR = join(__dirname, "..", "..", "shared", "data", "talent");
/** Timed runs per instance (the median is reported); one for an instance taking over a second. */
const RUNS = 5;

interface Record {
  source_file: string;
  optimum_total_paid: number | null;
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const records = JSON.parse(readFileSync(join(DIR, "instances.json"), "utf8")) as Record[];
  const stem = (f: string): string => f.replace(/^.*\//, "").replace(/\.dat$/, "");
  const instances = readdirSync(DIR)
    .filter((f) => f.endsWith(".dat"))
    .sort()
    .map((f) => ({
      name: stem(f),
      inst: parseTalentDat(readFileSync(join(DIR, f), "utf8")),
      published: records.find(
        (r) => r.source_file.startsWith("stuckey_talent_format/") && stem(r.source_file) === stem(f),
      )?.optimum_total_paid,
    }));
  // Warm the JIT on every instance first, so that no instance is charged for compiling the
  // solver (a fresh process, as the CLI is, takes some 2-3x longer on its first solve).
  for (const { inst } of instances) solveTalent(inst);

  for (const { name, inst, published } of instances) {
    const times: number[] = [];
    let res = solveTalent(inst);
    times.push(res.stats.ms);
    for (let i = 1; i < RUNS && res.stats.ms < 1000; i++) {
      res = solveTalent(inst);
      times.push(res.stats.ms);
    }
    times.sort((a, b) => a - b);
    report(`optimize.${name}.ms`, times[Math.floor(times.length / 2)], "ms");
    report(`optimize.${name}.optimal`, res.optimal ? 1 : 0, "1/0");
    if (published !== undefined && published !== null) {
      report(`optimize.${name}.gap`, res.totalPaid - published, "total paid");
    }
  }

  // DDOLib's 48 generated instances (no published optima): CPU ms of the solve (the machine is
  // shared, so wall time overstates it), whether it was proved, and the gap to the lower bound
  // when not (a fraction of it, 0 when proved).
  const ddoDir = join(DIR, "ddolib");
  const ddo = readdirSync(ddoDir)
    .filter((f) => /^instance_.*\.txt$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/^instance_/, "").replace(/\.txt$/, ""), inst: parseTalentDat(readFileSync(join(ddoDir, f), "utf8")) }));
  solveTalent(ddo[0].inst);
  for (const { name, inst } of ddo) {
    const times: number[] = [];
    let res: ReturnType<typeof solveTalent> | undefined;
    for (let i = 0; i < RUNS && (i === 0 || times[0] < 1000); i++) {
      const c0 = process.cpuUsage();
      res = solveTalent(inst);
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    report(`optimize.ddolib.${name}.ms`, times[Math.floor(times.length / 2)], "ms");
    report(`optimize.ddolib.${name}.optimal`, res!.optimal ? 1 : 0, "1/0");
    report(`optimize.ddolib.${name}.gap`, res!.optimal ? 0 : (res!.totalPaid - res!.lowerBound) / res!.lowerBound, "fraction");
  }
}
