import { Cents } from "../money";
import { ChartOfAccounts } from "./accounts";

/** Splits an Applies To or Exclude cell: "2000, 4000; Post" → ["2000", "4000", "Post"]. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((c) => c.trim()).filter(Boolean))];
}

/** True when `code` is `anc` or lies under it in the chart (a cycle ends the walk). */
export function isUnder(coa: ChartOfAccounts, code: string, anc: string): boolean {
  const seen = new Set<string>();
  let cur: string | undefined = code;
  while (cur && !seen.has(cur)) {
    if (cur === anc) return true;
    seen.add(cur);
    cur = coa.byCode.get(cur)?.parent || undefined;
  }
  return false;
}

/** The codes none of whose ancestors is also listed, so nested accounts are counted once. */
export function outermost(coa: ChartOfAccounts, codes: string[]): string[] {
  return codes.filter((c) => !codes.some((o) => o !== c && isUnder(coa, c, o)));
}

export interface Spend {
  /** What the included accounts total, before exclusions. */
  gross: Cents;
  /** The part of it in excluded accounts. */
  excluded: Cents;
  /** Excluded codes that lie outside every included account (they take nothing off). */
  outside: string[];
}

/**
 * The rolled-up budget of `include` less that of the `exclude` accounts inside them: a bond on
 * Production that excludes 2900 takes 2900's total (its lines, fringes and sub-accounts) off.
 */
export function spendOf(coa: ChartOfAccounts, include: string[], exclude: string[], total: (code: string) => Cents): Spend {
  const inc = outermost(coa, include);
  let gross = 0;
  for (const c of inc) gross += total(c);
  const outside: string[] = [];
  const inside: string[] = [];
  for (const e of exclude) {
    if (inc.some((i) => isUnder(coa, e, i))) inside.push(e);
    else outside.push(e);
  }
  let excluded = 0;
  for (const e of outermost(coa, inside)) excluded += total(e);
  return { gross, excluded, outside };
}
