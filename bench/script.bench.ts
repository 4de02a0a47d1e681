// Script import: a 120-page feature (Big Fish, the Fountain sample feature, 121 pages, 192
// scenes) parsed, paginated and turned into tables; and the per-scene eighths agreement with
// afterwriting's independent pagination on every real Fountain script in the fixtures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importScript } from "../src/core/script";
import { scriptTables } from "../src/core/script/tables";
import { afterwritingEighths, agreement } from "./afterwriting";

type Report = (bench: string, value: number, unit: string) => void;

const FIX = join(__dirname, "..", "test", "fixtures", "scripts");
const REAL = [
  ["fountain-tests/Big Fish.fountain", "bigfish"],
  ["stripboard-dev/screenplay-longform.fountain", "longform"],
  ["stripboard-dev/screenplay-nightfall.fountain", "nightfall"],
  ["stripboard-dev/screenplay-harbour.fountain", "harbour"],
  ["stripboard-dev/screenplay.fountain", "sherlock"],
] as const;

export function run(report: Report): void {
  const feature = readFileSync(join(FIX, REAL[0][0]), "utf8");
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const s = importScript("Big Fish.fountain", feature);
    scriptTables(s);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  report("script import 121-page feature (median of 7)", times[3], "ms");
  let matched = 0;
  let same = 0;
  let within = 0;
  for (const [path, name] of REAL) {
    const text = readFileSync(join(FIX, path), "utf8");
    const ours = importScript(path, text).scenes.map((s) => ({ heading: s.heading, eighths: s.eighths }));
    const a = agreement(ours, afterwritingEighths(text));
    report(`script eighths = afterwriting, ${name} (${a.matched} scenes)`, (100 * a.same) / a.matched, "%");
    report(`script eighths within 1/8 of afterwriting, ${name}`, (100 * a.withinOne) / a.matched, "%");
    report(`script total eighths ours - afterwriting, ${name}`, a.oursTotal - a.theirsTotal, "eighths");
    matched += a.matched;
    same += a.same;
    within += a.withinOne;
  }
  report(`script eighths = afterwriting, all (${matched} scenes)`, (100 * same) / matched, "%");
  report("script eighths within 1/8 of afterwriting, all", (100 * within) / matched, "%");
}
