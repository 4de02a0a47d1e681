import fc from "fast-check";
import { CellValue } from "../../../src/core/cells";
import { fromYmd } from "../../../src/core/dates";
import { hasErrors, reportJson, runEngine } from "../../../src/core/engine";
import { applyCastDays, doodRow, paidDays } from "../../../src/core/schedule/dood";
import { CastDayCode, CastDayEntry, Dood } from "../../../src/core/schedule/model";
import { DOOD_FIRST_DAY_COL, DOOD_HEADER_ROW, doodLayout } from "../../../src/core/layout/dood";
import { layoutOverflows } from "../../../src/core/layout/fit";
import { CAST_HEADERS, board, marker, settingsTable, strip, table, workbook } from "./helpers";

/**
 * A hand-worked board (Start Date Thu 27 May 2027, Sat/Sun off, no holidays):
 *   day 1 Thu 27 May: cast 1, 2    day 2 Fri 28 May: cast 2    day 3 Mon 31 May: cast 1
 * DOOD without Cast Days: cast 1 SW H WF (2 work + 1 hold = 3 paid); cast 2 SW WF (2 paid).
 */
const CAST: CellValue[][] = [
  ["1", "LEAD", "Ann Actor", 500, 60, ""],
  ["2", "SIDEKICK", "Bob Actor", 300, 30, ""],
];
const BOARD: CellValue[][] = [
  strip("1", "INT", "DAY", "KITCHEN", "House", "1", "1, 2"),
  marker("End of Day 1"),
  strip("2", "INT", "DAY", "KITCHEN", "House", "1", "2"),
  marker("End of Day 2"),
  strip("3", "INT", "DAY", "KITCHEN", "House", "1", "1"),
];
const BUDGET: CellValue[][] = [
  ["1400", "Lead", null, "Days", null, null, "", "1"],
  ["1400", "Sidekick", null, "Days", null, null, "", "2"],
];

function wb(castDays?: CellValue[][]) {
  return workbook(
    settingsTable([["Start Date", "2027-05-27"], ["Days Off", "Sat, Sun"]]),
    table("Accounts", ["Code", "Name", "Parent"], [["1000", "Above-the-Line", ""], ["1400", "Cast", "1000"]]),
    table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Cast ID"], BUDGET),
    table("Cast", CAST_HEADERS, CAST),
    board(BOARD),
    ...(castDays ? [table("Cast Days", ["Cast ID", "Date", "Code"], castDays)] : []),
  );
}

const castAccount = (r: ReturnType<typeof runEngine>) => reportJson(r).budget!.accounts.find((a) => a.code === "1400")!.budget;
const globalsOf = (r: ReturnType<typeof runEngine>) => Object.fromEntries(reportJson(r).globals.map((x) => [x.name, x.value]));

describe("Cast Days on the DOOD (issue 14)", () => {
  it("without Cast Days the figures are work + hold: 3 × 500 + 2 × 300 = 2,100", () => {
    const r = runEngine(wb());
    expect(hasErrors(r)).toBe(false);
    expect(r.schedule!.dood.cast.map((m) => m.codes)).toEqual([["SW", "H", "WF"], ["SW", "WF", ""]]);
    expect(castAccount(r)).toBe(2100);
  });

  it("a fitting the day before day 1 and a holiday inside the run are paid; the grid keeps SW H WF", () => {
    const r = runEngine(
      wb([
        ["1", "2027-05-26", "FT"], // Wed 26 May, the day before day 1: not a shooting date, counted
        ["1", "2027-05-29", "h"], // Sat 29 May, between day 2 and day 3: inside cast 1's run, paid
        ["2", "2027-06-01", "TR"], // Tue 1 Jun, after cast 2's last day: a travel day home, paid
      ]),
    );
    expect(hasErrors(r)).toBe(false);
    const [m1, m2] = r.schedule!.dood.cast;
    expect(m1.codes).toEqual(["SW", "H", "WF"]);
    expect([m1.work, m1.hold, m1.castDays]).toEqual([2, 1, { TR: 0, R: 0, FT: 1, H: 1 }]);
    // Paid = 2 work + 1 hold + 1 fitting + 1 holiday = 5.
    expect(paidDays(m1)).toBe(5);
    // Paid = 2 work + 1 travel = 3.
    expect(paidDays(m2)).toBe(3);
    expect(globalsOf(r)).toMatchObject({ CAST_1_PAID: 5, CAST_2_PAID: 3, CAST_1_HOLD: 1 });
    // The tied lines follow: 5 × 500 + 3 × 300 = 2,500 + 900 = 3,400.
    expect(castAccount(r)).toBe(3400);
    // The DOOD counts them before Paid, one column a code that occurs (no R here), and explains the codes.
    const layout = doodLayout(r.schedule!, "Test", "USD");
    const at = (rr: number, c: number) => layout.cells.find((x) => x.r === rr && x.c === c)?.v;
    const first = DOOD_FIRST_DAY_COL + 3;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => at(DOOD_HEADER_ROW, first + i))).toEqual([
      "Work", "Hold", "Drop", "Start", "Finish", "Hold Cost", "TR", "FT", "Holiday", "Paid",
    ]);
    expect([6, 7, 8, 9].map((i) => at(DOOD_HEADER_ROW + 1, first + i))).toEqual([0, 1, 1, 5]);
    expect([6, 7, 8, 9].map((i) => at(DOOD_HEADER_ROW + 2, first + i))).toEqual([1, 0, 0, 3]);
    expect([6, 7, 8, 9].map((i) => at(DOOD_HEADER_ROW + 3, first + i))).toEqual([1, 1, 1, 8]);
    expect(String(at(2, 4))).toContain("TR travel · R rehearsal · FT fitting");
    // The narrow code columns show whole: no ### and nothing cut; still one page wide.
    expect(layoutOverflows(layout)).toEqual([]);
    expect(layout.print?.fitToWidth).toBe(1);
  });

  it("a rehearsal on a held day takes the cell: R in place of H, paid once, the hold cost falls", () => {
    const r = runEngine(wb([["1", "2027-05-28", "R"]]));
    expect(hasErrors(r)).toBe(false);
    const m1 = r.schedule!.dood.cast[0];
    expect(m1.codes).toEqual(["SW", "R", "WF"]);
    // 2 work + 0 hold + 1 rehearsal = 3, as before; hold cost 0 instead of 1 × 500.
    expect([m1.hold, m1.holdCost, paidDays(m1)]).toEqual([0, 0, 3]);
    // The Cast working row counts who shoots: day 2 is cast 2 alone.
    const layout = doodLayout(r.schedule!, "Test", "USD");
    expect(layout.cells.find((c) => c.r === DOOD_HEADER_ROW + 3 && c.c === DOOD_FIRST_DAY_COL + 1)?.v).toBe(1);
  });

  it("work wins: a code on a day the member shoots is a warning and is ignored; so is a holiday outside the run", () => {
    const r = runEngine(
      wb([
        ["2", "2027-05-28", "H"], // day 2, cast 2 works
        ["1", "2027-06-02", "H"], // after cast 1's finish
        ["1", "2027-05-26", "FT"],
        ["1", "2027-05-26", "R"], // second code for one date
      ]),
    );
    expect(hasErrors(r)).toBe(false);
    const w = r.problems.filter((p) => p.table === "Cast Days").map((p) => [p.severity, p.row, p.column, p.message]);
    expect(w).toEqual([
      ["warning", 2, "Date", "cast 2 (SIDEKICK) works on 2027-05-28 (day 2, WF); work wins, so this holiday is ignored"],
      ["warning", 3, "Date", "2027-06-02 is outside cast 1 (LEAD)'s run (2027-05-27 to 2027-05-31), so the holiday is not paid"],
      ["warning", 5, "Date", "cast 1 (LEAD) already has FT on 2027-05-26 (row 4); this row is ignored"],
    ]);
    expect(r.schedule!.dood.cast.map(paidDays)).toEqual([4, 2]);
  });

  it("each bad row is an error naming sheet, table, row, column and value", () => {
    const r = runEngine(
      wb([
        ["9", "2027-05-26", "FT"],
        ["1", "next Tuesday", "R"],
        ["1", "2027-05-26", "X"],
        ["", "2027-05-26", "TR"],
        ["1", 46533, "travel"], // Excel date 46533 = 2027-05-26 and the word for TR: accepted
      ]),
    );
    const e = r.problems.filter((p) => p.table === "Cast Days").map((p) => [p.severity, p.sheet, p.row, p.column, p.message]);
    expect(e).toEqual([
      ["error", "Cast Days", 2, "Cast ID", `Cast ID "9" is not an ID of the Cast table`],
      ["error", "Cast Days", 3, "Date", `Date must be a date, not "next Tuesday"`],
      ["error", "Cast Days", 4, "Code", `Code must be TR (travel), R (rehearsal), FT (fitting) or H (holiday), not "X"`],
      ["error", "Cast Days", 5, "Cast ID", "Cast ID is required"],
    ]);
    expect(r.schedule!.dood.cast[0].castDays).toEqual({ TR: 1, R: 0, FT: 0, H: 0 });
  });
});

describe("Cast Days: properties", () => {
  const start = fromYmd(2027, 1, 4);
  const codes: CastDayCode[] = ["TR", "R", "FT", "H"];
  const entry = fc.record({ offset: fc.integer({ min: -5, max: 30 }), code: fc.constantFrom(...codes) });
  // Dated days: day i on start + 1.5·i (a gap now and then), so holds, off dates and drops occur.
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 15 }),
    work: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 10 }),
    entries: fc.array(entry, { maxLength: 8 }),
    extra: entry,
  });
  const member = { id: "1", character: "LEAD", actor: "A", dailyRate: 10000 };
  function paid(n: number, work: number[], entries: { offset: number; code: CastDayCode }[]) {
    const dates = Array.from({ length: n }, (_, i) => start + Math.floor(i * 1.5));
    const wd = [...new Set(work.filter((d) => d < n))].sort((a, b) => a - b);
    const row = doodRow(member, wd, n, dates, 3);
    const dood: Dood = { days: n, dates, cast: [row], dropsJudged: true };
    const es: CastDayEntry[] = entries.map((e, i) => ({ row: i + 2, id: "1", date: start + e.offset, code: e.code }));
    applyCastDays(dood, [member], es, () => undefined);
    return { row, work: wd.length };
  }

  it("paid is never less than the work days, and a further Cast Days row never lowers it", () => {
    fc.assert(
      fc.property(arb, ({ n, work, entries, extra }) => {
        const a = paid(n, work, entries);
        expect(paidDays(a.row)).toBeGreaterThanOrEqual(a.work);
        expect(a.row.hold).toBeGreaterThanOrEqual(0);
        const b = paid(n, work, [...entries, extra]);
        expect(paidDays(b.row)).toBeGreaterThanOrEqual(paidDays(a.row));
      }),
    );
  });
});
