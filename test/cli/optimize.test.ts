import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip library, to make a table as Excel writes it
import { execSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, cellsOf, loadXlsxFile, runProdbook } from "./run";

// `prodbook optimize` run as a user runs it: `node lib/cli/main.js optimize …` in a child process,
// on workbooks built here with ExcelJS and read back from disk.
let dir: string;

/*
 * The board, worked out by hand. Start Date Mon 2027-03-01, Days Off Sat/Sun, so days 1-3 are
 * Mar 1, 2, 3. Cast 1 (Ann, $1,000/day) is in scenes 1 and 5, cast 2 (Bob, $500) in 2 and 4.
 * Current order: day 1 = 1, 2; day 2 = 3 (locked), 4; day 3 = 5 (no End of Day row after it).
 * Ann works days 1 and 3: 1 hold day, $1,000. Bob works days 1-2: no hold, but he is unavailable
 * on Mar 1 (table Unavailable), so the current board breaks a rule too.
 * No Pages Per Day: 3 days as now, each up to 2 pages (the fullest day now); every strip is 1 page.
 * Company Move Cost $2,000 a change of location within a day.
 * The only order with no hold and no move: Ann's 1 and 5 together on day 1 (day 3 would leave
 * Bob's 2 and 4 to share day 2 with the locked 3: 3 pages > 2); day 2 = 3 + 4 (both Park), day
 * 3 = 2 (Loft). Any other split costs a hold ($1,000 or $500) or a move ($2,000). So after:
 * 0 hold days, $0, 0 moves, 3 days; Ann SWF on day 1, Bob SW day 2, WF day 3.
 */
const HEADERS = ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Lock", "Shoot By", "Notes"];
const SHOOT_BY = new Date(Date.UTC(2027, 2, 10));
const eod = (text: string): ExcelJS.CellValue[] => [text, null, null, null, null, null, null, null, null, null, null];
const BOARD: ExcelJS.CellValue[][] = [
  ["1", "INT", "DAY", "LOFT", "Loft", "1", "1", "=SUM(A1)", null, SHOOT_BY, "+1 take"],
  ["2", "INT", "DAY", "LOFT", "Loft", 1, "2", "Bob arrives", null, null, "-2 dB"],
  eod("End of Day 1"),
  ["3", "EXT", "DAY", "PARK", "Park", "1", null, "Empty park", "x", null, "@noon"],
  ["4", "EXT", "DAY", "PARK", "Park", "1", "2", "Bob runs", null, null, null],
  eod("End of Day 2"),
  ["5", "INT", "NIGHT", "LOFT", "Loft", "1", "1", "Ann alone", null, null, null],
];

interface BoardOptions {
  /** The Stripboard as an Excel table at B3 with a totals row (else a plain sheet, header in row 1). */
  table: boolean;
  /** Extra rows in a sheet-based board: blank rows the rewrite leaves out. */
  blankRows?: number;
  unavailableCast?: string;
  /** A cell right under the table's totals row. */
  blockBelow?: boolean;
  /** The board as an Excel table of this name at A1 of a sheet named Stripboard, no totals row. */
  otherName?: string;
}

function boardWorkbook(o: BoardOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // The board sheet first, so LibreOffice's CSV of the first sheet is the board.
  if (o.otherName) {
    wb.addWorksheet("Stripboard").addTable({ name: o.otherName, ref: "A1", headerRow: true, columns: HEADERS.map((name) => ({ name })), rows: BOARD });
  } else if (o.table) {
    const ws = wb.addWorksheet("Board");
    ws.getCell("A1").value = "Shooting order";
    ws.addTable({
      name: "Stripboard",
      ref: "B3",
      headerRow: true,
      totalsRow: true,
      columns: HEADERS.map((name, i) => (i === 1 ? { name, totalsRowFunction: "count" } : { name, totalsRowFunction: "none" })),
      rows: BOARD,
    });
    // Header row 3, data rows 4-10, totals row 11, a note on row 13 (or right below the totals).
    ws.getCell(o.blockBelow ? "B12" : "B13").value = "Notes below";
    ws.getCell("E5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } }; // scene 2's strip colour
  } else {
    const ws = wb.addWorksheet("Stripboard");
    const rows = [HEADERS, ...BOARD.slice(0, 3), ...Array.from({ length: o.blankRows ?? 0 }, () => []), ...BOARD.slice(3)];
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 1).getCell(j + 1).value = v)));
  }
  const settings = wb.addWorksheet("Settings");
  settings.addTable({
    name: "Settings",
    ref: "A1",
    columns: [{ name: "Key" }, { name: "Value" }],
    rows: [
      ["Production", "Optimize Test"],
      ["Start Date", new Date(Date.UTC(2027, 2, 1))],
      ["Company Move Cost", 2000],
      ["Drop Days", 30],
    ],
  });
  const cast = wb.addWorksheet("Cast");
  cast.addRow(["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"]);
  cast.addRow(["1", "ANN", "Ann Actor", 1000, 30, "=ann"]);
  cast.addRow(["2", "BOB", "Bob Actor", 500, 30, null]);
  const un = wb.addWorksheet("Unavailable");
  un.addTable({ name: "Unavailable", ref: "A1", columns: [{ name: "Cast ID" }, { name: "From" }, { name: "To" }], rows: [[o.unavailableCast ?? "2", new Date(Date.UTC(2027, 2, 1)), null]] });
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "=not a formula";
  notes.getCell("B2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  notes.getCell("C3").value = 42.5;
  notes.getCell("C3").numFmt = "0.00";
  return wb;
}

beforeAll(async () => {
  execSync("npm run build:cli", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "prodbook-optimize-"));
  await boardWorkbook({ table: true }).xlsx.writeFile(join(dir, "table.xlsx"));
  await boardWorkbook({ table: false, blankRows: 2 }).xlsx.writeFile(join(dir, "sheet.xlsx"));
  await boardWorkbook({ table: true, unavailableCast: "9" }).xlsx.writeFile(join(dir, "bad.xlsx"));
  await boardWorkbook({ table: true, blockBelow: true }).xlsx.writeFile(join(dir, "blocked.xlsx"));
  await boardWorkbook({ table: false, otherName: "Table1" }).xlsx.writeFile(join(dir, "table1.xlsx"));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function prodbook(...args: string[]): { code: number; out: string; err: string } {
  return runProdbook(dir, ...args);
}

function load(name: string): Promise<ExcelJS.Workbook> {
  return loadXlsxFile(join(dir, name));
}


/** Values of rows r1..r2, columns c1..c2 (dates as ISO text). */
function block(ws: ExcelJS.Worksheet, r1: number, r2: number, c1: number, c2: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = r1; r <= r2; r++) {
    const line: unknown[] = [];
    for (let c = c1; c <= c2; c++) {
      const v = ws.getRow(r).getCell(c).value;
      line.push(v instanceof Date ? v.toISOString() : (v ?? null));
    }
    out.push(line);
  }
  return out;
}

function tableModel(ws: ExcelJS.Worksheet): { tableRef: string; autoFilterRef?: string } {
  return (ws.getTables()[0] as unknown as { table: { tableRef: string; autoFilterRef?: string } }).table;
}

interface Report {
  schedule: { days: { day: number; date: string; scenes: string[]; pages: string }[] };
  dood: { cast: { id: string; codes: string[]; hold: number; holdCost: number }[] };
  problems: { severity: string }[];
}

function report(name: string): Report {
  const r = prodbook("report", name, "--json");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Report;
}

const ORDER = [["1", "5"], ["3", "4"], ["2"]];

describe("prodbook optimize: a dry run", () => {
  it("prints hold days, hold cost, moves and days before and after, and writes nothing", () => {
    const before = readdirSync(dir).sort();
    // Two seconds, so a once-a-second progress line is due before the search ends.
    const r = prodbook("optimize", "table.xlsx", "--time-limit", "2");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Hold days\s+1\s+0\n/);
    expect(r.out).toMatch(/Hold cost \(USD\)\s+1,000\.00\s+0\.00\n/);
    expect(r.out).toMatch(/Company moves\s+0\s+0\n/);
    expect(r.out).toMatch(/Shooting days\s+3\s+3\n/);
    expect(r.out).toContain("Basis: 3 days as now, each up to 2 pages (the fullest day now)");
    expect(r.out).toContain("Dry run: nothing was written");
    expect(r.err).toContain("Optimizing the Stripboard for 2 s");
    expect(r.err).toMatch(/\[1 s\] best so far [\d,.]+ USD: \d+ hold days?, \d+ company moves?; [\d,]+ tries\n/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("prints one JSON object with money in currency units to two decimals", () => {
    const r = prodbook("optimize", "table.xlsx", "--time-limit", "1", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe(""); // no progress lines with --json
    expect(r.out).toContain('"holdCost": 1000.00');
    const j = JSON.parse(r.out);
    expect(j.before).toEqual({ holdDays: 1, holdCost: 1000, moves: 0, days: 3, total: 1000 });
    expect(j.after).toEqual({ holdDays: 0, holdCost: 0, moves: 0, days: 3, total: 0 });
    expect(j.improved).toBe(true);
    expect(j.basis).toMatch(/3 days as now/);
    expect(j.iterations).toBeGreaterThan(0);
    expect(j.ms).toBeGreaterThan(0);
    expect(j.written).toBeNull();
  });
});

describe("prodbook optimize -o on an Excel table", () => {
  let run: { code: number; out: string; err: string };
  let input: ExcelJS.Workbook;
  let out: ExcelJS.Workbook;

  beforeAll(async () => {
    run = prodbook("optimize", "table.xlsx", "-o", "table-out.xlsx", "--time-limit", "1");
    input = await load("table.xlsx");
    out = await load("table-out.xlsx");
  });

  it("reports the write and the way back", () => {
    expect(run.code).toBe(0);
    expect(run.out).toContain("Wrote the new order to table-out.xlsx (table Stripboard on sheet Board: 8 rows, was 7)");
    expect(run.out).toContain("--restore");
  });

  it("keeps every strip once, the lock and the unavailable date, and removes the hold", () => {
    const rep = report("table-out.xlsx");
    expect(rep.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rep.schedule.days.map((d) => d.scenes)).toEqual(ORDER);
    expect(rep.schedule.days.map((d) => d.date)).toEqual(["2027-03-01", "2027-03-02", "2027-03-03"]);
    expect(rep.schedule.days[1].scenes).toContain("3"); // locked to day 2
    expect(rep.schedule.days[0].scenes).not.toContain("2"); // Bob is unavailable on Mar 1
    expect(rep.schedule.days[0].scenes).not.toContain("4");
    expect(rep.dood.cast.map((c) => [c.id, c.codes, c.hold, c.holdCost])).toEqual([
      ["1", ["SWF", "", ""], 0, 0],
      ["2", ["", "SW", "WF"], 0, 0],
    ]);
  });

  it("rewrites the table body with day breaks, resizes the table and moves its totals row", () => {
    const ws = out.getWorksheet("Board")!;
    // Header row 3, 8 data rows (5 strips, 3 day breaks) on rows 4-11, totals on row 12.
    expect(tableModel(ws)).toMatchObject({ tableRef: "B3:L12", autoFilterRef: "B3:L11" });
    expect(block(ws, 4, 11, 2, 2).flat()).toEqual([
      "1",
      "5",
      "End of Day 1 — 2027-03-01 — 2 pages",
      "3",
      "4",
      "End of Day 2 — 2027-03-02 — 2 pages",
      "2",
      "End of Day 3 — 2027-03-03 — 1 page",
    ]);
    expect(ws.getCell("B12").value).toBe("Total");
    expect(ws.getCell("C12").value).toMatchObject({ formula: "SUBTOTAL(103,Stripboard[Int/Ext])" });
    expect(ws.getCell("B13").value).toBe("Notes below"); // the user's note under the table stays put
    expect(ws.getCell("A1").value).toBe("Shooting order");
  });

  it("keeps text as text, dates as dates and a strip's colour with its strip", () => {
    const ws = out.getWorksheet("Board")!;
    expect(ws.getCell("I4").value).toBe("=SUM(A1)");
    expect(ws.getCell("I4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("L4").value).toBe("+1 take");
    expect(ws.getCell("L10").value).toBe("-2 dB");
    expect(ws.getCell("L7").value).toBe("@noon");
    expect(ws.getCell("G10").value).toBe(1); // scene 2's page count was a number and stays one
    expect(ws.getCell("K4").value).toEqual(SHOOT_BY);
    expect(ws.getCell("E10").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } }); // scene 2 moved from row 5 to 10
    expect(ws.getCell("E5").fill).toBeUndefined();
  });

  it("leaves every other sheet unchanged, cell for cell", () => {
    for (const name of ["Settings", "Cast", "Unavailable", "Notes"]) expect(cellsOf(out.getWorksheet(name)!)).toEqual(cellsOf(input.getWorksheet(name)!));
    expect(out.getWorksheet("Notes")!.getCell("B2").value).toEqual({ formula: "1+1", result: 2 });
  });

  it("keeps the old rows in a very hidden sheet", () => {
    const undo = out.getWorksheet("_Prodbook Undo")!;
    expect(undo.state).toBe("veryHidden");
    expect(undo.getCell("A1").value).toBe("Prodbook stripboard before optimizing");
    expect(block(undo, 2, 2, 1, 11)[0]).toEqual(HEADERS);
    expect(block(undo, 3, 9, 1, 1).flat()).toEqual(["1", "2", "End of Day 1", "3", "4", "End of Day 2", "5"]);
    expect(undo.getCell("H3").value).toBe("=SUM(A1)");
    expect(undo.getCell("J3").value).toEqual(SHOOT_BY);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    "opens in LibreOffice, which reads the resized table (its totals count 5 strips over the new range)",
    () => {
      const csvDir = join(dir, "csv"); // 44,34,76: comma, double quote, UTF-8
      execSync(`"${soffice}" -env:UserInstallation=file://${join(dir, "lo-profile")} --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76" --outdir "${csvDir}" table-out.xlsx`, { cwd: dir, stdio: "pipe", timeout: 120_000 });
      const lines = readFileSync(join(csvDir, "table-out.csv"), "utf8").split(/\r?\n/);
      expect(lines[3]).toMatch(/^,1,INT,DAY,LOFT,Loft,1,1,=SUM\(A1\),,[^,]*2027[^,]*,\+1 take$/);
      expect(lines.slice(3, 11).map((l) => l.split(",")[1])).toEqual(["1", "5", "End of Day 1 — 2027-03-01 — 2 pages", "3", "4", "End of Day 2 — 2027-03-02 — 2 pages", "2", "End of Day 3 — 2027-03-03 — 1 page"]);
      // SUBTOTAL(103, Stripboard[Int/Ext]) recalculated by LibreOffice: 5 strips with Int/Ext.
      expect(lines[11]).toMatch(/^,Total,5,/);
    },
    150_000,
  );

  it("--restore puts the old rows back exactly and shrinks the table again", async () => {
    const r = prodbook("optimize", "table-out.xlsx", "--restore", "-o", "table-back.xlsx");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Restored the Stripboard order");
    const back = await load("table-back.xlsx");
    const ws = back.getWorksheet("Board")!;
    const orig = input.getWorksheet("Board")!;
    expect(tableModel(ws)).toMatchObject({ tableRef: "B3:L11", autoFilterRef: "B3:L10" });
    expect(block(ws, 3, 10, 2, 12)).toEqual(block(orig, 3, 10, 2, 12));
    expect(ws.getCell("B11").value).toBe("Total");
    expect(block(ws, 12, 12, 2, 12)[0].every((v) => v === null)).toBe(true); // the row the table gave back is empty
    expect(ws.getCell("E5").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(back.getWorksheet("_Prodbook Undo")).toBeUndefined();
    expect(report("table-back.xlsx").schedule.days.map((d) => d.scenes)).toEqual([["1", "2"], ["3", "4"], ["5"]]);
  });

  it("finds nothing better on the optimized board: -o writes an unchanged copy, --in-place leaves the file alone", async () => {
    const r = prodbook("optimize", "table-out.xlsx", "-o", "table-again.xlsx", "--time-limit", "0.3");
    expect(r.code).toBe(0);
    expect(r.out).toContain("No better order found: wrote table-again.xlsx as an unchanged copy");
    const again = await load("table-again.xlsx");
    expect(cellsOf(again.getWorksheet("Board")!)).toEqual(cellsOf(out.getWorksheet("Board")!));
    copyFileSync(join(dir, "table-out.xlsx"), join(dir, "table-inplace.xlsx"));
    const bytes = readFileSync(join(dir, "table-inplace.xlsx"));
    const r2 = prodbook("optimize", "table-inplace.xlsx", "--in-place", "--time-limit", "0.3");
    expect(r2.code).toBe(0);
    expect(r2.out).toContain("left as it was");
    expect(readFileSync(join(dir, "table-inplace.xlsx")).equals(bytes)).toBe(true);
  });
});

describe("prodbook optimize on a sheet read as a table", () => {
  it("writes the new order, clears the rows the board gave up, and restores blank rows too", async () => {
    const r = prodbook("optimize", "sheet.xlsx", "-o", "sheet-out.xlsx", "--time-limit", "1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("(sheet Stripboard: 8 rows, was 9)");
    const out = await load("sheet-out.xlsx");
    const ws = out.getWorksheet("Stripboard")!;
    expect(block(ws, 1, 1, 1, 11)[0]).toEqual(HEADERS);
    expect(block(ws, 2, 9, 1, 1).flat()).toEqual(["1", "5", "End of Day 1 — 2027-03-01 — 2 pages", "3", "4", "End of Day 2 — 2027-03-02 — 2 pages", "2", "End of Day 3 — 2027-03-03 — 1 page"]);
    expect(block(ws, 10, 10, 1, 11)[0].every((v) => v === null)).toBe(true); // 9 data rows became 8
    expect(ws.getCell("H2").value).toBe("=SUM(A1)");
    expect(ws.getCell("J2").value).toEqual(SHOOT_BY);
    const rep = report("sheet-out.xlsx");
    expect(rep.schedule.days.map((d) => d.scenes)).toEqual(ORDER);
    expect(rep.dood.cast.map((c) => c.hold)).toEqual([0, 0]);

    const back = prodbook("optimize", "sheet-out.xlsx", "--restore", "-o", "sheet-back.xlsx");
    expect(back.code).toBe(0);
    const wsBack = (await load("sheet-back.xlsx")).getWorksheet("Stripboard")!;
    const orig = (await load("sheet.xlsx")).getWorksheet("Stripboard")!;
    // Header + 7 rows + the 2 blank rows after End of Day 1: rows 1-10, exactly as they were.
    expect(block(wsBack, 1, 11, 1, 11)).toEqual(block(orig, 1, 11, 1, 11));
    expect(block(orig, 5, 6, 1, 11).flat().every((v) => v === null)).toBe(true);
  });

  it("resizes an Excel table of another name that holds the sheet's board", async () => {
    const r = prodbook("optimize", "table1.xlsx", "-o", "table1-out.xlsx", "--time-limit", "1");
    expect(r.code).toBe(0);
    // Header row 1, 7 rows became 8 (the last day gets its End of Day row): A1:K9.
    expect(tableModel((await load("table1-out.xlsx")).getWorksheet("Stripboard")!)).toMatchObject({ tableRef: "A1:K9", autoFilterRef: "A1:K9" });
    expect(report("table1-out.xlsx").schedule.days.map((d) => d.scenes)).toEqual(ORDER);
  });

  it("--in-place rewrites the input itself", async () => {
    copyFileSync(join(dir, "sheet.xlsx"), join(dir, "sheet-inplace.xlsx"));
    const r = prodbook("optimize", "sheet-inplace.xlsx", "--in-place", "--time-limit", "1", "-q");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(report("sheet-inplace.xlsx").schedule.days.map((d) => d.scenes)).toEqual(ORDER);
  });
});

describe("prodbook optimize on a table as Excel writes it", () => {
  it("keeps the filter buttons Excel shows (ExcelJS alone would hide them)", async () => {
    // Excel writes a table's filter as <autoFilter ref="…"/>, no <filterColumn>: every button shown.
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "table.xlsx")));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/<autoFilter ref="([^"]+)">.*?<\/autoFilter>/, '<autoFilter ref="$1"/>'));
    }
    writeFileSync(join(dir, "excel.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const r = prodbook("optimize", "excel.xlsx", "-o", "excel-out.xlsx", "--time-limit", "0.5");
    expect(r.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(join(dir, "excel-out.xlsx")));
    const tables = await Promise.all(Object.keys(out.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).map((n) => out.file(n)!.async("string")));
    expect(tables).toHaveLength(3); // Stripboard, Settings, Unavailable
    for (const xml of tables) {
      expect(xml).not.toContain('hiddenButton="1"');
      expect(xml).toMatch(/<autoFilter ref="[A-Z]+\d+:[A-Z]+\d+"/);
    }
    expect(tables.join("")).toMatch(/<autoFilter ref="B3:L11"\/?>/);
  });
});

describe("prodbook optimize refuses to write", () => {
  it("when the workbook has an error: the problem with sheet, table, row, column and value, exit 1", () => {
    const r = prodbook("optimize", "bad.xlsx", "-o", "bad-out.xlsx", "--time-limit", "1");
    expect(r.code).toBe(1);
    expect(r.err).toContain('ERROR Unavailable!A2 (row 2, Cast ID): Cast ID "9" is not an ID in Cast');
    expect(r.err).toContain("nothing was written");
    expect(existsSync(join(dir, "bad-out.xlsx"))).toBe(false);
  });

  it("with --json on an error: the problems as JSON, exit 1", () => {
    const r = prodbook("optimize", "bad.xlsx", "--json", "--time-limit", "1");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors).toBe(1);
    expect(j.problems[0]).toMatchObject({ severity: "error", table: "Unavailable", row: 2, column: "Cast ID" });
  });

  it("when the table would grow over the user's cells below it", () => {
    const r = prodbook("optimize", "blocked.xlsx", "-o", "blocked-out.xlsx", "--time-limit", "0.3");
    expect(r.code).toBe(1);
    expect(r.err).toContain('Board!B12 below it holds "Notes below"');
    expect(existsSync(join(dir, "blocked-out.xlsx"))).toBe(false);
  });

  it("to restore over strips edited since, unless --force", async () => {
    const wb = await load("table-out.xlsx");
    wb.getWorksheet("Board")!.getCell("I8").value = "Bob runs fast"; // scene 4's description
    await wb.xlsx.writeFile(join(dir, "edited.xlsx"));
    const r = prodbook("optimize", "edited.xlsx", "--restore", "-o", "edited-back.xlsx");
    expect(r.code).toBe(1);
    expect(r.err).toContain('scene "4" added or edited');
    expect(existsSync(join(dir, "edited-back.xlsx"))).toBe(false);
    const forced = prodbook("optimize", "edited.xlsx", "--restore", "--force", "-o", "edited-back.xlsx");
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, "edited-back.xlsx"))).toBe(true);
  });

  it("to restore a workbook that was never optimized", () => {
    const r = prodbook("optimize", "table.xlsx", "--restore", "-o", "nothing.xlsx");
    expect(r.code).toBe(1);
    expect(r.err).toContain("holds no saved Stripboard order");
    expect(existsSync(join(dir, "nothing.xlsx"))).toBe(false);
  });

  it.each([
    [["table.xlsx", "--time-limit", "soon"], "--time-limit needs a number of seconds"],
    [["table.xlsx", "--seed", "1.5"], "--seed needs a whole number"],
    [["table.xlsx", "-o", "table.xlsx"], "use --in-place"],
    [["table.xlsx", "-o", "x.xlsx", "--in-place"], "not both"],
    [["table.xlsx", "--restore"], "add -o OUT.xlsx or --in-place"],
    [["table.xlsx", "--frobnicate"], "Unknown option --frobnicate"],
  ])("on bad arguments %j: exit 2", (args, message) => {
    const r = prodbook("optimize", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
