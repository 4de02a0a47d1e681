// `prodbook build` on a large production: 20,000 budget lines, 2,000 strips over 300 days.
// The build runs as a user runs it (node lib/cli/main.js in a child process); time is wall clock,
// memory is the child's peak resident set (process.resourceUsage().maxRSS at exit).
import ExcelJS from "exceljs";
import { execSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { sampleWorkbook } from "../src/cli/demo";
import { columnLetters } from "../src/core/cells";

type Report = (bench: string, value: number, unit: string) => void;

const ROOT = resolve(__dirname, "..");

function addTable(wb: ExcelJS.Workbook, name: string, headers: string[], rows: ExcelJS.CellValue[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows });
}

export function largeProduction(lines = 20_000, strips = 2_000, days = 300): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addTable(wb, "Settings", ["Key", "Value"], [["Production", "Large Bench Feature"], ["Start Date", new Date(Date.UTC(2027, 0, 4))], ["Drop Days", 10]]);
  const accounts: ExcelJS.CellValue[][] = [];
  const leaves: string[] = [];
  for (let s = 1; s <= 4; s++) {
    accounts.push([`${s}000`, `Section ${s}`, null]);
    for (let c = 1; c <= 10; c++) {
      const cat = `${s}${String(c).padStart(2, "0")}0`;
      accounts.push([cat, `Category ${cat}`, `${s}000`]);
      for (let d = 1; d <= 10; d++) {
        const code = `${cat}.${d}`;
        accounts.push([code, `Detail ${code}`, cat]);
        leaves.push(code);
      }
    }
  }
  addTable(wb, "Accounts", ["Code", "Name", "Parent"], accounts);
  addTable(wb, "Fringes", ["Code", "Name", "Type", "Rate", "Cutoff"], [
    ["FICA", "Social Security", "%", 0.062, 184500],
    ["MED", "Medicare", "%", 0.0145, null],
    ["FUI", "FUTA", "%", 0.006, 7000],
    ["PH", "Union P&H", "Flat", 88, null],
  ]);
  const budget: ExcelJS.CellValue[][] = [];
  for (let i = 0; i < lines; i++) {
    budget.push([leaves[i % leaves.length], `Line ${i + 1}`, 1 + (i % 20), "Days", i % 3 === 0 ? 2 : null, 100 + ((i * 37) % 900) + 0.25, i % 2 === 0 ? "FICA, MED, FUI, PH" : null]);
  }
  addTable(wb, "Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], budget);
  addTable(wb, "Markups", ["Name", "Percent", "Applies To"], [["Contingency", 0.1, null]]);
  const ledger: ExcelJS.CellValue[][] = [];
  for (let i = 0; i < 2000; i++) ledger.push([new Date(Date.UTC(2027, 0, 1 + (i % 200))), leaves[(i * 7) % leaves.length], "Vendor", "Invoice", 500 + (i % 50) * 10, i % 3 ? "Actual" : "Committed"]);
  addTable(wb, "Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type"], ledger);
  const castN = 40;
  const cast: ExcelJS.CellValue[][] = [];
  for (let i = 1; i <= castN; i++) cast.push([String(i), `CHARACTER ${i}`, `Actor ${i}`, 1000 + i * 10, 30 + (i % 4) * 15, ""]);
  addTable(wb, "Cast", ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], cast);
  const locs: ExcelJS.CellValue[][] = [];
  for (let i = 1; i <= 20; i++) locs.push([`Location ${i}`, `${i} Main St`, "Lot", "General Hospital", 34 + i / 100, -118 - i / 100, "", "America/Los_Angeles"]);
  addTable(wb, "Locations", ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"], locs);
  const board: ExcelJS.CellValue[][] = [];
  const perDay = Math.ceil(strips / days);
  let made = 0;
  for (let d = 1; d <= days; d++) {
    for (let k = 0; k < perDay && made < strips; k++, made++) {
      const ie = made % 2 ? "INT" : "EXT";
      const dn = made % 3 ? "DAY" : "NIGHT";
      const c1 = 1 + (made % castN);
      const c2 = 1 + ((made * 7) % castN);
      board.push([String(made + 1), ie, dn, `SET ${made % 50}`, `Location ${1 + (d % 20)}`, `${1 + (made % 3)} ${made % 8}/8`.replace(" 0/8", ""), c1 === c2 ? String(c1) : `${c1}, ${c2}`, `Scene ${made + 1}`, `D${d}`, null, null]);
    }
    if (d < days) board.push([`End of Day ${d}`, null, null, null, null, null, null, null, null, null, null]);
  }
  addTable(wb, "Stripboard", ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"], board);
  return wb;
}

/** `prodbook build IN -o OUT` in a child process: wall-clock time and the child's peak RSS. */
function timedBuild(input: string, output: string): { ms: number; rss: number } {
  const main = join(ROOT, "lib", "cli", "main.js");
  const wrapper = `process.on("exit", () => process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n")); process.argv = [process.argv[0], ${JSON.stringify(main)}, "build", ${JSON.stringify(input)}, "-o", ${JSON.stringify(output)}, "--quiet"]; require(${JSON.stringify(main)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", wrapper], { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { ms, rss: Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 }; // KiB → MiB
}

/** The sample production plus a sheet "Actuals Export" of rows × cols numbers. */
function userSheetWorkbook(rows: number, cols: number): Uint8Array {
  const f = sampleWorkbook();
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  const letters = Array.from({ length: cols }, (_, i) => columnLetters(i + 1));
  for (let r = 1; r <= rows; r++) {
    let line = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) line += `<c r="${letters[c]}${r}"><v>${(r * 31 + c * 17) % 10007}</v></c>`;
    parts.push(line + "</row>");
  }
  parts.push("</sheetData></worksheet>");
  f.putSheet("Actuals Export", parts.join(""));
  return f.toBytes();
}

export async function run(report: Report): Promise<void> {
  execSync("npm run build:cli", { cwd: ROOT, stdio: "pipe" });
  const dir = mkdtempSync(join(tmpdir(), "prodbook-bench-"));
  try {
    const input = join(dir, "large.xlsx");
    await largeProduction().xlsx.writeFile(input);
    report("cli.build.20k-lines.2k-strips.300d.input", statSync(input).size / 1e6, "MB");
    const big = timedBuild(input, join(dir, "out.xlsx"));
    report("cli.build.20k-lines.2k-strips.300d.time", big.ms, "ms");
    report("cli.build.20k-lines.2k-strips.300d.peakRss", big.rss, "MiB");
    report("cli.build.20k-lines.2k-strips.300d.output", statSync(join(dir, "out.xlsx")).size / 1e6, "MB");

    // The demo's tables beside a user's sheet of 1,000,000 numbers that Prodbook does not need:
    // time and memory must follow the contract's tables, not the user's sheet.
    const usersheet = join(dir, "usersheet.xlsx");
    writeFileSync(usersheet, userSheetWorkbook(1000, 1000));
    report("cli.build.usersheet-1M-cells.input", statSync(usersheet).size / 1e6, "MB");
    const u = timedBuild(usersheet, join(dir, "usersheet-out.xlsx"));
    report("cli.build.usersheet-1M-cells.time", u.ms, "ms");
    report("cli.build.usersheet-1M-cells.peakRss", u.rss, "MiB");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
