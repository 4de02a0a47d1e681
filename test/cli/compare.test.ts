/**
 * `prodbook compare` on two workbooks worked by hand.
 * A: 1100 Lead 10 days × 1,000 = 10,000; 2100 Camera 2 weeks × 2,500 = 5,000.
 *    Total 15,000; Contingency 10% of all sections = 1,500; grand total 16,500.
 * B: Lead 12 days = 12,000; Camera 2 weeks × 2,250 = 4,500; a new account 2200 Grip 3 days × 400 = 1,200.
 *    Total 17,700; Contingency 1,770; grand total 19,470.
 * B − A: 1000 and 1100 +2,000 (+20%); 2000 5,000 → 5,700 +700 (+14%); 2100 −500 (−10%);
 * 2200 new: +1,200, no % (A has 0); total +2,700 (+18%); Contingency +270 (+18%); grand +2,970 (+18%).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run";
import { memoryIo } from "../../src/cli/io";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";

type Line = [string, string, number, string, number | null, number];

async function write(path: string, lines: Line[], accounts: [string, string, string | null][]) {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, headers: string[], rows: unknown[][]) =>
    wb.addWorksheet(name).addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows: rows as ExcelJS.CellValue[][] });
  add("Settings", ["Key", "Value"], [["Production", "Compare Test"], ["Currency", "USD"]]);
  add("Accounts", ["Code", "Name", "Parent"], accounts);
  add("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], lines);
  add("Markups", ["Name", "Percent", "Applies To"], [["Contingency", 0.1, null]]);
  await wb.xlsx.writeFile(path);
}

const ACCOUNTS: [string, string, string | null][] = [
  ["1000", "Above-the-Line", null],
  ["1100", "Cast", "1000"],
  ["2000", "Production", null],
  ["2100", "Camera", "2000"],
];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "prodbook-compare-"));
  await write(join(dir, "A.xlsx"), [["1100", "Lead", 10, "Days", null, 1000], ["2100", "Camera", 2, "Weeks", null, 2500]], ACCOUNTS);
  await write(join(dir, "B.xlsx"), [["1100", "Lead", 12, "Days", null, 1000], ["2100", "Camera", 2, "Weeks", null, 2250], ["2200", "Grip", 3, "Days", null, 400]], [...ACCOUNTS, ["2200", "Grip", "2000"]]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe("prodbook compare", () => {
  test("two workbooks: each account, sections and totals side by side with the difference and percentage", async () => {
    const r = await cli("compare", join(dir, "A.xlsx"), join(dir, "B.xlsx"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.budgets).toEqual([
      { label: "A", currency: "USD", total: 15000, grandTotal: 16500, net: 16500 },
      { label: "B", currency: "USD", total: 17700, grandTotal: 19470, net: 19470 },
    ]);
    const rows = j.rows.map((x: { kind: string; code: string; name: string; values: unknown[]; difference: number[]; percent: unknown[] }) => [x.kind, x.code || x.name, x.values, x.difference[0], x.percent[0]]);
    expect(rows).toEqual([
      ["section", "1000", [10000, 12000], 2000, 20],
      ["account", "1100", [10000, 12000], 2000, 20],
      ["section", "2000", [5000, 5700], 700, 14],
      ["account", "2100", [5000, 4500], -500, -10],
      ["account", "2200", [null, 1200], 1200, null],
      ["total", "Total", [15000, 17700], 2700, 18],
      ["charge", "Contingency", [1500, 1770], 270, 18],
      ["grand", "Grand total", [16500, 19470], 2970, 18],
    ]);
  });

  test("-o writes a Compare sheet into a copy of the first, and --version compares with a locked one", async () => {
    expect((await cli("lock", join(dir, "A.xlsx"), "--name", "Original", "-o", join(dir, "A-locked.xlsx"))).code).toBe(0);
    const r = await cli("compare", join(dir, "A-locked.xlsx"), "--version", "Original", join(dir, "B.xlsx"), "-o", join(dir, "cmp.xlsx"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.budgets.map((b: { label: string }) => b.label)).toEqual(["Original", "A-locked", "B"]);
    // Original is A as locked, so A − Original is 0 everywhere and B − Original is B − A above.
    const grand = j.rows.find((x: { kind: string }) => x.kind === "grand");
    expect(grand).toMatchObject({ values: [16500, 16500, 19470], difference: [0, 2970], percent: [0, 18] });

    const grid = XlsxFile.fromBytes(new Uint8Array(readFileSync(join(dir, "cmp.xlsx")))).cells.valueGrid("Compare");
    expect(grid[4]).toEqual(["Acct #", "Name", "Original", "A-locked", "B", "A-locked − Original", "%", "B − Original", "%"]);
    const row2100 = grid.find((x) => x[0] === "2100")!;
    expect(row2100.slice(2)).toEqual([5000, 5000, 4500, 0, 0, -500, -0.1]);
    const grip = grid.find((x) => x[0] === "2200")!;
    expect(grip.slice(2)).toEqual([null, null, 1200, 0, null, 1200, null]);
    expect(grid.find((x) => x[1] === "Grand total")!.slice(2)).toEqual([16500, 16500, 19470, 0, 0, 2970, 0.18]);
  });

  test("bad arguments and workbooks: exit 2 or 1 with a message", async () => {
    expect((await cli("compare", join(dir, "A.xlsx"))).code).toBe(2);
    const five = await cli("compare", ...["A", "B", "A", "B", "A"].map((n) => join(dir, `${n}.xlsx`)));
    expect(five).toMatchObject({ code: 2, err: expect.stringContaining("at most 4") });
    const nov = await cli("compare", join(dir, "A.xlsx"), "--version", "Original");
    expect(nov).toMatchObject({ code: 2, err: expect.stringContaining('no locked version named "Original"') });
    expect((await cli("compare", join(dir, "A.xlsx"), join(dir, "B.xlsx"), "-o", join(dir, "A.xlsx"))).code).toBe(2);
  });
});
