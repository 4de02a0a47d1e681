import ExcelJS from "exceljs";
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { smallWorkbookAsOf } from "./smallWorkbook";
import { ROOT, loadXlsxFile, runProdbook } from "./run";

// `prodbook ledger IN.xlsx --import FILE.csv` as a user runs it. The small workbook's Ledger is a
// table: 1100 Payroll 3,200 Actual, 2100 Camera House 2,800 Committed (Report Date 2027-02-14).
let dir: string;

const CSV = [
  "Transaction Date,Account,Payee,Memo,Amount,Type,PO #,Invoice Number",
  "02/12/2027,2100,Camera House,Camera PO,800.00,Committed,CH-1,",
  "02/13/2027,2100,Camera House,Week 1 invoice,1000.00,AP,CH-1,INV-9",
  "02/14/2027,1100,Petty cash,Gaffer tape,12.34,PC,,",
].join("\n");

/** The small workbook with PO and Invoice columns added to its Ledger table (as a user adds them). */
function withRefs(): ExcelJS.Workbook {
  const wb = smallWorkbookAsOf();
  const old = wb.getWorksheet("Ledger")!;
  const rows = (old.getTable("Ledger") as unknown as { table: { rows: ExcelJS.CellValue[][] } }).table.rows;
  wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet("Ledger");
  ws.addTable({ name: "Ledger", ref: "A1", columns: ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO", "Invoice"].map((name) => ({ name })), rows: rows.map((r) => [...r, null, null]) });
  ws.getColumn(1).numFmt = "yyyy-mm-dd";
  return wb;
}

beforeAll(async () => {
  execSync("npm run build:cli", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "prodbook-ledger-"));
  await smallWorkbookAsOf().xlsx.writeFile(join(dir, "norefs.xlsx"));
  await withRefs().xlsx.writeFile(join(dir, "small.xlsx"));
  writeFileSync(join(dir, "export.csv"), CSV);
  writeFileSync(join(dir, "bad.csv"), "Date,Account,Amount\n2027-02-13,2100,5\n2027-02-13,7777,9\n");
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const prodbook = (...args: string[]) => runProdbook(dir, ...args);

function tableOf(wb: ExcelJS.Workbook, sheet: string): { ref: string; columns: string[] } {
  const t = (wb.getWorksheet(sheet)!.getTables() as unknown as { table: { tableRef: string; columns: { name: string }[] } }[])[0].table;
  return { ref: t.tableRef, columns: t.columns.map((c) => c.name) };
}

describe("prodbook ledger --import", () => {
  test("a Ledger without PO and Invoice columns is told to add them; nothing is written", () => {
    const r = prodbook("ledger", "norefs.xlsx", "--import", "export.csv", "-o", "never.xlsx");
    expect(r.code).toBe(1);
    expect(r.err).toContain("table Ledger on sheet Ledger has no PO and Invoice column: add them at the right of the table");
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  });

  test("appends the lines to the Ledger table and the cost report relieves the PO", async () => {
    const r = prodbook("ledger", "small.xlsx", "--import", "export.csv", "-o", "once.xlsx");
    expect(r.err).toBe("");
    expect(r.out).toBe("Added 3 lines of export.csv to table Ledger on sheet Ledger in once.xlsx.\n");
    expect(r.code).toBe(0);
    const wb = await loadXlsxFile(join(dir, "once.xlsx"));
    expect(tableOf(wb, "Ledger")).toEqual({ ref: "A1:H6", columns: ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO", "Invoice"] });
    const row = wb.getWorksheet("Ledger")!.getRow(5);
    expect(row.values).toEqual([undefined, new Date(Date.UTC(2027, 1, 13)), "2100", "Camera House", "Week 1 invoice", 1000, "Actual", "CH-1", "INV-9"]);
    // Hand-worked: 2100 committed 2,800 (no PO) + 800 (PO CH-1) − 1,000 invoice relieving at most 800 = 2,800;
    // actual 1,000. 1100 actual 3,200 + 12.34 petty cash. Week 8–14 Feb holds all of it.
    const j = JSON.parse(prodbook("report", "once.xlsx", "--json").out);
    const acct = (c: string) => j.budget.accounts.find((a: { code: string }) => a.code === c);
    expect(acct("2100")).toMatchObject({ actual: 1000, committed: 2800, relieved: 800, period: 1000 });
    expect(acct("1100")).toMatchObject({ actual: 3212.34, period: 3212.34 });
    expect(j.problems).toEqual([]);
  });

  test("importing the same export again adds nothing", async () => {
    const r = prodbook("ledger", "once.xlsx", "--import", "export.csv", "--in-place");
    expect(r.code).toBe(0);
    expect(r.out).toBe("Nothing to add from export.csv; 3 already in the Ledger, skipped: once.xlsx was left as it was.\n");
    expect(r.err.split("\n").filter(Boolean)).toEqual([
      "WARNING export.csv row 2: Already in the Ledger (2027-02-12, Camera House, 800.00, PO CH-1): skipped",
      "WARNING export.csv row 3: Already in the Ledger (2027-02-13, Camera House, 1000.00, PO CH-1, invoice INV-9): skipped",
      "WARNING export.csv row 4: Already in the Ledger (2027-02-14, Petty cash, 12.34): skipped",
    ]);
    expect(tableOf(await loadXlsxFile(join(dir, "once.xlsx")), "Ledger").ref).toBe("A1:H6");
  });

  test("an unknown account refuses the import, naming the CSV row; nothing is written", () => {
    const before = readFileSync(join(dir, "small.xlsx"));
    const r = prodbook("ledger", "small.xlsx", "--import", "bad.csv", "--in-place", "--json");
    expect(r.code).toBe(1);
    expect(r.err).toContain('ERROR bad.csv row 3, Account: Account "7777" is not a Code in Accounts');
    expect(r.err).toContain("nothing was imported");
    expect(JSON.parse(r.out)).toMatchObject({ added: 0, written: null });
    expect(readFileSync(join(dir, "small.xlsx")).equals(before)).toBe(true);
  });

  test("a dry run writes nothing; bad arguments exit 2", () => {
    const r = prodbook("ledger", "small.xlsx", "--import", "export.csv", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ added: 0, wouldAdd: 3, skipped: 0, addedColumns: [], written: null });
    expect(prodbook("ledger", "small.xlsx", "--import", "export.csv", "--map", "Dat=x").err).toContain('"Dat" is not a Ledger field');
    expect(prodbook("ledger", "small.xlsx", "--import", "missing.csv").code).toBe(3);
    expect(prodbook("ledger", "--help").out).toContain("prodbook ledger IN.xlsx --import FILE.csv");
  });
});
