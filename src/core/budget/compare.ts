/**
 * Budgets side by side (issue 11; Movie Magic compares up to four): two to four budgets, each a
 * workbook's current budget or a locked version, account by account with the difference of each
 * later budget from the first and that difference as a share of the first. Sections, the total,
 * each charge, the grand total, incentives and the net are rows too.
 */
import { Cents, toUnits } from "../money";
import { BudgetVersion } from "./versions";

export type CompareRowKind = "section" | "account" | "total" | "charge" | "grand" | "incentive" | "net";

export interface CompareRow {
  kind: CompareRowKind;
  code: string;
  name: string;
  /** 0 for sections and the totals. */
  depth: number;
  /** One per budget; undefined where that budget has no such account or charge. */
  values: (Cents | undefined)[];
  /** values[j + 1] − values[0], a missing figure counting 0. */
  differences: Cents[];
  /** differences[j] ÷ values[0]; undefined when the first is 0. */
  shares: (number | undefined)[];
}

export interface Comparison {
  budgets: { label: string; currency?: string; total: Cents; grandTotal: Cents; net: Cents }[];
  rows: CompareRow[];
  /** Messages for the reader: currencies that differ. */
  notes: string[];
}

export const MAX_COMPARED = 4;

function depthOf(code: string, parents: Map<string, string>): number {
  let d = 0;
  let p = parents.get(code) ?? "";
  const seen = new Set<string>([code]);
  while (p && !seen.has(p) && d < 50) {
    seen.add(p);
    d++;
    p = parents.get(p) ?? "";
  }
  return d;
}

function row(kind: CompareRowKind, code: string, name: string, depth: number, values: (Cents | undefined)[]): CompareRow {
  const first = values[0] ?? 0;
  const differences = values.slice(1).map((v) => (v ?? 0) - first);
  return { kind, code, name, depth, values, differences, shares: differences.map((d) => (first === 0 ? undefined : d / first)) };
}

/**
 * Compares `budgets` (2 to 4) in that order. Accounts come in the first budget's chart order,
 * then any only a later one has, in its order; a name is the latest budget's that has the account.
 */
export function compareBudgets(budgets: readonly BudgetVersion[]): Comparison {
  if (budgets.length < 2 || budgets.length > MAX_COMPARED) throw new RangeError(`compare takes 2 to ${MAX_COMPARED} budgets, not ${budgets.length}`);
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const b of budgets) {
    for (const c of b.order) {
      if (seen.has(c)) continue;
      seen.add(c);
      codes.push(c);
    }
  }
  const latest = <T>(get: (b: BudgetVersion) => T | undefined): T | undefined => {
    for (let i = budgets.length - 1; i >= 0; i--) {
      const v = get(budgets[i]);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const parents = new Map<string, string>();
  for (const c of codes) parents.set(c, latest((b) => (b.accounts.has(c) ? b.parents.get(c) : undefined)) ?? "");
  const rows: CompareRow[] = [];
  for (const c of codes) {
    const depth = depthOf(c, parents);
    rows.push(row(depth === 0 ? "section" : "account", c, latest((b) => (b.accounts.has(c) ? b.names.get(c) : undefined)) ?? "", depth, budgets.map((b) => b.accounts.get(c))));
  }
  rows.push(row("total", "", "Total", 0, budgets.map((b) => b.total)));
  const names = (get: (b: BudgetVersion) => Map<string, Cents>) => {
    const out: string[] = [];
    for (const b of budgets) for (const n of get(b).keys()) if (!out.includes(n)) out.push(n);
    return out;
  };
  for (const n of names((b) => b.charges)) rows.push(row("charge", "", n, 1, budgets.map((b) => b.charges.get(n))));
  rows.push(row("grand", "", "Grand total", 0, budgets.map((b) => b.grandTotal)));
  const incentives = names((b) => b.incentives);
  if (incentives.length > 0) {
    // Credits: shown negative, as the Top Sheet shows them.
    for (const n of incentives) rows.push(row("incentive", "", n, 1, budgets.map((b) => (b.incentives.has(n) ? -b.incentives.get(n)! : undefined))));
    rows.push(row("net", "", "Net", 0, budgets.map((b) => b.net)));
  }
  const currencies = [...new Set(budgets.map((b) => b.currency).filter((c): c is string => !!c))];
  const notes = currencies.length > 1 ? [`The budgets are in different currencies (${currencies.join(", ")}); their figures are compared as numbers, unconverted`] : [];
  return { budgets: budgets.map((b) => ({ label: b.name, currency: b.currency, total: b.total, grandTotal: b.grandTotal, net: b.net })), rows, notes };
}

/** `prodbook compare --json`: money in currency units; `percent` in percent points to 2 places (null when the first is 0). */
export function comparisonJson(c: Comparison) {
  const units = (v: Cents | undefined) => (v === undefined ? null : toUnits(v));
  return {
    budgets: c.budgets.map((b) => ({ label: b.label, currency: b.currency ?? null, total: toUnits(b.total), grandTotal: toUnits(b.grandTotal), net: toUnits(b.net) })),
    rows: c.rows.map((r) => ({
      kind: r.kind,
      code: r.code,
      name: r.name,
      depth: r.depth,
      values: r.values.map(units),
      difference: r.differences.map(toUnits),
      percent: r.shares.map((s) => (s === undefined ? null : Math.round(s * 10000) / 100)),
    })),
    notes: c.notes,
  };
}
