/**
 * Budget lines tied to a cast member by `Cast ID` (docs/WORKBOOK-EXTENSIONS.md, issue 11).
 * A tied line in days, weeks or a run of show whose Amount is blank takes it from the DOOD; a
 * typed Amount is kept, and a warning names the line and both figures when it differs. A blank
 * Rate takes the member's Daily Rate (× DAYS_PER_WEEK on a weekly line).
 */
import { fromUnits, toUnits } from "../money";
import { showValue } from "../problems";
import { castKey } from "../schedule/cast";
import { paidDays } from "../schedule/dood";
import type { CastDayCounts } from "../schedule/model";
import { TableReader, TableRow } from "../tables";
import { ExprCache, LineValue, budgetedDays, dayRate, doodAmount, tieBasis } from "./lineValues";
import { LineCast } from "./model";

export interface CastDays {
  id: string;
  character: string;
  /** Daily Rate in currency units. */
  dailyRate: number;
  work: number;
  hold: number;
  drop: number;
  /** Paid Cast Days (travel, rehearsal, fitting, run holidays), when the workbook has them. */
  castDays?: CastDayCounts;
}

export interface LineContext {
  exprs: ExprCache;
  daysPerWeek: number;
  /** Members of Cast by castKey; undefined when the workbook has no Cast table. */
  cast?: Map<string, CastDays>;
  /** True when the DOOD figures in `cast` come from a schedule (else they are all 0 and unused). */
  scheduled: boolean;
}

/** A context with no globals and no cast: plain numbers only. */
export function plainLines(): LineContext {
  return { exprs: new ExprCache(() => undefined), daysPerWeek: 5, scheduled: false };
}

function who(m: CastDays): string {
  return `cast ${m.id}${m.character ? ` (${m.character})` : ""}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function tieLine(
  t: TableReader,
  row: TableRow,
  castId: string,
  amountCell: LineValue | undefined,
  rateCell: LineValue | undefined,
  ctx: LineContext,
): { amount: number; rate: number; cast: LineCast } | undefined {
  const member = ctx.cast?.get(castKey(castId));
  if (!member) {
    t.error(row, "castId", ctx.cast ? `Cast ID ${showValue(castId)} is not an ID in Cast` : `Cast ID ${showValue(castId)} needs a Cast table to look it up in`);
    return undefined;
  }
  if (!amountCell || !rateCell) return undefined;
  const units = t.text(row, "units");
  const basis = tieBasis(units);
  const desc = t.text(row, "description");
  const line = desc ? `Line ${showValue(desc)}` : `This line`;
  let rate = rateCell.value;
  if (rateCell.source === "blank") rate = basis === "weeks" ? toUnits(fromUnits(member.dailyRate * ctx.daysPerWeek)) : member.dailyRate;
  if (!basis) {
    if (amountCell.source === "blank") t.warning(row, "units", `${line} is tied to ${who(member)} but its Units ${showValue(units)} are not days, weeks or a run of show, so the DOOD cannot give its Amount`);
    return { amount: amountCell.value, rate, cast: { id: member.id, amountFrom: amountCell.source === "global" ? "global" : "typed", dayRate: rate } };
  }
  const dood = ctx.scheduled ? doodAmount(basis, member, ctx.daysPerWeek) : undefined;
  let amount = amountCell.value;
  let amountFrom: LineCast["amountFrom"] = amountCell.source === "global" ? "global" : "typed";
  if (amountCell.source === "blank") {
    if (dood === undefined) {
      t.warning(row, "amount", `${line} is tied to ${who(member)} but the workbook has no Stripboard to count the days from; its Amount counts 0 until there is one`);
    } else {
      amount = dood;
      amountFrom = "dood";
    }
  } else if (amountCell.source === "typed" && dood !== undefined && amount !== dood) {
    const paid = paidDays(member);
    const extra = paid - member.work - member.hold;
    const basisText =
      basis === "days"
        ? `${plural(paid, "paid day")} (${member.work} work + ${member.hold} hold${extra ? ` + ${extra} Cast Days` : ""})`
        : basis === "weeks"
          ? `${dood} weeks (${plural(paid, "paid day")} ÷ ${ctx.daysPerWeek}, rounded up)`
          : `a run of ${plural(dood, "day")} from start to finish`;
    t.warning(row, "amount", `${line} budgets ${who(member)} for ${amount} ${basis === "weeks" ? "weeks" : "days"}, but the DOOD gives ${basisText}; the typed ${amount} is used (clear the Amount to follow the schedule)`);
  }
  return {
    amount,
    rate,
    cast: { id: member.id, basis, dood, amountFrom, days: budgetedDays(basis, amount, ctx.daysPerWeek), dayRate: dayRate(basis, rate, ctx.daysPerWeek) },
  };
}
