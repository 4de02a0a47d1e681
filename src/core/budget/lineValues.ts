/**
 * What a Budget cell may hold beyond a number, and the cast lines the DOOD drives.
 *
 * Amount, X and Rate take a number, a global's name or a short expression (`SHOOT_WEEKS + 2`);
 * a line with a `Cast ID` whose Units are days, weeks or a run of show takes its Amount from the
 * DOOD when the Amount is blank, and warns when a typed number differs from it.
 */
import { CellValue, isBlank } from "../cells";
import { typedDateMessage } from "../dates";
import { Expr, ExprError, evalExpr, parseExpr } from "../expr";
import { parseDecimalText } from "../money";
import { showValue } from "../problems";
import { TableReader, TableRow } from "../tables";
import type { DoodRow } from "../schedule/model";
import { paidDays } from "../schedule/dood";

type ExprResult = { value: number } | { error: string; parse: boolean };

export type ValueSource = "typed" | "global" | "blank";

export interface LineValue {
  value: number;
  source: ValueSource;
  /** The expression as written, when the cell held one. */
  formula?: string;
}

/**
 * Expressions repeat over thousands of lines (`SHOOT_DAYS`, `SHOOT_WEEKS + 2`): each text is
 * parsed once and its value kept, since globals do not change within one run.
 */
export class ExprCache {
  private readonly memo = new Map<string, ExprResult>();
  constructor(private readonly lookup: (name: string) => number | undefined) {}

  eval(text: string): ExprResult {
    let r = this.memo.get(text);
    if (!r) {
      let parsed: Expr;
      try {
        parsed = parseExpr(text);
      } catch (e) {
        r = { error: e instanceof ExprError ? e.message : String(e), parse: true };
        this.memo.set(text, r);
        return r;
      }
      try {
        r = { value: evalExpr(parsed, this.lookup) };
      } catch (e) {
        r = { error: e instanceof ExprError ? e.message : String(e), parse: false };
      }
      this.memo.set(text, r);
    }
    return r;
  }
}

/** A Budget number cell: a number, number-like text, a global or an expression; undefined after a reported problem. */
export function readLineNumber(t: TableReader, row: TableRow, key: string, blank: number, exprs: ExprCache): LineValue | undefined {
  const v: CellValue = t.value(row, key);
  if (isBlank(v)) return { value: blank, source: "blank" };
  if (typeof v === "number") {
    if (Number.isFinite(v)) return { value: v, source: "typed" };
  } else if (typeof v === "string") {
    const n = parseDecimalText(v);
    if (n !== undefined) return { value: n, source: "typed" };
    const text = v.trim();
    const r = exprs.eval(text);
    if ("value" in r) return { value: r.value, source: "global", formula: text };
    if (r.parse) t.error(row, key, `${t.header(key)} must be a number, a global or an expression like SHOOT_WEEKS + 2, not ${showValue(v)}: it ${r.error}`);
    else t.error(row, key, `${t.header(key)} ${showValue(v)} ${r.error}`);
    return undefined;
  }
  if (v instanceof Date) {
    // A date-formatted cell (both readers give it as a Date): Excel turned what was typed into a date.
    t.error(row, key, typedDateMessage(t.header(key), v));
    return undefined;
  }
  t.error(row, key, `${t.header(key)} must be a number, a global or an expression, not ${showValue(v)}`);
  return undefined;
}

export type TieBasis = "days" | "weeks" | "run";

/** Units a cast line can follow the DOOD in: days, weeks, or a run of show; anything else is not tied. */
export function tieBasis(units: string): TieBasis | undefined {
  const u = units.toLowerCase().replace(/[^a-z]/g, "");
  if (["day", "days", "d", "dy", "dys", "daily"].includes(u)) return "days";
  if (["week", "weeks", "wk", "wks", "w", "weekly"].includes(u)) return "weeks";
  if (["run", "runofshow", "ros", "runofpicture", "rop"].includes(u)) return "run";
  return undefined;
}

/**
 * Weeks for a weekly deal: paid days ÷ days per week, rounded UP to the hundredth (so a budget is
 * never short: 7 days on a 6-day week is 1.17, not 1.1666…), and at least one week for a member
 * who works at all, as a weekly contract guarantees a week.
 */
export function weeksFor(paid: number, daysPerWeek: number): number {
  if (paid <= 0) return 0;
  const w = Math.ceil(Number(((paid / daysPerWeek) * 100).toPrecision(12))) / 100;
  return Math.max(1, w);
}

/**
 * The Amount the DOOD gives a tied line:
 * - days: paid days (work + hold + the paid Cast Days: travel, rehearsal, fitting, run holidays);
 * - weeks: weeksFor(paid days);
 * - run: the shooting days from start to finish, drop days included: a run-of-show deal pays
 *   through the run and cannot be dropped.
 */
export function doodAmount(basis: TieBasis, r: Pick<DoodRow, "work" | "hold" | "drop" | "castDays">, daysPerWeek: number): number {
  const paid = paidDays(r);
  if (basis === "days") return paid;
  if (basis === "weeks") return weeksFor(paid, daysPerWeek);
  return r.work === 0 ? 0 : r.work + r.hold + r.drop;
}

/** Days a tied line budgets, for Schedule vs Budget: weeks count DAYS_PER_WEEK days each. */
export function budgetedDays(basis: TieBasis, amount: number, daysPerWeek: number): number {
  return basis === "weeks" ? Number((amount * daysPerWeek).toPrecision(12)) : amount;
}

/** The day rate a tied line pays at: the Rate, over DAYS_PER_WEEK for a weekly line. */
export function dayRate(basis: TieBasis, rate: number, daysPerWeek: number): number {
  return basis === "weeks" ? rate / daysPerWeek : rate;
}
