import { CellValue, RawTable, WorkbookInput, normalizeName } from "../core/cells";
import { isDateNumberFormat, serialToJsDate } from "../core/dates";

/** The contract's input tables (WORKBOOK.md): sheets of these names are read when no table has the name. */
export const CONTRACT_TABLES = [
  "Settings",
  "Holidays",
  "Accounts",
  "Budget",
  "Fringes",
  "Markups",
  "Ledger",
  "Forecast",
  "Stripboard",
  "Strip Colors",
  "Cast",
  "Cast Days",
  "Locations",
  "Calls",
  // Call-sheet extensions (docs/WORKBOOK-EXTENSIONS.md, issue 14).
  "Crew",
  "Contacts",
  "Unavailable",
  "Globals",
  // Prodbook's very hidden record of locked budget versions (core/budget/versions).
  "_Prodbook Versions",
] as const;

/** "Budget!B2:H40" or "'Strip Colors'!A1:C9" → sheet, first row, first column (1-based). */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(address.slice(bang + 1));
  if (!m) throw new Error(`Cannot read the address ${address}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[2]), column };
}

/**
 * Office.js gives "" for an empty cell; the engine wants null. A number in a date-formatted cell
 * is a date (Office.js `values` gives dates as serials): it goes to the engine as a Date, as the
 * command line's reader gives it, so "3/8" that Excel turned into 8 March in a Pages cell is
 * reported as a date rather than read as 46,000 pages.
 */
function cell(v: unknown, format?: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" && typeof format === "string" && isDateNumberFormat(format)) return serialToJsDate(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** A range's values (header first) as a table, dates read by their number format as readWorkbook reads them. */
export function toRawTable(name: string, address: string, values: unknown[][], formats?: unknown[][]): RawTable {
  return toRaw(name, address, values, formats);
}

function toRaw(name: string, address: string, values: unknown[][], formats?: unknown[][]): RawTable {
  const at = parseAddress(address);
  const [header = [], ...rows] = values;
  const [, ...rowFormats] = formats ?? [];
  return {
    name,
    sheet: at.sheet,
    headerRow: at.row,
    firstColumn: at.column,
    headers: header.map((h) => (h === null || h === undefined ? "" : String(h))),
    rows: rows.map((r, i) => r.map((v, j) => cell(v, rowFormats[i]?.[j]))),
  };
}

/**
 * Reads every table (ListObject) with its sheet, header, body and address, and every sheet named
 * like a contract table that has no ListObject of that name (header in row 1). Two syncs whatever
 * the size: names first, then all ranges in one request. The ranges are untracked before that
 * request is sent, so Excel keeps no reference to them: untracked after it, office.js would send
 * two more requests to release them (measured through office.js, test/excel/readWorkbook.test.ts).
 */
export async function readWorkbook(ctx: Excel.RequestContext): Promise<WorkbookInput> {
  const tables = ctx.workbook.tables.load("items/name,items/showTotals");
  const sheets = ctx.workbook.worksheets.load("items/name");
  const book = ctx.workbook.load("name");
  await ctx.sync();

  // Number formats in the same request as the values: they say which numbers are dates.
  const tableRanges = tables.items.map((t) => ({ name: t.name, totals: t.showTotals, range: t.getRange().untrack().load("values,numberFormat,address") }));
  const tableNames = new Set(tables.items.map((t) => normalizeName(t.name)));
  const contract = new Set<string>(CONTRACT_TABLES.map((n) => normalizeName(n)));
  const sheetRanges = sheets.items
    .filter((s) => contract.has(normalizeName(s.name)) && !tableNames.has(normalizeName(s.name)))
    .map((s) => ({ name: s.name, range: s.getUsedRangeOrNullObject(true).untrack().load("values,numberFormat,address") }));
  await ctx.sync();

  const out: RawTable[] = [];
  for (const t of tableRanges) {
    // A table's Total Row (SUMs under the columns) is not data.
    const body = (g: unknown[][]) => (t.totals ? g.slice(0, -1) : g);
    out.push(toRaw(t.name, t.range.address, body(t.range.values), body(t.range.numberFormat)));
  }
  for (const s of sheetRanges) {
    if (s.range.isNullObject) continue;
    const raw = toRaw(s.name, s.range.address, s.range.values, s.range.numberFormat);
    // The contract puts a plain sheet's header in row 1; a used range that starts lower has none.
    if (raw.headerRow !== 1) {
      const gap: CellValue[][] = Array.from({ length: raw.headerRow - 2 }, () => []);
      raw.rows = [...gap, raw.headers.map(cell), ...raw.rows];
      raw.headers = [];
      raw.headerRow = 1;
    }
    out.push(raw);
  }
  return { name: book.name, tables: out };
}
