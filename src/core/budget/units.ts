/**
 * Budget line Units as producers type them, and the conversion between hours, days and weeks
 * that a per-hour or per-day fringe needs (Settings Hours Per Day and Days Per Week, as Movie
 * Magic Budgeting has them).
 */

export type TimeUnit = "hour" | "day" | "week";

/**
 * What a line's Units mean: a time unit; a lump sum (`Flat`, `Allow`, `Run` of show), which has
 * no length; or anything else (`Trips`, `Nights`, `Songs`), kept as the user wrote it.
 */
export type LineUnit = TimeUnit | "lump" | "other";

const LINE_UNITS: Record<string, LineUnit> = {};
const alias = (u: LineUnit, ...names: string[]) => names.forEach((n) => (LINE_UNITS[n] = u));
alias("hour", "hour", "hours", "hr", "hrs", "h");
alias("day", "day", "days", "dy", "dys", "d");
alias("week", "week", "weeks", "wk", "wks", "w");
alias("lump", "flat", "allow", "allowance", "run", "runofshow", "ros", "lump", "lumpsum", "ls", "fee");

/** The meaning of a line's Units text, case- and punctuation-insensitively ("Wks." is weeks). */
export function lineUnit(text: string): LineUnit {
  return LINE_UNITS[text.toLowerCase().replace(/[^a-z]/g, "")] ?? "other";
}

/** How a Flat fringe's Rate is counted (the Fringes table's Unit column). */
export type FringeUnit = TimeUnit | "line" | "unit";

const FRINGE_UNITS: Record<string, FringeUnit> = {};
const fAlias = (u: FringeUnit, ...names: string[]) => names.forEach((n) => (FRINGE_UNITS[n] = u));
fAlias("hour", "hour", "hours", "hr", "hrs", "h", "hourly");
fAlias("day", "day", "days", "dy", "d", "daily");
fAlias("week", "week", "weeks", "wk", "wks", "w", "weekly");
fAlias("line", "line", "lines", "flat", "allow", "each", "once", "run");
fAlias("unit", "unit", "units", "");

/** A Fringes Unit cell: `per hour`, `Hr`, `/day`, `Week`, `per line`; blank is per unit of the line. */
export function fringeUnit(text: string): FringeUnit | undefined {
  const key = text.toLowerCase().replace(/^\s*(per|a|an|each)\s+/, "").replace(/[^a-z]/g, "");
  return FRINGE_UNITS[key];
}

export const FRINGE_UNIT_LABEL: Record<FringeUnit, string> = { hour: "hour", day: "day", week: "week", line: "line", unit: "unit" };

export interface WorkTime {
  hoursPerDay: number;
  daysPerWeek: number;
}

/**
 * How many `to` units one `from` unit holds, as [numerator factors, divisors], so the money
 * maths stays exact: a week is Hours Per Day × Days Per Week hours; an hour is 1 ÷ Hours Per Day
 * of a day.
 */
export function unitRatio(from: TimeUnit, to: TimeUnit, t: WorkTime): [number[], number[]] {
  const hours = (u: TimeUnit): number[] => (u === "hour" ? [] : u === "day" ? [t.hoursPerDay] : [t.hoursPerDay, t.daysPerWeek]);
  const num = hours(from);
  const den = hours(to);
  // Cancel the factors both sides share (a week into days: HPD × DPW ÷ HPD = DPW).
  const n = [...num];
  const d: number[] = [];
  for (const f of den) {
    const i = n.indexOf(f);
    if (i >= 0) n.splice(i, 1);
    else d.push(f);
  }
  return [n, d];
}
