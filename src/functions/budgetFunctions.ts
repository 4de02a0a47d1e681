import { ownEtc, statusOf } from "../core/budget/costReport";
import { fringeAmount } from "../core/budget/lines";
import { Status } from "../core/budget/model";
import { Cents, fromUnits, toUnits } from "../core/money";
import { showValue } from "../core/problems";
import { Arg, broadcast, isBlankArg, numberArg } from "./args";
import { FunctionInputError } from "./errors";

interface CostCells {
  budget: Cents;
  actual: Cents;
  committed: Cents;
  etc: Cents;
  efc: Cents;
}

/** Cost-report figures for one cell, by the same rules as the Cost Report sheet. */
function costCells(cells: unknown[]): CostCells {
  const budget = fromUnits(numberArg(cells[0], "budget", 0));
  const actual = fromUnits(numberArg(cells[1], "actual", 0));
  const committed = fromUnits(numberArg(cells[2], "committed", 0));
  const etc = ownEtc(budget, actual, committed, isBlankArg(cells[3]) ? undefined : fromUnits(numberArg(cells[3], "etc")));
  return { budget, actual, committed, etc, efc: actual + committed + etc };
}

const costArgs = (budget: Arg, actual: Arg, committed: Arg, etc: Arg) => [
  { name: "budget", value: budget },
  { name: "actual", value: actual },
  { name: "committed", value: committed },
  { name: "etc", value: etc },
];

/** EFC = Actual + Committed + ETC, ETC blank = max(0, Budget − Actual − Committed). */
export function efc(budget: Arg, actual: Arg, committed?: Arg, etc?: Arg): number[][] {
  return broadcast(costArgs(budget, actual, committed, etc), (c) => toUnits(costCells(c).efc));
}

/** Budget − EFC: negative is over. */
export function variance(budget: Arg, actual: Arg, committed?: Arg, etc?: Arg): number[][] {
  return broadcast(costArgs(budget, actual, committed, etc), (c) => {
    const f = costCells(c);
    return toUnits(f.budget - f.efc);
  });
}

/** How far EFC exceeds the budget; 0 when within it. */
export function overrun(budget: Arg, actual: Arg, committed?: Arg, etc?: Arg): number[][] {
  return broadcast(costArgs(budget, actual, committed, etc), (c) => {
    const f = costCells(c);
    return toUnits(Math.max(0, f.efc - f.budget));
  });
}

/** OVER / WATCH / OK exactly as the Cost Report judges an account. */
export function status(budget: Arg, actual: Arg, committed?: Arg, etc?: Arg, tolerance?: Arg, watchAt?: Arg): Status[][] {
  const args = [...costArgs(budget, actual, committed, etc), { name: "tolerance", value: tolerance }, { name: "watchAt", value: watchAt }];
  return broadcast(args, (c) => {
    const tol = numberArg(c[4], "tolerance", 0);
    const watch = numberArg(c[5], "watchAt", 0.9);
    if (tol < 0) throw new FunctionInputError(`tolerance must not be negative, not ${showValue(c[4])}`);
    return statusOf(costCells(c), tol, watch);
  });
}

/** A percentage fringe on one line: rate × the line total rounded to the cent, capped at cutoff. */
export function fringe(amount: Arg, rate: Arg, cutoff?: Arg): number[][] {
  const args = [
    { name: "amount", value: amount },
    { name: "rate", value: rate },
    { name: "cutoff", value: cutoff },
  ];
  return broadcast(args, (c) => {
    const total = fromUnits(numberArg(c[0], "amount", 0));
    const r = numberArg(c[1], "rate");
    const cap = isBlankArg(c[2]) ? undefined : numberArg(c[2], "cutoff");
    if (cap !== undefined && cap < 0) throw new FunctionInputError(`cutoff must not be negative, not ${showValue(c[2])}`);
    return toUnits(fringeAmount({ type: "%", rate: r, cutoff: cap }, total, 0, 0));
  });
}
