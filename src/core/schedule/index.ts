/** The schedule engine: Stripboard → dated shooting days, Day Out of Days and call sheets. */
import { CellValue, WorkbookInput, findTable } from "../cells";
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
import { buildDood } from "./dood";
import { DEFAULT_SHOOTING_CALL_OFFSET, buildCallSheets } from "./callsheet";
import { TimeZone, parseTimeZone } from "./sun";
import { DayCall, ScheduleModel } from "./model";
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
  const callsByDay = matchCalls(calls, days.length, dates, problems, wb);
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
  });
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

/** Calls rows by day number; a row for no shooting day, or a second row for one, is a warning. */
function matchCalls(calls: DayCall[], dayCount: number, dates: EpochDay[] | undefined, problems: Problems, wb: WorkbookInput): Map<number, DayCall> {
  const out = new Map<number, DayCall>();
  if (calls.length === 0) return out;
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
    if (out.has(n)) {
      problems.warning(at(c), `Day ${n} already has a Calls row (row ${out.get(n)!.row}); the first is used`);
      continue;
    }
    out.set(n, c);
  }
  return out;
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
      })),
    },
  };
}
