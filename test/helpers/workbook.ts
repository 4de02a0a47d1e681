import { CellValue, RawTable, WorkbookInput } from "../../src/core/cells";

/** A table as an adapter would hand it over: header on `headerRow`, data rows below. */
export function table(name: string, headers: string[], rows: CellValue[][], opts: Partial<RawTable> = {}): RawTable {
  return { name, sheet: opts.sheet ?? name, headerRow: opts.headerRow ?? 1, firstColumn: opts.firstColumn ?? 1, headers, rows };
}

export function workbook(...tables: RawTable[]): WorkbookInput {
  return { name: "Test Production.xlsx", tables };
}
