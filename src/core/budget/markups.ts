import { WorkbookInput } from "../cells";
import { Cents, fromUnits, shareOf } from "../money";
import { Problems, showValue } from "../problems";
import { TableReader, TableRow, openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { Levels, sectionsOfLevel } from "./levels";
import { MarkupResult } from "./model";
import { MARKUPS_SPEC } from "./specs";
import { spendOf, splitList } from "./spend";

const YES = new Set(["x", "y", "yes", "true", "1", "on", "compound", "compounds"]);

/** A yes/no cell: x, yes, true, 1 or TRUE is yes; blank and anything else is no. */
export function isYes(t: TableReader, row: TableRow, key: string): boolean {
  const v = t.value(row, key);
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return YES.has(t.text(row, key).toLowerCase());
}

/**
 * Resolves Applies To: top-level section codes and level words (ATL, BTL, Post, the user's
 * words); blank is every section. Undefined after reporting a problem.
 */
export function resolveSections(
  t: TableReader,
  row: TableRow,
  coa: ChartOfAccounts,
  levels: Levels | undefined,
  words: string[],
): string[] | undefined {
  if (words.length === 0) return coa.sections.map((s) => s.code);
  const out: string[] = [];
  let ok = true;
  for (const c of words) {
    const a = coa.byCode.get(c);
    if (a && !a.parent) {
      out.push(c);
      continue;
    }
    if (a) {
      ok = false;
      t.error(row, "appliesTo", `Applies To names ${showValue(c)}, which is not a top-level section (its Parent is ${showValue(a.parent)})`);
      continue;
    }
    const lv = sectionsOfLevel(levels, c);
    if (lv) {
      out.push(...lv);
      continue;
    }
    ok = false;
    t.error(
      row,
      "appliesTo",
      levels
        ? `Applies To names ${showValue(c)}, which is neither a Code in ${coa.table} nor a Level (ATL, BTL or one of the sections' Levels)`
        : `Applies To names ${showValue(c)}, which is not a Code in ${coa.table}`,
    );
  }
  return ok ? [...new Set(out)] : undefined;
}

/**
 * `Markups` (optional) as contractual charges: `Percent` of the summed totals of the sections or
 * levels in Applies To (blank: all), less the accounts in Exclude; or a `Flat` fee (Type Flat,
 * money in Amount). Charges do not compound unless Compound is yes: then the charge's base also
 * takes the charges on the rows above it, except those Exclude names.
 */
export function computeMarkups(
  wb: WorkbookInput,
  coa: ChartOfAccounts,
  sectionTotal: (code: string) => Cents,
  problems: Problems,
  levels?: Levels,
): MarkupResult[] {
  const t = openTable(wb, MARKUPS_SPEC, problems);
  if (!t) return [];
  const out: MarkupResult[] = [];
  const hasType = t.has("type");
  for (const row of t.rows) {
    const name = t.text(row, "name", { required: true });
    const typeText = hasType ? t.text(row, "type").toLowerCase().replace(/[^a-z%]/g, "") : "";
    let type: MarkupResult["type"] | undefined;
    if (["", "%", "percent", "percentage", "pct"].includes(typeText)) type = "percent";
    else if (["flat", "fee", "amount", "fixed"].includes(typeText)) type = "flat";
    else t.error(row, "type", `Type must be Percent or Flat, not ${showValue(t.value(row, "type"))}`);
    let percent: number | undefined = 0;
    let flat: Cents = 0;
    if (type === "flat") {
      if (!t.has("amount")) t.error(row, "type", `A Flat charge needs an Amount column holding its fee`);
      const a = t.has("amount") ? t.number(row, "amount", { required: true }) : undefined;
      if (a === undefined) type = undefined;
      else flat = fromUnits(a);
    } else {
      percent = t.percent(row, "percent", { required: true });
    }
    const words = t.has("appliesTo") ? splitList(t.text(row, "appliesTo")) : [];
    const sections = resolveSections(t, row, coa, levels, words);
    const compound = t.has("compound") && isYes(t, row, "compound");
    const exclude = t.has("exclude") ? splitList(t.text(row, "exclude")) : [];
    const excludeAccounts: string[] = [];
    const excludeCharges = new Set<string>();
    for (const e of exclude) {
      if (coa.byCode.has(e)) excludeAccounts.push(e);
      else if (out.some((m) => m.name.toLowerCase() === e.toLowerCase())) excludeCharges.add(e.toLowerCase());
      else t.error(row, "exclude", `Exclude names ${showValue(e)}, which is neither a Code in ${coa.table} nor a charge on a row above`);
    }
    if (!name || percent === undefined || !type || !sections) continue;
    const spend = spendOf(coa, sections, excludeAccounts, sectionTotal);
    for (const o of spend.outside) t.warning(row, "exclude", `Exclude names ${showValue(o)}, which is not in this charge's base; it takes nothing off`);
    let gross = spend.gross;
    let excluded = spend.excluded;
    if (compound) {
      for (const m of out) {
        gross += m.amount;
        if (excludeCharges.has(m.name.toLowerCase())) excluded += m.amount;
      }
    } else if (excludeCharges.size) {
      t.warning(row, "exclude", `Exclude names a charge, but this charge does not compound (Compound is not yes), so charges are not in its base anyway`);
    }
    const base = type === "flat" ? 0 : gross - excluded;
    out.push({
      name,
      type,
      percent: type === "flat" ? 0 : percent,
      appliesTo: sections,
      appliesToWords: words,
      exclude,
      compound,
      gross: type === "flat" ? 0 : gross,
      excluded: type === "flat" ? 0 : excluded,
      base,
      amount: type === "flat" ? flat : shareOf(base, percent),
    });
  }
  return out;
}
