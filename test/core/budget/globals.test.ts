import { CellValue } from "../../../src/core/cells";
import { fromYmd, toExcelSerial } from "../../../src/core/dates";
import { hasErrors, reportJson, runEngine } from "../../../src/core/engine";
import { doodAmount, weeksFor } from "../../../src/core/budget/lineValues";
import { CAST_HEADERS, board, marker, settingsTable, strip, table, workbook } from "../schedule/helpers";

/**
 * A hand-worked five-day board (Mon 2 Mar 2026, Sat/Sun off, a holiday on Wed 4 Mar):
 *   day 1 Mon 2 Mar: cast 1, 2     day 2 Tue 3 Mar: cast 1     day 3 Thu 5 Mar: cast 1
 *   day 4 Fri 6 Mar: cast 1, 2     day 5 Mon 9 Mar: cast 3
 * DOOD: cast 1 SW W W WF (4 work); cast 2 SW H H WF (2 work + 2 hold = 4 paid); cast 3 SWF (1).
 */
const CAST: CellValue[][] = [
  ["1", "LEAD", "Ann Actor", 1000, 60, ""],
  ["2", "SIDEKICK", "Bob Actor", 500, 30, ""],
  ["3", "CAMEO", "Cy Actor", 800, 30, ""],
];
const BOARD: CellValue[][] = [
  strip("1", "INT", "DAY", "KITCHEN", "House", "1", "1, 2"),
  marker("End of Day 1"),
  strip("2", "INT", "DAY", "KITCHEN", "House", "1", "1"),
  marker("End of Day 2"),
  strip("3", "INT", "DAY", "KITCHEN", "House", "1", "1"),
  marker("End of Day 3"),
  strip("4", "INT", "DAY", "KITCHEN", "House", "1", "1, 2"),
  marker("End of Day 4"),
  strip("5", "INT", "DAY", "KITCHEN", "House", "1", "3"),
];
const BUDGET_HEADERS = ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Cast ID"];
const BUDGET: CellValue[][] = [
  ["1400", "Lead", null, "Days", null, null, "", "1"], // row 2: 4 DOOD days × 1,000 = 4,000
  ["1400", "Sidekick", 3, "Days", null, 500, "", "2"], // row 3: typed 3 ≠ 4 paid: warning; 1,500
  ["1400", "Cameo, weekly", null, "Weeks", null, 2500, "", "3"], // row 4: 1 paid day → 1 week: 2,500
  ["1400", "Prep", "PREP_WEEKS * 5", "Days", null, 200, "", ""], // row 5: 10 × 200 = 2,000
  ["1400", "Shoot crew", "SHOOT_DAYS", "Days", "2", "RATE_X", "", ""], // row 6: 5 × 2 × 150 = 1,500
];
const GLOBALS: CellValue[][] = [
  ["PREP_WEEKS", 2, "Prep before the shoot"],
  ["RATE_X", "100 + 50", "A rate as an expression"],
  ["TOTAL_WEEKS", "PREP_WEEKS + SHOOT_WEEKS", "Prep and shoot"],
];

function wb(over: { budget?: CellValue[][]; board?: CellValue[][]; globals?: CellValue[][]; noBoard?: boolean } = {}) {
  return workbook(
    settingsTable([["Start Date", "2026-03-02"], ["Days Off", "Sat, Sun"]]),
    table("Holidays", ["Date", "Name"], [["2026-03-04", "Company holiday"], ["2026-03-07", "A Saturday"]]),
    table("Accounts", ["Code", "Name", "Parent"], [["1000", "Above-the-Line", ""], ["1400", "Cast", "1000"]]),
    table("Budget", BUDGET_HEADERS, over.budget ?? BUDGET),
    table("Globals", ["Name", "Value", "Description"], over.globals ?? GLOBALS),
    table("Cast", CAST_HEADERS, CAST),
    ...(over.noBoard ? [] : [board(over.board ?? BOARD)]),
  );
}

describe("globals from the schedule and the Globals table", () => {
  it("computes SHOOT_DAYS, SHOOT_WEEKS, HOLIDAYS, SHOOT_START, SHOOT_END and the cast days", () => {
    const r = runEngine(wb());
    expect(hasErrors(r)).toBe(false);
    const g = Object.fromEntries(reportJson(r).globals.map((x) => [x.name, x.value]));
    expect(g).toMatchObject({
      PREP_WEEKS: 2,
      RATE_X: 150,
      TOTAL_WEEKS: 3,
      SHOOT_DAYS: 5,
      SHOOT_WEEKS: 1,
      DAYS_PER_WEEK: 5,
      HOLIDAYS: 1, // Wed 4 Mar; the Saturday holiday is a day off anyway
      SHOOT_START: 46083, // 2026-03-02 as an Excel serial
      SHOOT_END: 46090, // 2026-03-09
      CAST_1_WORK: 4,
      CAST_1_HOLD: 0,
      CAST_2_WORK: 2,
      CAST_2_HOLD: 2,
      CAST_2_PAID: 4,
      CAST_3_PAID: 1,
      CAST_3_DROP: 0,
    });
    expect(toExcelSerial(fromYmd(2026, 3, 2))).toBe(46083);
  });

  it("budget lines take globals, expressions and DOOD days; a typed figure that differs warns with both", () => {
    const r = runEngine(wb());
    expect(hasErrors(r)).toBe(false);
    const totals = r.budget!.lines.map((l) => l.total / 100);
    expect(totals).toEqual([4000, 1500, 2500, 2000, 1500]);
    expect(r.budget!.byCode.get("1400")!.rolled.budget).toBe(1150000);
    const warnings = r.problems.filter((p) => p.severity === "warning");
    expect(warnings).toEqual([
      {
        severity: "warning",
        sheet: "Budget",
        table: "Budget",
        row: 3,
        column: "Amount",
        cell: "C3",
        message:
          'Line "Sidekick" budgets cast 2 (SIDEKICK) for 3 days, but the DOOD gives 4 paid days (2 work + 2 hold); the typed 3 is used (clear the Amount to follow the schedule)',
      },
    ]);
  });

  it("Schedule vs Budget: DOOD days beside the tied lines, difference in days and money", () => {
    const svb = runEngine(wb()).budget!.scheduleVsBudget!;
    expect(svb.rows.map((x) => [x.id, x.work, x.hold, x.drop, x.paid, x.budgeted, x.difference, x.differenceCost / 100])).toEqual([
      ["1", 4, 0, 0, 4, 4, 0, 0],
      ["2", 2, 2, 0, 4, 3, -1, -500],
      ["3", 1, 0, 0, 1, 5, 4, 2000], // a weekly guarantee of 5 days at 2,500 / 5 = 500 a day
    ]);
    expect(svb.totals).toEqual({ work: 7, hold: 2, drop: 0, paid: 9, budgeted: 12, difference: 3, differenceCost: 150000 });
  });

  it("moving a cast member's strip changes the tied line on the next run", () => {
    // Cast 1 joins scene 5 on day 5: 5 work days; cast 2 moves from day 4 to day 2: 2 work, no hold.
    const moved = BOARD.map((row) => [...row]);
    moved[8][6] = "1, 3";
    moved[6][6] = "1";
    moved[2][6] = "1, 2";
    const r = runEngine(wb({ board: moved }));
    expect(r.budget!.lines[0].amount).toBe(5);
    expect(r.budget!.lines[0].total).toBe(500000);
    expect(r.problems.find((p) => p.row === 3)!.message).toContain("the DOOD gives 2 paid days (2 work + 0 hold)");
  });

  it("without a Stripboard, typed schedule globals are used and a tied line with a blank Amount warns", () => {
    const r = runEngine(
      wb({
        noBoard: true,
        globals: [...GLOBALS.slice(0, 2), ["SHOOT_DAYS", 20, "Until the board exists"]],
      }),
    );
    expect(hasErrors(r)).toBe(false);
    expect(r.budget!.lines[4].total).toBe(20 * 2 * 150 * 100);
    expect(r.budget!.lines[0].total).toBe(0);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toContainEqual([
      2,
      "Amount",
      'Line "Lead" is tied to cast 1 (LEAD) but the workbook has no Stripboard to count the days from; its Amount counts 0 until there is one',
    ]);
  });

  it("a typed SHOOT_DAYS gives way to the schedule's, with a warning", () => {
    const r = runEngine(wb({ globals: [...GLOBALS, ["SHOOT_DAYS", 20, ""]] }));
    expect(r.budget!.lines[4].total).toBe(5 * 2 * 150 * 100);
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 5, column: "Value", message: "SHOOT_DAYS is computed from the schedule (5); the 20 typed here is not used" }));
  });
});

describe("bad globals and expressions are problems naming the cell", () => {
  const messages = (rows: CellValue[][], budget?: CellValue[][]) =>
    runEngine(wb({ globals: rows, budget })).problems.filter((p) => p.severity === "error").map((p) => [p.sheet, p.cell, p.message]);

  it("an unknown name, a bad expression, an unknown Cast ID", () => {
    const budget = BUDGET.map((r) => [...r]);
    budget[3][2] = "PREP_WEKS * 5";
    budget[4][5] = "RATE_X +";
    budget[0][7] = "99";
    expect(messages(GLOBALS, budget)).toEqual([
      ["Budget", "H2", 'Cast ID "99" is not an ID in Cast'],
      ["Budget", "C5", 'Amount "PREP_WEKS * 5" uses PREP_WEKS, which is not in Globals nor computed from the schedule'],
      ["Budget", "F6", 'Rate must be a number, a global or an expression like SHOOT_WEEKS + 2, not "RATE_X +": it ends where a number or a name is expected'],
    ]);
  });

  it("a cycle, a duplicate, a bad name, a blank value", () => {
    expect(
      messages([
        ["A_WEEKS", "B_WEEKS + 1", ""],
        ["B_WEEKS", "A_WEEKS * 2", ""],
        ["A_weeks", 3, ""],
        ["2ND_UNIT", 3, ""],
        ["EMPTY", null, ""],
        ["USES_A", "A_WEEKS + 1", ""],
      ], BUDGET.slice(0, 3)),
    ).toEqual([
      ["Globals", "A4", "Global A_weeks is defined twice: it is already on row 2"],
      ["Globals", "A5", 'Global name "2ND_UNIT" must be letters, digits and _ and start with a letter (e.g. PREP_WEEKS)'],
      ["Globals", "B6", "Global EMPTY has no Value"],
      ["Globals", "B2", "Globals form a cycle: A_WEEKS → B_WEEKS → A_WEEKS"],
      ["Globals", "B7", 'Value "A_WEEKS + 1" of global USES_A uses A_WEEKS, whose own Value has a problem'],
    ]);
  });
});

describe("DOOD amounts of a tied line", () => {
  it("weeks: paid days ÷ days per week, rounded up to the hundredth, at least one week", () => {
    expect(weeksFor(7, 5)).toBe(1.4);
    expect(weeksFor(7, 6)).toBe(1.17);
    expect(weeksFor(12, 6)).toBe(2);
    expect(weeksFor(3, 5)).toBe(1);
    expect(weeksFor(0, 5)).toBe(0);
  });
  it("days are work + hold; a run of show pays through the drop", () => {
    expect(doodAmount("days", { work: 3, hold: 1, drop: 4 }, 5)).toBe(4);
    expect(doodAmount("run", { work: 3, hold: 1, drop: 4 }, 5)).toBe(8);
    expect(doodAmount("run", { work: 0, hold: 0, drop: 0 }, 5)).toBe(0);
  });
});

