import { WorkbookInput } from "../cells";
import { Cents, toUnits } from "../money";
import { Problems } from "../problems";
import { Settings } from "../settings";
import { readAccounts } from "./accounts";
import { addFigures, buildCostReport, zeroFigures } from "./costReport";
import { readForecast, readLedger } from "./ledger";
import { readFringes, readLines } from "./lines";
import { computeMarkups } from "./markups";
import { BudgetModel } from "./model";

export * from "./model";

/** The budget and cost report of a workbook; undefined when it has no usable `Accounts`. */
export function computeBudget(wb: WorkbookInput, settings: Settings, problems: Problems): BudgetModel | undefined {
  const coa = readAccounts(wb, problems);
  if (!coa) return undefined;
  const fringeDefs = readFringes(wb, problems);
  const lines = readLines(wb, coa, fringeDefs, problems);
  const ledger = readLedger(wb, coa, problems);
  const forecast = readForecast(wb, coa, problems);
  const accounts = buildCostReport(coa, lines, ledger, forecast, settings.overTolerance, settings.watchAt);
  const byCode = new Map(accounts.map((a) => [a.account.code, a]));
  const sections = coa.sections.map((s) => byCode.get(s.code)!);
  const markups = computeMarkups(wb, coa, (c) => byCode.get(c)?.rolled.budget ?? 0, problems);
  const totals = zeroFigures();
  for (const s of sections) addFigures(totals, s.rolled);
  const fringeTotals = new Map<string, Cents>();
  for (const l of lines) for (const f of l.fringes) fringeTotals.set(f.code, (fringeTotals.get(f.code) ?? 0) + f.amount);
  const total = totals.budget;
  return {
    currency: settings.currency,
    production: settings.production,
    accounts,
    byCode,
    sections,
    lines,
    fringes: [...fringeDefs.values()],
    fringeTotals,
    markups,
    total,
    grandTotal: total + markups.reduce((s, m) => s + m.amount, 0),
    totals,
    overTolerance: settings.overTolerance,
    watchAt: settings.watchAt,
  };
}

/** The `budget` object of `prodbook report --json` (WORKBOOK.md): money in currency units to the cent. */
export function budgetReportJson(m: BudgetModel) {
  return {
    currency: m.currency,
    total: toUnits(m.total),
    grandTotal: toUnits(m.grandTotal),
    sections: m.sections.map((s) => ({ code: s.account.code, name: s.account.name, total: toUnits(s.rolled.budget) })),
    markups: m.markups.map((x) => ({ name: x.name, amount: toUnits(x.amount) })),
    accounts: m.accounts.map((a) => ({
      code: a.account.code,
      name: a.account.name,
      budget: toUnits(a.rolled.budget),
      fringes: toUnits(a.rolled.fringes),
      actual: toUnits(a.rolled.actual),
      committed: toUnits(a.rolled.committed),
      etc: toUnits(a.rolled.etc),
      efc: toUnits(a.rolled.efc),
      variance: toUnits(a.rolled.variance),
      status: a.status,
    })),
  };
}
