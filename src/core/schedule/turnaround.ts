/**
 * Issue 14: turnaround, the rest between one shooting day's wrap and the next day's call. The
 * crew's is the day's wrap (Calls Wrap, else crew call + Shooting Day Length) to the next
 * shooting day's crew call; an actor's is their dismissal (their Calls row's Wrap, else the day's
 * wrap) to their next makeup call, the time they report. Days off between count: a Friday night
 * wrap and a Monday call are days apart. Undated days are taken as consecutive calendar days.
 */
import { EpochDay, toYmd, weekday } from "../dates";
import { formatTime } from "../dates";
import { formatHours } from "./clock";
import { CallSheet, CastMember } from "./model";
import { castKey } from "./cast";

export interface TurnaroundShort {
  /** Shooting day numbers: the day that wraps and the day that calls too soon. */
  from: number;
  to: number;
  /** Minutes of rest and the minutes owed. */
  rest: number;
  owed: number;
  /** Absent for the crew's turnaround. */
  castId?: string;
  message: string;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function showDate(d: EpochDay): string {
  const { y, m, d: dd } = toYmd(d);
  return `${WEEKDAYS[weekday(d)]} ${dd} ${MONTHS[m - 1]} ${y}`;
}

function dayName(cs: CallSheet): string {
  return cs.date === undefined ? `Day ${cs.day}` : `Day ${cs.day} (${showDate(cs.date)})`;
}

/** "03:00 the next day", "19:00": a wrap that may pass midnight. */
function showWrap(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  return `${formatTime(minutes)}${days === 1 ? " the next day" : days > 1 ? ` ${days} days later` : ""}`;
}

export function turnaroundShorts(sheets: readonly CallSheet[], cast: readonly CastMember[], crewTurnaround: number): TurnaroundShort[] {
  const out: TurnaroundShort[] = [];
  const member = new Map(cast.map((c) => [castKey(c.id), c]));
  // Minutes since day 0 of the shoot, so rest spans days off and holidays.
  const origin = sheets[0]?.date;
  const dayStart = (cs: CallSheet, i: number): number => (cs.date !== undefined && origin !== undefined ? cs.date - origin : i) * 1440;
  for (let i = 0; i + 1 < sheets.length; i++) {
    const a = sheets[i];
    const b = sheets[i + 1];
    const rest = dayStart(b, i + 1) + b.crewCall - (dayStart(a, i) + a.wrap);
    if (rest < crewTurnaround) {
      const how = a.wrapGiven ? "Calls Wrap" : `${formatTime(a.crewCall)} crew call + ${formatHours(a.wrap - a.crewCall)} day`;
      out.push({
        from: a.day,
        to: b.day,
        rest,
        owed: crewTurnaround,
        message: `Turnaround: ${dayName(a)} wraps at ${showWrap(a.wrap)} (${how}) and ${dayName(b)} calls the crew at ${formatTime(b.crewCall)}: ${formatHours(rest)} of rest, under the ${formatHours(crewTurnaround)} turnaround`,
      });
    }
    const next = new Map(b.cast.map((c) => [castKey(c.id), c]));
    for (const c of a.cast) {
      const n = next.get(castKey(c.id));
      if (!n) continue;
      const m = member.get(castKey(c.id));
      const owed = m?.turnaround ?? crewTurnaround;
      const dismiss = c.dismiss ?? a.wrap;
      const restCast = dayStart(b, i + 1) + n.makeupCall - (dayStart(a, i) + dismiss);
      if (restCast >= owed) continue;
      const who = [c.actor, c.character ? `(${c.character})` : ""].filter(Boolean).join(" ");
      out.push({
        from: a.day,
        to: b.day,
        rest: restCast,
        owed,
        castId: c.id,
        message: `Turnaround for cast ${c.id}${who ? ` ${who}` : ""}: wrapped at ${showWrap(dismiss)} on ${dayName(a)}, makeup call ${formatTime(n.makeupCall)} on ${dayName(b)}: ${formatHours(restCast)} of rest, under the ${formatHours(owed)} turnaround`,
      });
    }
  }
  return out;
}
