/**
 * Appending rows to an input table of an .xlsx (ledger import), through the package-preserving
 * layer: the table's rows stay cell for cell, new rows take the look of its last row, and the
 * table's ref, filter and totals row follow.
 */
import { CellValue, RawTable, isBlank } from "../core/cells";
import { toJsDate } from "../core/dates";
import { CliError, EXIT } from "./io";
import { RowWrite, rewriteTableRows, sheetPlace, tablePlace } from "./xlsx/tableEdit";
import { TableEditError, XlsxFile } from "./xlsx/xlsxFile";

/** A new cell: text stays text, `{ date }` is an EpochDay written as a real date, numbers as numbers. */
export type NewCell = string | number | { date: number } | null;

/**
 * Appends `rows` (aligned with the table's headers) below the last non-blank row of `raw`. Throws
 * a CliError, before changing anything, when the rows would run over the user's cells or another
 * table; a table cannot grow columns here, so `rows` must be no wider than the table.
 */
export function appendTableRows(file: XlsxFile, raw: RawTable, rows: NewCell[][]): void {
  const place = tablePlace(file, raw.name) ?? sheetPlace(file, raw.sheet, raw.headers.length, raw.rows.length);
  if (!place) throw new Error(`table ${raw.name} not found in the package`);
  let used = raw.rows.length;
  while (used > 0 && raw.rows[used - 1].every((v) => isBlank(v))) used--;
  const dataStart = place.headerRow + 1;
  const keep: RowWrite[] = raw.rows.slice(0, used).map((values, i) => ({ values, copyFrom: dataStart + i }));
  const look = used > 0 ? dataStart + used - 1 : undefined;
  const fresh: RowWrite[] = rows.map((cells) => ({
    values: raw.headers.map((_, j): CellValue => {
      const v = cells[j] ?? null;
      return v !== null && typeof v === "object" ? toJsDate(v.date) : v;
    }),
    lookFrom: look,
  }));
  try {
    rewriteTableRows(file, place, [...keep, ...fresh]);
  } catch (e) {
    if (e instanceof TableEditError) throw new CliError(`Cannot add the lines to ${raw.name}: ${e.message}.`, EXIT.problems);
    throw e;
  }
}
