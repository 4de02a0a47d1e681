/** The schedule engine: Stripboard → dated shooting days, Day Out of Days and call sheets. */
import { CellValue, WorkbookInput, columnLetters, findTable } from "../cells";
import { EpochDay, formatIso, parseTimeCell } from "../dates";
import { Problems, showValue } from "../problems";
import { Settings } from "../settings";
import { headerKey } from "../tables";
import { toUnits } from "../money";
import { readCast } from "./cast";
import { readCastDays } from "./castDays";
import { readLocations } from "./locations";
import { readCalls, readHolidays } from "./calls";
import { readStripColors, readStripboard } from "./stripboard";
import { shootingDates } from "./calendar";
import { buildDood, paidDays } from "./dood";
import { DEFAULT_DAY_LENGTH, DEFAULT_FIRST_MEAL, DEFAULT_SHOOTING_CALL_OFFSET, DEFAULT_TURNAROUND, buildCallSheets } from "./callsheet";
import { readContacts, readCrew } from "./crew";
import { parseHours } from "./clock";
import { turnaroundShorts } from "./turnaround";
import { CastTable, castKey } from "./cast";
import { TimeZone, parseTimeZone } from "./sun";
import { CallSheet, DayCall, ScheduleModel } from "./model";
import { readBreakdown } from "./breakdown";

export * from "./model";
export { formatEighths, parseEighths, parsePages } from "./eighths";
export { shootDate, shootingDates } from "./calendar";
export { doodRow, buildDood, paidDays } from "./dood";
export { sunTimes, localSunTimes, parseTimeZone } from "./sun";

/** Where a Settings key sits, for problems about its value. */
function settingAt(wb: WorkbookInput, key: string): { sheet: string; table: string; row: number; column: string } {
  const t = findTable(wb, "Settings");
  if (!t) return { sheet: "Settings", table: "Settings", row: 0, column: "" };
  const i = t.rows.findIndex((r) => r.some((c) => typeof c === "string" && headerKey(c) === headerKey(key)));
  return { sheet: t.sheet, table: t.name, row: i < 0 ? t.headerRow : t.headerRow + 1 + i, column: i < 0 ? "Key" : "Value" };
}

/** Settings `Shooting Call Offset`: minutes (60), or a duration as a time (1:00, or Excel's 0.041667). */
function readShootingCallOffset(wb: WorkbookInput, settings: Settings, problems: Problems): number {
  const raw = settings.extra.get("shootingcalloffset") as CellValue | undefined;
  if (raw === undefined || raw === null || raw === "") return DEFAULT_SHOOTING_CALL_OFFSET;
  let m: number | undefined;
  if (typeof raw === "number" && raw > 0 && raw < 1) m = parseTimeCell(raw);
  else if (typeof raw === "number") m = raw;
  else if (typeof raw === "string" && raw.includes(":")) m = parseTimeCell(raw);
  else if (typeof raw === "string" && /^\s*\d+\s*$/.test(raw)) m = Number(raw);
  if (m === undefined || !Number.isInteger(m) || m < 0 || m >= 1440) {
    problems.error(settingAt(wb, "Shooting Call Offset"), `Shooting Call Offset must be whole minutes after crew call (60) or a time like 1:00, not ${showValue(raw)}`);
    return DEFAULT_SHOOTING_CALL_OFFSET;
  }
  return m;
}

/** A Settings duration in hours (Turnaround, Shooting Day Length, First Meal): 12, 10.5 or 12:00. */
function readHoursSetting(wb: WorkbookInput, settings: Settings, problems: Problems, key: string, fallback: number, maxHours: number): number {
  const raw = settings.extra.get(headerKey(key)) as CellValue | undefined;
  const m = parseHours(raw ?? null, maxHours);
  if (m === undefined) return fallback;
  if (m === "bad") {
    problems.error(settingAt(wb, key), `${key} must be hours like 12, 10.5 or 12:00 (more than 0, at most ${maxHours}), not ${showValue(raw)}`);
    return fallback;
  }
  return m;
}

/** A Settings text (Production Office, Walkie Channels, Safety Notes), trimmed; "" when not set. */
function textSetting(settings: Settings, ...keys: string[]): string {
  for (const k of keys) {
    const raw = settings.extra.get(headerKey(k));
    if (raw === undefined || raw === null || raw === "") continue;
    return raw instanceof Date ? formatIso(Math.floor(raw.getTime() / 86_400_000)) : String(raw).trim();
  }
  return "";
}

function readSettingsZone(wb: WorkbookInput, settings: Settings, problems: Problems): TimeZone | undefined {
  const raw = settings.extra.get("timezone");
  if (raw === undefined || raw === null || raw === "") return undefined;
  const z = parseTimeZone(String(raw));
  if (!z) problems.error(settingAt(wb, "Time Zone"), `Time Zone must be a zone name like America/Los_Angeles or an offset like -08:00, not ${showValue(raw)}`);
  return z;
}

/**
 * Builds the schedule from the workbook; undefined when it has no Stripboard (or the Stripboard
 * lacks its Scene column, which is reported).
 */
export function buildSchedule(wb: WorkbookInput, settings: Settings, problems: Problems): ScheduleModel | undefined {
  if (!findTable(wb, "Stripboard")) return undefined;
  const cast = readCast(wb, problems);
  const castDays = readCastDays(wb, cast, problems);
  const locations = readLocations(wb, problems);
  const colors = readStripColors(wb, problems);
  const calls = readCalls(wb, problems);
  const holidays = readHolidays(wb, problems);
  const shootingCallOffset = readShootingCallOffset(wb, settings, problems);
  const timeZone = readSettingsZone(wb, settings, problems);
  const board = readStripboard(wb, problems, { cast, locations, colors });
  if (!board) return undefined;
  const days = board.days;

  let dates: EpochDay[] | undefined;
  if (days.length > 0) {
    if (settings.startDate === undefined) {
      problems.error(
        settingAt(wb, "Start Date"),
        `Start Date is not set: add a Settings row Start Date with the first shooting day; ${days.length === 1 ? "the shooting day is numbered but has no date" : `the ${days.length} shooting days are numbered but have no dates`}`,
      );
    } else {
      // Undefined only when Days Off names all seven weekdays, which readSettings reports.
      dates = shootingDates({ start: settings.startDate, daysOff: settings.daysOff, holidays: new Set(holidays.map((h) => h.date)) }, days.length);
      if (dates) days.forEach((d, i) => (d.date = dates![i]));
    }
  }

  const dood = buildDood(days, cast.members, dates, settings.dropDays, holidays, {
    entries: castDays.entries,
    warn: (e, message) => problems.warning({ sheet: castDays.sheet, table: castDays.table, row: e.row, column: castDays.dateColumn }, message),
  });
  const { byDay: callsByDay, castByDay } = matchCalls(calls, days.length, dates, problems, wb, cast);
  const turnaround = readHoursSetting(wb, settings, problems, "Turnaround", DEFAULT_TURNAROUND, 48);
  const callSheets = buildCallSheets({
    production: settings.production,
    days,
    dood,
    cast: cast.members,
    locations: locations.byKey,
    callsByDay,
    crewCall: settings.crewCall,
    shootingCallOffset,
    timeZone,
    castCallsByDay: castByDay,
    crew: readCrew(wb, problems),
    contacts: readContacts(wb, problems),
    productionOffice: textSetting(settings, "Production Office", "Office"),
    walkie: textSetting(settings, "Walkie Channels", "Walkies"),
    safety: textSetting(settings, "Safety Notes", "Safety"),
    dayLength: readHoursSetting(wb, settings, problems, "Shooting Day Length", DEFAULT_DAY_LENGTH, 24),
    firstMealAfter: readHoursSetting(wb, settings, problems, "First Meal", DEFAULT_FIRST_MEAL, 24),
  });
  checkCastCalls(castByDay, callSheets, problems, wb);
  warnTurnaround(callSheets, cast, callsByDay, turnaround, problems, wb);
  return {
    production: settings.production,
    board,
    days,
    dood,
    callSheets,
    cast: cast.members,
    locations: locations.list,
    calls,
    holidays,
    breakdown: readBreakdown(wb, problems, board),
  };
}

/** Where a Calls row's cell is, for problems (the cell address when the column exists). */
function callsAt(wb: WorkbookInput, row: number, column: string): { sheet: string; table: string; row: number; column: string; cell?: string } {
  const t = findTable(wb, "Calls");
  const i = t ? t.headers.findIndex((h) => headerKey(h) === headerKey(column)) : -1;
  return { sheet: t?.sheet ?? "Calls", table: t?.name ?? "Calls", row, column, ...(t && i >= 0 ? { cell: `${columnLetters(t.firstColumn + i)}${row}` } : {}) };
}

/**
 * Calls rows by day number; a row for no shooting day, or a second row for one, is a warning.
 * Rows with a Cast ID (one actor's calls) are kept apart, by day and castKey.
 */
function matchCalls(
  calls: DayCall[],
  dayCount: number,
  dates: EpochDay[] | undefined,
  problems: Problems,
  wb: WorkbookInput,
  cast: CastTable,
): { byDay: Map<number, DayCall>; castByDay: Map<number, Map<string, DayCall>> } {
  const out = new Map<number, DayCall>();
  const castByDay = new Map<number, Map<string, DayCall>>();
  if (calls.length === 0) return { byDay: out, castByDay };
  const t = findTable(wb, "Calls");
  const at = (c: DayCall) => ({ sheet: t?.sheet ?? "Calls", table: t?.name ?? "Calls", row: c.row, column: "Day" });
  const byDate = new Map<EpochDay, number>();
  dates?.forEach((d, i) => byDate.set(d, i + 1));
  for (const c of calls) {
    let n = c.day;
    if (n === undefined && c.date !== undefined) {
      n = byDate.get(c.date);
      if (n === undefined) {
        problems.warning(at(c), dates ? `${formatIso(c.date)} is not a shooting date; this Calls row is not used` : `Calls rows by date need a Start Date; this row is not used`);
        continue;
      }
    }
    if (n === undefined) continue;
    if (n > dayCount) {
      problems.warning(at(c), `Day ${n} is past the last shooting day (${dayCount}); this Calls row is not used`);
      continue;
    }
    if (c.castId !== undefined) {
      const key = castKey(c.castId);
      if (cast.present && !cast.byKey.has(key)) {
        problems.warning(callsAt(wb, c.row, t?.headers.find((h) => ["castid", "cast", "actorid"].includes(headerKey(h))) ?? "Cast ID"), `Cast ID ${showValue(c.castId)} is not in the Cast table; this Calls row is not used`);
        continue;
      }
      let m = castByDay.get(n);
      if (!m) castByDay.set(n, (m = new Map()));
      const first = m.get(key);
      if (first) {
        problems.warning(at(c), `Day ${n} already has a Calls row for cast ${showValue(c.castId)} (row ${first.row}); the first is used`);
        continue;
      }
      m.set(key, c);
      continue;
    }
    if (out.has(n)) {
      problems.warning(at(c), `Day ${n} already has a Calls row (row ${out.get(n)!.row}); the first is used`);
      continue;
    }
    out.set(n, c);
  }
  return { byDay: out, castByDay };
}

/** An actor's Calls row for a day they do not work is a warning: it would print nothing. */
function checkCastCalls(castByDay: Map<number, Map<string, DayCall>>, sheets: CallSheet[], problems: Problems, wb: WorkbookInput): void {
  for (const [n, rows] of castByDay) {
    const called = new Set(sheets[n - 1]?.cast.map((c) => castKey(c.id)) ?? []);
    for (const [key, c] of rows) {
      if (!called.has(key)) problems.warning(callsAt(wb, c.row, "Day"), `Cast ${showValue(c.castId)} is not called on Day ${n} (no strip of that day lists them); this Calls row is not used`);
    }
  }
}

/**
 * Turnaround warnings (issue 14): on the later day's Calls row when it sets the crew call, else
 * the earlier day's, else Settings Crew Call; an actor's on their Cast row's ID.
 */
function warnTurnaround(sheets: CallSheet[], cast: CastTable, callsByDay: Map<number, DayCall>, turnaround: number, problems: Problems, wb: WorkbookInput): void {
  for (const s of turnaroundShorts(sheets, cast.members, turnaround)) {
    if (s.castId !== undefined) {
      const m = cast.byKey.get(castKey(s.castId));
      const r = cast.reader;
      if (m && r) {
        problems.warning(r.at({ excelRow: m.row, cells: [] }, "id"), s.message);
        continue;
      }
    }
    // The row that set the too-early call, else the one that set the late wrap.
    const later = callsByDay.get(s.to);
    const earlier = callsByDay.get(s.from);
    if (later?.crewCall !== undefined) problems.warning(callsAt(wb, later.row, "Crew Call"), s.message);
    else if (earlier) problems.warning(callsAt(wb, earlier.row, earlier.wrap ? "Wrap" : "Crew Call"), s.message);
    else if (later) problems.warning(callsAt(wb, later.row, "Day"), s.message);
    else problems.warning(settingAt(wb, "Crew Call"), s.message);
  }
}

export interface ScheduleReportJson {
  schedule: { days: { day: number; date: string; scenes: string[]; pages: string }[] };
  dood: {
    cast: {
      id: string;
      codes: string[];
      work: number;
      hold: number;
      drop: number;
      start: string;
      finish: string;
      holdCost: number;
      /** Only with a Cast Days table (issue 14): its paid counts, and Paid with them. */
      castDays?: { TR: number; R: number; FT: number; H: number };
      paid?: number;
    }[];
  };
}

/** The `schedule` and `dood` parts of `report --json`: dates `YYYY-MM-DD` ("" when undated), money in currency units. */
export function scheduleReportJson(model: ScheduleModel): ScheduleReportJson {
  return {
    schedule: {
      days: model.days.map((d) => ({
        day: d.number,
        date: d.date === undefined ? "" : formatIso(d.date),
        scenes: d.strips.map((s) => s.scene),
        pages: d.pagesText,
      })),
    },
    dood: {
      cast: model.dood.cast.map((r) => ({
        id: r.id,
        codes: [...r.codes],
        work: r.work,
        hold: r.hold,
        drop: r.drop,
        start: r.start === undefined ? "" : formatIso(r.start),
        finish: r.finish === undefined ? "" : formatIso(r.finish),
        holdCost: toUnits(r.holdCost),
        ...(r.castDays ? { castDays: { ...r.castDays }, paid: paidDays(r) } : {}),
      })),
    },
  };
}
