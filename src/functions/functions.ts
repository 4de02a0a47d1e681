/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes a value or a range; the metadata generator needs `any[][]`. */
/**
 * The =PROD.* worksheet functions. Each is a thin wrapper: the JSDoc here is what
 * custom-functions-metadata turns into functions.json; the work is in the modules it calls.
 * Every argument that takes a range is `any[][]` (a single value arrives as [[v]]), so a column
 * of inputs spills a column of results.
 */
import * as budgetFns from "./budgetFunctions";
import { basicArgs } from "./dataTypes";
import * as globalFns from "./globalFunctions";
import { guard } from "./guard";
import * as pageFns from "./pagesFunctions";
import { rollup as rollupImpl } from "./rollup";
import * as scheduleFns from "./scheduleFunctions";

/**
 * The amount by which the estimated final cost (EFC) exceeds the budget; 0 when within it.
 * @customfunction OVERRUN
 * @helpurl https://localhost:3000/assets/functions.html#overrun
 * @param budget Budget (a number or a range).
 * @param actual Actual cost to date.
 * @param [committed] Committed cost: purchase orders, deal memos. Blank is 0.
 * @param [etc] Estimate to complete. Blank is what is left of the budget: max(0, budget − actual − committed).
 * @returns The overrun, 0 or more.
 */
export function overrun(budget: any[][], actual: any[][], committed?: any[][], etc?: any[][]): number[][] {
  return guard(() => budgetFns.overrun(...basicArgs(budget, actual, committed, etc)));
}

/**
 * Estimated final cost: actual + committed + estimate to complete.
 * @customfunction EFC
 * @helpurl https://localhost:3000/assets/functions.html#efc
 * @param budget Budget (a number or a range).
 * @param actual Actual cost to date.
 * @param [committed] Committed cost. Blank is 0.
 * @param [etc] Estimate to complete. Blank is max(0, budget − actual − committed).
 * @returns The EFC.
 */
export function efc(budget: any[][], actual: any[][], committed?: any[][], etc?: any[][]): number[][] {
  return guard(() => budgetFns.efc(...basicArgs(budget, actual, committed, etc)));
}

/**
 * Budget minus estimated final cost: negative is over budget.
 * @customfunction VARIANCE
 * @helpurl https://localhost:3000/assets/functions.html#variance
 * @param budget Budget (a number or a range).
 * @param actual Actual cost to date.
 * @param [committed] Committed cost. Blank is 0.
 * @param [etc] Estimate to complete. Blank is max(0, budget − actual − committed).
 * @returns The variance.
 */
export function variance(budget: any[][], actual: any[][], committed?: any[][], etc?: any[][]): number[][] {
  return guard(() => budgetFns.variance(...basicArgs(budget, actual, committed, etc)));
}

/**
 * OVER, WATCH or OK, by the same rules as the Cost Report.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/assets/functions.html#status
 * @param budget Budget (a number or a range).
 * @param actual Actual cost to date.
 * @param [committed] Committed cost. Blank is 0.
 * @param [etc] Estimate to complete. Blank is max(0, budget − actual − committed).
 * @param [tolerance] Share EFC may exceed the budget before OVER (5% or 0.05). Blank is 0.
 * @param [watchAt] Spent share of budget (actual + committed) that turns WATCH. Blank is 90%.
 * @returns OVER, WATCH or OK.
 */
export function status(budget: any[][], actual: any[][], committed?: any[][], etc?: any[][], tolerance?: any[][], watchAt?: any[][]): string[][] {
  return guard(() => budgetFns.status(...basicArgs(budget, actual, committed, etc, tolerance, watchAt)));
}

/**
 * The total of an account and all its descendants.
 * @customfunction ROLLUP
 * @requiresParameterAddresses
 * @helpurl https://localhost:3000/assets/functions.html#rollup
 * @param codes Account codes of the amounts (one column).
 * @param amounts Amounts, one per code.
 * @param code The account (or a range of accounts) to total.
 * @param [parents] Parent code of each row. Blank: every code that starts with `code` counts.
 * @param [invocation] Supplied by Excel: the ranges' addresses, so each range is indexed once.
 * @returns The rolled-up total.
 */
export function rollup(codes: any[][], amounts: any[][], code: any[][], parents?: any[][], invocation?: CustomFunctions.Invocation): number[][] {
  return guard(() => rollupImpl(...basicArgs(codes, amounts, code, parents, invocation?.parameterAddresses)));
}

/**
 * A percentage fringe on one line: rate × the line amount rounded to the cent, the base capped at cutoff.
 * @customfunction FRINGE
 * @helpurl https://localhost:3000/assets/functions.html#fringe
 * @param amount Line total.
 * @param rate Fringe rate (7.65% or 0.0765).
 * @param [cutoff] Largest base per line. Blank is no cap.
 * @returns The fringe, rounded to the cent.
 */
export function fringe(amount: any[][], rate: any[][], cutoff?: any[][]): number[][] {
  return guard(() => budgetFns.fringe(...basicArgs(amount, rate, cutoff)));
}

/**
 * A page count in eighths as a number: "2 3/8" is 2.375.
 * @customfunction PAGES
 * @helpurl https://localhost:3000/assets/functions.html#pages
 * @param pages Page count such as 2 3/8, 3/8 or 2.
 * @returns Pages as a number.
 */
export function pages(pages: any[][]): number[][] {
  return guard(() => pageFns.pages(...basicArgs(pages)));
}

/**
 * A page count written in eighths, never reduced: 2.375 is "2 3/8", 2.5 is "2 4/8".
 * @customfunction EIGHTHS
 * @helpurl https://localhost:3000/assets/functions.html#eighths
 * @param pages Pages as a number (a whole number of eighths).
 * @returns Pages in eighths.
 */
export function eighths(pages: any[][]): string[][] {
  return guard(() => pageFns.eighths(...basicArgs(pages)));
}


/**
 * The Day Out of Days grid: one row a cast ID, one column a shooting day (SW, W, WF, SWF, H, WD, PW…).
 * @customfunction DOOD
 * @helpurl https://localhost:3000/assets/functions.html#dood
 * @param stripboard The Stripboard range, header row included.
 * @param castIds Cast IDs, one column or one row.
 * @param [start] First shooting date: needed to judge drop and pick-up. Blank: every gap is a hold.
 * @param [daysOff] Weekdays not shot, e.g. "Sat, Sun" (the default), or "None".
 * @param [holidays] Dates not shot.
 * @param [dropDays] A drop needs two work dates more than this many calendar days apart. Blank is 10.
 * @returns DOOD codes, spilled.
 */
export function dood(stripboard: any[][], castIds: any[][], start?: any, daysOff?: any, holidays?: any[][], dropDays?: any): string[][] {
  return guard(() => scheduleFns.doodGrid(...basicArgs(stripboard, castIds, start, daysOff, holidays, dropDays)));
}

/**
 * The date of shooting day n, skipping days off and holidays.
 * @customfunction SHOOTDATE
 * @helpurl https://localhost:3000/assets/functions.html#shootdate
 * @param day Shooting day number, 1 or more.
 * @param start First shooting date (on or after it).
 * @param [daysOff] Weekdays not shot, e.g. "Sat, Sun" (the default), or "None".
 * @param [holidays] Dates not shot.
 * @returns The date, as an Excel date.
 */
export function shootdate(day: number, start: any, daysOff?: string, holidays?: any[][]): number {
  return guard(() => scheduleFns.shootDate(...basicArgs(day, start, daysOff, holidays)));
}

/**
 * A cast member's days on the Day Out of Days, as a Budget line tied to them counts them: moving a strip recalculates it.
 * @customfunction CASTDAYS
 * @helpurl https://localhost:3000/assets/functions.html#castdays
 * @param stripboard The Stripboard table with its header row: Stripboard[#All].
 * @param cast The Cast table with its header row: Cast[#All].
 * @param castId Cast ID (or a range of them), e.g. "1".
 * @param [kind] Paid (work + hold + paid Cast Days, the default), Work, Hold, Drop, Weeks (paid days ÷ DAYS_PER_WEEK, rounded up to the hundredth, at least 1) or Run (start to finish, drops included).
 * @param [settings] Settings[#All]: Start Date, Days Off, Drop Days. Blank: days undated, every gap a hold.
 * @param [holidays] Holidays[#All]: dates not shot.
 * @param [globals] Globals[#All]: a DAYS_PER_WEEK there wins for Weeks.
 * @param [castDays] The Cast Days table (Cast ID, Date, Code) with its header row: travel, rehearsal, fitting and holiday days that Paid counts.
 * @returns The number of days (or weeks).
 */
export function castdays(stripboard: any[][], cast: any[][], castId: any[][], kind?: any[][], settings?: any[][], holidays?: any[][], globals?: any[][], castDays?: any[][]): number[][] {
  return guard(() => globalFns.castDays(...basicArgs(stripboard, cast, castId, kind, settings, holidays, globals, castDays)));
}

/**
 * A global's value: typed in the Globals table or computed from the schedule (SHOOT_DAYS, SHOOT_WEEKS, CAST_1_PAID…); an expression of globals works too.
 * @customfunction GLOBAL
 * @helpurl https://localhost:3000/assets/functions.html#global
 * @param name A global's name such as SHOOT_WEEKS, or an expression such as SHOOT_WEEKS + 2.
 * @param [globals] Globals[#All].
 * @param [stripboard] Stripboard[#All]: needed for the schedule's globals.
 * @param [cast] Cast[#All]: needed for the CAST_<id>_… globals.
 * @param [settings] Settings[#All]: Start Date, Days Off, Days Per Week.
 * @param [holidays] Holidays[#All].
 * @returns The value.
 */
export function global(name: any[][], globals?: any[][], stripboard?: any[][], cast?: any[][], settings?: any[][], holidays?: any[][]): number[][] {
  return guard(() => globalFns.globalValue(...basicArgs(name, globals, stripboard, cast, settings, holidays)));
}
