/**
 * Budget versions (issue 11): "lock the original". A version is the budget's figures at the
 * moment it was locked, by name and date, kept in a very hidden sheet Prodbook owns so that both
 * the add-in and the CLI read and write it, and later figures can be shown against it (Top Sheet
 * Original / Current / Variance, Cost Report Variance to Original, the Compare sheet).
 *
 * The sheet is plain values with its header in row 1, one row a figure:
 *   Version | Locked | Kind | Code | Name | Budget | Parent
 * Kind is Account (every account, parents included, rolled up: lines + fringes), Charge (a
 * contractual charge or markup by name), Incentive (by name), or Total (Code `total`, `grand`
 * or `net`). Budget is money in currency units to the cent.
 */
import { CellValue, WorkbookInput, findTable, isBlank } from "../cells";
import { Cents, fromUnits, toUnits } from "../money";
import { Problems, showValue } from "../problems";
import { BudgetModel } from "./model";

export const VERSIONS_SHEET = "_Prodbook Versions";
export const VERSION_HEADERS = ["Version", "Locked", "Kind", "Code", "Name", "Budget", "Parent"] as const;

export interface BudgetVersion {
  name: string;
  /** When it was locked (UTC). */
  locked?: Date;
  currency?: string;
  /** Rolled-up budget by account code. */
  accounts: Map<string, Cents>;
  /** Account names as they were, by code. */
  names: Map<string, string>;
  /** Parent code of each account ("" for a section), as it was. */
  parents: Map<string, string>;
  /** Account codes in the order they were locked. */
  order: string[];
  charges: Map<string, Cents>;
  incentives: Map<string, Cents>;
  total: Cents;
  grandTotal: Cents;
  net: Cents;
}

export const MAX_VERSION_NAME = 60;

/** A version name: not blank, at most 60 characters, not already used (case-insensitive). */
export function checkVersionName(name: string, existing: readonly BudgetVersion[]): string | undefined {
  const n = name.trim();
  if (!n) return "A version needs a name, e.g. Original";
  if (n.length > MAX_VERSION_NAME) return `A version name is at most ${MAX_VERSION_NAME} characters, not ${n.length}`;
  const same = existing.find((v) => v.name.toLowerCase() === n.toLowerCase());
  if (same) return `A version named ${showValue(same.name)} is already locked${same.locked ? ` (${same.locked.toISOString().slice(0, 16).replace("T", " ")} UTC)` : ""}: choose another name`;
  return undefined;
}

/** The rows a budget adds to the versions sheet when locked as `name` at `when`. */
export function versionRows(name: string, when: Date, b: BudgetModel): CellValue[][] {
  const n = name.trim();
  const rows: CellValue[][] = [];
  for (const a of b.accounts) rows.push([n, when, "Account", a.account.code, a.account.name, toUnits(a.rolled.budget), a.account.parent]);
  for (const m of b.markups) rows.push([n, when, "Charge", "", m.name, toUnits(m.amount)]);
  for (const x of b.incentives) rows.push([n, when, "Incentive", "", x.name, toUnits(x.amount)]);
  rows.push([n, when, "Total", "total", "Total before charges", toUnits(b.total)]);
  rows.push([n, when, "Total", "grand", "Grand total", toUnits(b.grandTotal)]);
  rows.push([n, when, "Total", "net", "Net", toUnits(b.net)]);
  rows.push([n, when, "Total", "currency", b.currency, null]);
  return rows;
}

/** The whole sheet after locking: what was there, then the new version's rows. */
export function versionsGrid(existing: CellValue[][] | undefined, name: string, when: Date, b: BudgetModel): CellValue[][] {
  const body = existing && existing.length > 1 ? existing.slice(1) : [];
  return [[...VERSION_HEADERS], ...body, ...versionRows(name, when, b)];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

function dateOf(v: CellValue | undefined): Date | undefined {
  if (v instanceof Date) return v;
  // Office.js hands a date cell as its serial when the format was lost.
  if (typeof v === "number" && Number.isFinite(v)) return new Date(Math.round((v - 25569) * 86_400_000));
  if (typeof v === "string" && v.trim()) {
    const d = new Date(v.trim());
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/**
 * The versions in the workbook, in the order they were locked; [] when there is no versions
 * sheet. A row that cannot be read is a warning naming it (the sheet is Prodbook's; someone
 * made it visible and typed in it), and is left out.
 */
export function readVersions(wb: WorkbookInput, problems: Problems): BudgetVersion[] {
  const t = findTable(wb, VERSIONS_SHEET);
  if (!t) return [];
  const col = (h: string) => t.headers.findIndex((x) => x.trim().toLowerCase() === h.toLowerCase());
  const [cName, cLocked, cKind, cCode, cLabel, cBudget, cParent] = VERSION_HEADERS.map(col);
  if (cName < 0 || cKind < 0 || cBudget < 0) {
    problems.warning({ sheet: t.sheet, table: t.name, row: t.headerRow, column: "" }, `Sheet ${VERSIONS_SHEET} is Prodbook's record of locked budget versions but its header row is not ${VERSION_HEADERS.join(" | ")}; its versions are not used`);
    return [];
  }
  const out = new Map<string, BudgetVersion>();
  t.rows.forEach((row, i) => {
    const name = text(row[cName]);
    if (!name) return;
    const excelRow = t.headerRow + 1 + i;
    let v = out.get(name.toLowerCase());
    if (!v) {
      v = { name, locked: dateOf(row[cLocked]), accounts: new Map(), names: new Map(), parents: new Map(), order: [], charges: new Map(), incentives: new Map(), total: 0, grandTotal: 0, net: 0 };
      out.set(name.toLowerCase(), v);
    }
    const kind = text(row[cKind]).toLowerCase();
    const code = cCode >= 0 ? text(row[cCode]) : "";
    const label = cLabel >= 0 ? text(row[cLabel]) : "";
    if (kind === "total" && code === "currency") {
      v.currency = label;
      return;
    }
    const raw = row[cBudget];
    const amount = typeof raw === "number" && Number.isFinite(raw) ? raw : isBlank(raw) ? 0 : undefined;
    if (amount === undefined) {
      problems.warning({ sheet: t.sheet, table: t.name, row: excelRow, column: "Budget" }, `Version ${showValue(name)}: Budget ${showValue(raw)} is not a number; that figure is left out`);
      return;
    }
    const cents = fromUnits(amount);
    if (kind === "account") {
      if (!v.accounts.has(code)) v.order.push(code);
      v.accounts.set(code, cents);
      v.names.set(code, label);
      v.parents.set(code, cParent >= 0 ? text(row[cParent]) : "");
    } else if (kind === "charge") v.charges.set(label, cents);
    else if (kind === "incentive") v.incentives.set(label, cents);
    else if (kind === "total" && code === "total") v.total = cents;
    else if (kind === "total" && code === "grand") v.grandTotal = cents;
    else if (kind === "total" && code === "net") v.net = cents;
    else problems.warning({ sheet: t.sheet, table: t.name, row: excelRow, column: "Kind" }, `Version ${showValue(name)}: Kind ${showValue(row[cKind])} is not Account, Charge, Incentive or Total; the row is left out`);
  });
  return [...out.values()];
}

/** A budget as a version's figures, so a workbook's current budget compares like a locked one. */
export function snapshotOf(b: BudgetModel, name: string): BudgetVersion {
  const v: BudgetVersion = { name, currency: b.currency, accounts: new Map(), names: new Map(), parents: new Map(), order: [], charges: new Map(), incentives: new Map(), total: b.total, grandTotal: b.grandTotal, net: b.net };
  for (const a of b.accounts) {
    v.order.push(a.account.code);
    v.accounts.set(a.account.code, a.rolled.budget);
    v.names.set(a.account.code, a.account.name);
    v.parents.set(a.account.code, a.account.parent);
  }
  for (const m of b.markups) v.charges.set(m.name, m.amount);
  for (const x of b.incentives) v.incentives.set(x.name, x.amount);
  return v;
}

/** The version the Top Sheet and Cost Report show as Original: the first one locked. */
export function originalVersion(versions: readonly BudgetVersion[]): BudgetVersion | undefined {
  return versions[0];
}

/** What the version had for an account; undefined for an account added since. */
export function originalOf(v: BudgetVersion | undefined, code: string): Cents | undefined {
  return v?.accounts.get(code);
}

/** `budget.original` of `report --json`: the version's name, date and totals, or null. */
export function originalReportJson(v: BudgetVersion | undefined) {
  if (!v) return null;
  return { name: v.name, locked: v.locked ? v.locked.toISOString() : null, total: toUnits(v.total), grandTotal: toUnits(v.grandTotal), net: toUnits(v.net) };
}

/** `budget.versions` of `report --json`. */
export function versionsReportJson(vs: readonly BudgetVersion[]) {
  return vs.map((v) => ({ name: v.name, locked: v.locked ? v.locked.toISOString() : null, total: toUnits(v.total), grandTotal: toUnits(v.grandTotal) }));
}
