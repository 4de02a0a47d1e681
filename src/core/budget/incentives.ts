import { WorkbookInput } from "../cells";
import { Cents, fromUnits, shareOf } from "../money";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { Levels, sectionsOfLevel } from "./levels";
import { IncentiveResult } from "./model";
import { INCENTIVES_SPEC } from "./specs";
import { spendOf, splitList } from "./spend";

/**
 * `Incentives` (optional): Name | Rate | Applies To | Cap [| Exclude]. Each is Rate × the
 * qualifying spend, the rolled-up budgets (lines and fringes) of the accounts or levels in
 * Applies To (blank: every section) less those in Exclude, at most Cap. Contractual charges are
 * not qualifying spend. The net cost is the grand total less every incentive.
 */
export function computeIncentives(
  wb: WorkbookInput,
  coa: ChartOfAccounts,
  total: (code: string) => Cents,
  problems: Problems,
  levels?: Levels,
): IncentiveResult[] {
  const t = openTable(wb, INCENTIVES_SPEC, problems);
  if (!t) return [];
  const out: IncentiveResult[] = [];
  for (const row of t.rows) {
    const name = t.text(row, "name", { required: true });
    const rate = t.percent(row, "rate", { required: true });
    if (rate !== undefined && rate < 0) t.error(row, "rate", `Rate must not be negative, not ${showValue(t.value(row, "rate"))}`);
    const cap = t.has("cap") ? t.number(row, "cap") : undefined;
    if (cap !== undefined && cap < 0) t.error(row, "cap", `Cap must not be negative, not ${showValue(cap)}`);
    const words = t.has("appliesTo") ? splitList(t.text(row, "appliesTo")) : [];
    let ok = true;
    const include: string[] = [];
    for (const w of words) {
      if (coa.byCode.has(w)) include.push(w);
      else {
        const lv = sectionsOfLevel(levels, w);
        if (lv) include.push(...lv);
        else {
          ok = false;
          t.error(row, "appliesTo", `Applies To names ${showValue(w)}, which is neither a Code in ${coa.table} nor a Level${levels ? "" : " (no section has a Level)"}`);
        }
      }
    }
    if (words.length === 0) include.push(...coa.sections.map((s) => s.code));
    const exclude = t.has("exclude") ? splitList(t.text(row, "exclude")) : [];
    for (const e of exclude) {
      if (!coa.byCode.has(e)) {
        ok = false;
        t.error(row, "exclude", `Exclude names ${showValue(e)}, which is not a Code in ${coa.table}`);
      }
    }
    if (!name || rate === undefined || rate < 0 || !ok || (cap !== undefined && cap < 0)) continue;
    const spend = spendOf(coa, [...new Set(include)], exclude, total);
    for (const o of spend.outside) t.warning(row, "exclude", `Exclude names ${showValue(o)}, which is not in this incentive's qualifying spend; it takes nothing off`);
    const qualifying = spend.gross - spend.excluded;
    const full = shareOf(qualifying, rate);
    const capCents = cap === undefined ? undefined : fromUnits(cap);
    const capped = capCents !== undefined && full > capCents;
    out.push({
      name,
      rate,
      appliesTo: words,
      exclude,
      gross: spend.gross,
      excluded: spend.excluded,
      qualifying,
      cap: capCents,
      capped,
      amount: capped ? capCents : Math.max(0, full),
    });
  }
  return out;
}
