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
import { EpochDay } from "../dates";
import { CastMember, Dood, DoodCode, DoodRow, ShootDay } from "./model";

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
): Dood {
  const work = workDaysById(days);
  const cast = members.map((m) => doodRow(m, work.get(m.id) ?? [], days.length, dates, dropDays));
  return {
    days: days.length,
    dates: days.map((_, i) => dates?.[i]),
    cast,
    dropsJudged: dates !== undefined,
  };
}

/** Codes that mean the member works that day. */
export const WORK_CODES: ReadonlySet<DoodCode> = new Set<DoodCode>(["SW", "W", "WF", "SWF", "WD", "SWD", "PW", "PWF"]);

export function totalHoldCost(dood: Dood): Cents {
  let c = 0;
  for (const r of dood.cast) c += r.holdCost;
  return c;
}
