import { RawTable } from "../../src/core/cells";
import { runEngine } from "../../src/core/engine";
import { budgetSummary, budgetSummaryText, locateAccounts, scheduleSummary, scheduleSummaryText } from "../../src/core/summary";
import { costReportLayout } from "../../src/core/layout/costReport";

const t = (name: string, headers: string[], rows: RawTable["rows"]): RawTable => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows });
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Two sections of one account each, budget 1,000.00 apiece.
 *  1100: actual 1,200.00 → total cost 1,200, ETC max(0, 1,000 − 1,200) = 0, EFC 1,200, variance −200: OVER.
 *  2100: actual 950.00 → 95% of budget (≥ Watch At 90%), ETC 50, EFC 1,000, variance 0: WATCH.
 * Sections roll up the same, so OVER 1000, 1100 and WATCH 2000, 2100; EFC 2,200.00, variance −200.00.
 * Cost Report rows: accounts in chart order from row 6 (1000, 1100, 2000, 2100 → 6..9).
 */
const budgetBook = [
  t("Settings", ["Key", "Value"], [["Production", "Test"], ["Watch At", 0.9], ["Report Date", d("2027-05-31")]]),
  t("Accounts", ["Code", "Name", "Parent"], [["1000", "Above-the-Line", null], ["1100", "Story", "1000"], ["2000", "Production", null], ["2100", "Camera", "2000"]]),
  t("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], [["1100", "Rights", 1, "Flat", 1, 1000], ["2100", "Camera package", 2, "Weeks", 1, 500]]),
  t("Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type"], [[d("2027-05-03"), "1100", "A", "Option", 1200, "Actual"], [d("2027-05-04"), "2100", "B", "Rental", 950, "Actual"]]),
];

describe("summary", () => {
  test("budget: grand total, EFC, variance, accounts OVER and on WATCH with their Cost Report rows", () => {
    const r = runEngine({ tables: budgetBook });
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    const s = budgetSummary(r.budget!);
    expect([s.grandTotal, s.efc, s.variance]).toEqual([200000, 220000, -20000]);
    expect(s.over.map((a) => [a.code, a.row])).toEqual([["1000", 6], ["1100", 7]]);
    expect(s.watch.map((a) => [a.code, a.row])).toEqual([["2000", 8], ["2100", 9]]);
    expect(s.sections).toEqual([
      { code: "1000", name: "Above-the-Line", budget: 100000, efc: 120000 },
      { code: "2000", name: "Production", budget: 100000, efc: 100000 },
    ]);
    expect(budgetSummaryText(s)).toBe("EFC 2,200.00, variance -200.00; 2 accounts OVER, 2 on WATCH");
  });

  test("the rows follow the written Cost Report layout and the sheet it went to", () => {
    const r = runEngine({ tables: budgetBook });
    const layout = costReportLayout(r.budget!, "Test");
    // Shift every row of the layout by 3, as a layout with a taller heading would.
    const moved = { ...layout, cells: layout.cells.map((c) => ({ ...c, r: c.r + 3 })) };
    const s = locateAccounts(budgetSummary(r.budget!), moved, "Cost Report (2)");
    expect(s.over.map((a) => [a.sheet, a.row])).toEqual([["Cost Report (2)", 9], ["Cost Report (2)", 10]]);
  });

  test("schedule: days, pages in eighths, first and last date, hold days and hold cost", () => {
    // Mon 2027-05-24 start, weekends off: days 1–3 are 24, 25, 26 May. Cast 1 works days 1 and 3,
    // so holds day 2: 1 hold day × 1,000.00 = 1,000.00. Pages 1 2/8 + 3/8 + 4/8 = 17/8 = 2 1/8.
    const r = runEngine({
      tables: [
        t("Settings", ["Key", "Value"], [["Production", "Test"], ["Start Date", d("2027-05-24")], ["Days Off", "Sat, Sun"]]),
        t("Cast", ["ID", "Character", "Actor", "Daily Rate"], [["1", "MAGGIE", "N", 1000], ["2", "DANNY", "T", 800]]),
        t("Stripboard", ["Scene", "Int/Ext", "Day/Night", "Set", "Pages", "Cast"], [
          ["1", "INT", "DAY", "Kitchen", "1 2/8", "1"],
          ["End of Day 1", null, null, null, null, null],
          ["2", "EXT", "DAY", "Yard", "3/8", "2"],
          ["End of Day 2", null, null, null, null, null],
          ["3", "INT", "NIGHT", "Kitchen", "4/8", "1"],
        ]),
      ],
    });
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    const s = scheduleSummary(r.schedule!);
    expect(s).toMatchObject({ days: 3, eighths: 17, holdDays: 1, holdCost: 100000, boneyard: 0 });
    expect(scheduleSummaryText(s)).toBe("3 shooting days, 2 1/8 pages, 2027-05-24 to 2027-05-26; 1 hold day, hold cost 1,000.00");
  });
});
