/**
 * Day Out of Days for the cast, by WORKBOOK.md:
 * - `SW` first work day, `W` work, `WF` last work day, `SWF` the only work day;
 * - `H` a day between two work days without work;
 * - once per member, at the FIRST gap between consecutive work days whose dates are more than
 *   Drop Days calendar days apart, the member is dropped after the earlier day (`WD`, or `SWD` if it
 *   is the start day) and picked up on the later one (`PW`, or `PWF` if it is the finish day); the
 *   shooting days between are blank, not holds. Later gaps are holds.
 *
 * Without dates (no Start Date) the calendar distance of a gap is unknown, so no drop is taken and
 * every gap is held. That is the cautious reading: a hold is what the production pays when a drop
 * is not allowed, so the hold cost is never understated, and a drop appears as soon as a Start
 * Date is given.
 */
import { Cents } from "../money";
import { EpochDay, toYmd, weekday } from "../dates";
import { CastMember, Dood, DoodCode, DoodOffSpan, DoodRow, ShootDay } from "./model";

export type DoodMember = Pick<CastMember, "id" | "character" | "actor" | "dailyRate">;

/**
 * One member's row. `workDays`: 0-based indices of the shooting days they work, ascending, no
 * repeats. `dates[i]` is the date of day i+1 when the days are dated.
 */
export function doodRow(
  member: DoodMember,
  workDays: readonly number[],
  dayCount: number,
  dates: readonly (EpochDay | undefined)[] | undefined,
  dropDays: number,
): DoodRow {
  const codes: DoodCode[] = new Array<DoodCode>(dayCount).fill("");
  const row: DoodRow = {
    id: member.id,
    character: member.character,
    actor: member.actor,
    codes,
    work: workDays.length,
    hold: 0,
    drop: 0,
    holdCost: 0,
  };
  if (workDays.length === 0) return row;
  const first = workDays[0];
  const last = workDays[workDays.length - 1];
  row.startDay = first + 1;
  row.finishDay = last + 1;
  row.start = dates?.[first];
  row.finish = dates?.[last];
  if (first === last) {
    codes[first] = "SWF";
    return row;
  }
  for (let d = first; d <= last; d++) codes[d] = "H";
  for (const d of workDays) codes[d] = "W";
  codes[first] = "SW";
  codes[last] = "WF";
  const dropAt = firstDropGap(workDays, dates, dropDays);
  if (dropAt >= 0) {
    const before = workDays[dropAt];
    const after = workDays[dropAt + 1];
    codes[before] = before === first ? "SWD" : "WD";
    codes[after] = after === last ? "PWF" : "PW";
    for (let d = before + 1; d < after; d++) codes[d] = "";
    row.drop = after - before - 1;
  }
  let hold = 0;
  for (let d = first; d <= last; d++) if (codes[d] === "H") hold++;
  row.hold = hold;
  row.holdCost = hold * member.dailyRate;
  return row;
}

/** Index i of the first pair (workDays[i], workDays[i+1]) dated more than dropDays apart; -1 if none or undated. */
function firstDropGap(workDays: readonly number[], dates: readonly (EpochDay | undefined)[] | undefined, dropDays: number): number {
  if (!dates) return -1;
  for (let i = 0; i + 1 < workDays.length; i++) {
    const a = dates[workDays[i]];
    const b = dates[workDays[i + 1]];
    if (a === undefined || b === undefined) return -1;
    if (b - a > dropDays) return i;
  }
  return -1;
}

/** 0-based day indices on which each cast ID has a strip, ascending. */
export function workDaysById(days: readonly ShootDay[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  days.forEach((day, i) => {
    for (const strip of day.strips) {
      for (const id of strip.cast) {
        let list = out.get(id);
        if (!list) out.set(id, (list = []));
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  return out;
}

/** The whole DOOD: every member of Cast, in its order, over the shooting days. */
export function buildDood(
  days: readonly ShootDay[],
  members: readonly DoodMember[],
  dates: readonly EpochDay[] | undefined,
  dropDays: number,
  holidays: readonly { date: EpochDay; name: string }[] = [],
): Dood {
  const work = workDaysById(days);
  const cast = members.map((m) => doodRow(m, work.get(m.id) ?? [], days.length, dates, dropDays));
  return {
    days: days.length,
    dates: days.map((_, i) => dates?.[i]),
    cast,
    dropsJudged: dates !== undefined,
    offSpans: dates ? offSpans(dates.slice(0, days.length), holidays) : [],
  };
}

/**
 * The non-shooting dates between consecutive shooting days (a weekend, a holiday), one run per
 * gap. WORKBOOK.md gives them no column, so the DOOD marks them instead: a line producer reads a
 * jump from Fri 28 to Tue 1 as a mistake unless the sheet says the long weekend is off.
 */
export function offSpans(dates: readonly EpochDay[], holidays: readonly { date: EpochDay; name: string }[]): DoodOffSpan[] {
  const names = new Map<EpochDay, string>();
  for (const h of holidays) if (!names.has(h.date)) names.set(h.date, h.name);
  const out: DoodOffSpan[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    if (dates[i + 1] - dates[i] <= 1) continue;
    const run: EpochDay[] = [];
    for (let d = dates[i] + 1; d < dates[i + 1]; d++) run.push(d);
    out.push({ afterDay: i + 1, dates: run, holidays: run.filter((d) => names.has(d)).map((d) => ({ date: d, name: names.get(d)! })) });
  }
  return out;
}

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const dayText = (d: EpochDay, withMonth: boolean): string => {
  const { m, d: dd } = toYmd(d);
  return `${WEEKDAY[weekday(d)]} ${dd}${withMonth ? ` ${MONTH[m - 1]}` : ""}`;
};

/** "Sat 29 – Mon 31 May off (Mon 31 May Memorial Day)"; one date reads "Wed 2 Jun off". */
export function offSpanText(span: DoodOffSpan): string {
  const a = span.dates[0];
  const b = span.dates[span.dates.length - 1];
  const sameMonth = toYmd(a).m === toYmd(b).m && toYmd(a).y === toYmd(b).y;
  const range = a === b ? dayText(a, true) : `${dayText(a, !sameMonth)} – ${dayText(b, true)}`;
  const hol = span.holidays.map((h) => `${dayText(h.date, true)} ${h.name}`).join(", ");
  return `${range} off${hol ? ` (${hol})` : ""}`;
}

/** The short form for a tight header: "Sat 29–Mon 31 off: Memorial Day", "Sat 29–Sun 30 off". */
export function offSpanShortText(span: DoodOffSpan): string {
  const a = span.dates[0];
  const b = span.dates[span.dates.length - 1];
  const range = a === b ? dayText(a, false) : `${dayText(a, false)}–${dayText(b, false)}`;
  const names = span.holidays.map((h) => h.name).join(", ");
  return `${range} off${names ? `: ${names}` : ""}`;
}

/** Every code the DOOD grid can emit, with its legend text, in the order a DOOD legend reads. */
export const DOOD_LEGEND: readonly (readonly [Exclude<DoodCode, "">, string])[] = [
  ["SW", "start work"],
  ["W", "work"],
  ["WF", "work finish"],
  ["SWF", "start and finish"],
  ["H", "hold"],
  ["WD", "work, drop"],
  ["SWD", "start work, drop"],
  ["PW", "pick-up work"],
  ["PWF", "pick-up, finish"],
];

/** Codes that mean the member works that day. */
export const WORK_CODES: ReadonlySet<DoodCode> = new Set<DoodCode>(["SW", "W", "WF", "SWF", "WD", "SWD", "PW", "PWF"]);

export function totalHoldCost(dood: Dood): Cents {
  let c = 0;
  for (const r of dood.cast) c += r.holdCost;
  return c;
}
