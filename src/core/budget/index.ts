import { WorkbookInput, findTable } from "../cells";
import { globalLookup, readGlobals } from "../globals";
import { castKey, readCast } from "../schedule/cast";
import type { ScheduleModel } from "../schedule/model";
import { CastDays } from "./castLines";
import { ExprCache } from "./lineValues";
import { buildScheduleVsBudget } from "./scheduleVsBudget";
import { formatIso } from "../dates";
import { Cents, toUnits } from "../money";
import { Problems } from "../problems";
import { Settings } from "../settings";
import { readAccounts } from "./accounts";
import { addFigures, buildCostReport, zeroFigures } from "./costReport";
import { readForecast, readLedger } from "./ledger";
import { readFringes, readLines } from "./lines";
import { computeMarkups } from "./markups";
import { PeriodWindow, describePeriod, localToday, periodWindow } from "./period";
import { readCurrencies } from "./currencies";
import { computeIncentives } from "./incentives";
import { levelTotals, readLevels } from "./levels";
import { BudgetModel, CurrencyTotal } from "./model";
import { originalOf, originalReportJson, originalVersion, readVersions, versionsReportJson } from "./versions";

export * from "./model";
export type { ScheduleVsBudget, CastBudgetRow } from "./scheduleVsBudget";

/** What the budget may take from the schedule: globals and the DOOD days of cast-tied lines. */
export interface BudgetContext {
  schedule?: ScheduleModel;
  /** True when the workbook has a Stripboard, even one that could not be read. */
  hasBoard?: boolean;
}

/** Each Cast member's Daily Rate and DOOD days, by castKey; undefined when there is no Cast table. */
function castDays(wb: WorkbookInput, schedule: ScheduleModel | undefined): Map<string, CastDays> | undefined {
  const out = new Map<string, CastDays>();
  if (schedule) {
    const rows = new Map(schedule.dood.cast.map((r) => [r.id, r]));
    for (const m of schedule.cast) {
      const r = rows.get(m.id);
      out.set(castKey(m.id), { id: m.id, character: m.character, dailyRate: toUnits(m.dailyRate), work: r?.work ?? 0, hold: r?.hold ?? 0, drop: r?.drop ?? 0, castDays: r?.castDays });
    }
    return out;
  }
  if (!findTable(wb, "Cast")) return undefined;
  // The Cast table's own problems are the schedule's to report; here it is only a lookup.
  for (const m of readCast(wb, new Problems()).members) out.set(castKey(m.id), { id: m.id, character: m.character, dailyRate: toUnits(m.dailyRate), work: 0, hold: 0, drop: 0 });
  return out;
}
export { describePeriod, periodWindow } from "./period";

/** The budget and cost report of a workbook; undefined when it has no usable `Accounts`. */
export function computeBudget(wb: WorkbookInput, settings: Settings, problems: Problems, bctx: BudgetContext = {}): BudgetModel | undefined {
  const coa = readAccounts(wb, problems);
  if (!coa) return undefined;
  const fringeDefs = readFringes(wb, problems);
  const globals = readGlobals(wb, settings, bctx.schedule, problems, bctx.hasBoard ?? bctx.schedule !== undefined);
  const daysPerWeek = globals.byKey.get("DAYS_PER_WEEK")?.value ?? 5;
  // One working week for cast lines and fringes: a HOURS_PER_DAY or DAYS_PER_WEEK global, else Settings (issue 12).
  const hoursPerDay = globals.byKey.get("HOURS_PER_DAY")?.value ?? settings.hoursPerDay ?? 12;
  const cast = castDays(wb, bctx.schedule);
  const currencyRates = readCurrencies(wb, settings.currency, problems);
  const lines = readLines(wb, coa, fringeDefs, problems, { exprs: new ExprCache(globalLookup(globals)), daysPerWeek, cast, scheduled: bctx.schedule !== undefined }, {
    work: { hoursPerDay, daysPerWeek },
    base: settings.currency,
    currencies: currencyRates,
  });
  // Without a Report Date the period is the one ending today and the whole ledger counts.
  const window = settingsWindow(settings);
  const ledger = readLedger(wb, coa, problems, { window, asOf: settings.reportDate });
  const forecast = readForecast(wb, coa, problems);
  const versions = readVersions(wb, problems);
  const accounts = buildCostReport(coa, lines, ledger, forecast, settings.overTolerance, settings.watchAt);
  const byCode = new Map(accounts.map((a) => [a.account.code, a]));
  const sections = coa.sections.map((s) => byCode.get(s.code)!);
  const budgetOf = (c: string) => byCode.get(c)?.rolled.budget ?? 0;
  const levels = readLevels(coa, problems);
  const markups = computeMarkups(wb, coa, budgetOf, problems, levels);
  const incentives = computeIncentives(wb, coa, budgetOf, problems, levels);
  const totals = zeroFigures();
  for (const s of sections) addFigures(totals, s.rolled);
  const fringeTotals = new Map<string, Cents>();
  for (const l of lines) for (const f of l.fringes) fringeTotals.set(f.code, (fringeTotals.get(f.code) ?? 0) + f.amount);
  const total = totals.budget;
  const grandTotal = total + markups.reduce((s, m) => s + m.amount, 0);
  const currencies = new Map<string, CurrencyTotal>();
  for (const l of lines) {
    if (!l.currency) continue;
    let c = currencies.get(l.currency.code);
    if (!c) currencies.set(l.currency.code, (c = { code: l.currency.code, rate: l.currency.rate, lines: 0, total: 0, baseTotal: 0 }));
    c.lines++;
    c.total += l.currency.total;
    c.baseTotal += l.total;
  }
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
    levels: levels && { ...levels, ...levelTotals(levels, budgetOf) },
    incentives,
    currencies: [...currencies.values()],
    net: grandTotal - incentives.reduce((s, x) => s + x.amount, 0),
    total,
    grandTotal,
    totals,
    overTolerance: settings.overTolerance,
    watchAt: settings.watchAt,
    globals,
    daysPerWeek,
    scheduleVsBudget: bctx.schedule ? buildScheduleVsBudget(bctx.schedule.dood, lines, (id) => cast?.get(castKey(id))?.dailyRate ?? 0) : undefined,
    window,
    reportDateGiven: settings.reportDate !== undefined,
    versions,
    original: originalVersion(versions),
  };
}

/** `budget.report` of `report --json`: the as-of date and the period "this period" covers. */
export function reportPeriodJson(w: PeriodWindow) {
  return { date: formatIso(w.reportDate), period: w.kind, from: formatIso(w.from), to: formatIso(w.to), label: describePeriod(w) };
}

/** The report window of a workbook's settings (today without a Report Date). */
export function settingsWindow(settings: Settings): PeriodWindow {
  return periodWindow(settings.reportDate ?? localToday(), settings.period);
}

/** The `budget` object of `prodbook report --json` (WORKBOOK.md): money in currency units to the cent. */
export function budgetReportJson(m: BudgetModel) {
  return {
    currency: m.currency,
    total: toUnits(m.total),
    report: reportPeriodJson(m.window),
    grandTotal: toUnits(m.grandTotal),
    sections: m.sections.map((s) => ({ code: s.account.code, name: s.account.name, total: toUnits(s.rolled.budget) })),
    markups: m.markups.map((x) => ({ name: x.name, amount: toUnits(x.amount) })),
    // Issue 12 (docs/WORKBOOK-EXTENSIONS.md): levels, contractual charges, incentives, net.
    levels: m.levels
      ? m.levels.groups.map((g) => ({
          level: g.level,
          name: g.name,
          aboveTheLine: g.aboveTheLine,
          sections: g.sections,
          total: toUnits(g.sections.reduce((s, c) => s + (m.byCode.get(c)?.rolled.budget ?? 0), 0)),
        }))
      : [],
    aboveTheLine: m.levels ? toUnits(m.levels.aboveTheLine) : null,
    belowTheLine: m.levels ? toUnits(m.levels.belowTheLine) : null,
    charges: m.markups.map((x) => ({
      name: x.name,
      type: x.type,
      percent: x.type === "percent" ? x.percent : null,
      appliesTo: x.appliesTo,
      exclude: x.exclude,
      compound: x.compound,
      base: toUnits(x.base),
      excluded: toUnits(x.excluded),
      amount: toUnits(x.amount),
    })),
    incentives: m.incentives.map((x) => ({
      name: x.name,
      rate: x.rate,
      appliesTo: x.appliesTo,
      exclude: x.exclude,
      qualifying: toUnits(x.qualifying),
      excluded: toUnits(x.excluded),
      cap: x.cap === undefined ? null : toUnits(x.cap),
      capped: x.capped,
      amount: toUnits(x.amount),
    })),
    net: toUnits(m.net),
    currencies: m.currencies.map((c) => ({ code: c.code, rate: c.rate, lines: c.lines, total: toUnits(c.total), baseTotal: toUnits(c.baseTotal) })),
    // Issue 11: the locked original and every version; per account `original` (null when none).
    original: originalReportJson(m.original),
    versions: versionsReportJson(m.versions),
    accounts: m.accounts.map((a) => ({
      code: a.account.code,
      name: a.account.name,
      budget: toUnits(a.rolled.budget),
      fringes: toUnits(a.rolled.fringes),
      actual: toUnits(a.rolled.actual),
      committed: toUnits(a.rolled.committed),
      open: toUnits(a.rolled.committed),
      relieved: toUnits(a.rolled.relieved),
      period: toUnits(a.rolled.period),
      etc: toUnits(a.rolled.etc),
      efc: toUnits(a.rolled.efc),
      variance: toUnits(a.rolled.variance),
      status: a.status,
      // Only where a version is locked (issue 11), so the contract's account object is otherwise unchanged.
      ...(m.original ? { original: toUnits(originalOf(m.original, a.account.code) ?? 0) } : {}),
    })),
  };
}
