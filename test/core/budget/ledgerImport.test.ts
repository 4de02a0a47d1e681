import fc from "fast-check";
import { CellValue, RawTable } from "../../../src/core/cells";
import { fromYmd } from "../../../src/core/dates";
import { runEngine, reportJson } from "../../../src/core/engine";
import { ImportCell, parseCsv, parseCsvDate, parseMapOption, planLedgerImport, postingKey } from "../../../src/core/budget/ledgerImport";
import { table, workbook } from "../../helpers/workbook";
import { budgetTables } from "./fixture";

const LEDGER_HEAD = ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO"];
const EXISTING: CellValue[][] = [["2026-02-20", "2110", "Panavision", "Camera package PO", 6000, "Committed", "1001"]];

function wbWith(ledger: CellValue[][], head = LEDGER_HEAD) {
  const tables = budgetTables().filter((t) => t.name !== "Ledger");
  return workbook(...tables, table("Ledger", head, ledger), table("Settings", ["Key", "Value"], [["Report Date", "2026-03-08"]]));
}

/** Appends a plan's rows as an adapter would (dates as ISO text, which the engine reads as dates). */
function appended(wb: ReturnType<typeof wbWith>, headers: string[], rows: ImportCell[][]) {
  const t = wb.tables.find((x) => x.name === "Ledger")!;
  const iso = (v: ImportCell): CellValue => (v !== null && typeof v === "object" ? new Date(v.date * 86_400_000) : v);
  const widen = (r: CellValue[]) => [...r, ...new Array<CellValue>(headers.length - r.length).fill(null)];
  const next: RawTable = { ...t, headers, rows: [...t.rows.map(widen), ...rows.map((r) => r.map(iso))] };
  return { ...wb, tables: wb.tables.map((x) => (x === t ? next : x)) };
}

const CSV = [
  "Posted,GL Account,Payee,Memo,Debit,Credit,PO Number,Invoice #,Trans Type",
  '03/03/2026,2110,Panavision,"Camera package, invoice 1",2500.00,,1001,PV-1,AP',
  '03/05/2026,2200,Grip Co,Expendables,"1,020.50",,,GC-7,Check',
  "03/06/2026,5200,Petty cash: A. Lee,Tape,,0.50,,,PC",
  "03/06/2026,5200,Petty cash: A. Lee,Coffee,4.00,,,,Petty Cash",
  "03/06/2026,5200,Petty cash: A. Lee,Coffee,4.00,,,,Petty Cash",
].join("\r\n");

describe("ledger import", () => {
  it("maps the usual export columns, Debit − Credit, and the export's Type words", () => {
    const plan = planLedgerImport(wbWith(EXISTING), CSV);
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.lines.map((l) => [l.csvRow, l.account, l.amount, l.type, l.po, l.invoice])).toEqual([
      [2, "2110", 250000, "Actual", "1001", "PV-1"],
      [3, "2200", 102050, "Actual", "", "GC-7"],
      [4, "5200", -50, "Petty Cash", "", ""],
      [5, "5200", 400, "Petty Cash", "", ""],
      [6, "5200", 400, "Petty Cash", "", ""],
    ]);
    expect(plan.lines[0].date).toBe(fromYmd(2026, 3, 3));
    // The Ledger has no Invoice column: it is added at the right.
    expect(plan.headers).toEqual([...LEDGER_HEAD, "Invoice"]);
    expect(plan.addedHeaders).toEqual(["Invoice"]);
    expect(plan.rows[0]).toEqual([{ date: fromYmd(2026, 3, 3) }, "2110", "Panavision", "Camera package, invoice 1", 2500, "Actual", "1001", "PV-1"]);
  });

  it("the imported invoice relieves the PO: 6,000 PO, 2,500 invoice → 3,500 committed, 2,500 actual", () => {
    const wb = wbWith(EXISTING);
    const plan = planLedgerImport(wb, CSV);
    const json = reportJson(runEngine(appended(wb, plan.headers, plan.rows)));
    expect(json.problems).toEqual([]);
    const acct = (c: string) => json.budget.accounts.find((a) => a.code === c)!;
    expect(acct("2110")).toMatchObject({ actual: 2500, committed: 3500, period: 2500 });
    // Petty cash −0.50 + 4 + 4 = 7.50; 2200 1,020.50 of a 324.16 budget.
    expect(acct("5200")).toMatchObject({ actual: 7.5, period: 7.5 });
    expect(acct("2200")).toMatchObject({ actual: 1020.5, status: "OVER" });
  });

  it("importing the same CSV twice adds its lines once, identical lines included", () => {
    const wb = wbWith(EXISTING);
    const first = planLedgerImport(wb, CSV);
    const again = planLedgerImport(appended(wb, first.headers, first.rows), CSV);
    expect(again.problems).toEqual([]);
    expect(again.rows).toEqual([]);
    expect(again.skipped.map((s) => s.row)).toEqual([2, 3, 4, 5, 6]);
    expect(again.skipped[0].message).toBe("Already in the Ledger (2026-03-03, Panavision, 2500.00, PO 1001, invoice PV-1): skipped");
    // One of the two identical coffees is already there: the other is still new.
    const one = planLedgerImport(appended(wb, first.headers, first.rows.slice(0, 4)), CSV);
    expect(one.lines.map((l) => l.csvRow)).toEqual([6]);
  });

  it("a line whose account is unknown is refused, naming the CSV row, column and value", () => {
    const csv = ["Date,Account,Vendor,Amount", "2026-03-02,2110,A,10", "2026-03-02,9999,B,20", "2026-03-32,2110,C,30", "2026-03-02,2110,D,ten"].join("\n");
    const plan = planLedgerImport(wbWith(EXISTING), csv);
    expect(plan.problems).toEqual([
      { severity: "error", row: 3, column: "Account", value: "9999", message: 'Account "9999" is not a Code in Accounts: add it to Accounts or correct the CSV' },
      expect.objectContaining({ row: 4, column: "Date", message: expect.stringContaining('not "2026-03-32"') }),
      expect.objectContaining({ row: 5, column: "Amount", message: 'Amount must be a number, not "ten"' }),
    ]);
  });

  it("--map names columns the aliases do not know; a mapped column missing from the CSV is an error", () => {
    const csv = ["When,Cost Code,Who,Net,Kind", "2026-03-02,2110,A,10,PO"].join("\n");
    const none = planLedgerImport(wbWith(EXISTING), csv);
    expect(none.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The CSV has no Date column/), expect.stringMatching(/^The CSV has no Account column/), expect.stringMatching(/^The CSV has no Amount column/)]);
    const map = parseMapOption("Date=When, Account=Cost Code,Vendor=Who,Amount=Net,Type=Kind");
    const plan = planLedgerImport(wbWith(EXISTING), csv, { map });
    expect(plan.problems).toEqual([]);
    expect(plan.lines[0]).toMatchObject({ account: "2110", vendor: "A", amount: 1000, type: "Committed" });
    const bad = planLedgerImport(wbWith(EXISTING), csv, { map: { ...map, PO: "Order" } });
    expect(bad.problems[0].message).toMatch(/^--map PO=Order: the CSV has no column "Order"/);
    expect(() => parseMapOption("Dat=When")).toThrow(/"Dat" is not a Ledger field/);
  });

  it("a Ledger with neither PO nor Invoice column gets only the ones the lines use", () => {
    const plan = planLedgerImport(wbWith([], LEDGER_HEAD.slice(0, 6)), "Date,Account,Amount,PO\n2026-03-02,2110,10,77\n");
    expect(plan.addedHeaders).toEqual(["PO"]);
    expect(plan.rows).toEqual([[{ date: fromYmd(2026, 3, 2) }, "2110", null, null, 10, "Actual", "77"]]);
  });

  it("a workbook without a Ledger table is told so", () => {
    const wb = workbook(...budgetTables().filter((t) => t.name !== "Ledger"));
    expect(planLedgerImport(wb, CSV).problems[0].message).toMatch(/^The workbook has no Ledger table/);
  });
});

describe("CSV parsing", () => {
  it("dates: ISO, US month first, day first on request, two-digit years; nonsense is undefined", () => {
    expect(parseCsvDate("2026-03-04")).toBe(fromYmd(2026, 3, 4));
    expect(parseCsvDate("2026/3/4")).toBe(fromYmd(2026, 3, 4));
    expect(parseCsvDate("3/4/2026")).toBe(fromYmd(2026, 3, 4));
    expect(parseCsvDate("3/4/2026", true)).toBe(fromYmd(2026, 4, 3));
    expect(parseCsvDate("12/31/26")).toBe(fromYmd(2026, 12, 31));
    expect(parseCsvDate("31/12/2026")).toBeUndefined();
    expect(parseCsvDate("2026-02-29")).toBeUndefined();
    expect(parseCsvDate("soon")).toBeUndefined();
  });

  it("quoted fields with commas, quotes and new lines, a byte-order mark, semicolons", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\n')).toEqual([["a", "b"], ['x, "y"', "line\nbreak"], [""]]);
    expect(parseCsv("a;b\n1;2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("any text round-trips through a CSV field", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }).map((s) => s.trim()), { minLength: 2, maxLength: 4 }), (cells) => {
        const line = cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",");
        expect(parseCsv(`h1,h2,h3,h4\n${line}`)[1]).toEqual(cells);
      }),
    );
  });

  it("the posting key ignores case and spacing of vendor and references, not the amount or date", () => {
    expect(postingKey(1, "Grip  Co", 100, "po 7", "")).toBe(postingKey(1, "grip co", 100, "PO 7", ""));
    expect(postingKey(1, "Grip Co", 100, "", "")).not.toBe(postingKey(1, "Grip Co", 101, "", ""));
    expect(postingKey(1, "Grip Co", 100, "", "")).not.toBe(postingKey(2, "Grip Co", 100, "", ""));
  });
});
