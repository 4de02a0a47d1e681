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
import { EpochDay, formatIso, toYmd, weekday } from "../dates";
import { CastDayCode, CastDayEntry, CastMember, Dood, DoodCode, DoodOffSpan, DoodRow, ShootDay } from "./model";
import { castKey } from "./cast";

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
  castDays?: { entries: readonly CastDayEntry[]; warn: (e: CastDayEntry, message: string) => void },
): Dood {
  const work = workDaysById(days);
  const cast = members.map((m) => doodRow(m, work.get(m.id) ?? [], days.length, dates, dropDays));
  const dood: Dood = {
    days: days.length,
    dates: days.map((_, i) => dates?.[i]),
    cast,
    dropsJudged: dates !== undefined,
    offSpans: dates ? offSpans(dates.slice(0, days.length), holidays) : [],
  };
  if (castDays && castDays.entries.length > 0) applyCastDays(dood, members, castDays.entries, castDays.warn);
  return dood;
}

/**
 * Paid days of a DOOD row, the figure CAST_<id>_PAID, PROD.CASTDAYS and the budget's cast lines
 * use: work + hold, plus the Cast Days travel, rehearsal and fitting days and the holidays inside
 * the run (drop days are not paid).
 */
export function paidDays(r: Pick<DoodRow, "work" | "hold" | "castDays">): number {
  const c = r.castDays;
  return r.work + r.hold + (c ? c.TR + c.R + c.FT + c.H : 0);
}

const CAST_DAY_NAME: Record<CastDayCode, string> = { TR: "travel day", R: "rehearsal day", FT: "fitting", H: "holiday" };

/**
 * Cast Days (issue 14) on the DOOD. The rule, as Movie Magic counts them:
 * - TR, R and FT are paid days. On a shooting day the member does not shoot, the code takes the
 *   cell (an `R` in place of the hold `H`: that day is paid once, as a rehearsal, and leaves the
 *   hold count and hold cost); on any other date (before day 1, after the wrap, a weekend) it is
 *   counted only, in its own column.
 * - H, a holiday, is paid when its date falls inside the member's run (after the start, before the
 *   finish, and not while dropped): a holiday inside a run is paid as a hold. On a held shooting
 *   day it is that hold already; elsewhere it is not paid (a warning says so).
 * - Work wins: a code on a shooting day the member works is a warning and is ignored; so is a
 *   second code for the same member and date.
 * Undated days (no Start Date) cannot be matched to dates: every TR, R and FT counts, and H counts
 *   too, the cautious reading (as undated gaps are all held).
 */
export function applyCastDays(dood: Dood, members: readonly DoodMember[], entries: readonly CastDayEntry[], warn: (e: CastDayEntry, message: string) => void): void {
  dood.castDays = true;
  const dayOf = new Map<EpochDay, number>();
  dood.dates.forEach((d, i) => d !== undefined && dayOf.set(d, i));
  const dated = dood.dropsJudged;
  const rowOf = new Map<string, number>();
  members.forEach((m, i) => rowOf.set(castKey(m.id), i));
  for (const r of dood.cast) r.castDays = { TR: 0, R: 0, FT: 0, H: 0 };
  const seen = new Map<string, CastDayEntry>();
  for (const e of entries) {
    const i = rowOf.get(castKey(e.id));
    if (i === undefined) continue; // the reader reports an unknown ID
    const r = dood.cast[i];
    const counts = r.castDays!;
    const who = `cast ${r.id}${r.character ? ` (${r.character})` : ""}`;
    const when = formatIso(e.date);
    const key = `${castKey(e.id)}|${e.date}`;
    const first = seen.get(key);
    if (first) {
      warn(e, `${who} already has ${first.code} on ${when} (row ${first.row}); this row is ignored`);
      continue;
    }
    seen.set(key, e);
    if (!dated) {
      counts[e.code]++;
      continue;
    }
    const day = dayOf.get(e.date);
    const code = day === undefined ? "" : r.codes[day];
    if (day !== undefined && WORK_CODES.has(code)) {
      warn(e, `${who} works on ${when} (day ${day + 1}, ${code}); work wins, so this ${CAST_DAY_NAME[e.code]} is ignored`);
      continue;
    }
    if (e.code === "H") {
      if (day !== undefined && code === "H") continue; // already paid as that hold
      if (insideRun(r, e.date, dood)) counts.H++;
      else warn(e, `${when} is outside ${who}'s run (${runText(r)}), so the holiday is not paid`);
      continue;
    }
    counts[e.code]++;
    if (day !== undefined) {
      if (code === "H") {
        r.hold--;
        r.holdCost = r.hold * members[i].dailyRate;
      }
      r.codes[day] = e.code;
    }
  }
}

/** After the first work date, before the last, and not between the drop and the pick-up. */
function insideRun(r: DoodRow, date: EpochDay, dood: Dood): boolean {
  if (r.start === undefined || r.finish === undefined || date <= r.start || date >= r.finish) return false;
  const drop = r.codes.findIndex((c) => c === "WD" || c === "SWD");
  const pick = r.codes.findIndex((c) => c === "PW" || c === "PWF");
  if (drop >= 0 && pick > drop) {
    const a = dood.dates[drop];
    const b = dood.dates[pick];
    if (a !== undefined && b !== undefined && date > a && date < b) return false;
  }
  return true;
}

function runText(r: DoodRow): string {
  return r.start === undefined || r.finish === undefined ? "no work days" : `${formatIso(r.start)} to ${formatIso(r.finish)}`;
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

/** The Cast Days codes a DOOD with Cast Days adds to its legend (H is the hold already listed). */
export const CAST_DAYS_LEGEND: readonly (readonly [Exclude<DoodCode, "">, string])[] = [
  ["TR", "travel"],
  ["R", "rehearsal"],
  ["FT", "fitting"],
];

/** Codes that mean the member works that day. */
export const WORK_CODES: ReadonlySet<DoodCode> = new Set<DoodCode>(["SW", "W", "WF", "SWF", "WD", "SWD", "PW", "PWF"]);

export function totalHoldCost(dood: Dood): Cents {
  let c = 0;
  for (const r of dood.cast) c += r.holdCost;
  return c;
}
