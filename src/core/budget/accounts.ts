import { WorkbookInput } from "../cells";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { Account } from "./model";
import { ACCOUNTS_SPEC } from "./specs";

export interface ChartOfAccounts {
  /** In table order. */
  list: Account[];
  byCode: Map<string, Account>;
  /** Top-level accounts: the top sheet's sections. */
  sections: Account[];
  /** Codes caught in a cycle: they roll up to no section. */
  inCycle: Set<string>;
  sheet: string;
  table: string;
}

/**
 * Reads `Accounts` as a tree. Codes are text, compared exactly ("1100" ≠ "1100.0"). A duplicate
 * code, a Parent that names no code and a cycle of Parents are errors; the rest of the tree is
 * still built so every other problem can be reported in the same pass.
 */
export function readAccounts(wb: WorkbookInput, problems: Problems): ChartOfAccounts | undefined {
  const t = openTable(wb, ACCOUNTS_SPEC, problems, { required: true });
  if (!t) return undefined;
  const list: Account[] = [];
  const byCode = new Map<string, Account>();
  const hasLevel = t.has("level");
  for (const row of t.rows) {
    const code = t.text(row, "code", { required: true });
    if (!code) continue;
    const prior = byCode.get(code);
    if (prior) {
      t.error(row, "code", `Duplicate account code ${showValue(code)}: it is already on row ${prior.row}`);
      continue;
    }
    const acct: Account = { code, name: t.text(row, "name"), parent: t.text(row, "parent"), row: row.excelRow, children: [], depth: 0, level: hasLevel ? t.text(row, "level") : "" };
    list.push(acct);
    byCode.set(code, acct);
  }
  const rowOf = new Map(t.rows.map((r) => [r.excelRow, r]));
  for (const a of list) {
    if (!a.parent) continue;
    if (a.level) {
      t.warning(rowOf.get(a.row)!, "level", `Level ${showValue(a.level)} is read on top-level sections only; account ${showValue(a.code)} takes its section's level`);
      a.level = "";
    }
    if (a.parent === a.code) {
      t.error(rowOf.get(a.row)!, "parent", `Account ${showValue(a.code)} names itself as its Parent`);
      a.parent = "";
      continue;
    }
    const p = byCode.get(a.parent);
    if (!p) {
      t.error(rowOf.get(a.row)!, "parent", `Parent ${showValue(a.parent)} of account ${showValue(a.code)} is not a Code in ${t.raw.name}`);
      a.parent = "";
      continue;
    }
  }
  // Cycles: follow Parents from each account; a walk that comes back to itself is a cycle.
  const inCycle = new Set<string>();
  const state = new Map<string, 1 | 2>(); // 1 on the current walk, 2 done
  for (const start of list) {
    if (state.has(start.code)) continue;
    const path: Account[] = [];
    let cur: Account | undefined = start;
    while (cur && !state.has(cur.code)) {
      state.set(cur.code, 1);
      path.push(cur);
      cur = cur.parent ? byCode.get(cur.parent) : undefined;
    }
    if (cur && state.get(cur.code) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const first = cycle.reduce((m, a) => (a.row < m.row ? a : m));
      const i = cycle.indexOf(first);
      const chain = [...cycle.slice(i), ...cycle.slice(0, i), first].map((a) => a.code).join(" → ");
      t.error(rowOf.get(first.row)!, "parent", `Accounts form a cycle of Parents: ${chain}`);
      for (const a of cycle) inCycle.add(a.code);
    }
    for (const a of path) state.set(a.code, 2);
  }
  for (const a of list) {
    if (a.parent && !inCycle.has(a.code)) byCode.get(a.parent)!.children.push(a.code);
  }
  // Depths from the sections down (accounts under a cycle are left out of the tree).
  const sections = list.filter((a) => !a.parent);
  const stack = sections.map((s) => ({ a: s, d: 0 }));
  while (stack.length) {
    const { a, d } = stack.pop()!;
    a.depth = d;
    for (const c of a.children) stack.push({ a: byCode.get(c)!, d: d + 1 });
  }
  return { list, byCode, sections, inCycle, sheet: t.sheet, table: t.raw.name };
}
