import { runEngine } from "../../../src/core/engine";
import { SCHEDULE_VS_BUDGET, SCHEDULE_VS_BUDGET_HEADERS, budgetLayouts } from "../../../src/core/layout";
import { layoutOverflows } from "../../../src/core/layout/fit";
import { sampleProduction } from "../../../src/core/sample";

const wb = () => ({ name: "s.xlsx", tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })) });

describe("Schedule vs Budget sheet", () => {
  const r = runEngine(wb(), { budget: true, schedule: false });
  const layouts = budgetLayouts(r);
  const svb = layouts.find((l) => l.name === SCHEDULE_VS_BUDGET)!;
  const at = (row: number, col: number) => svb.cells.find((c) => c.r === row && c.c === col)?.v;

  it("is written with the budget once a line is tied to cast, even by Update budget alone", () => {
    expect(layouts.map((l) => l.name)).toEqual(["Top Sheet", "Cost Report", SCHEDULE_VS_BUDGET]);
    expect(svb.kind).toBe("schedule-vs-budget");
    expect(SCHEDULE_VS_BUDGET_HEADERS.map((_, i) => at(5, i + 1))).toEqual([...SCHEDULE_VS_BUDGET_HEADERS]);
  });

  it("one row a cast member, in Cast order, and a total; Danny is 6 work + 4 hold = 10 paid", () => {
    expect([at(7, 1), at(7, 2), at(7, 4), at(7, 5), at(7, 6), at(7, 7), at(7, 8), at(7, 9), at(7, 11)]).toEqual(["2", "DANNY HALE", 6, 4, 0, 10, 10, 0, 0]);
    expect([at(9, 1), at(9, 6)]).toEqual(["4", 9]); // the sheriff's drop
    expect([at(16, 2), at(16, 7), at(16, 8)]).toEqual(["Total cast", 54, 54]);
  });

  it("fits: no ### and no text running over", () => {
    expect(layoutOverflows(svb)).toEqual([]);
  });

  it("a budget with no tied line has no such sheet", () => {
    const plain = wb();
    const budget = plain.tables.find((t) => t.name === "Budget")!;
    const i = budget.headers.indexOf("Cast ID");
    budget.rows = budget.rows.map((row) => row.map((v, j) => (j === i ? null : v)));
    expect(budgetLayouts(runEngine(plain)).map((l) => l.name)).toEqual(["Top Sheet", "Cost Report"]);
  });
});
