import { WorkbookInput, findTable } from "./cells";
import { BudgetModel, budgetReportJson, computeBudget, reportPeriodJson, settingsWindow } from "./budget";
import { Problem, Problems } from "./problems";
import { ScheduleModel, buildSchedule, scheduleReportJson } from "./schedule";
import { Settings, readSettings } from "./settings";
import { globalsReportJson } from "./globals";

/** Everything the engine computes from one workbook: the one call every adapter makes. */
export interface EngineResult {
  settings: Settings;
  budget?: BudgetModel;
  schedule?: ScheduleModel;
  problems: Problem[];
}

export interface EngineOptions {
  budget?: boolean;
  schedule?: boolean;
}

/**
 * Reads the contract's tables and computes what they allow: the budget when `Accounts` is there,
 * the schedule when `Stripboard` is there. Problems are collected, never thrown.
 */
export function runEngine(wb: WorkbookInput, opts: EngineOptions = {}): EngineResult {
  const problems = new Problems();
  const settings = readSettings(wb, problems);
  const wantBudget = opts.budget ?? true;
  const doBudget = wantBudget && (opts.budget === true || !!findTable(wb, "Accounts") || !!findTable(wb, "Budget"));
  const doSchedule = (opts.schedule ?? true) && (opts.schedule === true || !!findTable(wb, "Stripboard"));
  const hasBoard = !!findTable(wb, "Stripboard");
  // The budget follows the schedule (globals, cast-tied lines), so the board is read first; its
  // problems are listed after the budget's, as they always were.
  const scheduleProblems = new Problems();
  const schedule: ScheduleModel | undefined = doSchedule || (doBudget && hasBoard) ? buildSchedule(wb, settings, scheduleProblems) : undefined;
  let budget: BudgetModel | undefined;
  if (doBudget) budget = computeBudget(wb, settings, problems, { schedule, hasBoard });
  if (doSchedule) problems.list.push(...scheduleProblems.list);
  else if (budget && scheduleProblems.hasErrors && budgetFollowsSchedule(budget)) {
    // Update budget alone: the board's errors matter only when figures come from it.
    for (const p of scheduleProblems.errors) problems.add({ ...p, message: `${p.message} (the budget's schedule figures depend on it)` });
  }
  // Read problems come first: they are filled as the tables above were read.
  return { settings, budget, schedule: doSchedule ? schedule : undefined, problems: [...(wb.problems ?? []), ...problems.list] };
}

/** True when a budget line uses a global computed from the schedule or is tied to a cast member. */
function budgetFollowsSchedule(b: BudgetModel): boolean {
  return b.lines.some((l) => l.cast || l.usesGlobals);
}

export function hasErrors(r: { problems: Problem[] }): boolean {
  return r.problems.some((p) => p.severity === "error");
}

/** The object `prodbook report --json` prints (WORKBOOK.md, The command line). */
export function reportJson(r: EngineResult) {
  const sched = r.schedule ? scheduleReportJson(r.schedule) : undefined;
  return {
    // The shape stays the same when a part is absent: empty lists, zero totals.
    budget: r.budget
      ? budgetReportJson(r.budget)
      : {
          currency: r.settings.currency,
          total: 0,
          report: reportPeriodJson(settingsWindow(r.settings)),
          grandTotal: 0,
          sections: [],
          markups: [],
          accounts: [],
          levels: [],
          aboveTheLine: null,
          belowTheLine: null,
          charges: [],
          incentives: [],
          net: 0,
          currencies: [],
          original: null,
          versions: [],
        },
    globals: r.budget ? globalsReportJson(r.budget.globals) : [],
    schedule: sched ? sched.schedule : { days: [] },
    dood: sched ? sched.dood : { cast: [] },
    problems: r.problems.map((p) => ({
      severity: p.severity,
      sheet: p.sheet,
      table: p.table,
      row: p.row,
      column: p.column,
      message: p.message,
    })),
  };
}
