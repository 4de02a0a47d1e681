/**
 * Writes whole input tables (Stripboard, Cast, Breakdown, ...) into an ExcelJS workbook: the one
 * place the CLI edits input tables, so that moving onto another .xlsx layer touches one file.
 * An existing table is rewritten cell by cell: a cell whose value does not change is not touched
 * (its formula, rich text, comment and format stay); new rows and columns extend the Excel table.
 * A missing table gets its own sheet as an Excel table.
 */
import ExcelJS from "exceljs";
import { CellValue, RawTable, WorkbookInput, columnLetters, findTable, isBlank } from "../core/cells";
import { showValue } from "../core/problems";
import { CliError, EXIT } from "./io";
import { cellValue, parseRange } from "./xlsxReader";

export interface InputTable {
  name: string;
  headers: string[];
  rows: CellValue[][];
}

interface TableModel {
  name?: string;
  tableRef?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
  headerRow?: boolean;
  columns?: { name: string; filterButton?: boolean }[];
}

function modelOf(t: ExcelJS.Table): TableModel {
  return (t as unknown as { table: TableModel }).table;
}

function same(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === "number" || typeof b === "number") return String(a).trim() === String(b).trim();
  return a === b;
}

/** Writes every table; checks first that each has room, so nothing is half-written. */
export function writeInputTables(wb: ExcelJS.Workbook, input: WorkbookInput, tables: InputTable[]): void {
  const plans = tables.map((t) => ({ t, raw: findTable(input, t.name) }));
  for (const p of plans) if (p.raw) checkRoom(wb, p.raw, p.t);
  for (const p of plans) {
    if (p.raw) rewrite(wb, p.raw, p.t);
    else addTable(wb, p.t);
  }
}

function checkRoom(wb: ExcelJS.Workbook, raw: RawTable, t: InputTable): void {
  const ws = wb.getWorksheet(raw.sheet);
  if (!ws) throw new Error(`sheet ${raw.sheet} not found`);
  const oldLast = raw.headerRow + raw.rows.length;
  const newLast = raw.headerRow + t.rows.length;
  const oldWidth = raw.headers.length;
  const newWidth = t.headers.length;
  const totals = listObject(ws, raw) && modelOf(listObject(ws, raw)!).totalsRow;
  if (totals && newLast > oldLast) {
    throw new CliError(`Table ${raw.name} on sheet ${raw.sheet} has a totals row and needs ${newLast - oldLast} more row(s): turn the totals row off (Table Design > Total Row) and import again; nothing was written.`, EXIT.problems);
  }
  for (let r = raw.headerRow; r <= newLast; r++) {
    for (let c = 0; c < newWidth; c++) {
      if (r <= oldLast && c < oldWidth) continue;
      const cell = ws.getRow(r).getCell(raw.firstColumn + c);
      const v = cellValue(cell.value);
      if (!isBlank(v)) {
        throw new CliError(`Table ${raw.name} needs more room, but ${ws.name}!${columnLetters(raw.firstColumn + c)}${r} beside it holds ${showValue(v)}. Move what is there and import again; nothing was written.`, EXIT.problems);
      }
    }
  }
}

function listObject(ws: ExcelJS.Worksheet, raw: RawTable): ExcelJS.Table | undefined {
  const tables = ws.getTables() as unknown as ExcelJS.Table[];
  return (
    tables.find((t) => (modelOf(t).name ?? "").toLowerCase() === raw.name.toLowerCase()) ??
    tables.find((t) => {
      const r = parseRange(modelOf(t).tableRef ?? "");
      return r && r.r1 === raw.headerRow && r.c1 === raw.firstColumn;
    })
  );
}

function rewrite(wb: ExcelJS.Workbook, raw: RawTable, t: InputTable): void {
  const ws = wb.getWorksheet(raw.sheet)!;
  const width = Math.max(t.headers.length, raw.headers.length);
  t.headers.forEach((h, c) => {
    if (c >= raw.headers.length) ws.getRow(raw.headerRow).getCell(raw.firstColumn + c).value = h;
  });
  const rowCount = Math.max(t.rows.length, raw.rows.length);
  for (let i = 0; i < rowCount; i++) {
    const next = t.rows[i];
    const old = raw.rows[i];
    const row = ws.getRow(raw.headerRow + 1 + i);
    for (let c = 0; c < width; c++) {
      const v = next ? (next[c] ?? null) : null;
      const was = old ? (old[c] ?? null) : null;
      if (old && c < raw.headers.length && same(v, was)) continue;
      const cell = row.getCell(raw.firstColumn + c);
      // Text stays text: a value starting with "=" is a string, never a formula.
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date && !cell.numFmt) cell.numFmt = "yyyy-mm-dd";
    }
  }
  const lo = listObject(ws, raw);
  if (lo) {
    const m = modelOf(lo);
    const range = parseRange(m.tableRef ?? "");
    if (!range) return;
    const lastCol = raw.firstColumn + width - 1;
    const lastRow = raw.headerRow + Math.max(1, t.rows.length) + (m.totalsRow ? 1 : 0);
    m.tableRef = `${columnLetters(range.c1)}${range.r1}:${columnLetters(lastCol)}${Math.max(lastRow, range.r2)}`;
    if (m.autoFilterRef) m.autoFilterRef = `${columnLetters(range.c1)}${range.r1}:${columnLetters(lastCol)}${raw.headerRow + Math.max(1, t.rows.length)}`;
    if (m.columns) for (let c = m.columns.length; c < width; c++) m.columns.push({ name: t.headers[c], filterButton: true });
  }
}

function addTable(wb: ExcelJS.Workbook, t: InputTable): void {
  let name = t.name;
  for (let k = 2; wb.getWorksheet(name); k++) name = `${t.name} (${k})`;
  const ws = wb.addWorksheet(name);
  const tableName = t.name.replace(/[^A-Za-z0-9_]/g, "_");
  ws.addTable({
    name: /^[A-Za-z_]/.test(tableName) ? tableName : `T_${tableName}`,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: (t.rows.length ? t.rows : [t.headers.map(() => null)]) as ExcelJS.CellValue[][],
  });
  t.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...t.rows.slice(0, 500).map((r) => (r[i] === null || r[i] === undefined ? 0 : String(r[i]).length)));
    ws.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 8), 60);
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }];
}
