/**
 * Edits of the user's input tables in place, inside their worksheet part: only the cells of the
 * table's columns in the rows it covers change; every other cell, row attribute and part of the
 * sheet stays as written. Used by `optimize` (the Stripboard's rows), imports (a Ledger's rows)
 * and `demo` (new sheets holding a table).
 */
import { CellValue, columnLetters, isBlank } from "../../core/cells";
import { tableColumnWidths } from "../../core/layout/print";
import { CT, REL, addOverride, addRelationship } from "./opc";
import { parseAddress } from "./sheetData";
import { TableExtent, moveDefinedNames, moveSheetRanges } from "./tableGrowth";
import { TableEditError, XlsxFile } from "./xlsxFile";
import { esc, escText, rootPrefix } from "./xml";

/** A new data row: its values, and optionally an old row (Excel row number) whose cells it keeps or whose look it takes. */
export interface RowWrite {
  values: CellValue[];
  /** Keep this old row's cells as they are (rich text, links, styles); its formulas become the given values. */
  copyFrom?: number;
  /** Take this old row's cell styles for the given values. */
  lookFrom?: number;
}

/** Where a block of table rows lives: a ListObject, or a sheet read as a table (header in row 1). */
export interface TablePlace {
  sheet: string;
  /** The ListObject's name, when it is one. */
  table?: string;
  headerRow: number;
  firstColumn: number;
  width: number;
  /** Data rows now. */
  rowCount: number;
  /** The ListObject has a totals row right below the data. */
  totals: boolean;
}

interface RowEl {
  r: number;
  attrs: string;
  cells: Map<number, string>;
}

const ROW_RE = /<((?:[\w.-]+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL_RE = /<((?:[\w.-]+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

/** The place of a ListObject by name; undefined when there is none. */
export function tablePlace(file: XlsxFile, name: string): TablePlace | undefined {
  const t = file.findTable(name);
  if (!t) return undefined;
  const headerRow = t.headerRowCount > 0 ? t.ref.r1 : t.ref.r1 - 1;
  return { sheet: t.sheet, table: t.name, headerRow, firstColumn: t.ref.c1, width: t.ref.c2 - t.ref.c1 + 1, rowCount: t.ref.r2 - t.totalsRowCount - headerRow, totals: t.totalsRowCount > 0 };
}

/**
 * Replaces the data rows of a named input table (a ListObject, or a sheet read as one) with
 * `rows`: new rows take the look of the first data row, the table's ref and filter grow or shrink
 * with it, and a totals row moves below. Throws TableEditError when the table would run over
 * the user's cells.
 */
export function replaceTableRows(file: XlsxFile, name: string, rows: CellValue[][], place?: TablePlace): void {
  const at = place ?? tablePlace(file, name) ?? sheetPlace(file, name);
  if (!at) throw new TableEditError(`the workbook has no table or sheet ${name}`);
  const look = at.rowCount > 0 ? at.headerRow + 1 : undefined;
  rewriteTableRows(file, at, rows.map((values) => ({ values, lookFrom: look })));
}

/** A sheet read as a table: header in row 1 as wide as its headers, data to the last row with a value. */
export function sheetPlace(file: XlsxFile, sheet: string, width?: number, rowCount?: number): TablePlace | undefined {
  const s = file.sheetEntry(sheet);
  if (!s) return undefined;
  const input = file.readInput();
  const raw = input.tables.find((t) => t.sheet === s.name && t.name === s.name);
  return { sheet: s.name, headerRow: 1, firstColumn: 1, width: width ?? raw?.headers.length ?? 1, rowCount: rowCount ?? raw?.rows.length ?? 0, totals: false };
}

/** Rewrites a table's data rows from RowWrites; returns how many formula cells became values. */
export function rewriteTableRows(file: XlsxFile, place: TablePlace, rows: RowWrite[]): { formulas: number } {
  const entry = file.sheetEntry(place.sheet);
  if (!entry?.part) throw new TableEditError(`sheet ${place.sheet} has no worksheet part`);
  const text = file.pkg.text(entry.part)!;
  const p = rootPrefix(text, "worksheet");
  const sd = new RegExp(`<${p.replace(/\./g, "\\.")}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p.replace(/\./g, "\\.")}sheetData>)`).exec(text);
  if (!sd) throw new TableEditError(`sheet ${place.sheet} has no cells`);
  const rowEls = new Map<number, RowEl>();
  const order: number[] = [];
  let lastR = 0;
  for (const m of (sd[1] ?? "").matchAll(ROW_RE)) {
    const rAttr = /\br="(\d+)"/.exec(m[2])?.[1];
    const r = rAttr ? Number(rAttr) : lastR + 1;
    lastR = r;
    const cells = new Map<number, string>();
    let lastC = 0;
    for (const c of (m[3] ?? "").matchAll(CELL_RE)) {
      const ref = /\br="([^"]+)"/.exec(c[2])?.[1];
      const col = ref ? (parseAddress(ref)?.c ?? lastC + 1) : lastC + 1;
      lastC = col;
      cells.set(col, c[0]);
    }
    rowEls.set(r, { r, attrs: m[2], cells });
    order.push(r);
  }
  const { firstColumn: c1, width, headerRow } = place;
  const c2 = c1 + width - 1;
  const dataStart = headerRow + 1;
  const oldCount = place.rowCount;
  const count = place.table ? Math.max(1, rows.length) : rows.length; // an Excel table keeps one data row
  const oldEnd = dataStart + oldCount - 1 + (place.totals ? 1 : 0);
  const newEnd = dataStart + count - 1 + (place.totals ? 1 : 0);
  const styles = file.stylesForEdit();
  const reader = file.cells;

  // Room below: cells the table would grow over must be blank, and no other table may be there.
  if (newEnd > oldEnd) {
    for (let r = oldEnd + 1; r <= newEnd; r++) {
      for (let c = c1; c <= c2; c++) {
        const v = reader.readCell(place.sheet, r, c).value;
        if (!isBlank(v)) throw new TableEditError(`the table needs ${newEnd - oldEnd} more row(s), but ${place.sheet}!${columnLetters(c)}${r} below it holds ${JSON.stringify(v instanceof Date ? v.toISOString().slice(0, 10) : v)}. Move what is below the table and try again; nothing was written`);
      }
    }
    for (const t of file.tables()) {
      if (t.sheet !== place.sheet || (place.table && t.name === place.table)) continue;
      if (t.ref.r1 <= newEnd && t.ref.r2 > oldEnd && t.ref.c1 <= c2 && t.ref.c2 >= c1) {
        throw new TableEditError(`the table needs more rows, but table ${t.name} is below it on ${place.sheet}. Move that table and try again; nothing was written`);
      }
    }
  }

  const oldCell = (r: number, c: number) => rowEls.get(r)?.cells.get(c);
  const styleOf = (xml: string | undefined) => Number(/\bs="(\d+)"/.exec(xml ?? "")?.[1] ?? 0);
  const isFormulaCell = (xml: string | undefined) => !!xml && /<(?:[\w.-]+:)?f\b/.test(xml);
  const snapshot = new Map<number, Map<number, string>>();
  for (let r = dataStart; r <= oldEnd; r++) {
    const line = new Map<number, string>();
    for (let c = c1; c <= c2; c++) {
      const x = oldCell(r, c);
      if (x) line.set(c, x);
    }
    snapshot.set(r, line);
  }
  const heights = new Map<number, string>();
  for (let r = dataStart; r <= oldEnd; r++) {
    const a = rowEls.get(r)?.attrs ?? "";
    const h = /\sht="[^"]*"(\s+customHeight="[^"]*")?/.exec(a)?.[0];
    if (h) heights.set(r, h);
  }
  const dateXf = styles.xf(undefined, true);

  let formulas = 0;
  const newCells = new Map<number, Map<number, string>>();
  const newHeights = new Map<number, string | undefined>();
  for (let i = 0; i < count; i++) {
    const r = dataStart + i;
    const w = rows[i] ?? { values: [] };
    const line = new Map<number, string>();
    const from = w.copyFrom !== undefined ? snapshot.get(w.copyFrom) : undefined;
    const lookRow = w.copyFrom ?? w.lookFrom;
    const look = lookRow !== undefined ? snapshot.get(lookRow) : undefined;
    for (let j = 0; j < width; j++) {
      const c = c1 + j;
      const ref = `${columnLetters(c)}${r}`;
      const src = from?.get(c);
      if (src && !isFormulaCell(src)) {
        line.set(c, src.replace(/\br="[^"]*"/, `r="${ref}"`));
        continue;
      }
      if (src && isFormulaCell(src)) formulas++;
      const s = styleOf(look?.get(c));
      const xml = valueCell(ref, w.values[j] ?? null, s, dateXf, reader.date1904, (st) => reader_isDate(file, st));
      if (xml) line.set(c, xml);
    }
    newCells.set(r, line);
    if (heights.size) newHeights.set(r, lookRow !== undefined ? heights.get(lookRow) : undefined);
  }
  if (place.totals) {
    const old = snapshot.get(dataStart + oldCount) ?? new Map<number, string>();
    const line = new Map<number, string>();
    const r = dataStart + count;
    for (const [c, x] of old) {
      // The totals now cover other rows: drop the cached result, Excel recalculates on open.
      let moved = x.replace(/\br="[^"]*"/, `r="${columnLetters(c)}${r}"`);
      if (isFormulaCell(moved)) moved = moved.replace(/<((?:[\w.-]+:)?)v>[\s\S]*?<\/\1v>/, "");
      line.set(c, moved);
    }
    newCells.set(r, line);
  }

  // Every row from the first data row to the further end is rebuilt for the table's columns.
  const last = Math.max(oldEnd, newEnd);
  for (let r = dataStart; r <= last; r++) {
    let el = rowEls.get(r);
    const fresh = newCells.get(r) ?? new Map<number, string>();
    if (!el) {
      if (fresh.size === 0) continue;
      el = { r, attrs: ` r="${r}"`, cells: new Map() };
      rowEls.set(r, el);
      order.push(r);
    }
    for (let c = c1; c <= c2; c++) el.cells.delete(c);
    for (const [c, x] of fresh) el.cells.set(c, x);
    el.attrs = el.attrs.replace(/\sspans="[^"]*"/, "");
    if (newHeights.has(r)) {
      el.attrs = el.attrs.replace(/\sht="[^"]*"/, "").replace(/\scustomHeight="[^"]*"/, "");
      const h = newHeights.get(r);
      if (h) el.attrs += h;
    }
  }
  order.sort((a, b) => a - b);
  const body = [...new Set(order)]
    .map((r) => {
      const el = rowEls.get(r)!;
      const cells = [...el.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      const attrs = /\br="/.test(el.attrs) ? el.attrs : ` r="${r}"${el.attrs}`;
      return cells.length ? `<${p}row${attrs}>${cells.join("")}</${p}row>` : `<${p}row${attrs}/>`;
    })
    .join("");
  let out = text.slice(0, sd.index) + `<${p}sheetData>${body}</${p}sheetData>` + text.slice(sd.index + sd[0].length);

  const lastData = dataStart + count - 1;
  if (place.table) {
    const t = file.findTable(place.table)!;
    const tText = file.pkg.text(t.part)!;
    const tr = `${columnLetters(t.ref.c1)}${t.ref.r1}:${columnLetters(t.ref.c2)}${newEnd}`;
    let nt = tText.replace(/(<(?:[\w.-]+:)?table\b[^>]*?\s)ref="[^"]*"/, `$1ref="${tr}"`);
    nt = nt.replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\s)ref="[^"]*"/, `$1ref="${columnLetters(t.ref.c1)}${t.ref.r1}:${columnLetters(t.ref.c2)}${lastData}"`);
    file.pkg.set(t.part, nt);
  } else {
    // A sheet's own filter over the table follows it.
    out = out.replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*?\s)ref="([^"]*)"/, (m, pre: string, ref: string) => {
      const top = parseAddress(ref.split(":")[0]);
      return top && top.r === place.headerRow ? `${pre}ref="${columnLetters(c1)}${place.headerRow}:${columnLetters(c2)}${Math.max(lastData, place.headerRow)}"` : m;
    });
  }
  out = out.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*?\s)ref="([^"]*)"/, (m, pre: string, ref: string) => {
    const [a, b] = ref.split(":");
    const end = parseAddress(b ?? a);
    if (!end || end.r >= newEnd) return m;
    return `${pre}ref="${a}:${columnLetters(Math.max(end.c, c2))}${newEnd}"`;
  });
  // Names, conditional formats and validations that end where the table ended follow it.
  const extent: TableExtent = { sheet: place.sheet, c1, c2, headerRow, oldLastData: dataStart + oldCount - 1, oldEnd, delta: newEnd - oldEnd };
  out = moveSheetRanges(extent, out);
  file.pkg.set(entry.part, out);
  const wbPart = file.cells.workbookPart;
  const wb = file.pkg.text(wbPart);
  if (wb !== undefined) {
    const moved = moveDefinedNames(extent, wb);
    if (moved !== wb) file.pkg.set(wbPart, moved);
  }
  file.refreshAfterEdit();
  return { formulas };
}

function reader_isDate(file: XlsxFile, style: number): boolean {
  return file.cells.isDateStyle(style);
}

/** A value cell: text inline (never a formula), numbers, booleans, dates as serials in a date style. */
function valueCell(ref: string, v: CellValue, s: number, dateXf: number, date1904: boolean, isDateStyle: (s: number) => boolean): string | undefined {
  const sAttr = (x: number) => (x ? ` s="${x}"` : "");
  if (v === null || v === undefined || v === "") return s ? `<c r="${ref}"${sAttr(s)}/>` : undefined;
  if (typeof v === "string") return `<c r="${ref}"${sAttr(s)} t="inlineStr"><is><t xml:space="preserve">${escText(v)}</t></is></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${sAttr(s)}><v>${v}</v></c>` : undefined;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr(s)} t="b"><v>${v ? 1 : 0}</v></c>`;
  const serial = v.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
  return `<c r="${ref}"${sAttr(s && isDateStyle(s) ? s : dateXf)}><v>${serial}</v></c>`;
}

export interface NewTableOptions {
  /** Excel number formats by header. */
  formats?: Record<string, string>;
  /** Column widths in characters; by default from the longest value. */
  widths?: number[];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
}

/** Excel table names: letters, digits, underscores and dots, not starting with a digit. */
export function tableNameFor(name: string): string {
  let n = name.replace(/[^A-Za-z0-9_.\\]/g, "_");
  if (!/^[A-Za-z_\\]/.test(n)) n = `_${n}`;
  return n;
}

/**
 * Adds a new input sheet holding one Excel table (ListObject) at A1: header row, data rows, a
 * filter, banded style. The sheet goes last. Throws when a sheet or table of that name exists.
 */
export function addTableSheet(file: XlsxFile, sheetName: string, tableName: string, headers: string[], rows: CellValue[][], o: NewTableOptions = {}): void {
  if (file.sheetEntry(sheetName)) throw new TableEditError(`the workbook already has a sheet ${sheetName}`);
  const tName = tableNameFor(tableName);
  if (file.findTable(tName)) throw new TableEditError(`the workbook already has a table ${tName}`);
  const styles = file.stylesForEdit();
  const date1904 = file.date1904;
  const fmtXf = headers.map((h) => (o.formats?.[h] ? styles.xf({ numberFormat: o.formats[h] }, false) : 0));
  const dateXf = styles.xf(undefined, true);
  const lastCol = columnLetters(Math.max(1, headers.length));
  const lastRow = rows.length + 1;
  const ref = `A1:${lastCol}${Math.max(2, lastRow)}`;
  // Widths from what each cell shows in its number format (12,500.00, not 12500), so no rate shows ###.
  const fitted = tableColumnWidths(headers, rows, o.formats);
  const widths = headers.map((_, i) => o.widths?.[i] ?? fitted[i]);
  const sheetRows: string[] = [];
  sheetRows.push(`<row r="1">${headers.map((h, i) => `<c r="${columnLetters(i + 1)}1" t="inlineStr"><is><t xml:space="preserve">${escText(h)}</t></is></c>`).join("")}</row>`);
  rows.forEach((row, i) => {
    const r = i + 2;
    const cells = headers.map((_, j) => valueCell(`${columnLetters(j + 1)}${r}`, row[j] ?? null, fmtXf[j], fmtXf[j] || dateXf, date1904, (s) => s === fmtXf[j] && !!o.formats?.[headers[j]] && /[dmy]/i.test(o.formats[headers[j]]))).filter(Boolean);
    sheetRows.push(`<row r="${r}">${cells.join("")}</row>`);
  });
  const freeze = o.freezeHeader ?? true;
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="${ref}"/>` +
    (freeze ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`) +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${sheetRows.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  file.putSheet(sheetName, xml);
  const sheetPart = file.sheetEntry(sheetName)!.part;
  // Table ids are unique in the workbook.
  let maxId = 0;
  for (const t of file.tables()) {
    const id = Number(/\bid="(\d+)"/.exec(file.pkg.text(t.part) ?? "")?.[1] ?? 0);
    maxId = Math.max(maxId, id);
  }
  let n = 1;
  const folder = `${sheetPart.split("/").slice(0, -2).join("/")}/tables/`;
  while (file.pkg.has(`${folder}table${n}.xml`)) n++;
  const tablePart = `${folder}table${n}.xml`;
  const cols = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(escapeColumnName(h))}"/>`).join("");
  file.pkg.set(
    tablePart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${maxId + 1}" name="${esc(tName)}" displayName="${esc(tName)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  addOverride(file.pkg, tablePart, CT.table);
  const rId = addRelationship(file.pkg, sheetPart, REL.table, tablePart);
  if (rId !== "rId1") file.pkg.set(sheetPart, xml.replace('r:id="rId1"', `r:id="${rId}"`));
  file.refreshAfterEdit();
}

function escapeColumnName(h: string): string {
  return h.replace(/[\n\r\t]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}
