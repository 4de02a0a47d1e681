/**
 * `prodbook lock`: the budget saved as a version, then shown against on the Top Sheet, the Cost
 * Report and report --json. Figures of the small workbook (test/cli/smallWorkbook.ts), by hand:
 *   1100 Lead 3 days × 1,000 = 3,000 + Payroll 10% on the first 1,000 = 100 → 3,100.00
 *   2100 Camera 2 weeks × 1,500.25 = 3,000.50; Expendables 1 × 1.005 = 1.01 → 3,001.51
 *   total 6,101.51; Contingency 10% of 2000's 3,001.51 = 300.15; grand total 6,401.66.
 * After locking, the Lead goes to 4 days: 4,000 + 100 (the cutoff holds the fringe) = 4,100.00,
 * total 7,101.51, grand total 7,401.66: a variance of +1,000.00 on 1100, 1000 and the totals.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run";
import { memoryIo } from "../../src/cli/io";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { replaceTableRows } from "../../src/cli/xlsx/tableEdit";
import { findTable } from "../../src/core/cells";
import { VERSIONS_SHEET } from "../../src/core/budget/versions";
import { smallWorkbookAsOf } from "./smallWorkbook";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "prodbook-lock-"));
  await smallWorkbookAsOf().xlsx.writeFile(join(dir, "small.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}
const open = (name: string) => XlsxFile.fromBytes(new Uint8Array(readFileSync(join(dir, name))));

describe("prodbook lock", () => {
  test("locks the Original; the Top Sheet, Cost Report and report --json then show it against the current budget", async () => {
    const dry = await cli("lock", join(dir, "small.xlsx"), "--name", "Original");
    expect(dry).toMatchObject({ code: 0, out: expect.stringContaining("Dry run") });
    expect(open("small.xlsx").sheetEntry(VERSIONS_SHEET)).toBeUndefined();

    const lock = await cli("lock", join(dir, "small.xlsx"), "--name", "Original", "-o", join(dir, "locked.xlsx"));
    expect(lock).toMatchObject({ code: 0, out: expect.stringContaining("total 6,101.51, grand total 6,401.66") });
    const locked = open("locked.xlsx");
    expect(locked.sheetEntry(VERSIONS_SHEET)?.state).toBe("veryHidden");
    expect((await cli("lock", join(dir, "locked.xlsx"), "--name", "original", "--in-place")).code).toBe(2);
    const list = await cli("lock", join(dir, "locked.xlsx"), "--list", "--json");
    expect(JSON.parse(list.out)).toEqual([{ name: "Original", locked: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), total: 6101.51, grandTotal: 6401.66 }]);

    // The Lead goes from 3 days to 4.
    const input = locked.readInput("locked.xlsx");
    const budget = findTable(input, "Budget")!;
    const rows = budget.rows.map((r) => [...r]);
    rows[0][2] = 4;
    replaceTableRows(locked, "Budget", rows);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "revised.xlsx"), locked.toBytes());

    const report = JSON.parse((await cli("report", join(dir, "revised.xlsx"), "--json")).out);
    expect(report.budget.original).toMatchObject({ name: "Original", total: 6101.51, grandTotal: 6401.66 });
    expect(report.budget.total).toBe(7101.51);
    const acc = Object.fromEntries(report.budget.accounts.map((a: { code: string; budget: number; original: number }) => [a.code, [a.budget, a.original]]));
    expect(acc).toEqual({ "1000": [4100, 3100], "1100": [4100, 3100], "2000": [3001.51, 3001.51], "2100": [3001.51, 3001.51] });

    expect((await cli("build", join(dir, "revised.xlsx"), "-o", join(dir, "built.xlsx"))).code).toBe(0);
    const built = open("built.xlsx");
    const top = built.cells.valueGrid("Top Sheet");
    expect(top[3].slice(0, 6)).toEqual(["Acct #", "Category", "Fringes", "Current", "Original", "Variance"]);
    const row = (label: string) => top.find((r) => r[1] === label)!.slice(3, 6);
    expect(row("Cast")).toEqual([4100, 3100, 1000]);
    expect(row("Camera")).toEqual([3001.51, 3001.51, 0]);
    expect(row("GRAND TOTAL")).toEqual([7401.66, 6401.66, 1000]);
    // Cost Report: Original and Original − EFC after Status. 1100's EFC is its 4,100 budget
    // (3,200 actual + ETC 900), so 3,100 − 4,100 = −1,000.00.
    const cr = built.cells.valueGrid("Cost Report");
    const head = cr[4];
    const [o, v] = [head.indexOf("Original"), head.indexOf("Variance to Original")];
    expect(o).toBe(head.indexOf("Status") + 1);
    const r1100 = cr.find((r) => r[0] === "1100")!;
    expect([r1100[o], r1100[v]]).toEqual([3100, -1000]);
  });

  test("refuses bad arguments: no name, a blank name, --list with --name, OUT the same as IN", async () => {
    expect((await cli("lock", join(dir, "small.xlsx"))).code).toBe(2);
    expect((await cli("lock", join(dir, "small.xlsx"), "--name", " ", "-o", join(dir, "x.xlsx"))).code).toBe(2);
    expect((await cli("lock", join(dir, "small.xlsx"), "--list", "--name", "A")).code).toBe(2);
    expect((await cli("lock", join(dir, "small.xlsx"), "--name", "A", "-o", join(dir, "small.xlsx"))).code).toBe(2);
  });
});
