import ExcelJS from "exceljs";
import { CellValue, RawTable, WorkbookInput } from "../core/cells";
import { REGISTRY_SHEET, ReadBackValue, RegistryEntry } from "../core/layout/ownership";

/**
 * ExcelJS workbook → WorkbookInput. Every table (ListObject) is read by its name, then every
 * sheet is read as a table with its header in row 1, so a workbook saved by LibreOffice or
 * Google Sheets (which write no ListObjects) still reads. Prodbook's own sheets are skipped.
 */
export function readWorkbookInput(wb: ExcelJS.Workbook, name?: string): WorkbookInput {
  const generated = new Set(readRegistry(wb).map((e) => e.sheet.toLowerCase()));
  const inputSheets = wb.worksheets.filter((ws) => ws.name !== REGISTRY_SHEET && !generated.has(ws.name.toLowerCase()));
  const tables: RawTable[] = [];
  for (const ws of inputSheets) {
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const raw = readListObject(ws, t);
      if (raw) tables.push(raw);
    }
  }
  for (const ws of inputSheets) tables.push(readSheetAsTable(ws));
  return { name, tables };
}

/** Names of the sheets that hold inputs (everything but Prodbook's generated sheets and registry). */
export function inputSheetNames(wb: ExcelJS.Workbook): string[] {
  const generated = new Set(readRegistry(wb).map((e) => e.sheet.toLowerCase()));
  return wb.worksheets.filter((ws) => ws.name !== REGISTRY_SHEET && !generated.has(ws.name.toLowerCase())).map((ws) => ws.name);
}

/** The ownership registry `_Prodbook` (Sheet | Kind | Fingerprint | Written); [] when absent. */
export function readRegistry(wb: ExcelJS.Workbook): RegistryEntry[] {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return [];
  const out: RegistryEntry[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const sheet = textOf(cellValue(row.getCell(1).value));
    if (!sheet) return;
    out.push({
      sheet,
      kind: textOf(cellValue(row.getCell(2).value)),
      fingerprint: textOf(cellValue(row.getCell(3).value)),
      written: textOf(cellValue(row.getCell(4).value)),
    });
  });
  return out;
}

function textOf(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

interface TableModelLike {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
  rows?: unknown[][];
}

/**
 * A ListObject. ExcelJS 4.4 exposes loaded tables through `getTables()` with the parsed
 * definition in `.table` (`tableRef` "B3:C5" when loaded; `ref` is the top-left cell of a table
 * made with addTable and not yet saved).
 */
function readListObject(ws: ExcelJS.Worksheet, t: ExcelJS.Table): RawTable | undefined {
  const model = ((t as unknown as { table?: TableModelLike }).table ?? (t as unknown as { model?: TableModelLike }).model) as TableModelLike | undefined;
  if (!model) return undefined;
  const name = model.name ?? model.displayName;
  if (!name) return undefined;
  let range = parseRange(model.tableRef ?? "");
  if (!range && model.ref) {
    const tl = parseRange(model.ref);
    if (!tl) return undefined;
    const cols = model.columns?.length ?? 1;
    const rows = (model.rows?.length ?? 0) + (model.headerRow === false ? 0 : 1) + (model.totalsRow ? 1 : 0);
    range = { r1: tl.r1, c1: tl.c1, r2: tl.r1 + Math.max(rows, 1) - 1, c2: tl.c1 + cols - 1 };
  }
  if (!range) return undefined;
  const hasHeader = model.headerRow !== false;
  const headerRow = hasHeader ? range.r1 : range.r1 - 1;
  const headers: string[] = [];
  for (let c = range.c1; c <= range.c2; c++) {
    const v = hasHeader ? cellValue(ws.getCell(range.r1, c).value) : null;
    headers.push(v === null ? (model.columns?.[c - range.c1]?.name ?? "") : textOf(v));
  }
  const lastData = range.r2 - (model.totalsRow ? 1 : 0);
  const rows: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastData; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = range.c1; c <= range.c2; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  return { name, sheet: ws.name, headerRow, firstColumn: range.c1, headers, rows };
}

/** A sheet read as one table: headers in row 1 up to the last non-blank header, rows to the last used row. */
function readSheetAsTable(ws: ExcelJS.Worksheet): RawTable {
  const headerCells: CellValue[] = [];
  const first = ws.getRow(1);
  first.eachCell({ includeEmpty: false }, (cell, c) => {
    headerCells[c - 1] = cellValue(cell.value);
  });
  let width = headerCells.length;
  while (width > 0 && (headerCells[width - 1] === null || headerCells[width - 1] === undefined || headerCells[width - 1] === "")) width--;
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(headerCells[c] === undefined || headerCells[c] === null ? "" : textOf(headerCells[c]));
  const rows: CellValue[][] = [];
  if (width > 0) {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      const cells: CellValue[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
      rows[r - 2] = cells;
    });
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= new Array<CellValue>(width).fill(null);
  return { name: ws.name, sheet: ws.name, headerRow: 1, firstColumn: 1, headers, rows };
}

/**
 * A cell value as the engine takes it: rich text → its text, formula → its cached result,
 * hyperlink → its text, error → its text ("#N/A"), dates → JS Date (times too, as ExcelJS gives
 * them: a Date on 1899-12-30).
 */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) {
      const res = o.result;
      if (res === undefined || res === null) return null;
      return cellValue(res as ExcelJS.CellValue);
    }
    if ("hyperlink" in o || "text" in o) return cellValue(o.text as ExcelJS.CellValue);
  }
  return String(v);
}

/** -Date.UTC(1899, 11, 30): Excel serial 0 in the 1900 date system. */
const EXCEL_DAY0_MS = 2_209_161_600_000;

/** A value as both hosts read it back for fingerprints: dates as Excel serials, formulas as results. */
export function readBackValue(v: ExcelJS.CellValue | undefined): ReadBackValue {
  const c = cellValue(v);
  // Whole milliseconds since Excel's day 0 first, then one division: a time read back (ExcelJS
  // gives 07:00 as a Date in 1899) comes out as the very double 7/24 that was written.
  if (c instanceof Date) return (c.getTime() + EXCEL_DAY0_MS) / 86_400_000;
  return c;
}

/** The used values of a sheet as a grid (row-major, 0-based) for fingerprinting. */
export function sheetReadBackGrid(ws: ExcelJS.Worksheet): ReadBackValue[][] {
  const grid: ReadBackValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: ReadBackValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      line[c - 1] = readBackValue(cell.value);
    });
    grid[r - 1] = line;
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "B3:C5" or "B3" (or "$B$3") → 1-based bounds. */
export function parseRange(ref: string): Range | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
