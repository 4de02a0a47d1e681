/**
 * The schedule's figures a budget cell asks for (=PROD.GLOBAL, =PROD.CASTDAYS): the same readers
 * the engine runs on a whole workbook (Settings, Stripboard, Cast, Holidays, Globals), so a
 * worksheet function and `prodbook report` give one number for one board.
 */
import { WorkbookInput, findTable } from "./cells";
import { Globals, paidDays, readGlobals } from "./globals";
import { doodAmount } from "./budget/lineValues";
import { Problem, Problems } from "./problems";
import { ScheduleModel, buildSchedule } from "./schedule";
import { castKey } from "./schedule/cast";
import { Settings, readSettings } from "./settings";
import type { DoodRow } from "./schedule/model";

export interface ScheduleFigures {
  settings: Settings;
  schedule?: ScheduleModel;
  globals: Globals;
  daysPerWeek: number;
  problems: Problem[];
}

/** Reads what the globals and the DOOD need from `wb`; problems are collected, never thrown. */
export function scheduleFigures(wb: WorkbookInput): ScheduleFigures {
  const problems = new Problems();
  const settings = readSettings(wb, problems);
  const schedule = buildSchedule(wb, settings, problems);
  const globals = readGlobals(wb, settings, schedule, problems, !!findTable(wb, "Stripboard"));
  const daysPerWeek = globals.byKey.get("DAYS_PER_WEEK")?.value ?? 5;
  return { settings, schedule, globals, daysPerWeek, problems: problems.list };
}

export type CastDaysKind = "PAID" | "WORK" | "HOLD" | "DROP" | "WEEKS" | "RUN";
export const CAST_DAYS_KINDS: readonly CastDaysKind[] = ["PAID", "WORK", "HOLD", "DROP", "WEEKS", "RUN"];

/**
 * One DOOD figure of a member, as a tied Budget line counts it: paid = work + hold + paid Cast Days; weeks = paid
 * days ÷ DAYS_PER_WEEK rounded up to the hundredth, at least 1 for one who works; run = start to
 * finish with drop days (docs/WORKBOOK-EXTENSIONS.md, Cast ID).
 */
export function castDaysFigure(r: Pick<DoodRow, "work" | "hold" | "drop" | "castDays">, kind: CastDaysKind, daysPerWeek: number): number {
  switch (kind) {
    case "WORK":
      return r.work;
    case "HOLD":
      return r.hold;
    case "DROP":
      return r.drop;
    case "PAID":
      return paidDays(r);
    case "WEEKS":
      return doodAmount("weeks", r, daysPerWeek);
    case "RUN":
      return doodAmount("run", r, daysPerWeek);
  }
}

/** The DOOD row of a Cast ID (matched as Cast matches them), or undefined. */
export function doodRowOf(schedule: ScheduleModel, id: string): DoodRow | undefined {
  const k = castKey(id);
  return schedule.dood.cast.find((r) => castKey(r.id) === k);
}
