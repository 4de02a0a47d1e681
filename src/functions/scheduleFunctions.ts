/**
 * The schedule's worksheet functions as plain functions over cell values; functions.ts declares
 * them as PROD.DOOD and PROD.SHOOTDATE. Bad input throws FunctionInputError with the problem's
 * own words, so the cell's #VALUE! explains itself.
 */
import { CellValue, RawTable, isBlank } from "../core/cells";
import { EpochDay, parseDateCell, parseWeekdays, toExcelSerial } from "../core/dates";
import { Problems, describeProblem } from "../core/problems";
import { ShootingCalendar, shootDate as calendarDate, shootingDates } from "../core/schedule/calendar";
import { castKey } from "../core/schedule/cast";
import { doodRow } from "../core/schedule/dood";
import { parseStripboard } from "../core/schedule/stripboard";
import { FunctionInputError } from "./errors";

const DEFAULT_DAYS_OFF = "Sat, Sun";
const DEFAULT_DROP_DAYS = 10;

function cell(v: unknown): CellValue {
  if (v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null || v instanceof Date) return v;
  return String(v);
}

function omitted(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function readStart(start: unknown): EpochDay {
  const d = parseDateCell(typeof start === "string" ? start.trim() : start);
  if (d === undefined) throw new FunctionInputError(`start must be a date (a date cell or 2026-03-02), not ${JSON.stringify(start)}`);
  return d;
}

/** Omitted or blank: the contract's default `Sat, Sun`; `None` for a seven-day week. */
function readDaysOff(daysOff: unknown): number[] {
  if (omitted(daysOff)) return parseWeekdays(DEFAULT_DAYS_OFF)!;
  const s = String(daysOff).trim();
  if (/^none$/i.test(s)) return [];
  const days = parseWeekdays(s);
  if (!days) throw new FunctionInputError(`daysOff must list weekdays like "Sat, Sun" (or None), not ${JSON.stringify(daysOff)}`);
  if (days.length === 7) throw new FunctionInputError("daysOff leaves no weekday to shoot on");
  return days;
}

function readHolidays(holidays: unknown): Set<EpochDay> {
  const out = new Set<EpochDay>();
  if (omitted(holidays)) return out;
  const rows = Array.isArray(holidays) ? holidays : [[holidays]];
  for (const row of rows) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (omitted(v)) continue;
      const d = parseDateCell(typeof v === "string" ? v.trim() : v);
      if (d === undefined) throw new FunctionInputError(`holidays must be dates, not ${JSON.stringify(v)}`);
      out.add(d);
    }
  }
  return out;
}

function calendar(start: unknown, daysOff: unknown, holidays: unknown): ShootingCalendar {
  return { start: readStart(start), daysOff: readDaysOff(daysOff), holidays: readHolidays(holidays) };
}

/** PROD.SHOOTDATE(day, start, [daysOff], [holidays]): the Excel date of shooting day `day`. */
export function shootDate(day: number, start: number | string, daysOff?: string, holidays?: unknown[][]): number {
  if (typeof day !== "number" || !Number.isInteger(day) || day < 1) {
    throw new FunctionInputError(`day must be a shooting day number 1 or more, not ${JSON.stringify(day)}`);
  }
  if (day > 100_000) throw new FunctionInputError(`day ${day} is beyond any shooting schedule`);
  const d = calendarDate(calendar(start, daysOff, holidays), day);
  if (d === undefined) throw new FunctionInputError("no date can be shot on");
  return toExcelSerial(d);
}

/**
 * PROD.DOOD(stripboard, castIds, [start], [daysOff], [holidays], [dropDays]): one row a cast ID,
 * one column a shooting day, each cell a DOOD code or "". `stripboard` is the board's range with
 * its header row, so columns are found by header (Scene and Cast are needed). Without `start`
 * the days have no dates: no drop can be judged, and every gap between work days is a hold.
 */
export function doodGrid(
  stripboard: unknown[][],
  castIds: unknown[][],
  start?: unknown,
  daysOff?: unknown,
  holidays?: unknown,
  dropDays?: unknown,
): string[][] {
  if (!Array.isArray(stripboard) || stripboard.length === 0 || !Array.isArray(stripboard[0])) {
    throw new FunctionInputError("stripboard must be the Stripboard range with its header row");
  }
  const headers = stripboard[0].map((h) => (isBlank(cell(h)) ? "" : String(h)));
  const raw: RawTable = {
    name: "stripboard",
    sheet: "stripboard",
    headerRow: 1,
    firstColumn: 1,
    headers,
    rows: stripboard.slice(1).map((r) => (Array.isArray(r) ? r.map(cell) : [cell(r)])),
  };
  const problems = new Problems();
  const board = parseStripboard(raw, problems, {});
  const firstError = problems.errors[0];
  if (firstError) throw new FunctionInputError(describeProblem(firstError).replace(/^ERROR stripboard(!\S+)?\s*/, "stripboard "));
  if (!board) throw new FunctionInputError("stripboard must be the Stripboard range with its header row");
  if (!headers.some((h) => /^cast/i.test(h.trim()))) throw new FunctionInputError("stripboard has no Cast column");

  const ids: string[] = [];
  for (const row of Array.isArray(castIds) ? castIds : [[castIds]]) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (omitted(v)) continue;
      ids.push(String(v).trim());
    }
  }
  if (ids.length === 0) throw new FunctionInputError("castIds is empty: give the cast IDs to list, one a cell");

  const days = board.days;
  let dates: EpochDay[] | undefined;
  if (!omitted(start)) {
    dates = shootingDates(calendar(start, daysOff, holidays), days.length);
  }
  let drop = DEFAULT_DROP_DAYS;
  if (!omitted(dropDays)) {
    if (typeof dropDays !== "number" || !Number.isInteger(dropDays) || dropDays < 0) {
      throw new FunctionInputError(`dropDays must be a whole number of days, not ${JSON.stringify(dropDays)}`);
    }
    drop = dropDays;
  }

  const work = new Map<string, number[]>();
  days.forEach((day, i) => {
    for (const strip of day.strips) {
      for (const id of strip.cast) {
        const k = castKey(id);
        let list = work.get(k);
        if (!list) work.set(k, (list = []));
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  return ids.map((id) => doodRow({ id, character: "", actor: "", dailyRate: 0 }, work.get(castKey(id)) ?? [], days.length, dates, drop).codes.slice());
}
