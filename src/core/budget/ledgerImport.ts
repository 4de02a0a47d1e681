/**
 * Ledger import: an accounting system's CSV export turned into new `Ledger` rows. The CLI and the
 * task pane both call `planLedgerImport`; they only read the file and append the rows it returns.
 */
import Papa from "papaparse";
import { CellValue, WorkbookInput, findTable } from "../cells";
import { EpochDay, formatIso, fromYmd, parseDateCell, toYmd } from "../dates";
import { Cents, fromUnits, parseDecimalText, toUnits } from "../money";
import { Problems, showValue } from "../problems";
import { ColumnSpec, headerKey, openTable } from "../tables";
import { readAccounts } from "./accounts";
import { ledgerKind, poKey } from "./ledger";
import { LEDGER_SPEC } from "./specs";

/** What a CSV column can be mapped to: the Ledger's columns, and Debit / Credit for exports that split them. */
export const IMPORT_FIELDS = ["Date", "Account", "Vendor", "Description", "Amount", "Debit", "Credit", "Type", "PO", "Invoice"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The CSV headers each field is found under when no --map names it: what accounting exports write. */
export const CSV_ALIASES: Record<ImportField, string[]> = {
  Date: ["Date", "Posted", "Post Date", "Posting Date", "Posted Date", "Transaction Date", "Trans Date", "Txn Date", "GL Date", "Invoice Date", "Document Date"],
  Account: ["Account", "Acct", "Account Code", "Account Number", "Account No", "Acct #", "Account #", "GL", "GL Account", "GL Code", "Code"],
  Vendor: ["Vendor", "Payee", "Vendor Name", "Supplier", "Paid To", "Name"],
  Description: ["Description", "Desc", "Memo", "Line Description", "Details", "Narrative", "Line Memo"],
  Amount: ["Amount", "Amt", "Net Amount", "Line Amount", "Total", "Value"],
  Debit: ["Debit", "Dr", "Debit Amount"],
  Credit: ["Credit", "Cr", "Credit Amount"],
  Type: ["Type", "Status", "Kind", "Transaction Type", "Trans Type", "Txn Type", "Document Type", "Doc Type"],
  PO: ["PO", "PO Number", "PO #", "PO No", "Purchase Order", "Purchase Order Number"],
  Invoice: ["Invoice", "Invoice #", "Invoice Number", "Invoice No", "Inv #", "Reference", "Ref", "Document Number", "Doc #"],
};

/** Type words accounting exports use, beyond the Ledger's own (`ledgerKind`). */
const EXPORT_ACTUAL = new Set(["ap", "apinvoice", "bill", "check", "cheque", "payment", "wire", "eft", "ach", "je", "journal", "journalentry", "cc", "creditcard", "payroll"]);
const EXPORT_PETTY = new Set(["pc", "pcash"]);

export type ImportKind = "Actual" | "Committed" | "Petty Cash";

export function importKind(text: string): ImportKind | undefined {
  const k = ledgerKind(text);
  if (k) return k.pettyCash ? "Petty Cash" : k.kind === "actual" ? "Actual" : "Committed";
  const t = text.toLowerCase().replace(/[^a-z]/g, "");
  if (EXPORT_PETTY.has(t)) return "Petty Cash";
  if (EXPORT_ACTUAL.has(t)) return "Actual";
  return undefined;
}

export interface ImportOptions {
  /** Field → CSV header, from `--map Date=Posted,Amount=Debit`. */
  map?: Partial<Record<ImportField, string>>;
  /** Read 03/04/2026 as 3 April (day first) rather than March 4 (US exports, the default). */
  dayFirst?: boolean;
  /** Name of the CSV in messages. */
  fileName?: string;
}

/** A problem in the CSV: row as a spreadsheet numbers it (the header is row 1). */
export interface ImportProblem {
  severity: "error" | "warning";
  row: number;
  column: string;
  value?: string;
  message: string;
}

export interface ImportLine {
  csvRow: number;
  date: EpochDay;
  account: string;
  vendor: string;
  description: string;
  amount: Cents;
  type: ImportKind;
  po: string;
  invoice: string;
}

/** A cell of a new Ledger row: text stays text, dates are dates, money is in currency units. */
export type ImportCell = string | number | { date: EpochDay } | null;

export interface LedgerImportPlan {
  /** Lines to append, in CSV order. */
  lines: ImportLine[];
  /** CSV rows already in the Ledger (or earlier in the file beyond the Ledger's count), not added. */
  skipped: ImportProblem[];
  /** Errors refuse the whole import: nothing may be written while there is one. */
  problems: ImportProblem[];
  /** The Ledger's headers, with any column the lines need and it lacks (PO, Invoice) added at the right. */
  headers: string[];
  /** Headers of `headers` the Ledger does not have yet. */
  addedHeaders: string[];
  /** One row a line, aligned with `headers`. */
  rows: ImportCell[][];
  /** The Ledger table's name and sheet as the workbook writes them. */
  table: string;
  sheet: string;
}

export function parseMapOption(text: string): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const part of text.split(",")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    if (eq < 0) throw new Error(`--map takes Field=CSV header pairs, like Date=Posted; "${part.trim()}" has no =`);
    const field = IMPORT_FIELDS.find((f) => headerKey(f) === headerKey(part.slice(0, eq)));
    if (!field) throw new Error(`--map: "${part.slice(0, eq).trim()}" is not a Ledger field; use ${IMPORT_FIELDS.join(", ")}`);
    const header = part.slice(eq + 1).trim();
    if (!header) throw new Error(`--map: ${field}= needs a CSV header`);
    out[field] = header;
  }
  return out;
}

/** Rows of a CSV (comma, semicolon or tab, as the file has it); a byte-order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  return res.data.map((r) => r.map((c) => (c ?? "").trim()));
}

/** ISO `2026-03-02`, `2026/03/02`, US `3/2/2026` (or day first `2/3/2026`), two-digit years as 20xx. */
export function parseCsvDate(text: string, dayFirst = false): EpochDay | undefined {
  const t = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const md = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (md) {
    const [a, b] = [Number(md[1]), Number(md[2])];
    const y = md[3].length === 2 ? 2000 + Number(md[3]) : Number(md[3]);
    return dayFirst ? validDay(y, b, a) : validDay(y, a, b);
  }
  return parseDateCell(t);
}

function validDay(y: number, m: number, d: number): EpochDay | undefined {
  const day = fromYmd(y, m, d);
  const back = toYmd(day);
  return back.y === y && back.m === m && back.d === d ? day : undefined;
}

function norm(s: string): string {
  return s.trim().replace(/\s+/g, " ").toUpperCase();
}

/** Two lines are the same posting when date, vendor, amount, PO and invoice number agree. */
export function postingKey(date: EpochDay | undefined, vendor: string, amount: Cents, po: string, invoice: string): string {
  return [date === undefined ? "" : formatIso(date), norm(vendor), amount, poKey(po), poKey(invoice)].join("|");
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Works out what importing `csvText` into the workbook's Ledger adds: every CSV row checked (a
 * date, a Code of Accounts, an amount, a known Type), rows already in the Ledger skipped so the
 * same export imported twice adds nothing, and the new rows laid out under the Ledger's headers.
 */
export function planLedgerImport(wb: WorkbookInput, csvText: string, opts: ImportOptions = {}): LedgerImportPlan {
  const problems: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  const err = (row: number, column: string, message: string, value?: string) => problems.push({ severity: "error", row, column, message, value });
  const empty = (table = "Ledger", sheet = "Ledger"): LedgerImportPlan => ({ lines: [], skipped, problems, headers: [], addedHeaders: [], rows: [], table, sheet });

  const wbProblems = new Problems();
  const coa = readAccounts(wb, wbProblems);
  const raw = findTable(wb, LEDGER_SPEC.name);
  if (!raw) {
    err(0, "", "The workbook has no Ledger table to import into: add a table (or sheet) named Ledger with headers Date, Account, Vendor, Description, Amount, Type");
    return empty();
  }
  if (!coa) {
    err(0, "", "The workbook has no usable Accounts table, so no line's account can be checked: fix Accounts first (prodbook check)");
    return empty(raw.name, raw.sheet);
  }

  const grid = parseCsv(csvText);
  const headerIndex = grid.findIndex((r) => r.some((c) => c !== ""));
  if (headerIndex < 0) {
    err(0, "", `${opts.fileName ?? "The CSV"} is empty`);
    return empty(raw.name, raw.sheet);
  }
  const headers = grid[headerIndex];
  const col = new Map<ImportField, number>();
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !byKey.has(headerKey(h))) byKey.set(headerKey(h), i);
  });
  for (const f of IMPORT_FIELDS) {
    const mapped = opts.map?.[f];
    if (mapped !== undefined) {
      const i = byKey.get(headerKey(mapped));
      if (i === undefined) err(headerIndex + 1, mapped, `--map ${f}=${mapped}: the CSV has no column ${JSON.stringify(mapped)} (its columns: ${headers.filter(Boolean).join(", ")})`);
      else col.set(f, i);
      continue;
    }
    for (const name of CSV_ALIASES[f]) {
      const i = byKey.get(headerKey(name));
      // A column mapped by hand to another field is not taken again by an alias.
      if (i !== undefined && ![...col.values()].includes(i) && !Object.values(opts.map ?? {}).some((m) => headerKey(m ?? "") === headerKey(headers[i]))) {
        col.set(f, i);
        break;
      }
    }
  }
  const needs: [ImportField, boolean][] = [
    ["Date", col.has("Date")],
    ["Account", col.has("Account")],
    ["Amount", col.has("Amount") || col.has("Debit") || col.has("Credit")],
  ];
  for (const [f, ok] of needs) {
    if (!ok) err(headerIndex + 1, "", `The CSV has no ${f} column (looked for ${CSV_ALIASES[f].join(", ")}${f === "Amount" ? ", or Debit / Credit" : ""}): name it with --map ${f}=<CSV header>`);
  }
  if (problems.length) return empty(raw.name, raw.sheet);

  const get = (r: string[], f: ImportField) => (col.has(f) ? (r[col.get(f)!] ?? "") : "");
  const hdr = (f: ImportField) => headers[col.get(f)!];
  const lines: ImportLine[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const r = grid[i];
    const row = i + 1;
    if (r.every((c) => c === "")) continue;
    const dateText = get(r, "Date");
    const date = parseCsvDate(dateText, opts.dayFirst);
    if (date === undefined) err(row, hdr("Date"), `${hdr("Date")} must be a date (2026-03-02 or ${opts.dayFirst ? "2/3/2026 day first" : "3/2/2026"}), not ${showValue(dateText)}`, dateText);
    const account = get(r, "Account");
    if (!account) err(row, hdr("Account"), `${hdr("Account")} is blank: every line needs an account`);
    else if (!coa.byCode.has(account)) err(row, hdr("Account"), `Account ${showValue(account)} is not a Code in ${coa.table}: add it to ${coa.table} or correct the CSV`, account);
    let amount: Cents | undefined;
    if (col.has("Amount")) {
      const t = get(r, "Amount");
      const n = t === "" ? undefined : parseDecimalText(t);
      if (n === undefined) err(row, hdr("Amount"), `${hdr("Amount")} must be a number, not ${showValue(t)}`, t);
      else amount = fromUnits(n);
    } else {
      const [dt, ct] = [get(r, "Debit"), get(r, "Credit")];
      const d = dt === "" ? 0 : parseDecimalText(dt);
      const c = ct === "" ? 0 : parseDecimalText(ct);
      if (d === undefined) err(row, hdr("Debit"), `${hdr("Debit")} must be a number, not ${showValue(dt)}`, dt);
      if (c === undefined) err(row, hdr("Credit"), `${hdr("Credit")} must be a number, not ${showValue(ct)}`, ct);
      if (d !== undefined && c !== undefined) amount = fromUnits(d) - fromUnits(c);
      if (dt === "" && ct === "") err(row, col.has("Debit") ? hdr("Debit") : hdr("Credit"), "The line has neither a debit nor a credit");
    }
    const typeText = get(r, "Type");
    // Without a Type column every line is an invoice or payment: Actual.
    const type = col.has("Type") ? importKind(typeText) : "Actual";
    if (!type) err(row, hdr("Type"), `${hdr("Type")} ${showValue(typeText)} is not Actual, Committed or Petty Cash (nor AP, Check, Payment, PO, Purchase Order, Deal Memo, PC)`, typeText);
    if (date === undefined || !account || !coa.byCode.has(account) || amount === undefined || !type) continue;
    lines.push({ csvRow: row, date, account, vendor: get(r, "Vendor"), description: get(r, "Description"), amount, type, po: get(r, "PO"), invoice: get(r, "Invoice") });
  }

  // Postings already in the Ledger, as a multiset: two identical CSV lines are both added once.
  const existing = new Map<string, number>();
  const t = openTable(wb, LEDGER_SPEC, new Problems());
  if (t) {
    for (const row of t.rows) {
      const amount = t.number(row, "amount");
      if (amount === undefined) continue;
      const k = postingKey(parseDateCell(t.value(row, "date")), t.text(row, "vendor"), fromUnits(amount), cellText(t.value(row, "po")), cellText(t.value(row, "invoice")));
      existing.set(k, (existing.get(k) ?? 0) + 1);
    }
  }
  const fresh: ImportLine[] = [];
  for (const l of lines) {
    const k = postingKey(l.date, l.vendor, l.amount, l.po, l.invoice);
    const n = existing.get(k) ?? 0;
    if (n > 0) {
      existing.set(k, n - 1);
      const ref = [l.po && `PO ${l.po}`, l.invoice && `invoice ${l.invoice}`].filter(Boolean).join(", ");
      skipped.push({
        severity: "warning",
        row: l.csvRow,
        column: "",
        message: `Already in the Ledger (${formatIso(l.date)}, ${l.vendor || "no vendor"}, ${toUnits(l.amount).toFixed(2)}${ref ? `, ${ref}` : ""}): skipped`,
      });
    } else fresh.push(l);
  }

  // Lay the rows out under the Ledger's headers; PO / Invoice columns are added when lines carry them.
  const out = [...raw.headers];
  const added: string[] = [];
  const fieldOf = (spec: ColumnSpec, h: string) => [spec.header, ...(spec.aliases ?? [])].some((n) => headerKey(n) === headerKey(h));
  const find = (key: string) => {
    const spec = LEDGER_SPEC.columns.find((c) => c.key === key)!;
    return out.findIndex((h) => fieldOf(spec, h));
  };
  for (const [key, header, used] of [
    ["po", "PO", fresh.some((l) => l.po)],
    ["invoice", "Invoice", fresh.some((l) => l.invoice)],
  ] as const) {
    if (used && find(key) < 0) {
      out.push(header);
      added.push(header);
    }
  }
  const at = Object.fromEntries(LEDGER_SPEC.columns.map((c) => [c.key, find(c.key)]));
  const rows = fresh.map((l) => {
    const cells: ImportCell[] = out.map(() => null);
    const put = (key: string, v: ImportCell) => {
      if (at[key] >= 0) cells[at[key]] = v;
    };
    put("date", { date: l.date });
    put("account", l.account);
    put("vendor", l.vendor || null);
    put("description", l.description || null);
    put("amount", toUnits(l.amount));
    put("type", l.type);
    put("po", l.po || null);
    put("invoice", l.invoice || null);
    return cells;
  });
  return { lines: fresh, skipped, problems, headers: out, addedHeaders: added, rows, table: raw.name, sheet: raw.sheet };
}

/** `Ledger.csv row 7, Account: message` for terminals and the pane. */
export function describeImportProblem(p: ImportProblem, fileName = "CSV"): string {
  return `${p.severity.toUpperCase()} ${fileName}${p.row ? ` row ${p.row}` : ""}${p.column ? `, ${p.column}` : ""}: ${p.message}`;
}
