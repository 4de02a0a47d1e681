import { WorkbookInput } from "./cells";
import { EpochDay, parseWeekdays, formatTime } from "./dates";
import { Problems, showValue } from "./problems";
import { TableReader, TableSpec, headerKey, openTable } from "./tables";

/** Settings as WORKBOOK.md gives them, with defaults applied. */
export interface Settings {
  production: string;
  currency: string;
  startDate?: EpochDay;
  /** Weekday numbers not shot (0 = Sunday). */
  daysOff: number[];
  /** Minutes after midnight. */
  crewCall: number;
  overTolerance: number;
  watchAt: number;
  dropDays: number;
  /** Issue 6 extensions (see docs/WORKBOOK-EXTENSIONS.md). */
  pagesPerDay?: number;
  companyMoveCost?: number;
  /** Issue 16: the cost report's as-of date (absent: today, and the whole ledger counts). */
  reportDate?: EpochDay;
  /** Issue 16: the span of "Actual this period". */
  period: "Week" | "Month";
  /** Issue 12: how a per-hour or per-day fringe counts a line in days or weeks; unset, the HOURS_PER_DAY and DAYS_PER_WEEK globals or 12 and 7 − Days Off (docs/WORKBOOK-EXTENSIONS.md). */
  hoursPerDay?: number;
  daysPerWeek?: number;
  /** Any other key, kept for extensions: normalised key → raw value. */
  extra: Map<string, unknown>;
}

export const SETTINGS_SPEC: TableSpec = {
  name: "Settings",
  columns: [
    { key: "key", header: "Key", aliases: ["Setting", "Name"], required: true },
    { key: "value", header: "Value", required: true },
  ],
};

export function defaultSettings(production = "Untitled production"): Settings {
  return {
    production,
    currency: "USD",
    daysOff: [6, 0],
    crewCall: 7 * 60,
    overTolerance: 0,
    watchAt: 0.9,
    dropDays: 10,
    period: "Week",
    extra: new Map(),
  };
}

/** Workbook name without folder or extension: the default title. */
function titleFromName(name: string | undefined): string {
  if (!name) return "Untitled production";
  return name.replace(/^.*[\\/]/, "").replace(/\.xlsx?$/i, "") || "Untitled production";
}

/** Reads the optional Settings table; unknown keys are kept, bad values are problems and keep the default. */
export function readSettings(wb: WorkbookInput, problems: Problems): Settings {
  const s = defaultSettings(titleFromName(wb.name));
  const t = openTable(wb, SETTINGS_SPEC, problems);
  if (!t) return s;
  const seen = new Set<string>();
  for (const row of t.rows) {
    const key = headerKey(t.text(row, "key"));
    if (!key) continue;
    if (seen.has(key)) t.warning(row, "key", `Setting ${t.text(row, "key")} is given twice; the first is used`);
    if (seen.has(key)) continue;
    seen.add(key);
    applySetting(s, key, t, row);
  }
  return s;
}

function applySetting(s: Settings, key: string, t: TableReader, row: TableReader["rows"][number]): void {
  const raw = t.value(row, "value");
  switch (key) {
    case "production":
    case "title":
      s.production = t.text(row, "value") || s.production;
      return;
    case "currency": {
      const c = t.text(row, "value").toUpperCase();
      if (c && !/^[A-Z]{3}$/.test(c)) t.error(row, "value", `Currency must be an ISO 4217 code like USD, not ${showValue(raw)}`);
      else if (c) s.currency = c;
      return;
    }
    case "startdate": {
      const d = t.date(row, "value");
      if (d !== undefined) s.startDate = d;
      return;
    }
    case "daysoff": {
      const text = t.text(row, "value");
      const days = parseWeekdays(text);
      if (days === undefined) t.error(row, "value", `Days Off must list weekdays like "Sat, Sun", not ${showValue(raw)}`);
      else s.daysOff = days;
      if (days && days.length === 7) t.error(row, "value", "Days Off leaves no weekday to shoot on");
      return;
    }
    case "crewcall": {
      const m = t.time(row, "value");
      if (m !== undefined) s.crewCall = m;
      return;
    }
    case "overtolerance": {
      const p = t.percent(row, "value");
      if (p !== undefined) s.overTolerance = p;
      return;
    }
    case "watchat": {
      const p = t.percent(row, "value");
      if (p !== undefined) s.watchAt = p;
      return;
    }
    case "dropdays": {
      const n = t.number(row, "value");
      if (n !== undefined && (!Number.isInteger(n) || n < 0)) t.error(row, "value", `Drop Days must be a whole number of days, not ${showValue(raw)}`);
      else if (n !== undefined) s.dropDays = n;
      return;
    }
    case "pagesperday": {
      const n = t.number(row, "value");
      if (n !== undefined && n <= 0) t.error(row, "value", `Pages Per Day must be more than 0, not ${showValue(raw)}`);
      // No unit shoots less than an eighth or more than 100 pages a day; a tiny figure would ask the optimizer for millions of days.
      else if (n !== undefined && (n < 0.125 || n > 100)) t.error(row, "value", `Pages Per Day must be between 1/8 and 100 pages, not ${showValue(raw)}`);
      else if (n !== undefined) s.pagesPerDay = n;
      return;
    }
    case "companymovecost": {
      const n = t.number(row, "value");
      if (n !== undefined && n < 0) t.error(row, "value", `Company Move Cost must be 0 or more, not ${showValue(raw)}`);
      else if (n !== undefined && n > 1e9) t.error(row, "value", `Company Move Cost ${showValue(raw)} is beyond any company move (at most 1,000,000,000)`);
      else if (n !== undefined) s.companyMoveCost = n;
      return;
    }
    case "reportdate": {
      const d = t.date(row, "value");
      if (d !== undefined) s.reportDate = d;
      return;
    }
    case "period": {
      const p = headerKey(t.text(row, "value"));
      if (p === "week" || p === "weekly") s.period = "Week";
      else if (p === "month" || p === "monthly") s.period = "Month";
      else if (p) t.error(row, "value", `Period must be Week or Month, not ${showValue(raw)}`);
      return;
    }
    case "hoursperday": {
      const n = t.number(row, "value");
      if (n !== undefined && !(n > 0 && n <= 24)) t.error(row, "value", `Hours Per Day must be more than 0 and at most 24, not ${showValue(raw)}`);
      else if (n !== undefined) s.hoursPerDay = n;
      return;
    }
    case "daysperweek": {
      const n = t.number(row, "value");
      if (n !== undefined && !(n > 0 && n <= 7)) t.error(row, "value", `Days Per Week must be more than 0 and at most 7, not ${showValue(raw)}`);
      else if (n !== undefined) s.daysPerWeek = n;
      return;
    }
    default:
      s.extra.set(key, raw);
  }
}

export function describeCrewCall(s: Settings): string {
  return formatTime(s.crewCall);
}
