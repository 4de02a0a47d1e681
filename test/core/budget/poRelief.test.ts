import fc from "fast-check";
import { runEngine, reportJson } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/cells";
import { fromYmd } from "../../../src/core/dates";
import { ledgerTotals, LedgerLine } from "../../../src/core/budget/ledger";
import { periodWindow } from "../../../src/core/budget/period";
import { table, workbook } from "../../helpers/workbook";
import { costReportLayout } from "../../../src/core/layout/costReport";
import { budgetTables } from "./fixture";

const HEAD = ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO #"];

/** The budget fixture (2110 Camera Rentals budget 12,345.67, 2200 Grip 324.16, 2100 own 500.00) with this Ledger. */
function run(ledger: CellValue[][], settings: CellValue[][] = [["Report Date", "2026-03-08"]], headers = HEAD) {
  const tables = budgetTables().filter((t) => t.name !== "Ledger" && t.name !== "Forecast");
  const r = runEngine(workbook(...tables, table("Ledger", headers, ledger), table("Settings", ["Key", "Value"], settings)));
  const json = reportJson(r);
  const acct = (code: string) => json.budget.accounts.find((a) => a.code === code)!;
  return { r, json, acct };
}

describe("PO relief (hand-worked)", () => {
  it("a PO partly invoiced: 6,000 PO and a 2,500 invoice are 3,500 committed, 2,500 actual, 6,000 in all", () => {
    const { r, acct } = run([
      ["2026-02-20", "2110", "Panavision", "Camera package PO", 6000, "Committed", "1001"],
      ["2026-03-03", "2110", "Panavision", "Invoice 1 of 3", 2500, "Actual", "1001"],
    ]);
    expect(r.problems).toEqual([]);
    // ETC = 12,345.67 − 2,500 − 3,500 = 6,345.67; EFC = 2,500 + 3,500 + 6,345.67 = the budget.
    expect(acct("2110")).toMatchObject({ actual: 2500, committed: 3500, open: 3500, relieved: 2500, etc: 6345.67, efc: 12345.67, variance: 0, status: "OK" });
    // Without relief the account would show 8,500 spent.
    expect(acct("2110").actual + acct("2110").committed).toBe(6000);
  });

  it("a PO over-invoiced relieves to zero and the excess is simply actual", () => {
    const { r, acct } = run([
      ["2026-02-21", "2200", "Grip Co", "Grip truck PO", 100, "Committed", "PO-2002"],
      ["2026-03-01", "2200", "Grip Co", "Invoice A", 80, "Actual", "po-2002"],
      ["2026-03-08", "2200", "Grip Co", "Invoice B", 50, "Actual", " PO-2002 "],
    ]);
    expect(r.problems).toEqual([]);
    // 80 relieves 80, 50 relieves the last 20: open 0, actual 130; ETC = 324.16 − 130 = 194.16.
    expect(acct("2200")).toMatchObject({ actual: 130, committed: 0, relieved: 100, etc: 194.16, efc: 324.16, variance: 0 });
  });

  it("an invoice naming a PO nobody opened is a warning on its PO cell and counts as actual only", () => {
    const { r, acct } = run([
      ["2026-02-27", "1100", "WGA writer", "Fee", 30000, "Actual", "9999"],
      ["2026-02-27", "1100", "WGA writer", "Balance (deal memo)", 20000, "Committed", ""],
    ]);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: "warning", table: "Ledger", row: 2, column: "PO #", cell: "G2", message: expect.stringContaining('No Committed line opens PO "9999"') }),
    ]);
    // A commitment without a PO is never relieved.
    expect(acct("1100")).toMatchObject({ actual: 30000, committed: 20000, relieved: 0 });
  });

  it("an invoice with no PO is actual and relieves nothing", () => {
    const { r, acct } = run([
      ["2026-02-20", "2110", "Panavision", "PO", 6000, "Committed", "1001"],
      ["2026-03-03", "2110", "Panavision", "Lens repair, no PO", 400, "Actual", ""],
    ]);
    expect(r.problems).toEqual([]);
    expect(acct("2110")).toMatchObject({ actual: 400, committed: 6000, relieved: 0 });
  });

  it("petty cash counts as actual", () => {
    const { r, acct } = run([
      ["2026-03-02", "5200", "Petty", "Tape", 0.01, "Petty Cash", ""],
      ["2026-03-02", "5200", "Petty", "Batteries", 12.5, "petty cash", ""],
    ]);
    expect(r.problems).toEqual([]);
    // 5200 has no budget: any spend is OVER.
    expect(acct("5200")).toMatchObject({ actual: 12.51, committed: 0, period: 12.51, efc: 12.51, variance: -12.51, status: "OVER" });
  });

  it("an invoice on another account relieves the PO on the PO's account and is actual on its own", () => {
    const { r, acct } = run([
      ["2026-02-20", "2100", "Camera House", "Camera dept PO", 500, "Committed", "3003"],
      ["2026-03-04", "2110", "Camera House", "Invoice coded to rentals", 200, "Actual", "3003"],
    ]);
    expect(r.problems).toEqual([]);
    // 2110 own: actual 200, ETC 12,145.67. 2100 own: committed 300, ETC 200, EFC 500.
    expect(acct("2110")).toMatchObject({ actual: 200, committed: 0, relieved: 0, efc: 12345.67 });
    expect(acct("2100")).toMatchObject({ actual: 200, committed: 300, relieved: 200, efc: 12845.67, variance: 0 });
  });

  it("a PO with lines on two accounts is relieved on the invoice's own account first, then in table order", () => {
    const { acct } = run([
      ["2026-02-20", "2200", "Rental House", "Grip part", 300, "Committed", "77"],
      ["2026-02-20", "2110", "Rental House", "Camera part", 1000, "Committed", "77"],
      ["2026-03-04", "2110", "Rental House", "Invoice", 1100, "Actual", "77"],
    ]);
    // 1,100 relieves 2110's 1,000, then 100 of 2200's 300.
    expect(acct("2110")).toMatchObject({ actual: 1100, committed: 0, relieved: 1000 });
    expect(acct("2200")).toMatchObject({ actual: 0, committed: 200, relieved: 100 });
  });

  it("the order of rows does not matter, and a credit puts relief back", () => {
    const { acct } = run([
      ["2026-03-03", "2110", "Panavision", "Invoice before the PO row", 2500, "Actual", "1001"],
      ["2026-03-04", "2110", "Panavision", "Credit note", -1000, "Actual", "1001"],
      ["2026-02-20", "2110", "Panavision", "PO", 6000, "Committed", "1001"],
    ]);
    // Net invoiced 1,500: open 4,500.
    expect(acct("2110")).toMatchObject({ actual: 1500, committed: 4500, relieved: 1500, period: 1500 });
  });

  it("an Excel number PO matches the same PO written as text", () => {
    const { acct } = run([
      ["2026-02-20", "2110", "Panavision", "PO", 6000, "Committed", 1001],
      ["2026-03-03", "2110", "Panavision", "Invoice", 2500, "Actual", "1001"],
    ]);
    expect(acct("2110").committed).toBe(3500);
  });

  it("a workbook without a PO column reads as before", () => {
    const { r, acct } = run([["2026-02-20", "2110", "Panavision", "PO", 6000, "Committed"], ["2026-03-03", "2110", "Panavision", "Invoice", 2500, "Actual"]], [], HEAD.slice(0, 6));
    expect(r.problems).toEqual([]);
    expect(acct("2110")).toMatchObject({ actual: 2500, committed: 6000 });
  });

  it("accepts the PO Number alias", () => {
    const { acct } = run(
      [["2026-02-20", "2110", "P", "PO", 6000, "Committed", "1"], ["2026-03-03", "2110", "P", "Inv", 2500, "Actual", "1"]],
      undefined,
      [...HEAD.slice(0, 6), "PO Number"],
    );
    expect(acct("2110").committed).toBe(3500);
  });
});

describe("period columns: two weeks of entries around the Report Date", () => {
  // Report Date Sunday 2026-03-08. Week = 2026-03-02 … 2026-03-08; Month = 2026-03-01 … 2026-03-08.
  const LEDGER: CellValue[][] = [
    ["2026-02-23", "2110", "Panavision", "Week 1 invoice", 1000, "Actual", ""],
    ["2026-03-01", "2110", "Panavision", "Sunday before the week", 200, "Actual", ""],
    ["2026-03-02", "2110", "Panavision", "First day of the week", 30, "Actual", ""],
    ["2026-03-05", "2200", "Grip Co", "Mid-week", 4, "Petty Cash", ""],
    ["2026-03-08", "2110", "Panavision", "The Report Date itself", 0.5, "Actual", ""],
    ["2026-03-06", "2110", "Panavision", "A commitment is never period actual", 5000, "Committed", ""],
    [null, "2200", "Grip Co", "Undated: to date, never in a period", 7, "Actual", ""],
    ["2026-03-09", "2110", "Panavision", "After the Report Date: left out", 60000, "Actual", ""],
    ["2026-03-15", "2200", "Grip Co", "Next week: left out", 80000, "Committed", ""],
  ];

  it("Week: actual this period is the seven days ending on the Report Date", () => {
    const { json, acct } = run(LEDGER);
    expect(json.budget.report).toMatchObject({ date: "2026-03-08", period: "Week", from: "2026-03-02", to: "2026-03-08" });
    expect(acct("2110")).toMatchObject({ period: 30.5, actual: 1230.5, committed: 5000 });
    expect(acct("2200")).toMatchObject({ period: 4, actual: 11, committed: 0 });
    // Rolled up: 2000 Production = 2100 (2110) + 2200.
    expect(acct("2000")).toMatchObject({ period: 34.5, actual: 1241.5, committed: 5000 });
  });

  it("Month: the calendar month up to the Report Date", () => {
    const { acct } = run(LEDGER, [["Report Date", "2026-03-08"], ["Period", "Month"]]);
    expect(acct("2110")).toMatchObject({ period: 230.5, actual: 1230.5 });
  });

  it("lines dated after the Report Date are left out, with one warning naming the first", () => {
    const { r } = run(LEDGER);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: "warning", table: "Ledger", row: 9, column: "Date", message: expect.stringContaining("2 Ledger lines are dated after the Report Date 2026-03-08 (the first is row 9)") }),
    ]);
  });

  it("a bad Period is an error naming the Settings cell", () => {
    const { r } = run(LEDGER, [["Report Date", "2026-03-08"], ["Period", "Fortnight"]]);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: "error", table: "Settings", row: 3, column: "Value", message: 'Period must be Week or Month, not "Fortnight"' }));
  });

  it("the week is the same whatever weekday the Report Date is", () => {
    // Wednesday 2026-03-04: 2026-02-26 … 2026-03-04.
    const w = periodWindow(fromYmd(2026, 3, 4), "Week");
    expect([w.from, w.to]).toEqual([fromYmd(2026, 2, 26), fromYmd(2026, 3, 4)]);
    const m = periodWindow(fromYmd(2024, 2, 29), "Month");
    expect([m.from, m.to]).toEqual([fromYmd(2024, 2, 1), fromYmd(2024, 2, 29)]);
  });
});

describe("ledgerTotals", () => {
  const line = (over: Partial<LedgerLine>): LedgerLine => ({ row: 2, account: "A", vendor: "", amount: 0, kind: "actual", pettyCash: false, po: "", invoice: "", ...over });

  it("relief never leaves a PO below zero and never relieves more than was invoiced, whatever the lines", () => {
    // Every account's open + relieved equals what it committed; total relieved ≤ positive invoices.
    const lines = [
      line({ kind: "committed", amount: 600000, po: "1", account: "A" }),
      line({ kind: "committed", amount: 100, po: "1", account: "B" }),
      line({ amount: 250000, po: "1", account: "B" }),
      line({ amount: 400000, po: "1", account: "C" }),
      line({ amount: -50000, po: "1", account: "A" }),
    ];
    const t = ledgerTotals(lines);
    expect(t.committed.get("A") ?? 0).toBe(600000 - (t.relieved.get("A") ?? 0));
    expect(t.committed.get("B") ?? 0).toBe(100 - (t.relieved.get("B") ?? 0));
    // Invoices 650,000 − credit 50,000 = 600,000 relieved of 600,100.
    expect((t.relieved.get("A") ?? 0) + (t.relieved.get("B") ?? 0)).toBe(600000);
    expect(t.actual.get("C")).toBe(400000);
  });
});

describe("ledgerTotals properties", () => {
  const arbLine = fc.record({
    account: fc.constantFrom("A", "B", "C"),
    amount: fc.integer({ min: -50000, max: 200000 }),
    kind: fc.constantFrom("actual", "committed") as fc.Arbitrary<"actual" | "committed">,
    po: fc.constantFrom("", "1", "2", "X"),
  });

  it("open + relieved is what was committed, relief is the net invoiced within the PO, actual is every invoice", () => {
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 25 }), (raw) => {
        const lines = raw.map((l, i) => ({ ...l, row: i + 2, vendor: "", pettyCash: false, invoice: "" }));
        const t = ledgerTotals(lines);
        for (const a of ["A", "B", "C"]) {
          const committed = lines.filter((l) => l.kind === "committed" && l.account === a).reduce((n, l) => n + l.amount, 0);
          const actual = lines.filter((l) => l.kind === "actual" && l.account === a).reduce((n, l) => n + l.amount, 0);
          expect((t.committed.get(a) ?? 0) + (t.relieved.get(a) ?? 0)).toBe(committed);
          expect(t.actual.get(a) ?? 0).toBe(actual);
          expect(t.relieved.get(a) ?? 0).toBeGreaterThanOrEqual(0);
        }
        let relievedAll = 0;
        for (const po of ["1", "2", "X"]) {
          const opened = lines.filter((l) => l.kind === "committed" && l.po === po);
          const cap = opened.reduce((n, l) => n + Math.max(0, l.amount), 0);
          const net = lines.filter((l) => l.kind === "actual" && l.po === po).reduce((n, l) => n + l.amount, 0);
          relievedAll += opened.length ? Math.min(cap, Math.max(0, net)) : 0;
        }
        expect([...t.relieved.values()].reduce((n, v) => n + v, 0)).toBe(relievedAll);
        expect(t.unopened.map((u) => u.line.row)).toEqual(
          lines.filter((l) => l.kind === "actual" && l.po && !lines.some((c) => c.kind === "committed" && c.po === l.po)).map((l) => l.row),
        );
      }),
    );
  });
});

describe("one hand-worked week's cost report, sheet and all", () => {
  // Budgets: 2100 Camera 20,000.00; 2200 Grip 2,500.00; 2300 Locations 2,400.00; 2400 Office 500.00
  // (25,400.00). Report Date Sunday 2027-05-16, Period Week: this period is 10–16 May.
  const ledger: CellValue[][] = [
    ["2027-05-03", "2100", "Keslow Camera", "Camera package PO", 12000, "Committed", "1043"], // row 2
    ["2027-05-07", "2100", "Keslow Camera", "Invoice, week 1", 4000, "Actual", "1043"], // row 3: last week
    ["2027-05-14", "2100", "Keslow Camera", "Invoice, week 2", 4000, "Actual", "1043"], // row 4: this week
    ["2027-05-05", "2200", "Grip Co", "Grip package PO", 2000, "Committed", "2001"], // row 5
    ["2027-05-12", "2200", "Grip Co", "Invoice over its PO", 2600, "Actual", "2001"], // row 6: this week
    ["2027-05-11", "2300", "Hale House", "Invoice naming a PO nobody opened", 1500, "Actual", "9999"], // row 7
    ["2027-05-09", "2300", "Rosie's Diner", "Site fee, no PO, the Sunday before", 700, "Actual", ""], // row 8
    ["2027-05-13", "2400", "Petty cash: K. Ruiz", "Batteries", 45.25, "Petty Cash", ""], // row 9
    ["2027-05-17", "2400", "Office Depot", "Dated after the Report Date", 300, "Actual", ""], // row 10
  ];
  const r = runEngine(
    workbook(
      table("Settings", ["Key", "Value"], [["Report Date", "2027-05-16"], ["Period", "Week"]]),
      table("Accounts", ["Code", "Name", "Parent"], [["2000", "Production", ""], ["2100", "Camera", "2000"], ["2200", "Grip", "2000"], ["2300", "Locations", "2000"], ["2400", "Office", "2000"]]),
      table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], [["2100", "Camera", 1, "Allow", null, 20000], ["2200", "Grip", 1, "Allow", null, 2500], ["2300", "Locations", 1, "Allow", null, 2400], ["2400", "Office", 1, "Allow", null, 500]]),
      table("Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO"], ledger),
    ),
  );

  it("warns on the unopened PO's cell and on the line after the Report Date", () => {
    expect(r.problems.map((p) => [p.severity, p.row, p.column, p.cell])).toEqual([
      ["warning", 7, "PO", "G7"],
      ["warning", 10, "Date", "A10"],
    ]);
  });

  it("every Cost Report column as worked by hand", () => {
    const sheet = costReportLayout(r.budget!, "Week 3");
    const rowOf = (label: string) => {
      const at = sheet.cells.find((c) => (c.c === 1 || c.c === 2) && c.v === label)!.r;
      return sheet.cells.filter((c) => c.r === at && c.c >= 3).sort((a, b) => a.c - b.c).map((c) => (typeof c.v === "object" && c.v && "result" in c.v ? c.v.result : c.v));
    };
    // Columns: this period, to date, open, total cost, ETC, EFC, budget, variance, status.
    // 2100: PO 12,000 relieved by 4,000 + 4,000 → open 4,000; actual 8,000, of it 4,000 this week;
    //       total 12,000; ETC 20,000 − 12,000 = 8,000; EFC 20,000; total cost under 90% of budget: OK.
    expect(rowOf("2100")).toEqual([4000, 8000, 4000, 12000, 8000, 20000, 20000, 0, "OK"]);
    // 2200: PO 2,000 over-invoiced by 2,600 → open 0, actual 2,600 (all this week); ETC max(0, 2,500 −
    //       2,600) = 0; EFC 2,600; variance −100; EFC over budget: OVER.
    expect(rowOf("2200")).toEqual([2600, 2600, 0, 2600, 0, 2600, 2500, -100, "OVER"]);
    // 2300: 1,500 (the 11th, this week) + 700 (the 9th, last week) = 2,200 actual; ETC 200; EFC 2,400;
    //       2,200 ≥ 90% × 2,400 = 2,160: WATCH.
    expect(rowOf("2300")).toEqual([1500, 2200, 0, 2200, 200, 2400, 2400, 0, "WATCH"]);
    // 2400: petty cash 45.25 is actual; the 300 dated the 17th is left out. ETC 454.75.
    expect(rowOf("2400")).toEqual([45.25, 45.25, 0, 45.25, 454.75, 500, 500, 0, "OK"]);
    // Production: period 4,000 + 2,600 + 1,500 + 45.25 = 8,145.25; to date 8,000 + 2,600 + 2,200 + 45.25
    // = 12,845.25; open 4,000; total 16,845.25; ETC 8,000 + 0 + 200 + 454.75 = 8,654.75; EFC 20,000 +
    // 2,600 + 2,400 + 500 = 25,500; budget 25,400; variance −100: OVER.
    expect(rowOf("2000")).toEqual([8145.25, 12845.25, 4000, 16845.25, 8654.75, 25500, 25400, -100, "OVER"]);
    expect(rowOf("Total production")).toEqual([8145.25, 12845.25, 4000, 16845.25, 8654.75, 25500, 25400, -100, "OVER"]);
    // The heading gives the report date as a date and the week it covers.
    expect(sheet.cells.find((c) => c.r === 2 && c.c === 4)?.v).toEqual({ date: fromYmd(2027, 5, 16) });
    expect(sheet.cells.find((c) => c.r === 2 && c.c === 5)?.v).toBe("Week: 2027-05-10 to 2027-05-16");
  });
});
