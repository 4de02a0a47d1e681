import { CellValue } from "../cells";

/**
 * The Stripboard order before an optimization was applied, kept in the workbook so it can be
 * restored later, from Excel or the command line alike: a very hidden sheet whose row 1 says what
 * it is, row 2 holds the Stripboard headers and the rows below hold the old data rows.
 */
export const UNDO_SHEET = "_Prodbook Undo";
const MARK = "Prodbook stripboard before optimizing";

export interface SavedBoard {
  /** Table name (or sheet name for a sheet-based Stripboard). */
  table: string;
  sheet: string;
  /** ISO timestamp of the apply. */
  when: string;
  headers: string[];
  rows: CellValue[][];
}

export function undoGrid(b: SavedBoard): CellValue[][] {
  const width = Math.max(4, b.headers.length);
  const pad = (r: CellValue[]) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i]));
  return [pad([MARK, b.when, b.table, b.sheet]), pad(b.headers), ...b.rows.map(pad)];
}

/** Reads the undo sheet's values back; undefined when it is not one. */
export function parseUndoGrid(grid: CellValue[][]): SavedBoard | undefined {
  if (grid.length < 2 || grid[0][0] !== MARK) return undefined;
  const headers = grid[1].map((h) => (h === null || h === undefined ? "" : String(h)));
  while (headers.length && headers[headers.length - 1] === "") headers.pop();
  const width = headers.length;
  return {
    when: String(grid[0][1] ?? ""),
    table: String(grid[0][2] ?? ""),
    sheet: String(grid[0][3] ?? ""),
    headers,
    rows: grid.slice(2).map((r) => r.slice(0, width).map((v) => (v === undefined ? null : v))),
  };
}
