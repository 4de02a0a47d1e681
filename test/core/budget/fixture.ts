import { table, workbook } from "../../helpers/workbook";
import { CellValue, RawTable } from "../../../src/core/cells";

/**
 * A small budget worked out by hand (figures in the tests). Rows are Excel rows 2.. under the header.
 */
export const ACCOUNTS: CellValue[][] = [
  ["1000", "Above-the-Line", ""],
  ["1100", "Writer", "1000"],
  ["1200", "Producer", "1000"],
  ["2000", "Production", ""],
  ["2100", "Camera", "2000"],
  ["2110", "Camera Rentals", "2100"],
  ["2200", "Grip", "2000"],
  ["5000", "Other", ""],
  ["5100", "Insurance", "5000"],
  ["5200", "Miscellaneous", "5000"],
];

export const BUDGET: CellValue[][] = [
  ["1100", "Writer fee", 1, "Allow", null, 50000, "FICA, MED"],
  ["1200", "Producer", 10, "Weeks", 1, 3333.335, "MED, PH"],
  ["2110", "Camera package", 5, "Days", 2, 1234.567, ""],
  ["2200", "Grip", 3, "Days", 1, 100.005, "PH"],
  ["2200", "Credit", -1, "Allow", null, 50.125, "MED"],
  ["5100", "Insurance", 1, "Allow", null, 10000, null],
  ["2100", "Camera dept (posted to the parent)", 1, "Allow", null, 500, null],
];

export const FRINGES: CellValue[][] = [
  ["FICA", "Social Security", "%", 0.062, 1000],
  ["MED", "Medicare", "%", 0.0145, null],
  ["PH", "Pension & Health", "Flat", 25, null],
];

export const MARKUPS: CellValue[][] = [
  ["Contingency", 0.1, ""],
  ["Insurance", 0.03, "1000, 2000"],
];

export const LEDGER: CellValue[][] = [
  ["2026-01-05", "1100", "WGA writer", "Fee 1", 30000, "Actual"],
  ["2026-01-06", "1100", "WGA writer", "Fee 2", 20000, "Committed"],
  ["2026-01-07", "2110", "Panavision", "Rental", 13000, "Actual"],
  ["2026-01-08", "2200", "Grip Co", "PO 17", 100, "Committed"],
  ["2026-01-09", "5100", "Broker", "Deposit", 500, "Actual"],
  ["2026-01-10", "5200", "Petty", "Tape", 0.01, "Actual"],
];

export const FORECAST: CellValue[][] = [["5100", 12000]];

export function budgetTables(over: Partial<Record<string, CellValue[][]>> = {}): RawTable[] {
  return [
    table("Accounts", ["Code", "Name", "Parent"], over.Accounts ?? ACCOUNTS),
    table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], over.Budget ?? BUDGET),
    table("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff"], over.Fringes ?? FRINGES),
    table("Markups", ["Name", "Percent", "Applies To"], over.Markups ?? MARKUPS),
    table("Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type"], over.Ledger ?? LEDGER),
    table("Forecast", ["Account", "ETC"], over.Forecast ?? FORECAST),
  ];
}

export function budgetWorkbook(over: Partial<Record<string, CellValue[][]>> = {}, extra: RawTable[] = []) {
  return workbook(...budgetTables(over), ...extra);
}
