import fc from "fast-check";
import { fromYmd } from "../../../src/core/dates";
import { shootingDates } from "../../../src/core/schedule/calendar";
import { WORK_CODES, doodRow } from "../../../src/core/schedule/dood";
import { DoodCode } from "../../../src/core/schedule/model";

const member = { id: "1", character: "ANNA", actor: "A. Actor", dailyRate: 1_000_00 };
// 25 shooting days, Mon–Fri from Mon 2026-03-02: idx 0–4 Mar 2–6, 5–9 Mar 9–13, 10–14 Mar 16–20,
// 15–19 Mar 23–27, 20–24 Mar 30–Apr 3.
const dates = shootingDates({ start: fromYmd(2026, 3, 2), daysOff: [6, 0], holidays: new Set() }, 25)!;
const blank = (n: number): DoodCode[] => new Array<DoodCode>(n).fill("");

describe("Day Out of Days codes", () => {
  it("SW … H … WF with holds costed at the daily rate", () => {
    const r = doodRow(member, [0, 2, 4], 5, dates, 10);
    expect(r.codes).toEqual(["SW", "H", "W", "H", "WF"]);
    expect([r.work, r.hold, r.drop]).toEqual([3, 2, 0]);
    expect(r.holdCost).toBe(2 * 1_000_00); // 2 holds × $1,000.00
    expect([r.start, r.finish]).toEqual([fromYmd(2026, 3, 2), fromYmd(2026, 3, 6)]);
  });

  it("a one-day player is SWF, blank elsewhere", () => {
    const r = doodRow(member, [3], 5, dates, 10);
    expect(r.codes).toEqual(["", "", "", "SWF", ""]);
    expect([r.work, r.hold, r.drop, r.holdCost]).toEqual([1, 0, 0, 0]);
    expect(r.start).toBe(fromYmd(2026, 3, 5));
    expect(r.finish).toBe(fromYmd(2026, 3, 5));
  });

  it("one who never works: blank codes, no start or finish, zero totals", () => {
    const r = doodRow(member, [], 4, dates, 10);
    expect(r.codes).toEqual(blank(4));
    expect([r.work, r.hold, r.drop, r.holdCost, r.start, r.finish]).toEqual([0, 0, 0, 0, undefined, undefined]);
  });

  it("drops and picks up at a gap of more than Drop Days: SWD … PWF", () => {
    // Mar 2 → Mar 16 is 14 calendar days > 10: dropped after day 1, picked up on day 11.
    const r = doodRow(member, [0, 10], 11, dates, 10);
    expect(r.codes).toEqual(["SWD", ...blank(9), "PWF"]);
    expect([r.work, r.hold, r.drop, r.holdCost]).toEqual([2, 0, 9, 0]);
  });

  it("WD and PW inside the run, holds before and after", () => {
    // idx 0,1 (Mar 2,3); idx 1 → 14 (Mar 3 → Mar 20) is 17 days: drop; 14 → 16 (Mar 20 → 24) holds idx 15.
    const r = doodRow(member, [0, 1, 14, 16], 17, dates, 10);
    expect(r.codes).toEqual(["SW", "WD", ...blank(12), "PW", "H", "WF"]);
    expect([r.work, r.hold, r.drop]).toEqual([4, 1, 12]);
  });

  it("exactly Drop Days apart is no drop (the rule is more than)", () => {
    // idx 0 Mar 2 → idx 8 Mar 12 = 10 days: held; idx 0 → idx 9 Mar 13 = 11 days: dropped.
    expect(doodRow(member, [0, 8], 9, dates, 10).codes).toEqual(["SW", ...new Array(7).fill("H"), "WF"]);
    expect(doodRow(member, [0, 9], 10, dates, 10).codes).toEqual(["SWD", ...blank(8), "PWF"]);
    expect(doodRow(member, [0, 8], 9, dates, 9).codes).toEqual(["SWD", ...blank(7), "PWF"]); // Drop Days 9
  });

  it("drops only once: a later long gap is held", () => {
    // idx 0 → 10 (Mar 2 → 16, 14 days) drops; idx 11 → 24 (Mar 17 → Apr 3, 17 days) is held: 12 holds.
    const r = doodRow(member, [0, 10, 11, 24], 25, dates, 10);
    expect(r.codes).toEqual(["SWD", ...blank(9), "PW", "W", ...new Array(12).fill("H"), "WF"]);
    expect([r.work, r.hold, r.drop]).toEqual([4, 12, 9]);
    expect(r.holdCost).toBe(12 * 1_000_00);
  });

  it("without dates no drop is judged: every gap is a hold", () => {
    const r = doodRow(member, [0, 10], 11, undefined, 10);
    expect(r.codes).toEqual(["SW", ...new Array(9).fill("H"), "WF"]);
    expect([r.hold, r.drop, r.start, r.finish, r.startDay, r.finishDay]).toEqual([9, 0, undefined, undefined, 1, 11]);
  });

  it("a long gap with no shooting days between still drops, with 0 drop days", () => {
    // Two consecutive shooting days 3 weeks apart (a hiatus of holidays).
    const d = [fromYmd(2026, 3, 2), fromYmd(2026, 3, 23)];
    expect(doodRow(member, [0, 1], 2, d, 10).codes).toEqual(["SWD", "PWF"]);
  });
});

/** Strictly increasing dates with gaps of 1..20 days. */
const scheduleArb = fc
  .array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 })
  .chain((gaps) => {
    const ds: number[] = [];
    let d = fromYmd(2026, 1, 5);
    for (const g of gaps) ds.push((d += g));
    return fc.tuple(fc.constant(ds), fc.subarray(ds.map((_, i) => i)), fc.integer({ min: 0, max: 15 }), fc.boolean());
  });

describe("Day Out of Days properties", () => {
  it("codes are consistent and work days are exactly the days worked", () => {
    fc.assert(
      fc.property(scheduleArb, ([ds, work, dropDays, dated]) => {
        const r = doodRow(member, work, ds.length, dated ? ds : undefined, dropDays);
        const worked = r.codes.map((c, i) => (WORK_CODES.has(c) ? i : -1)).filter((i) => i >= 0);
        expect(worked).toEqual(work);
        expect(r.work).toBe(work.length);
        expect(r.hold).toBe(r.codes.filter((c) => c === "H").length);
        expect(r.holdCost).toBe(r.hold * member.dailyRate);
        if (work.length === 0) {
          expect(r.codes.every((c) => c === "")).toBe(true);
          return;
        }
        const first = work[0];
        const last = work[work.length - 1];
        const starts = r.codes.filter((c) => c === "SW" || c === "SWD" || c === "SWF");
        const finishes = r.codes.filter((c) => c === "WF" || c === "PWF" || c === "SWF");
        expect(starts).toHaveLength(1);
        expect(finishes).toHaveLength(1);
        expect(["SW", "SWD", "SWF"]).toContain(r.codes[first]);
        expect(["WF", "PWF", "SWF"]).toContain(r.codes[last]);
        // Nothing outside first..last; inside, every day is work, hold or dropped.
        r.codes.forEach((c, i) => {
          if (i < first || i > last) expect(c).toBe("");
        });
        expect(r.work + r.hold + r.drop).toBe(last - first + 1);
        const drops = r.codes.map((c, i) => (c === "WD" || c === "SWD" ? i : -1)).filter((i) => i >= 0);
        const picks = r.codes.map((c, i) => (c === "PW" || c === "PWF" ? i : -1)).filter((i) => i >= 0);
        expect(drops.length).toBe(picks.length);
        expect(drops.length).toBeLessThanOrEqual(1);
        // The drop is at the first pair of consecutive work dates more than Drop Days apart.
        const gapAt = dated ? work.findIndex((d, k) => k + 1 < work.length && ds[work[k + 1]] - ds[d] > dropDays) : -1;
        if (gapAt < 0) expect(drops).toEqual([]);
        else {
          expect(drops).toEqual([work[gapAt]]);
          expect(picks).toEqual([work[gapAt + 1]]);
          expect(r.drop).toBe(work[gapAt + 1] - work[gapAt] - 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
