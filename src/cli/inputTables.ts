/**
 * Writes whole input tables (Stripboard, Cast, Breakdown, ...) into a workbook package: the one
 * place the import command edits input tables, through the package-preserving layer. An
 * existing table is rewritten row by row: a row whose values do not change keeps its cells as
 * they are (formulas, rich text, styles); a changed row takes the old row's look; new rows extend
 * the table. A missing table gets its own sheet as an Excel table.
 */
import { CellValue, RawTable, WorkbookInput, findTable, isBlank } from "../core/cells";
import { CliError, EXIT } from "./io";
import { RowWrite, TablePlace, addTableSheet, rewriteTableRows, sheetPlace, tablePlace } from "./xlsx/tableEdit";
import { TableEditError, XlsxFile } from "./xlsx/xlsxFile";

export interface InputTable {
  name: string;
  headers: string[];
  rows: CellValue[][];
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (isBlank(x) && isBlank(y)) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (typeof x === "number" || typeof y === "number") return String(x).trim() === String(y).trim();
  return x === y;
}

function placeOf(file: XlsxFile, raw: RawTable): TablePlace | undefined {
  return tablePlace(file, raw.name) ?? sheetPlace(file, raw.sheet, raw.headers.length, raw.rows.length);
}

/** Writes every table; checks first that each fits, so a refusal leaves the workbook as it was. */
export function writeInputTables(file: XlsxFile, input: WorkbookInput, tables: InputTable[]): void {
  const plans = tables.map((t) => {
    const raw = findTable(input, t.name);
    const place = raw ? placeOf(file, raw) : undefined;
    if (raw && place && t.headers.length > place.width) {
      const missing = t.headers.slice(place.width).join(" and ");
      throw new CliError(`Table ${raw.name} on sheet ${raw.sheet} needs the column${t.headers.length - place.width > 1 ? "s" : ""} ${missing}: add ${t.headers.length - place.width > 1 ? "them" : "it"} at the right of the table (headers only) and import again; nothing was written.`, EXIT.problems);
    }
    return { t, raw, place };
  });
  try {
    for (const { t, raw, place } of plans) {
      if (raw && place) {
        const writes: RowWrite[] = t.rows.map((values, i) => {
          const old = raw.rows[i];
          const row = place.headerRow + 1 + i;
          if (old && values.every((v, j) => same(v, old[j])) && old.every((v, j) => j >= values.length || same(v, values[j]))) return { values, copyFrom: row };
          return { values, lookFrom: i < raw.rows.length ? row : place.rowCount > 0 ? place.headerRow + 1 : undefined };
        });
        rewriteTableRows(file, place, writes);
      } else {
        addTableSheet(file, t.name, t.name, t.headers, t.rows);
      }
    }
  } catch (e) {
    if (e instanceof TableEditError) throw new CliError(`Cannot write the imported tables: ${e.message}.`, EXIT.problems);
    throw e;
  }
}
