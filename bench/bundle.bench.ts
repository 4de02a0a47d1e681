import { execSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

type Report = (bench: string, value: number, unit: string) => void;

/**
 * The task pane's download: every script taskpane.html loads, gzipped as a server sends them.
 * Builds the production bundle first when dist/ has none.
 */
export async function run(report: Report): Promise<void> {
  const root = join(__dirname, "..");
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "taskpane.html"))) execSync("npm run --silent build", { cwd: root, stdio: "ignore" });
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  let total = 0;
  for (const src of scripts) {
    const file = join(dist, src.replace(/^\//, ""));
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    total += gz;
    report(`bundle.${src.replace(/\.js$/, "")}.gzip`, gz / 1024, "KiB");
  }
  report("bundle.taskpane.total.gzip", total / 1024, "KiB");
  const workers = readdirSync(dist).filter((f) => /worker.*\.js$/.test(f));
  for (const w of workers) report(`bundle.${w.replace(/\.js$/, "")}.gzip`, gzipSync(readFileSync(join(dist, w)), { level: 9 }).length / 1024, "KiB");
}
