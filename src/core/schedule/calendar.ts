/**
 * Shooting dates: day 1 is the first date on or after Start Date that is neither a Day Off nor a
 * Holiday, and each later day the next such date. Days off and holidays get no shooting day.
 */
import { EpochDay, weekday } from "../dates";

export interface ShootingCalendar {
  start: EpochDay;
  /** Weekday numbers not shot (0 = Sunday). */
  daysOff: readonly number[];
  holidays: ReadonlySet<EpochDay>;
}

export function isShootingDate(cal: ShootingCalendar, date: EpochDay): boolean {
  return !cal.daysOff.includes(weekday(date)) && !cal.holidays.has(date);
}

/** Dates of shooting days 1..count; undefined when every weekday is a day off. */
export function shootingDates(cal: ShootingCalendar, count: number): EpochDay[] | undefined {
  if (count > 0 && [0, 1, 2, 3, 4, 5, 6].every((w) => cal.daysOff.includes(w))) return undefined;
  const out: EpochDay[] = [];
  let d = cal.start;
  while (out.length < count) {
    if (isShootingDate(cal, d)) out.push(d);
    d++;
  }
  return out;
}

/** The date of shooting day n (1-based). */
export function shootDate(cal: ShootingCalendar, n: number): EpochDay | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  return shootingDates(cal, n)?.[n - 1];
}
