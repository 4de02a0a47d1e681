import { WorkbookInput } from "../cells";
import { Cents, shareOf } from "../money";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { MarkupResult } from "./model";
import { MARKUPS_SPEC } from "./specs";

/**
 * `Markups` (optional): each a percent of the summed totals of the sections it applies to, taken
 * before any markup, so markups never compound. Applies To names top-level codes; blank is all.
 */
export function computeMarkups(
  wb: WorkbookInput,
  coa: ChartOfAccounts,
  sectionTotal: (code: string) => Cents,
  problems: Problems,
): MarkupResult[] {
  const t = openTable(wb, MARKUPS_SPEC, problems);
  if (!t) return [];
  const out: MarkupResult[] = [];
  const all = coa.sections.map((s) => s.code);
  for (const row of t.rows) {
    const name = t.text(row, "name", { required: true });
    const percent = t.percent(row, "percent", { required: true });
    const codes = t.has("appliesTo") ? t.text(row, "appliesTo").split(/[,;]/).map((c) => c.trim()).filter(Boolean) : [];
    let ok = true;
    for (const c of codes) {
      const a = coa.byCode.get(c);
      if (!a) {
        ok = false;
        t.error(row, "appliesTo", `Applies To names ${showValue(c)}, which is not a Code in ${coa.table}`);
      } else if (a.parent) {
        ok = false;
        t.error(row, "appliesTo", `Applies To names ${showValue(c)}, which is not a top-level section (its Parent is ${showValue(a.parent)})`);
      }
    }
    if (!name || percent === undefined || !ok) continue;
    const appliesTo = codes.length ? [...new Set(codes)] : all;
    const base = appliesTo.reduce((s, c) => s + sectionTotal(c), 0);
    out.push({ name, percent, appliesTo, base, amount: shareOf(base, percent) });
  }
  return out;
}
