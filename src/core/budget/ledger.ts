import { WorkbookInput } from "../cells";
import { Cents, fromUnits } from "../money";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { FORECAST_SPEC, LEDGER_SPEC } from "./specs";

export interface LedgerTotals {
  actual: Map<string, Cents>;
  committed: Map<string, Cents>;
  entries: number;
}

const ACTUAL = new Set(["actual", "actuals", "paid", "invoiced", "invoice"]);
const COMMITTED = new Set(["committed", "commitment", "po", "purchaseorder", "dealmemo"]);

/** Sums `Ledger` (optional) per account: Actual (paid or invoiced) and Committed (POs, deal memos). */
export function readLedger(wb: WorkbookInput, coa: ChartOfAccounts, problems: Problems): LedgerTotals {
  const actual = new Map<string, Cents>();
  const committed = new Map<string, Cents>();
  const t = openTable(wb, LEDGER_SPEC, problems);
  if (!t) return { actual, committed, entries: 0 };
  const hasDate = t.has("date");
  let entries = 0;
  for (const row of t.rows) {
    const account = t.text(row, "account", { required: true });
    if (account && !coa.byCode.has(account)) t.error(row, "account", `Ledger account ${showValue(account)} is not a Code in ${coa.table}`);
    if (hasDate) t.date(row, "date");
    const amount = t.number(row, "amount", { required: true });
    const typeText = t.text(row, "type").toLowerCase().replace(/[^a-z]/g, "");
    let into: Map<string, Cents> | undefined;
    if (ACTUAL.has(typeText)) into = actual;
    else if (COMMITTED.has(typeText)) into = committed;
    else t.error(row, "type", `Type must be Actual or Committed, not ${showValue(t.value(row, "type"))}`);
    if (!into || amount === undefined || !account || !coa.byCode.has(account)) continue;
    into.set(account, (into.get(account) ?? 0) + fromUnits(amount));
    entries++;
  }
  return { actual, committed, entries };
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
