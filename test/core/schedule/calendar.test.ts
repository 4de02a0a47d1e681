import { fromYmd } from "../../../src/core/dates";
import { shootDate, shootingDates } from "../../../src/core/schedule/calendar";

describe("shooting calendar", () => {
  const cal = (start: [number, number, number], daysOff: number[], holidays: number[] = []) => ({
    start: fromYmd(...start),
    daysOff,
    holidays: new Set(holidays),
  });

  it("skips days off and holidays", () => {
    // Start Sat 2026-02-28, Sat/Sun off, Wed 2026-03-04 a holiday:
    // day 1 Mon 03-02, day 2 Tue 03-03, (Wed holiday), day 3 Thu 03-05, day 4 Fri 03-06, day 5 Mon 03-09.
    const c = cal([2026, 2, 28], [6, 0], [fromYmd(2026, 3, 4)]);
    expect(shootingDates(c, 5)).toEqual([fromYmd(2026, 3, 2), fromYmd(2026, 3, 3), fromYmd(2026, 3, 5), fromYmd(2026, 3, 6), fromYmd(2026, 3, 9)]);
    expect(shootDate(c, 5)).toBe(fromYmd(2026, 3, 9));
  });

  it("starts on Start Date itself when it is a shooting date", () => {
    const c = cal([2026, 3, 2], [6, 0]);
    expect(shootDate(c, 1)).toBe(fromYmd(2026, 3, 2));
    // Six-day week (Sun off): day 6 is Sat 03-07, day 7 Mon 03-09.
    const six = cal([2026, 3, 2], [0]);
    expect(shootDate(six, 6)).toBe(fromYmd(2026, 3, 7));
    expect(shootDate(six, 7)).toBe(fromYmd(2026, 3, 9));
  });

  it("has no date when no weekday can be shot, or for day 0", () => {
    expect(shootingDates(cal([2026, 3, 2], [0, 1, 2, 3, 4, 5, 6]), 1)).toBeUndefined();
    expect(shootDate(cal([2026, 3, 2], [6, 0]), 0)).toBeUndefined();
  });
});
