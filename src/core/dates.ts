/**
 * Calendar dates as whole days since 1970-01-01 (no time zone, no time of day): shooting days
 * are dates, and arithmetic on integers cannot drift across daylight-saving changes.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (1900 date system). */
const EXCEL_EPOCH_OFFSET = 25569;

export function fromExcelSerial(serial: number): EpochDay {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function toExcelSerial(day: EpochDay): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** A JS Date read from a cell (ExcelJS gives UTC midnight) to its calendar day. */
export function fromJsDate(d: Date): EpochDay {
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** UTC midnight Date of a day: what ExcelJS writes as a date cell. */
export function toJsDate(day: EpochDay): Date {
  return new Date(day * MS_PER_DAY);
}

export function fromYmd(y: number, m: number, d: number): EpochDay {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function toYmd(day: EpochDay): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatIso(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Sat, Sun", "saturday sunday", "Sa;Su" → weekday numbers; undefined on an unknown name. */
export function parseWeekdays(s: string): number[] | undefined {
  const out: number[] = [];
  for (const part of s.split(/[,;/\s]+/).filter(Boolean)) {
    const p = part.toLowerCase();
    const i = ["su", "mo", "tu", "we", "th", "fr", "sa"].findIndex((w) => p.startsWith(w));
    const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][i];
    if (i < 0 || !(p.length <= 3 || full === p)) return undefined;
    if (!out.includes(i)) out.push(i);
  }
  return out;
}

/** ISO text `2026-03-02` (a time part is ignored). */
export function parseIsoDate(s: string): EpochDay | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = fromYmd(y, mo, d);
  const back = toYmd(day);
  if (back.y !== y || back.m !== mo || back.d !== d) return undefined;
  return day;
}

/** A date cell: a JS Date, an Excel serial number or ISO text. */
export function parseDateCell(v: unknown): EpochDay | undefined {
  let d: EpochDay | undefined;
  if (v instanceof Date) d = Number.isNaN(v.getTime()) ? undefined : fromJsDate(v);
  else if (typeof v === "number" && Number.isFinite(v) && v >= 1 && v < 2958466) d = fromExcelSerial(v);
  else if (typeof v === "string") d = parseIsoDate(v);
  // Excel has no date after 9999-12-31 (serial 2958465) and none before 1900.
  return d !== undefined && d >= FIRST_EXCEL_DAY && d <= LAST_EXCEL_DAY ? d : undefined;
}

/** Excel's serial 1 and 9999-12-31 as EpochDays: the dates Excel can hold. */
export const FIRST_EXCEL_DAY: EpochDay = -25568;
export const LAST_EXCEL_DAY: EpochDay = 2932896;

/** Minutes after midnight from "07:00", "7:30 pm", "19:30:00", an Excel time fraction or a Date. */
export function parseTimeCell(v: unknown): number | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    const ms = ((v.getTime() % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    return Math.round(ms / 60000) % 1440;
  }
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) {
    return Math.round((v - Math.floor(v)) * 1440) % 1440;
  }
  if (typeof v === "string") {
    const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a|p)?$/i.exec(v.trim());
    if (!m) return undefined;
    let h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (m[2] === undefined && !m[4]) return undefined; // "7" alone is too ambiguous
    const ap = m[4]?.toLowerCase();
    if (ap) {
      if (h < 1 || h > 12) return undefined;
      if (ap.startsWith("p") && h !== 12) h += 12;
      if (ap.startsWith("a") && h === 12) h = 0;
    }
    if (h > 23 || min > 59) return undefined;
    return h * 60 + min;
  }
  return undefined;
}

/** "07:00" from minutes (wraps past midnight). */
export function formatTime(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * Whether an Excel number format shows a date or a time (d, m, y, h, s outside quotes, escapes
 * and [colour]/[$-locale] brackets; [h], [m], [s] elapsed time counts). Office.js `values` gives a
 * date as its serial number and ExcelJS as a Date; the format is what tells them apart.
 */
export function isDateNumberFormat(format: string | undefined | null): boolean {
  if (!format || format === "General" || format === "@") return false;
  const section = format.split(";")[0];
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^[#0?,.\s%E+-]*$/i.test(bare);
}

/** An Excel serial (1900 date system, fraction = time of day) as the UTC Date ExcelJS would give. */
export function serialToJsDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * What to tell a user whose number Excel turned into a date (Office.js and ExcelJS both give a
 * date-formatted cell as a date). Typed 3/8 into a General cell is 8 March (month/day); where
 * `fraction` is set (page counts) that is what was meant:
 * "Pages shows 8 March: Excel turned 3/8 into a date; type '3/8 or 0.375".
 */
export function typedDateMessage(column: string, v: Date, opts: { fraction?: boolean } = {}): string {
  const m = v.getUTCMonth() + 1;
  const d = v.getUTCDate();
  if (v.getUTCHours() || v.getUTCMinutes()) {
    return `${column} shows a time (${v.toISOString().slice(11, 16)}): Excel turned what was typed into a time; type the number again in a cell formatted as Number`;
  }
  if (opts.fraction && Number.isInteger((m * 8) / d)) {
    return `${column} shows ${d} ${MONTHS[m - 1]}: Excel turned ${m}/${d} into a date; type '${m}/${d} or ${Number((m / d).toFixed(3))}`;
  }
  return `${column} shows ${d} ${MONTHS[m - 1]} ${v.getUTCFullYear()}: Excel turned what was typed into a date; format the cell as Number and type the number again`;
}
