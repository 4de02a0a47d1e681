/**
 * Call times as an AD writes them: a clock time (`06:00`, `6:30 am`, an Excel time) or an offset
 * from the call it hangs off (`-0:30`, `+1:00`, `-30 min`, `+1.5 h`). Durations for Settings
 * (Turnaround, Shooting Day Length, First Meal) are hours (`12`, `10.5`) or `h:mm` (`12:00`).
 */
import { CellValue } from "../cells";
import { parseTimeCell } from "../dates";
import { showValue } from "../problems";
import type { TableReader, TableRow } from "../tables";

export type Clock = { kind: "time"; minutes: number } | { kind: "offset"; minutes: number };

const DAY = 1440;

/**
 * Undefined for a blank cell; "bad" for anything that is neither a time nor a signed offset.
 * An offset is signed so that `06:00` (a time) and `+6:00` (six hours after) never read alike.
 */
export function parseClock(v: CellValue | undefined): Clock | "bad" | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  if (typeof v === "boolean") return "bad";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "bad";
    // Excel keeps 06:00 as 0.25 and a negative duration -0:30 as -0.0208333.
    if (v >= 0 && v < 1) return { kind: "time", minutes: Math.round(v * DAY) % DAY };
    if (v < 0 && v > -1) return { kind: "offset", minutes: Math.round(v * DAY) };
    return "bad";
  }
  if (v instanceof Date) {
    const t = parseTimeCell(v);
    return t === undefined ? "bad" : { kind: "time", minutes: t };
  }
  const s = v.trim();
  const hm = /^([+-])\s*(\d{1,2}):([0-5]\d)$/.exec(s);
  if (hm) return offset(hm[1], Number(hm[2]) * 60 + Number(hm[3]));
  const min = /^([+-])\s*(\d{1,4})\s*(?:m|min|mins|minutes?)$/i.exec(s);
  if (min) return offset(min[1], Number(min[2]));
  const hrs = /^([+-])\s*(\d{1,2}(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)$/i.exec(s);
  if (hrs) {
    const m = Number(hrs[2]) * 60;
    return Number.isInteger(m) ? offset(hrs[1], m) : "bad";
  }
  const t = parseTimeCell(s);
  return t === undefined ? "bad" : { kind: "time", minutes: t };
}

function offset(sign: string, minutes: number): Clock | "bad" {
  if (minutes >= DAY) return "bad";
  return { kind: "offset", minutes: sign === "-" ? -minutes : minutes };
}

/** Minutes after midnight of the shooting day: a time as written, an offset from `base`. */
export function resolveClock(c: Clock, base: number): number {
  return c.kind === "time" ? c.minutes : base + c.minutes;
}

/**
 * A time that comes after `after` on the same working day: a clock time earlier than it is the
 * next morning (a 15:00 call wrapping at 03:00 wraps at 27:00).
 */
export function resolveLater(c: Clock, after: number): number {
  if (c.kind === "offset") return after + c.minutes;
  let m = c.minutes;
  while (m <= after) m += DAY;
  return m;
}

/** `+0:30`, `-1:15`: how a parsed offset is shown back. */
export function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${Math.floor(a / 60)}:${String(a % 60).padStart(2, "0")}`;
}

/**
 * Minutes from hours: 12, "12", "10.5", "12:00", "12 h", or Excel's 0.5 for a 12:00 duration.
 * Undefined for blank, "bad" for anything else or outside (0, maxHours].
 */
export function parseHours(v: CellValue | undefined, maxHours = 48): number | "bad" | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  let m: number | undefined;
  if (typeof v === "number" && Number.isFinite(v)) m = v > 0 && v < 1 ? Math.round(v * DAY) : v * 60;
  else if (typeof v === "string") {
    const s = v.trim();
    const hm = /^(\d{1,2}):([0-5]\d)$/.exec(s);
    const h = /^(\d{1,2}(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)?$/i.exec(s);
    if (hm) m = Number(hm[1]) * 60 + Number(hm[2]);
    else if (h) m = Number(h[1]) * 60;
  }
  if (m === undefined || !Number.isFinite(m)) return "bad";
  m = Math.round(m);
  return m > 0 && m <= maxHours * 60 ? m : "bad";
}

/** `12 h`, `3 h 30 min`, `45 min`: a rest period in a warning. */
export function formatHours(minutes: number): string {
  const m = Math.round(minutes);
  const sign = m < 0 ? "-" : "";
  const a = Math.abs(m);
  const h = Math.floor(a / 60);
  const r = a % 60;
  if (h === 0) return `${sign}${r} min`;
  return r === 0 ? `${sign}${h} h` : `${sign}${h} h ${r} min`;
}

/** Yes/no as written: yes, y, true, x, 1, minor; no, n, false, 0 and blank. Undefined when neither. */
export function parseYesNo(v: CellValue | undefined): boolean | undefined {
  if (v === null || v === undefined) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (v instanceof Date) return undefined;
  const s = v.trim().toLowerCase();
  if (s === "") return false;
  if (["yes", "y", "true", "x", "1", "minor", "✓"].includes(s)) return true;
  if (["no", "n", "false", "0", "-"].includes(s)) return false;
  return undefined;
}

/**
 * A time-or-offset cell of a table; a bad one is an error naming sheet, table, row, column and
 * value, and reads as blank. `from` names what an offset counts from ("crew call").
 */
export function clockCell(t: TableReader, row: TableRow, key: string, from: string): Clock | undefined {
  const v = t.value(row, key);
  const c = parseClock(v);
  if (c === "bad") {
    t.error(row, key, `${t.header(key)} must be a time like 06:00 or an offset from ${from} like -0:30 or +1:00, not ${showValue(v)}`);
    return undefined;
  }
  return c;
}

/** An hours cell (Turnaround): 12, 10.5 or 12:00; a bad one is an error and reads as blank. */
export function hoursCell(t: TableReader, row: TableRow, key: string): number | undefined {
  const v = t.value(row, key);
  const m = parseHours(v);
  if (m === "bad") {
    t.error(row, key, `${t.header(key)} must be hours like 12, 10.5 or 12:00 (more than 0, at most 48), not ${showValue(v)}`);
    return undefined;
  }
  return m;
}
