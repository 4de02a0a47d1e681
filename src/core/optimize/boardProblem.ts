import { CellValue, WorkbookInput, isBlank } from "../cells";
import { EpochDay } from "../dates";
import { fromUnits } from "../money";
import { Problems, showValue } from "../problems";
import { shootingDates } from "../schedule/calendar";
import { formatEighths } from "../schedule/eighths";
import { ScheduleModel } from "../schedule/model";
import { Settings } from "../settings";
import { headerKey, openTable, TableSpec } from "../tables";
import { BoardProblem, BoardSolution, BoardStrip } from "./boardModel";
import { feasibleStart } from "./boardInitial";

export const UNAVAILABLE_SPEC: TableSpec = {
  name: "Unavailable",
  columns: [
    { key: "cast", header: "Cast ID", aliases: ["ID", "Cast"], required: true },
    { key: "from", header: "From", aliases: ["Start", "Date"], required: true },
    { key: "to", header: "To", aliases: ["End", "Until"] },
  ],
};

/** A Lock cell that locks: TRUE, x, yes, y, 1, locked. */
export function isLocked(v: CellValue): boolean {
  if (v === true) return true;
  if (typeof v === "number") return v !== 0;
  if (typeof v !== "string") return false;
  return ["x", "y", "yes", "true", "1", "lock", "locked"].includes(v.trim().toLowerCase());
}

export interface BoardSetup {
  problem: BoardProblem;
  /** The board as it stands, in the optimizer's terms (its own number of days). */
  current: BoardSolution;
  /** A feasible start (the current board, moved only where it breaks a rule). */
  start: BoardSolution;
  /** Dates of the optimizer's days, when Start Date is set. */
  dates?: EpochDay[];
  /** How the number of days and the capacity were chosen, for the task pane and CLI. */
  basis: string;
}

/**
 * The optimizer's problem from a built schedule: strips with pages, cast and location; hold cost
 * from Cast Daily Rate; Settings `Pages Per Day` (else the current number of days, each as full
 * as the fullest day now) and `Company Move Cost`; the `Lock` column; table `Unavailable`.
 */
export function boardProblem(wb: WorkbookInput, settings: Settings, model: ScheduleModel, problems: Problems): BoardSetup | undefined {
  const castIndex = new Map(model.cast.map((m, i) => [m.id, i]));
  const lockCol = model.board.headers.findIndex((h) => ["lock", "locked"].includes(headerKey(h)));
  const strips: BoardStrip[] = [];
  const current: number[][] = [];
  model.days.forEach((day, d) => {
    const ids: number[] = [];
    for (const s of day.strips) {
      const id = strips.length;
      strips.push({
        id,
        pages: s.pages,
        cast: s.cast.map((c) => castIndex.get(c)).filter((i): i is number => i !== undefined),
        location: s.location.trim().toLowerCase(),
        lockDay: lockCol >= 0 && isLocked(s.cells[lockCol] ?? null) ? d : undefined,
      });
      ids.push(id);
    }
    current.push(ids);
  });
  if (strips.length === 0) return undefined;
  const total = strips.reduce((a, s) => a + s.pages, 0);
  const maxLock = Math.max(-1, ...strips.map((s) => s.lockDay ?? -1));
  let days: number;
  let capacity: number;
  let basis: string;
  if (settings.pagesPerDay !== undefined) {
    capacity = Math.round(settings.pagesPerDay * 8);
    // Never more days than strips (and locked days): more would only be empty days.
    days = Math.min(Math.max(Math.ceil(total / Math.max(capacity, 1)), maxLock + 1, 1), strips.length + maxLock + 1);
    basis = `${formatEighths(capacity)} pages a day (Settings Pages Per Day)`;
  } else {
    days = current.length;
    capacity = Math.max(...current.map((ids) => ids.reduce((a, id) => a + strips[id].pages, 0)));
    basis = `${days} days as now, each up to ${formatEighths(capacity)} pages (the fullest day now)`;
  }
  const rates = model.cast.map((m) => m.dailyRate);
  const windows = readUnavailable(wb, castIndex, problems);
  const cal = settings.startDate === undefined ? undefined : { start: settings.startDate, daysOff: settings.daysOff, holidays: new Set(model.holidays.map((h) => h.date)) };
  if (windows.length > 0 && !cal) {
    const t = openTable(wb, UNAVAILABLE_SPEC, new Problems());
    problems.error({ sheet: t?.sheet ?? "Unavailable", table: t?.raw.name ?? "Unavailable", row: t?.raw.headerRow ?? 0, column: "" }, "Unavailable dates need a Start Date in Settings to know which shooting days they fall on");
  }
  // Pages Per Day may need a day or two more than the bare page count when locks or
  // availability leave gaps: add days until every strip has a place.
  for (;;) {
    const dates = cal ? shootingDates(cal, days) : undefined;
    const unavailable = rates.map(() => new Array<boolean>(days).fill(false));
    if (dates) {
      for (const w of windows) dates.forEach((date, d) => {
        if (date >= w.from && date <= w.to) unavailable[w.cast][d] = true;
      });
    }
    const problem: BoardProblem = {
      strips,
      rates,
      days,
      capacity,
      unavailable,
      moveCost: settings.companyMoveCost === undefined ? 0 : fromUnits(settings.companyMoveCost),
      dates,
      dropDays: settings.dropDays,
    };
    const { solution, unplaced } = feasibleStart(problem, current);
    if (unplaced.length === 0) return { problem, current: { days: current }, start: solution, dates, basis };
    if (settings.pagesPerDay === undefined || days >= strips.length + maxLock + 1) {
      const s = model.days.flatMap((d) => d.strips)[unplaced[0]];
      problems.error(
        { sheet: model.board.sheet, table: model.board.table, row: s.row, column: "Scene" },
        `Scene ${showValue(s.scene)} fits on no shooting day: its cast is unavailable, or its day is locked or full, on every day`,
      );
      return undefined;
    }
    days++;
  }
}

interface Window {
  cast: number;
  from: EpochDay;
  to: EpochDay;
}

function readUnavailable(wb: WorkbookInput, castIndex: Map<string, number>, problems: Problems): Window[] {
  const t = openTable(wb, UNAVAILABLE_SPEC, problems);
  if (!t) return [];
  const byKey = new Map([...castIndex].map(([id, i]) => [id.trim().toLowerCase(), i]));
  const out: Window[] = [];
  for (const row of t.rows) {
    const id = t.text(row, "cast", { required: true });
    const from = t.date(row, "from", { required: true });
    const to = isBlank(t.value(row, "to")) ? from : t.date(row, "to");
    const c = byKey.get(id.toLowerCase());
    if (id && c === undefined) t.error(row, "cast", `Cast ID ${showValue(id)} is not an ID in Cast`);
    if (from !== undefined && to !== undefined && to < from) t.error(row, "to", `To is before From`);
    if (c === undefined || from === undefined || to === undefined || to < from) continue;
    out.push({ cast: c, from, to });
  }
  return out;
}
