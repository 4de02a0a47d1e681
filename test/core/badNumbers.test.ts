import { RawTable } from "../../src/core/cells";
import { runEngine } from "../../src/core/engine";
import { sampleProduction } from "../../src/core/sample";
import { parseEighths } from "../../src/core/schedule/eighths";
import { parseDateCell } from "../../src/core/dates";
import { optimizeStripboard } from "../../src/core/optimize/stripboardOptimizer";

/** The sample production with one edit. */
function production(edit: (t: Record<string, RawTable>) => void) {
  const tables: Record<string, RawTable> = {};
  for (const t of sampleProduction()) tables[t.name] = { name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows.map((r) => [...r]) };
  edit(tables);
  return { tables: Object.values(tables) };
}

const errors = (edit: (t: Record<string, RawTable>) => void) =>
  runEngine(production(edit)).problems.filter((p) => p.severity === "error");

describe("bad numbers and names are errors naming the cell", () => {
  test("a money figure beyond 10 trillion, and lines that add up past what sums exactly", () => {
    const rate = (t: Record<string, RawTable>) => t.Budget.headers.indexOf("Rate");
    expect(errors((t) => (t.Budget.rows[0][rate(t)] = 1e305))).toEqual([expect.objectContaining({ sheet: "Budget", row: 2, cell: "F2", message: expect.stringContaining("beyond what Prodbook holds to the cent") })]);
    // 2,000 lines of 9 trillion cents each: each is fine, their sum is past 2^53 / 8 cents.
    const many = errors((t) => {
      const line = t.Budget.rows[0].slice();
      line[rate(t)] = 9e12;
      line[t.Budget.headers.indexOf("Amount")] = 1;
      line[t.Budget.headers.indexOf("Fringes")] = null;
      for (let i = 0; i < 2; i++) t.Budget.rows.push(line.slice());
    });
    expect(many.some((p) => p.message.includes("add up past"))).toBe(true);
  });

  test("a date past 9999-12-31", () => {
    expect(parseDateCell(new Date(Date.UTC(10000, 0, 5)))).toBeUndefined();
    expect(parseDateCell(new Date(Date.UTC(9999, 11, 31)))).toBe(2932896);
    expect(errors((t) => (t.Ledger.rows[0][0] = new Date(Date.UTC(10000, 0, 5))))).toEqual([expect.objectContaining({ sheet: "Ledger", row: 2, message: expect.stringContaining("past 9999-12-31") })]);
  });

  test("1 9/8 pages", () => {
    expect(parseEighths("1 9/8")).toEqual({ ok: false, message: expect.stringContaining("write it as 2 1/8") });
    expect(parseEighths("1 7/8")).toEqual({ ok: true, eighths: 15 });
  });

  test("Strip Colors lookups by constructor or __proto__ reach no JavaScript built-in", () => {
    const e = errors((t) => {
      t["Strip Colors"] = { name: "Strip Colors", sheet: "Strip Colors", headerRow: 1, firstColumn: 1, headers: ["Int/Ext", "Day/Night", "Color"], rows: [["constructor", "__proto__", "#FF0000"]] };
    });
    expect(e.map((p) => p.cell)).toEqual(["A2", "B2"]);
  });

  test("Pages Per Day and Company Move Cost have sane bounds; the optimizer never pads the board with empty days", () => {
    expect(errors((t) => t.Settings.rows.push(["Pages Per Day", 0.001]))).toEqual([expect.objectContaining({ message: expect.stringContaining("between 1/8 and 100") })]);
    expect(errors((t) => t.Settings.rows.push(["Pages Per Day", 1e9]))).toHaveLength(1);
    expect(errors((t) => t.Settings.rows.push(["Company Move Cost", 1e300]))).toEqual([expect.objectContaining({ message: expect.stringContaining("beyond any company move") })]);
    // 100 pages a day: the whole board would fit on one day; the plan has no more days than strips and no empty day.
    const { plan } = optimizeStripboard(production((t) => t.Settings.rows.push(["Pages Per Day", 100])), { timeLimitMs: 200, seed: 1 });
    expect(plan).toBeDefined();
    expect(plan!.after.days).toBeLessThanOrEqual(plan!.before.days);
  });
});
