/**
 * Cast Days end to end (issue 14): a real Excel table `Cast Days` in the small workbook, through
 * `prodbook build`, `report --json` and `check`.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadXlsxFile, runProdbook } from "./run";
import { SMALL, smallWorkbook } from "./smallWorkbook";

/**
 * The small board (Mon 1 Mar 2027): day 1 Mon 1 Mar cast 1, 2; day 2 Tue 2 Mar cast 1; day 3
 * Wed 3 Mar cast 1, 2. Without Cast Days: cast 1 SW W WF (3 paid), cast 2 SW H WF (3 paid).
 * Cast Days: cast 2 a fitting Fri 26 Feb (before day 1) and a rehearsal Tue 2 Mar (its held day);
 * cast 1 travel home Thu 4 Mar (after the wrap).
 *   cast 1: 3 work + 1 travel = 4 paid
 *   cast 2: 2 work + 0 hold + 1 rehearsal + 1 fitting = 4 paid (the R replaces the hold: still 4)
 */
async function write(dir: string, name: string, rows: (string | Date)[][], formula?: string): Promise<void> {
  const wb = smallWorkbook();
  if (formula) {
    const t = wb.getWorksheet("Budget")!.getTable("Budget");
    t.addRow(["2100", "Ben's stand-in, as Ben's paid days", { formula } as never, "Days", null, 100, null]);
    t.commit();
    // Cast[#All] needs Cast as a real table (the small workbook has it as a plain sheet).
    wb.removeWorksheet(wb.getWorksheet("Cast")!.id);
    wb.addWorksheet("Cast").addTable({ name: "Cast", ref: "A1", headerRow: true, columns: SMALL.Cast.headers.map((h) => ({ name: h })), rows: SMALL.Cast.rows.map((r) => [...r]) });
  }
  const ws = wb.addWorksheet("Cast Days");
  ws.addTable({ name: "CastDays", ref: "A1", headerRow: true, columns: ["Cast ID", "Date", "Code"].map((h) => ({ name: h })), rows });
  await wb.xlsx.writeFile(join(dir, name));
}

describe("prodbook with a Cast Days table", () => {
  const dir = mkdtempSync(join(tmpdir(), "prodbook-castdays-"));
  const d = (m: number, day: number) => new Date(Date.UTC(2027, m - 1, day));

  test("build: the DOOD shows R on the held day and counts the Cast Days before Paid", async () => {
    await write(dir, "cd.xlsx", [
      ["2", d(2, 26), "FT"],
      ["2", d(3, 2), "R"],
      ["1", "2027-03-04", "TR"],
    ]);
    const r = runProdbook(dir, "build", "cd.xlsx", "-o", "cd-out.xlsx");
    expect(r.code).toBe(0);
    const ws = (await loadXlsxFile(join(dir, "cd-out.xlsx"))).getWorksheet("DOOD")!;
    // Totals from G: Work, Hold, Drop, Start, Finish, Hold Cost, then TR, R, FT (no holiday here), Paid.
    const row = (n: number) => ["A", "D", "E", "F", "G", "H", "M", "N", "O", "P"].map((c) => ws.getCell(`${c}${n}`).value);
    expect(["G", "H", "M", "N", "O", "P"].map((c) => ws.getCell(`${c}6`).value)).toEqual(["Work", "Hold", "TR", "R", "FT", "Paid"]);
    expect(row(7)).toEqual(["1", "SW", "W", "WF", 3, 0, 1, 0, 0, 4]);
    expect(row(8)).toEqual(["2", "SW", "R", "WF", 2, 0, 0, 1, 1, 4]);

    const rep = runProdbook(dir, "report", "cd.xlsx", "--json");
    const g = Object.fromEntries((JSON.parse(rep.out) as { globals: { name: string; value: number }[] }).globals.map((x) => [x.name, x.value]));
    expect([g.CAST_1_PAID, g.CAST_2_PAID, g.CAST_2_HOLD]).toEqual([4, 4, 0]);
    const dood = (JSON.parse(rep.out) as { dood: { cast: { id: string; codes: string[]; castDays?: unknown; paid?: number }[] } }).dood.cast;
    expect(dood.map((c) => [c.id, c.codes, c.castDays, c.paid])).toEqual([
      ["1", ["SW", "W", "WF"], { TR: 1, R: 0, FT: 0, H: 0 }, 4],
      ["2", ["SW", "R", "WF"], { TR: 0, R: 1, FT: 1, H: 0 }, 4],
    ]);
  });

  test("=PROD.CASTDAYS with the Cast Days table as its eighth argument counts them", async () => {
    // Ben: 2 work + 1 rehearsal + 1 fitting = 4 paid days × 100 = 400 on 2100, whose own lines are
    // 2 × 1,500.25 + 1.01 = 3,001.51: 3,401.51. Without the table the cell would give 2 + 1 hold = 3.
    await write(dir, "fx.xlsx", [["2", d(2, 26), "FT"], ["2", d(3, 2), "R"]], 'PROD.CASTDAYS(Stripboard[#All],Cast[#All],"2","Paid",Settings[#All],,,CastDays[#All])');
    const rep = runProdbook(dir, "report", "fx.xlsx", "--json");
    const acc = (JSON.parse(rep.out) as { budget: { accounts: { code: string; budget: number }[] } }).budget.accounts.find((a) => a.code === "2100")!;
    expect(acc.budget).toBe(3401.51);
  });

  test("check: a code that is not TR, R, FT or H is an error naming the cell", async () => {
    await write(dir, "bad.xlsx", [["2", d(3, 2), "Wardrobe"]]);
    const r = runProdbook(dir, "check", "bad.xlsx");
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain("Cast Days");
    expect(r.out + r.err).toContain(`Code must be TR (travel), R (rehearsal), FT (fitting) or H (holiday), not "Wardrobe"`);
  });
});
