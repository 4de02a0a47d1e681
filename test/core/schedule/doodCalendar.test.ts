import fc from "fast-check";
import { WorkbookInput } from "../../../src/core/cells";
import { fromYmd } from "../../../src/core/dates";
import { runEngine } from "../../../src/core/engine";
import { shootingDates } from "../../../src/core/schedule/calendar";
import { DOOD_LEGEND, offSpanShortText, offSpanText, offSpans } from "../../../src/core/schedule/dood";
import { DOOD_OFF_ROW, DOOD_FIRST_DAY_COL, doodLayout } from "../../../src/core/layout/dood";
import { sampleProduction } from "../../../src/core/sample";

const memorial = { date: fromYmd(2027, 5, 31), name: "Memorial Day" };

describe("DOOD: days off and holidays inside the shoot (issue 14)", () => {
  // Mon 24 May 2027 start, Sat/Sun off, Memorial Day Mon 31 May: days 1–5 are 24–28 May,
  // day 6 is Tue 1 Jun; the run between day 5 and day 6 is Sat 29, Sun 30, Mon 31.
  const dates = shootingDates({ start: fromYmd(2027, 5, 24), daysOff: [6, 0], holidays: new Set([memorial.date]) }, 7)!;

  it("finds the long weekend after day 5 and names the holiday", () => {
    const spans = offSpans(dates, [memorial]);
    expect(spans).toEqual([{ afterDay: 5, dates: [fromYmd(2027, 5, 29), fromYmd(2027, 5, 30), fromYmd(2027, 5, 31)], holidays: [memorial] }]);
    expect(offSpanText(spans[0])).toBe("Sat 29 – Mon 31 May off (Mon 31 May Memorial Day)");
    expect(offSpanShortText(spans[0])).toBe("Sat 29–Mon 31 off: Memorial Day");
  });

  it("a run across a month end names both months; one day reads alone", () => {
    expect(offSpanText({ afterDay: 1, dates: [fromYmd(2027, 4, 30), fromYmd(2027, 5, 1)], holidays: [] })).toBe("Fri 30 Apr – Sat 1 May off");
    expect(offSpanText({ afterDay: 1, dates: [fromYmd(2027, 6, 2)], holidays: [] })).toBe("Wed 2 Jun off");
  });

  it("consecutive shooting days leave no run; the runs hold exactly the dates not shot", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 30 }), (raw) => {
        const ds = [...raw].sort((a, b) => a - b).map((d) => fromYmd(2027, 1, 1) + d);
        const spans = offSpans(ds, []);
        const off = spans.flatMap((s) => s.dates);
        const span = ds.length ? ds[ds.length - 1] - ds[0] + 1 : 0;
        expect(off.length + ds.length).toBe(span);
        for (const d of off) expect(ds).not.toContain(d);
        for (const s of spans) expect(ds[s.afterDay] - ds[s.afterDay - 1]).toBe(s.dates.length + 1);
      }),
    );
  });

  it("the legend lists every code the grid can emit, SWD and PWF included", () => {
    expect(DOOD_LEGEND.map(([c]) => c)).toEqual(["SW", "W", "WF", "SWF", "H", "WD", "SWD", "PW", "PWF"]);
  });

  it("the sample's DOOD marks Memorial Day above the first day after the long weekend", () => {
    const input: WorkbookInput = {
      name: "sample.xlsx",
      tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })),
    };
    const s = runEngine(input).schedule!;
    const spans = s.dood.offSpans ?? [];
    const mem = spans.find((sp) => sp.holidays.some((h) => h.name === "Memorial Day"))!;
    expect(mem.afterDay).toBe(5);
    expect(s.dood.dates[5]).toBe(fromYmd(2027, 6, 1));
    const layout = doodLayout(s, "Sample", "USD");
    const mark = layout.cells.find((c) => c.r === DOOD_OFF_ROW && c.c === DOOD_FIRST_DAY_COL + 5);
    // The full "Sat 29 – Mon 31 May off (Mon 31 May Memorial Day)" would run into the next
    // weekend's mark four day columns on, so the short form is written.
    expect(mark?.v).toBe("◂ Sat 29–Mon 31 off: Memorial Day");
    const legend = layout.cells.find((c) => c.r === 2 && c.c === 4)?.v;
    expect(legend).toContain("SWD start work, drop");
    expect(legend).toContain("PWF pick-up, finish");
    // Paid = work + hold, one column after Drop; the Cast working row sums it.
    const head = layout.cells.find((c) => c.r === 6 && c.v === "Paid")!;
    const paidCells = layout.cells.filter((c) => c.c === head.c && c.r > 6).map((c) => c.v);
    const expected = s.dood.cast.map((m) => m.work + m.hold);
    expect(paidCells).toEqual([...expected, expected.reduce((a, b) => a + b, 0)]);
    // The mark row prints on every page with the date and day rows.
    expect(layout.print?.repeatRows).toEqual([DOOD_OFF_ROW, 6]);
  });
});
