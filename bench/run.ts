// Runs every bench/*.bench.ts (each exports `run(report)`), printing a table, or with --json one
// object a line: {"bench": "name", "value": 12.5, "unit": "ms"}. Timings are measured, never asserted.
import { readdirSync } from "node:fs";
import { join } from "node:path";

type Report = (bench: string, value: number, unit: string) => void;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const filters = args.filter((a) => !a.startsWith("--"));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const report: Report = (bench, value, unit) => {
    const v = Math.round(value * 1000) / 1000;
    if (json) process.stdout.write(JSON.stringify({ bench, value: v, unit }) + "\n");
    else process.stdout.write(`${bench.padEnd(48)} ${String(v).padStart(12)} ${unit}\n`);
  };
  for (const f of files) {
    if (!json) process.stderr.write(`# ${f}\n`);
    const mod = (await import(join(__dirname, f))) as { run: (r: Report) => Promise<void> | void };
    await mod.run(report);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
