import { WorkbookInput, findTable } from "./cells";
import { BudgetModel, budgetReportJson, computeBudget } from "./budget";
import { Problem, Problems } from "./problems";
import { ScheduleModel, buildSchedule, scheduleReportJson } from "./schedule";
import { Settings, readSettings } from "./settings";

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
  let budget: BudgetModel | undefined;
  if (wantBudget && (opts.budget === true || findTable(wb, "Accounts") || findTable(wb, "Budget"))) {
    budget = computeBudget(wb, settings, problems);
  }
  let schedule: ScheduleModel | undefined;
  if ((opts.schedule ?? true) && (opts.schedule === true || findTable(wb, "Stripboard"))) {
    schedule = buildSchedule(wb, settings, problems);
  }
  return { settings, budget, schedule, problems: problems.list };
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
      : { currency: r.settings.currency, total: 0, grandTotal: 0, sections: [], markups: [], accounts: [] },
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
