/** `Calls` (per-day crew call overrides and notes) and `Holidays` (dates not shot). */
import { WorkbookInput, isBlank } from "../cells";
import { clockCell } from "./clock";
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
    // Issue 14 (docs/WORKBOOK-EXTENSIONS.md): day rows' times and notes, and one actor's calls.
    { key: "wrap", header: "Wrap", aliases: ["Est Wrap", "Estimated Wrap", "Wrap Time", "Dismiss", "Dismissal"] },
    { key: "meal", header: "Meal", aliases: ["First Meal", "1st Meal", "Lunch", "Meal Time"] },
    { key: "secondMeal", header: "Second Meal", aliases: ["2nd Meal"] },
    { key: "walkie", header: "Walkie Channels", aliases: ["Walkie", "Walkies", "Channels", "Radio Channels"] },
    { key: "safety", header: "Safety", aliases: ["Safety Notes", "Safety Note"] },
    { key: "castId", header: "Cast ID", aliases: ["Cast", "Actor ID"] },
    { key: "setCall", header: "Set Call", aliases: ["On Set", "Set Call Time"] },
    { key: "pickup", header: "Pickup", aliases: ["Pick Up", "Pickup Time"] },
    { key: "transport", header: "Transport", aliases: ["Transportation"] },
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
    const castId = t.text(row, "castId");
    if (castId) {
      // One actor's calls that day: offsets count from that actor's own calls.
      call.castId = castId;
      call.setCall = clockCell(t, row, "setCall", "the shooting call");
      call.pickup = clockCell(t, row, "pickup", "the makeup call");
      call.transport = t.text(row, "transport");
      call.wrap = clockCell(t, row, "wrap", "crew call");
      for (const key of ["crewCall", "shootingCall", "meal", "secondMeal"]) {
        if (!isBlank(t.value(row, key))) t.warning(row, key, `${t.header(key)} belongs on the day's own Calls row (no Cast ID); this row gives cast ${showValue(castId)}'s calls and its ${t.header(key)} is not used`);
      }
    } else {
      call.crewCall = t.time(row, "crewCall");
      call.shootingCall = t.time(row, "shootingCall");
      call.wrap = clockCell(t, row, "wrap", "crew call");
      call.meal = clockCell(t, row, "meal", "crew call");
      call.secondMeal = clockCell(t, row, "secondMeal", "crew call");
      call.walkie = t.text(row, "walkie");
      call.safety = t.text(row, "safety");
      for (const key of ["setCall", "pickup", "transport"]) {
        if (!isBlank(t.value(row, key))) t.warning(row, key, `${t.header(key)} is one actor's: give the Cast ID on this row; it is not used`);
      }
    }
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
