import ExcelJS from "exceljs";
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { smallWorkbook, smallWorkbookAsOf } from "./smallWorkbook";
import { ROOT, cellsOf, loadXlsxFile, runProdbook } from "./run";

// These tests run `prodbook` as a user does: `node lib/cli/main.js …` in a child process.
let dir: string;

beforeAll(async () => {
  execSync("npm run build:cli", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "prodbook-cli-"));
  await smallWorkbookAsOf().xlsx.writeFile(join(dir, "small.xlsx"));
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


/** The row whose column `col` holds `text`. */
function findRow(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(col).value === text) found = row;
  });
  if (!found) throw new Error(`${ws.name}: no row with ${text} in column ${col}`);
  return found;
}

function cfsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function result(v: ExcelJS.CellValue): unknown {
  return v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
}

describe("prodbook build", () => {
  let out: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    run = prodbook("build", "small.xlsx", "-o", "out.xlsx");
    out = await load("out.xlsx");
    input = await load("small.xlsx");
  });

  test("writes every generated sheet and a very hidden registry", () => {
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const names = out.worksheets.map((w) => w.name);
    for (const n of ["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1", "Call D2", "Call D3"]) expect(names).toContain(n);
    expect(names).not.toContain("Call D4");
    expect(out.getWorksheet("_Prodbook")!.state).toBe("veryHidden");
    expect(run.out).toMatch(/Wrote 7 sheets to out\.xlsx/);
  });

  test("input sheets come out unchanged, cell for cell", () => {
    for (const ws of input.worksheets) {
      const copy = out.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      expect(cellsOf(copy!)).toEqual(cellsOf(ws));
    }
    // the user's input tables are still tables
    expect(out.getWorksheet("Budget")!.getTables().length).toBe(1);
  });

  test("Top Sheet figures", () => {
    const ws = out.getWorksheet("Top Sheet")!;
    expect(ws.getCell("A1").value).toBe("Test Film");
    // 1100 Cast: 3 × 1000 = 3,000.00 + fringe 10% of the base capped at 1,000 = 100.00 → 3,100.00
    const cast = findRow(ws, 1, "1100");
    expect(cast.getCell(3).value).toBe(100);
    expect(cast.getCell(4).value).toBe(3100);
    // 2100 Camera: 2 × 1,500.25 = 3,000.50 and ROUND(1 × 1.005, 2) = 1.01 → 3,001.51
    expect(findRow(ws, 1, "2100").getCell(4).value).toBe(3001.51);
    // total 3,100.00 + 3,001.51 = 6,101.51; contingency 10% of Production 3,001.51 = 300.151 → 300.15
    expect(findRow(ws, 2, "Total before markups").getCell(4).value).toBe(6101.51);
    expect(findRow(ws, 2, "Contingency (on Production)").getCell(4).value).toBe(300.15);
    expect(findRow(ws, 2, "GRAND TOTAL").getCell(4).value).toBe(6401.66);
    expect(findRow(ws, 2, "GRAND TOTAL").getCell(4).numFmt).toContain('"$"#,##0.00');
  });

  test("Cost Report figures, statuses and conditional formats", () => {
    const ws = out.getWorksheet("Cost Report")!;
    // Columns: this period, to date, open, total cost, ETC, EFC, budget, variance, status.
    // Report Date 2027-02-14, week 8–14 Feb: both ledger lines are in the period.
    expect(ws.getRow(2).getCell(4).value).toEqual(new Date(Date.UTC(2027, 1, 14)));
    // 1100: budget 3,100, actual 3,200, ETC max(0, 3,100 − 3,200) = 0, EFC 3,200 > 3,100 → OVER, variance −100
    const cast = findRow(ws, 1, "1100");
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((c) => cast.getCell(c).value)).toEqual([3200, 3200, 0, 3200, 0, 3200, 3100, -100]);
    expect(result(cast.getCell(11).value)).toBe("OVER");
    // 2100: committed 2,800 ≥ 90% × 3,001.51 = 2,701.359 → WATCH; ETC 201.51, EFC 3,001.51, variance 0
    const cam = findRow(ws, 1, "2100");
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((c) => cam.getCell(c).value)).toEqual([0, 0, 2800, 2800, 201.51, 3001.51, 3001.51, 0]);
    expect(result(cam.getCell(11).value)).toBe("WATCH");
    // Status is a formula on the row, so an edit re-colours it.
    expect((cam.getCell(11).value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(H\d+>I\d+\*1,"OVER"/);
    expect(result(findRow(ws, 1, "1000").getCell(11).value)).toBe("OVER");
    expect(result(findRow(ws, 1, "2000").getCell(11).value)).toBe("WATCH");
    const total = findRow(ws, 2, "Total production");
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((c) => total.getCell(c).value)).toEqual([3200, 3200, 2800, 6000, 201.51, 6201.51, 6101.51, -100]);
    const rules = cfsOf(ws).flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, f: (r as ExcelJS.ExpressionRuleType).formulae?.[0] })));
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ f: '$K6="OVER"' }), expect.objectContaining({ f: '$K6="WATCH"' })]));
  });

  test("Schedule: day headers with dates and pages, coloured strips, black day breaks, text stays text", () => {
    const ws = out.getWorksheet("Schedule")!;
    const d1 = findRow(ws, 1, "Day 1 of 3");
    expect(d1.getCell(4).value).toEqual(new Date(Date.UTC(2027, 2, 1))); // label across A:C, date under Set
    expect(d1.getCell(6).value).toBe("1 5/8"); // 1 2/8 + 3/8
    const eod1 = findRow(ws, 1, "End of Day 1");
    expect((eod1.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF000000");
    expect(eod1.getCell(4).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(findRow(ws, 1, "End of Day 2").getCell(6).value).toBe("2");
    expect(findRow(ws, 1, "Day 3 of 3").getCell(4).value).toEqual(new Date(Date.UTC(2027, 2, 3)));
    const sc2 = findRow(ws, 1, "2");
    expect((sc2.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFB7DDA8"); // EXT NIGHT green (the engine's default tint)
    expect((findRow(ws, 1, "3").getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2A8"); // EXT DAY yellow
    expect(sc2.getCell(9).value).toBe("=SUM(A1)");
    expect(sc2.getCell(9).type).toBe(ExcelJS.ValueType.String);
    expect(sc2.getCell(11).value).toBe("+1 take");
  });

  test("DOOD codes and totals", () => {
    const ws = out.getWorksheet("DOOD")!;
    // Days: Mon 1, Tue 2, Wed 3 March 2027. Anna works all three; Ben works 1 and 3, held on 2 at 800.
    expect([4, 5, 6].map((c) => ws.getRow(4).getCell(c).value)).toEqual([1, 2, 3].map((d) => new Date(Date.UTC(2027, 2, d))));
    expect([4, 5, 6].map((c) => ws.getRow(6).getCell(c).value)).toEqual([1, 2, 3]);
    const anna = findRow(ws, 1, "1");
    expect([4, 5, 6].map((c) => anna.getCell(c).value)).toEqual(["SW", "W", "WF"]);
    expect([7, 8, 9].map((c) => anna.getCell(c).value)).toEqual([3, 0, 0]);
    const ben = findRow(ws, 1, "2");
    expect([4, 5, 6].map((c) => ben.getCell(c).value)).toEqual(["SW", "H", "WF"]);
    expect([7, 8, 9].map((c) => ben.getCell(c).value)).toEqual([2, 1, 0]);
    expect(ben.getCell(10).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(ben.getCell(11).value).toEqual(new Date(Date.UTC(2027, 2, 3)));
    expect(ben.getCell(12).value).toBe(800);
  });

  test("call sheets print one page wide, portrait, with repeated header rows", () => {
    const ws = out.getWorksheet("Call D2")!;
    expect(ws.getCell("C2").value).toBe("Day 2 of 3");
    expect(ws.getCell("F2").value).toEqual(new Date(Date.UTC(2027, 2, 2)));
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("1:3");
    expect(ws.pageSetup.printArea).toMatch(/^A1:I\d+$/);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    for (const s of ["SCENES", "CAST", "LOCATIONS", "NOTES", "ADVANCE SCHEDULE: DAY 3", "1 Main St", "General Hospital", "On hold (not called): 2", "America/Los_Angeles"]) {
      expect(texts.some((t) => t.includes(s))).toBe(true);
    }
  });

  test("no user text becomes a formula anywhere in the file", () => {
    const xml = execSync(`unzip -p out.xlsx 'xl/worksheets/*.xml'`, { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(xml).not.toMatch(/<f>[^<]*SUM\(A1\)/);
    expect(xml).not.toMatch(/<f>not a formula/);
  });
});

describe("regeneration and ownership", () => {
  test("a sheet the user changed is kept, the new one written beside it; unchanged ones are replaced", async () => {
    expect(prodbook("build", "small.xlsx", "-o", "gen1.xlsx").code).toBe(0);
    const wb = await load("gen1.xlsx");
    wb.getWorksheet("Top Sheet")!.getCell("B3").value = "Approved by the studio 3/1";
    await wb.xlsx.writeFile(join(dir, "gen1.xlsx"));
    const r = prodbook("build", "gen1.xlsx", "-o", "gen2.xlsx");
    expect(r.code).toBe(0);
    expect(r.err).toContain("Top Sheet was changed since Prodbook wrote it, so it was kept and the new one is Top Sheet (2).");
    const out = await load("gen2.xlsx");
    const names = out.worksheets.map((w) => w.name);
    expect(out.getWorksheet("Top Sheet")!.getCell("B3").value).toBe("Approved by the studio 3/1");
    expect(names).toContain("Top Sheet (2)");
    expect(names).not.toContain("Cost Report (2)");
    expect(names.filter((n) => n === "Cost Report")).toHaveLength(1);
    // and the third build recognises both as they are: nothing more is written beside
    const r3 = prodbook("build", "gen2.xlsx", "-o", "gen3.xlsx");
    expect(r3.code).toBe(0);
    const third = (await load("gen3.xlsx")).worksheets.map((w) => w.name);
    expect(third).not.toContain("Top Sheet (3)");
    expect(third).not.toContain("Call D1 (2)");
  });

  test("a user's own sheet with a generated name is never overwritten", async () => {
    const wb = smallWorkbook();
    wb.addWorksheet("DOOD").getCell("A1").value = "my own DOOD";
    await wb.xlsx.writeFile(join(dir, "userdood.xlsx"));
    const r = prodbook("build", "userdood.xlsx", "-o", "userdood-out.xlsx");
    expect(r.code).toBe(0);
    expect(r.err).toContain("DOOD is not a Prodbook sheet");
    const out = await load("userdood-out.xlsx");
    expect(out.getWorksheet("DOOD")!.getCell("A1").value).toBe("my own DOOD");
    expect(out.getWorksheet("DOOD (2)")!.getCell("A1").value).toBe("Test Film");
  });
});

describe("--in-place", () => {
  test("refuses to write over the input without --in-place", () => {
    const before = readFileSync(join(dir, "small.xlsx"));
    const r = prodbook("build", "small.xlsx", "-o", "small.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--in-place");
    expect(readFileSync(join(dir, "small.xlsx")).equals(before)).toBe(true);
  });

  test("writes into the input through a temporary file", async () => {
    await smallWorkbook().xlsx.writeFile(join(dir, "inplace.xlsx"));
    const r = prodbook("build", "inplace.xlsx", "--in-place");
    expect(r.code).toBe(0);
    const wb = await load("inplace.xlsx");
    expect(wb.getWorksheet("Top Sheet")).toBeDefined();
    expect(wb.getWorksheet("Budget")).toBeDefined();
    expect(execSync("ls -a", { cwd: dir, encoding: "utf8" })).not.toContain("prodbook-tmp");
  });

  test("leaves the input byte for byte as it was when it has errors", async () => {
    const wb = smallWorkbook();
    wb.getWorksheet("Budget")!.getCell("F2").value = "lots";
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const before = readFileSync(join(dir, "bad.xlsx"));
    const r = prodbook("build", "bad.xlsx", "--in-place");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ERROR Budget!F2 .*Rate.*"lots"/);
    expect(r.err).toContain("nothing was written");
    expect(readFileSync(join(dir, "bad.xlsx")).equals(before)).toBe(true);
    expect(prodbook("build", "bad.xlsx", "-o", "bad-out.xlsx").code).toBe(1);
    expect(existsSync(join(dir, "bad-out.xlsx"))).toBe(false);
  });
});

describe("check and report", () => {
  test("check: exit 0 with warnings only, 1 with an error, JSON on request", async () => {
    const ok = prodbook("check", "small.xlsx");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("small.xlsx: no problems.");
    const wb = smallWorkbook();
    wb.getWorksheet("Ledger")!.getCell("B3").value = "9999";
    await wb.xlsx.writeFile(join(dir, "badledger.xlsx"));
    const bad = prodbook("check", "badledger.xlsx", "--json");
    expect(bad.code).toBe(1);
    const j = JSON.parse(bad.out) as { errors: number; problems: { severity: string; sheet: string; table: string; row: number; column: string; message: string }[] };
    expect(j.errors).toBe(1);
    expect(j.problems[0]).toMatchObject({ severity: "error", sheet: "Ledger", table: "Ledger", row: 3, column: "Account" });
    expect(j.problems[0].message).toContain("9999");
  });

  test("report --json: the WORKBOOK.md object with the hand-worked figures", () => {
    const r = prodbook("report", "small.xlsx", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.budget).toMatchObject({ currency: "USD", total: 6101.51, grandTotal: 6401.66, markups: [{ name: "Contingency", amount: 300.15 }] });
    expect(j.budget.sections).toEqual([
      { code: "1000", name: "Above-the-Line", total: 3100 },
      { code: "2000", name: "Production", total: 3001.51 },
    ]);
    expect(j.budget.accounts.find((a: { code: string }) => a.code === "1100")).toEqual({
      code: "1100", name: "Cast", budget: 3100, fringes: 100, actual: 3200, committed: 0, open: 0, relieved: 0, period: 3200, etc: 0, efc: 3200, variance: -100, status: "OVER",
    });
    expect(j.schedule.days).toEqual([
      { day: 1, date: "2027-03-01", scenes: ["1", "2"], pages: "1 5/8" },
      { day: 2, date: "2027-03-02", scenes: ["3"], pages: "2" },
      { day: 3, date: "2027-03-03", scenes: ["4"], pages: "4/8" },
    ]);
    expect(j.dood.cast[1]).toMatchObject({ id: "2", codes: ["SW", "H", "WF"], work: 2, hold: 1, drop: 0, start: "2027-03-01", finish: "2027-03-03", holdCost: 800 });
    expect(j.problems).toEqual([]);
  });
});

describe("errors a script can rely on", () => {
  test("missing file: exit 3", () => {
    const r = prodbook("check", "nope.xlsx");
    expect(r.code).toBe(3);
    expect(r.err).toContain("No such file: nope.xlsx");
  });

  test("a text file named .xlsx: exit 4", () => {
    writeFileSync(join(dir, "text.xlsx"), "Code,Name\n1000,ATL\n");
    const r = prodbook("check", "text.xlsx");
    expect(r.code).toBe(4);
    expect(r.err).toContain("not an .xlsx workbook");
  });

  test("a password-protected workbook (OLE file with EncryptionInfo): exit 4", () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(1024)]);
    writeFileSync(join(dir, "locked.xlsx"), ole);
    const r = prodbook("build", "locked.xlsx", "-o", "x.xlsx");
    expect(r.code).toBe(4);
    expect(r.err).toContain("password-protected");
  });

  test("a damaged zip: exit 4", () => {
    const good = readFileSync(join(dir, "small.xlsx"));
    writeFileSync(join(dir, "broken.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
    const r = prodbook("report", "broken.xlsx", "--json");
    expect(r.code).toBe(4);
    expect(r.err).toContain("damaged");
  });

  test("usage errors: exit 2; --help and --version: exit 0", () => {
    expect(prodbook("build", "small.xlsx").code).toBe(2);
    expect(prodbook("frobnicate").code).toBe(2);
    expect(prodbook("check", "small.xlsx", "--bogus").code).toBe(2);
    const help = prodbook("build", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("--in-place");
    for (const c of ["check", "report", "demo"]) expect(prodbook(c, "--help").out).toContain(`prodbook ${c}`);
    const solve = prodbook("solve", "--help"); // dispatched to the optimizer's command
    expect(solve.code).toBe(0);
    expect(solve.out).toContain("prodbook solve FILE.dat");
    const v = prodbook("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(`prodbook ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}`);
  });
});

describe("prodbook demo", () => {
  test("writes the sample production, which checks and builds with no error and only its six short turnarounds", async () => {
    const r = prodbook("demo", "-o", "demo.xlsx");
    expect(r.code).toBe(0);
    expect(prodbook("demo", "-o", "demo.xlsx").code).toBe(2); // exists: needs --force
    const wb = await load("demo.xlsx");
    expect(wb.getWorksheet("Budget")!.getTables()).toHaveLength(1);
    const check = prodbook("check", "demo.xlsx");
    // Day 4 to 5 and Day 8 to 9: the crew and the actors called on both days (issue 14).
    expect(check.out).toContain("demo.xlsx: 0 errors, 6 warnings.");
    expect(check.out.match(/WARNING .*Turnaround/g)).toHaveLength(6);
    expect(check.code).toBe(0);
    const build = prodbook("build", "demo.xlsx", "-o", "demo-built.xlsx");
    expect(build.code).toBe(0);
    expect(build.err).toMatch(/6 warnings \(see above\)\.\n$/);
    const out = await load("demo-built.xlsx");
    const names = out.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1", "Call D11"]));
    expect(statSync(join(dir, "demo-built.xlsx")).size).toBeGreaterThan(statSync(join(dir, "demo.xlsx")).size);
  });
});
