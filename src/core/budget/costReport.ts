import { atLeast, Cents, exceeds, onePlus } from "../money";
import { ChartOfAccounts } from "./accounts";
import { AccountFigures, AccountReport, BudgetLine, Status } from "./model";
import { LedgerTotals } from "./ledger";

export function zeroFigures(): AccountFigures {
  return { budget: 0, fringes: 0, lines: 0, actual: 0, committed: 0, relieved: 0, period: 0, etc: 0, efc: 0, variance: 0 };
}

export function addFigures(into: AccountFigures, f: AccountFigures): void {
  into.budget += f.budget;
  into.fringes += f.fringes;
  into.lines += f.lines;
  into.actual += f.actual;
  into.committed += f.committed;
  into.relieved += f.relieved;
  into.period += f.period;
  into.etc += f.etc;
  into.efc += f.efc;
  into.variance += f.variance;
}

/** ETC on an account's own lines and ledger: the Forecast when given, else what is left of the budget. */
export function ownEtc(budget: Cents, actual: Cents, committed: Cents, forecast?: Cents): Cents {
  if (forecast !== undefined) return forecast;
  return Math.max(0, budget - actual - committed);
}

/**
 * OVER when EFC > Budget × (1 + Over Tolerance), so any spend with no budget is OVER; WATCH when
 * Budget > 0 and Actual + Committed ≥ Budget × Watch At; else OK. Exact comparisons, no rounding.
 */
export function statusOf(f: Pick<AccountFigures, "budget" | "actual" | "committed" | "efc">, overTolerance: number, watchAt: number): Status {
  if (exceeds(f.efc, f.budget, onePlus(overTolerance))) return "OVER";
  if (f.budget > 0 && atLeast(f.actual + f.committed, f.budget, watchAt)) return "WATCH";
  return "OK";
}

/**
 * Own figures per account, then rolled up the tree: ETC, EFC and Variance are summed from each
 * account's own, so one account's overrun is not hidden by another's savings.
 */
export function buildCostReport(
  coa: ChartOfAccounts,
  lines: BudgetLine[],
  ledger: LedgerTotals,
  forecast: Map<string, Cents>,
  overTolerance: number,
  watchAt: number,
): AccountReport[] {
  const own = new Map<string, AccountFigures>();
  for (const a of coa.list) own.set(a.code, zeroFigures());
  for (const l of lines) {
    const f = own.get(l.account);
    if (!f) continue;
    let fr = 0;
    for (const x of l.fringes) fr += x.amount;
    f.lines += l.total;
    f.fringes += fr;
    f.budget += l.total + fr;
  }
  for (const a of coa.list) {
    const f = own.get(a.code)!;
    f.actual = ledger.actual.get(a.code) ?? 0;
    f.committed = ledger.committed.get(a.code) ?? 0;
    f.relieved = ledger.relieved.get(a.code) ?? 0;
    f.period = ledger.period.get(a.code) ?? 0;
    f.etc = ownEtc(f.budget, f.actual, f.committed, forecast.get(a.code));
    f.efc = f.actual + f.committed + f.etc;
    f.variance = f.budget - f.efc;
  }
  // Roll up children before parents: post-order over the tree (cycle members roll up only themselves).
  const rolled = new Map<string, AccountFigures>();
  const visit = (code: string): AccountFigures => {
    const done = rolled.get(code);
    if (done) return done;
    const r = { ...own.get(code)! };
    rolled.set(code, r);
    const acct = coa.byCode.get(code)!;
    for (const c of acct.children) if (!coa.inCycle.has(c)) addFigures(r, visit(c));
    return r;
  };
  // Iterative deepest-first order avoids deep recursion on a very deep tree.
  const order = [...coa.list].sort((a, b) => b.depth - a.depth);
  for (const a of order) visit(a.code);
  return coa.list.map((a) => {
    const r = rolled.get(a.code)!;
    return { account: a, own: own.get(a.code)!, rolled: r, status: statusOf(r, overTolerance, watchAt), forecast: forecast.has(a.code) };
  });
}
