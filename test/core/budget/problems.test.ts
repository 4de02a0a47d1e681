import fc from "fast-check";
import { runEngine } from "../../../src/core/engine";
import { Problem } from "../../../src/core/problems";
import { table } from "../../helpers/workbook";
import { ACCOUNTS, BUDGET, budgetTables, budgetWorkbook } from "./fixture";

const errors = (ps: Problem[]) => ps.filter((p) => p.severity === "error");

describe("bad budget input: one clear problem each, naming sheet, table, row, column and value", () => {
  it("text in a number column", () => {
    const budget = BUDGET.map((r) => [...r]);
    budget[2][5] = "twelve hundred"; // Excel row 4 (header on row 1)
    const ps = errors(runEngine(budgetWorkbook({ Budget: budget })).problems);
    expect(ps).toEqual([
      {
        severity: "error",
        sheet: "Budget",
        table: "Budget",
        row: 4,
        column: "Rate",
        cell: "F4",
        message: 'Rate must be a number, a global or an expression like SHOOT_WEEKS + 2, not "twelve hundred": it has the name hundred at character 8 where an operator is expected',
      },
    ]);
  });

  it("an unknown account and an unknown fringe code", () => {
    const budget = BUDGET.map((r) => [...r]);
    budget[0][0] = "1101";
    budget[1][6] = "MED, XYZ";
    const ps = errors(runEngine(budgetWorkbook({ Budget: budget })).problems);
    expect(ps.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "Account", 'Account "1101" is not a Code in Accounts'],
      [3, "Fringes", 'Fringe "XYZ" is not a Code in Fringes'],
    ]);
  });

  it("a duplicate code, and codes are text: 1100 and 1100.0 differ", () => {
    const accounts = [...ACCOUNTS, ["1100", "Writer again", "1000"], ["1100.0", "Other writer", "1000"]];
    const ps = errors(runEngine(budgetWorkbook({ Accounts: accounts })).problems);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ sheet: "Accounts", row: 12, column: "Code", message: 'Duplicate account code "1100": it is already on row 3' });
  });

  it("a Parent that names no Code", () => {
    const accounts = ACCOUNTS.map((r) => [...r]);
    accounts[2][2] = "1900";
    const ps = errors(runEngine(budgetWorkbook({ Accounts: accounts })).problems);
    expect(ps).toEqual([expect.objectContaining({ row: 4, column: "Parent", message: 'Parent "1900" of account "1200" is not a Code in Accounts' })]);
  });

  it("a cycle of Parents names its first row and spells out the chain", () => {
    const accounts = [...ACCOUNTS, ["7000", "A", "7200"], ["7100", "B", "7000"], ["7200", "C", "7100"]];
    const ps = errors(runEngine(budgetWorkbook({ Accounts: accounts })).problems);
    expect(ps).toEqual([
      expect.objectContaining({ row: 12, column: "Parent", message: "Accounts form a cycle of Parents: 7000 → 7200 → 7100 → 7000" }),
    ]);
  });

  it("a missing required column names the table and the column", () => {
    const tables = budgetTables();
    tables[1] = table("Budget", ["Account", "Description", "Amount", "Units", "X", "Fringes"], []);
    const ps = errors(runEngine({ tables }).problems);
    expect(ps).toEqual([{ severity: "error", sheet: "Budget", table: "Budget", row: 1, column: "Rate", message: "Table Budget has no column Rate" }]);
  });

  it("an empty Accounts table", () => {
    const ps = errors(runEngine(budgetWorkbook({ Accounts: [] })).problems);
    expect(ps[0]).toMatchObject({ table: "Accounts", row: 1, message: "Table Accounts is empty" });
  });

  it("a ledger line on an unknown account, and a bad Type", () => {
    const ps = errors(
      runEngine(budgetWorkbook({ Ledger: [["2026-01-01", "9999", "V", "D", 5, "Actual"], ["2026-01-01", "1100", "V", "D", 5, "Paidish"]] })).problems,
    );
    expect(ps.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "Account", 'Ledger account "9999" is not a Code in Accounts'],
      [3, "Type", 'Type must be Actual, Committed or Petty Cash, not "Paidish"'],
    ]);
  });

  it("two Forecast rows for one account", () => {
    const ps = errors(runEngine(budgetWorkbook({ Forecast: [["5100", 1], ["5100", 2]] })).problems);
    expect(ps).toEqual([expect.objectContaining({ table: "Forecast", row: 3, message: 'Account "5100" has two Forecast rows (the other is row 2)' })]);
  });

  it("a markup that applies to a code that is not a section", () => {
    const ps = errors(runEngine(budgetWorkbook({ Markups: [["Bond", 0.02, "1000, 1100"]] })).problems);
    expect(ps).toEqual([
      expect.objectContaining({ table: "Markups", row: 2, column: "Applies To", message: 'Applies To names "1100", which is not a top-level section (its Parent is "1000")' }),
    ]);
  });

  it("a percentage over 100% is a warning, not an error", () => {
    const r = runEngine(budgetWorkbook({ Markups: [["Contingency", 10, ""]] }));
    expect(errors(r.problems)).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: "warning", column: "Percent" })]);
  });

  it("headers match case- and punctuation-insensitively, with aliases; blank rows are skipped", () => {
    const tables = budgetTables();
    tables[1] = table("BUDGET", ["acct", "description", "Qty", "units", "x", "RATE", "fringes"], [
      ["1100", "Fee", 1, "", null, 100, ""],
      [null, "", null, null, null, null, null],
      ["1100", "Fee", 2, "", null, 100, ""],
    ]);
    const r = runEngine({ tables });
    expect(errors(r.problems)).toEqual([]);
    expect(r.budget!.byCode.get("1100")!.own.lines).toBe(30000);
  });
});

describe("credits and exact sums", () => {
  it("a credit cancels the line it mirrors, fringes included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2000 }), (rateCents, qty, cutoff) => {
        const r = runEngine(
          budgetWorkbook({
            Budget: [
              ["1100", "Line", qty / 100, "", null, rateCents / 100, "FICA, MED, PH"],
              ["1100", "Credit", -qty / 100, "", null, rateCents / 100, "FICA, MED, PH"],
            ],
            Fringes: [["FICA", "", "%", 0.062, cutoff || null], ["MED", "", "%", 0.0145, null], ["PH", "", "Flat", 25, null]],
          }),
        );
        expect(r.budget!.byCode.get("1100")!.own.budget).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("100,000 lines of 0.01 sum to exactly 1,000.00", () => {
    const lines = Array.from({ length: 100_000 }, () => ["1100", "", 1, "", null, 0.01, ""]);
    const r = runEngine(budgetWorkbook({ Budget: lines, Markups: [], Ledger: [], Forecast: [] }));
    expect(r.budget!.total).toBe(100_000);
  });
});
