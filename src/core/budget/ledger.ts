import { WorkbookInput } from "../cells";
import { EpochDay, formatIso } from "../dates";
import { Cents, fromUnits } from "../money";
import { Problems, showValue } from "../problems";
import { TableReader, TableRow, openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { PeriodWindow, inWindow } from "./period";
import { FORECAST_SPEC, LEDGER_SPEC } from "./specs";

export type LedgerKind = "actual" | "committed";

/** One usable Ledger line, in table order. */
export interface LedgerLine {
  /** Excel row, for problems. */
  row: number;
  account: string;
  date?: EpochDay;
  vendor: string;
  amount: Cents;
  kind: LedgerKind;
  /** Type `Petty Cash`: counted as actual. */
  pettyCash: boolean;
  /** The PO number as written, "" when none. */
  po: string;
  invoice: string;
}

export interface LedgerTotals {
  actual: Map<string, Cents>;
  /** Open commitments: committed lines less what invoices against their PO relieved. */
  committed: Map<string, Cents>;
  /** Commitments relieved by invoices, on the account of the PO's line. */
  relieved: Map<string, Cents>;
  /** Actual (petty cash included) dated within the report period. */
  period: Map<string, Cents>;
  entries: number;
}

/** An Actual line naming a PO that no Committed line opened. */
export interface UnopenedInvoice {
  line: LedgerLine;
}

const ACTUAL = new Set(["actual", "actuals", "paid", "invoiced", "invoice"]);
const PETTY_CASH = new Set(["pettycash", "petty"]);
const COMMITTED = new Set(["committed", "commitment", "po", "purchaseorder", "dealmemo"]);

/** The Type cell to a kind: undefined when it is none of the contract's words. */
export function ledgerKind(type: string): { kind: LedgerKind; pettyCash: boolean } | undefined {
  const t = type.toLowerCase().replace(/[^a-z]/g, "");
  if (ACTUAL.has(t)) return { kind: "actual", pettyCash: false };
  if (PETTY_CASH.has(t)) return { kind: "actual", pettyCash: true };
  if (COMMITTED.has(t)) return { kind: "committed", pettyCash: false };
  return undefined;
}

/** PO numbers match as accountants write them: case, surrounding and repeated spaces ignored. */
export function poKey(po: string): string {
  return po.trim().replace(/\s+/g, " ").toUpperCase();
}

function add(m: Map<string, Cents>, k: string, v: Cents): void {
  if (v !== 0) m.set(k, (m.get(k) ?? 0) + v);
}

interface Slot {
  line: LedgerLine;
  relieved: Cents;
}

/**
 * PO relief. Every Committed line with a PO opens (adds to) that PO; every Actual line naming it,
 * in table order, relieves the PO's lines by its amount, never below zero: first the PO's lines on
 * the invoice's own account, then its other lines in table order, so the commitment is relieved on
 * the account that holds it while the invoice is actual on its own account. Whatever an invoice
 * exceeds its PO by is simply actual. A credit (negative Actual) naming the PO counts against
 * its invoices: the PO is relieved by its net invoiced amount (never below zero nor above the PO),
 * the last invoices' relief giving way first. Row order does not matter between POs and
 * invoices: all POs are opened first.
 */
export function ledgerTotals(lines: LedgerLine[], window?: PeriodWindow): LedgerTotals & { unopened: UnopenedInvoice[] } {
  const actual = new Map<string, Cents>();
  const committed = new Map<string, Cents>();
  const relieved = new Map<string, Cents>();
  const period = new Map<string, Cents>();
  const pos = new Map<string, Slot[]>();
  const slots: Slot[] = [];
  for (const l of lines) {
    if (l.kind !== "committed") continue;
    const s = { line: l, relieved: 0 };
    slots.push(s);
    if (!l.po) continue;
    const k = poKey(l.po);
    const list = pos.get(k);
    if (list) list.push(s);
    else pos.set(k, [s]);
  }
  const unopened: UnopenedInvoice[] = [];
  const invoices = new Map<string, LedgerLine[]>();
  for (const l of lines) {
    if (l.kind !== "actual") continue;
    add(actual, l.account, l.amount);
    if (window && l.date !== undefined && inWindow(window, l.date)) add(period, l.account, l.amount);
    if (!l.po) continue;
    const k = poKey(l.po);
    if (!pos.has(k)) {
      unopened.push({ line: l });
      continue;
    }
    const list = invoices.get(k);
    if (list) list.push(l);
    else invoices.set(k, [l]);
  }
  for (const [k, invs] of invoices) {
    const po = pos.get(k)!;
    // What the PO is relieved by in all: its net invoiced (credits count against it), 0 … the PO.
    const capacity = po.reduce((n, s) => n + Math.max(0, s.line.amount), 0);
    let total = Math.min(capacity, Math.max(0, invs.reduce((n, l) => n + l.amount, 0)));
    for (const inv of invs) {
      if (inv.amount <= 0) continue;
      let left = Math.min(inv.amount, total);
      const own = po.filter((s) => s.line.account === inv.account);
      const others = po.filter((s) => s.line.account !== inv.account);
      for (const s of [...own, ...others]) {
        const take = Math.min(left, Math.max(0, s.line.amount - s.relieved));
        s.relieved += take;
        left -= take;
        total -= take;
        if (left === 0) break;
      }
      if (total === 0) break;
    }
  }
  for (const s of slots) {
    add(committed, s.line.account, s.line.amount - s.relieved);
    add(relieved, s.line.account, s.relieved);
  }
  return { actual, committed, relieved, period, entries: lines.length, unopened };
}

export interface LedgerOptions {
  /** The report period: actual dated in it is "this period". */
  window?: PeriodWindow;
  /** Lines dated after this day are left out (Settings `Report Date` given). */
  asOf?: EpochDay;
}

/** Reads `Ledger` (optional) and works out actual, open commitments and the period per account. */
export function readLedger(wb: WorkbookInput, coa: ChartOfAccounts, problems: Problems, opts: LedgerOptions = {}): LedgerTotals {
  const t = openTable(wb, LEDGER_SPEC, problems);
  if (!t) return { actual: new Map(), committed: new Map(), relieved: new Map(), period: new Map(), entries: 0 };
  const { lines, later } = readLedgerLines(t, coa, opts.asOf);
  const totals = ledgerTotals(lines, opts.window);
  const rows = new Map<number, TableRow>(t.rows.map((r) => [r.excelRow, r]));
  for (const { line } of totals.unopened) {
    const when = later.length > 0 ? " dated on or before the Report Date" : "";
    t.warning(
      rows.get(line.row)!,
      "po",
      `No Committed line${when} opens PO ${showValue(line.po)}: this invoice relieves nothing and counts as actual only. Check the PO number, or add the PO as a Committed line`,
    );
  }
  if (later.length > 0 && opts.asOf !== undefined) {
    const first = rows.get(later[0])!;
    t.warning(
      first,
      "date",
      `${later.length === 1 ? "This line is" : `${later.length} Ledger lines are`} dated after the Report Date ${formatIso(opts.asOf)}${later.length === 1 ? "" : ` (the first is row ${later[0]})`}: ` +
        `the cost report is as of the Report Date, so ${later.length === 1 ? "it is" : "they are"} left out`,
    );
  }
  return totals;
}

function readLedgerLines(t: TableReader, coa: ChartOfAccounts, asOf?: EpochDay): { lines: LedgerLine[]; later: number[] } {
  const hasDate = t.has("date");
  const lines: LedgerLine[] = [];
  const later: number[] = [];
  for (const row of t.rows) {
    const account = t.text(row, "account", { required: true });
    if (account && !coa.byCode.has(account)) t.error(row, "account", `Ledger account ${showValue(account)} is not a Code in ${coa.table}`);
    const date = hasDate ? t.date(row, "date") : undefined;
    const amount = t.number(row, "amount", { required: true });
    const kind = ledgerKind(t.text(row, "type"));
    if (!kind) t.error(row, "type", `Type must be Actual, Committed or Petty Cash, not ${showValue(t.value(row, "type"))}`);
    if (!kind || amount === undefined || !account || !coa.byCode.has(account)) continue;
    if (asOf !== undefined && date !== undefined && date > asOf) {
      later.push(row.excelRow);
      continue;
    }
    lines.push({
      row: row.excelRow,
      account,
      date,
      vendor: t.text(row, "vendor"),
      amount: fromUnits(amount),
      ...kind,
      po: t.text(row, "po"),
      invoice: t.text(row, "invoice"),
    });
  }
  return { lines, later };
}

/** `Forecast` (optional): a hand-set ETC per account; two rows for one account are an error. */
export function readForecast(wb: WorkbookInput, coa: ChartOfAccounts, problems: Problems): Map<string, Cents> {
  const out = new Map<string, Cents>();
  const t = openTable(wb, FORECAST_SPEC, problems);
  if (!t) return out;
  const rows = new Map<string, number>();
  for (const row of t.rows) {
    const account = t.text(row, "account", { required: true });
    if (!account) continue;
    if (!coa.byCode.has(account)) {
      t.error(row, "account", `Forecast account ${showValue(account)} is not a Code in ${coa.table}`);
      continue;
    }
    if (rows.has(account)) {
      t.error(row, "account", `Account ${showValue(account)} has two Forecast rows (the other is row ${rows.get(account)})`);
      continue;
    }
    rows.set(account, row.excelRow);
    const etc = t.number(row, "etc", { required: true });
    if (etc === undefined) continue;
    if (etc < 0) t.warning(row, "etc", `ETC ${showValue(etc)} is negative: it lowers the estimated final cost`);
    out.set(account, fromUnits(etc));
  }
  return out;
}
