/**
 * Schedule vs Budget (issue 11): for each cast member, the DOOD's work, hold, drop and paid days
 * beside the days the Budget's tied lines pay for, and the difference in days and in money at
 * the line's day rate. Difference = Budgeted − Paid, the Cost Report's sign: negative is short.
 */
import { Cents, roundCents } from "../money";
import type { Dood } from "../schedule/model";
import { paidDays } from "../schedule/dood";
import { BudgetLine } from "./model";

export interface CastBudgetRow {
  id: string;
  character: string;
  actor: string;
  work: number;
  hold: number;
  drop: number;
  /** work + hold. */
  paid: number;
  /** Days on the member's tied lines (weekly lines at DAYS_PER_WEEK days a week). */
  budgeted: number;
  /** Budget rows of the tied lines. */
  lines: number[];
  /** budgeted − paid. */
  difference: number;
  /** Rate per day the difference is costed at: the first tied line's, else the Daily Rate. */
  dayRate: number;
  /** difference × dayRate, to the cent. */
  differenceCost: Cents;
}

export interface ScheduleVsBudget {
  rows: CastBudgetRow[];
  totals: { work: number; hold: number; drop: number; paid: number; budgeted: number; difference: number; differenceCost: Cents };
}

/** `dailyRate` gives a member's Daily Rate in currency units by Cast ID. */
export function buildScheduleVsBudget(dood: Dood, lines: readonly BudgetLine[], dailyRate: (id: string) => number): ScheduleVsBudget {
  const tied = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    if (!l.cast) continue;
    const k = l.cast.id;
    let list = tied.get(k);
    if (!list) tied.set(k, (list = []));
    list.push(l);
  }
  const totals = { work: 0, hold: 0, drop: 0, paid: 0, budgeted: 0, difference: 0, differenceCost: 0 };
  const rows = dood.cast.map((r): CastBudgetRow => {
    const mine = tied.get(r.id) ?? [];
    let budgeted = 0;
    for (const l of mine) budgeted += (l.cast!.days ?? 0) * l.x;
    budgeted = Number(budgeted.toPrecision(12));
    const paid = paidDays(r);
    const difference = Number((budgeted - paid).toPrecision(12));
    const withBasis = mine.find((l) => l.cast!.basis);
    const rate = withBasis ? withBasis.cast!.dayRate : dailyRate(r.id);
    const differenceCost = roundCents(difference, rate);
    totals.work += r.work;
    totals.hold += r.hold;
    totals.drop += r.drop;
    totals.paid += paid;
    totals.budgeted += budgeted;
    totals.differenceCost += differenceCost;
    return { id: r.id, character: r.character, actor: r.actor, work: r.work, hold: r.hold, drop: r.drop, paid, budgeted, lines: mine.map((l) => l.row), difference, dayRate: rate, differenceCost };
  });
  totals.budgeted = Number(totals.budgeted.toPrecision(12));
  totals.difference = Number((totals.budgeted - totals.paid).toPrecision(12));
  return { rows, totals };
}
