/** `Calls` (per-day crew call overrides and notes) and `Holidays` (dates not shot). */
import { WorkbookInput } from "../cells";
import { parseDateCell } from "../dates";
import { Problems, showValue } from "../problems";
import { TableSpec, openTable } from "../tables";
import { DayCall, Holiday } from "./model";

export const CALLS_SPEC: TableSpec = {
  name: "Calls",
  columns: [
    { key: "day", header: "Day", aliases: ["Shoot Day", "Shooting Day", "Date"], required: true },
    { key: "crewCall", header: "Crew Call", aliases: ["Call", "General Call"] },
    { key: "shootingCall", header: "Shooting Call", aliases: ["Shoot Call", "Camera Call"] },
    { key: "notes", header: "Notes" },
  ],
};

export const HOLIDAYS_SPEC: TableSpec = {
  name: "Holidays",
  columns: [
    { key: "date", header: "Date", required: true },
    { key: "name", header: "Name", aliases: ["Holiday"] },
  ],
};

/** Day numbers are small; a bigger number is an Excel date serial (46000 is in 2025). */
const MAX_DAY_NUMBER = 9999;

export function readCalls(wb: WorkbookInput, problems: Problems): DayCall[] {
  const t = openTable(wb, CALLS_SPEC, problems);
  if (!t) return [];
  const out: DayCall[] = [];
  for (const row of t.rows) {
    const v = t.value(row, "day");
    const call: DayCall = { row: row.excelRow, notes: t.text(row, "notes") };
    if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_DAY_NUMBER) call.day = v;
    else if (typeof v === "string" && /^\s*(?:day|d)?\s*#?\s*(\d+)\s*$/i.test(v)) call.day = Number(/(\d+)/.exec(v)![1]);
    else {
      const d = parseDateCell(v);
      if (d === undefined) {
        t.error(row, "day", `Day must be a shooting day number (3, Day 3, D3) or a shooting date, not ${showValue(v)}`);
        continue;
      }
      call.date = d;
    }
    call.crewCall = t.time(row, "crewCall");
    call.shootingCall = t.time(row, "shootingCall");
    out.push(call);
  }
  return out;
}

export function readHolidays(wb: WorkbookInput, problems: Problems): Holiday[] {
  const t = openTable(wb, HOLIDAYS_SPEC, problems);
  if (!t) return [];
  const out: Holiday[] = [];
  for (const row of t.rows) {
    const date = t.date(row, "date", { required: true });
    if (date === undefined) continue;
    out.push({ row: row.excelRow, date, name: t.text(row, "name") });
  }
  return out;
}
