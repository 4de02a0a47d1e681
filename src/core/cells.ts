import { Problem } from "./problems";

/**
 * What an adapter hands the engine: plain cell values, no Office or ExcelJS objects.
 * Dates may arrive as JS Dates (ExcelJS) or as Excel serial numbers (Office.js `values`);
 * the column's type in the table spec says how to read a number.
 */
export type CellValue = string | number | boolean | Date | null;

export interface RawTable {
  /** Table (ListObject) name, or the sheet name when read from a plain sheet. */
  name: string;
  sheet: string;
  /** Excel row number (1-based) of the header row. */
  headerRow: number;
  /** Excel column number (1-based) of the table's first column. */
  firstColumn: number;
  headers: string[];
  /** Data rows in order; rows[i] is Excel row headerRow + 1 + i. */
  rows: CellValue[][];
}

export interface WorkbookInput {
  /** File or workbook name: the default production title. */
  name?: string;
  /**
   * Problems the reader found in cells it handed over (an error value, a formula it could not
   * compute, a merge inside a table). Readers may fill it lazily, as tables are read; the engine
   * reports them with its own.
   */
  problems?: Problem[];
  /** Tables found by ListObject name, then sheets read as tables (header in row 1). */
  tables: RawTable[];
}

/** Case-insensitive lookup: a ListObject wins over a sheet of the same name. */
export function findTable(wb: WorkbookInput, name: string): RawTable | undefined {
  const key = normalizeName(name);
  return wb.tables.find((t) => normalizeName(t.name) === key);
}

export function normalizeName(s: string): string {
  return s.trim().toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

/** Column number (1-based) to letters: 1 -> A, 28 -> AB. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
