import { WorkbookInput, findTable } from "./cells";
import { BudgetModel, budgetReportJson, computeBudget } from "./budget";
import { Problem, Problems } from "./problems";
import { Settings, readSettings } from "./settings";

/** Everything the engine computes from one workbook: the one call every adapter makes. */
export interface EngineResult {
  settings: Settings;
  budget?: BudgetModel;
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
  return { settings, budget, problems: problems.list };
}

export function hasErrors(r: { problems: Problem[] }): boolean {
  return r.problems.some((p) => p.severity === "error");
}

/** The object `prodbook report --json` prints (WORKBOOK.md, The command line). */
export function reportJson(r: EngineResult) {
  return {
    budget: r.budget ? budgetReportJson(r.budget) : null,
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
