#!/usr/bin/env node
// Runs every bench/*.bench.ts (each exports `run(report)`), printing a table, or with --json one
// object a line: {"bench": "name", "value": 12.5, "unit": "ms"}. Timings are measured, never asserted.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const filters = args.filter((a) => !a.startsWith("--"));
const files = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const report = (bench, value, unit) => {
  const v = Math.round(value * 1000) / 1000;
  if (json) process.stdout.write(JSON.stringify({ bench, value: v, unit }) + "\n");
  else process.stdout.write(`${bench.padEnd(48)} ${String(v).padStart(12)} ${unit}\n`);
};

for (const f of files) {
  if (!json) process.stderr.write(`# ${f}\n`);
  const mod = await import(pathToFileURL(join(root, "bench", f)).href);
  await mod.run(report);
}
