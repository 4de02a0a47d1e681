import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The built command line, as a user runs it (`npm run build:cli` first). */
export const ROOT = join(__dirname, "..", "..");
export const MAIN = join(ROOT, "lib", "cli", "main.js");

/** Runs `prodbook ARGS` in `cwd` as a child process. */
export function runProdbook(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export async function loadXlsxFile(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of a sheet as `A1 → {value, numFmt}`, for cell-for-cell comparison. */
export function cellsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      out[c.address] = { value: c.value instanceof Date ? c.value.toISOString() : c.value, numFmt: c.numFmt ?? null };
    }),
  );
  return out;
}
