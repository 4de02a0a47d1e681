/**
 * The workbook an in-memory Excel host holds: sheets, cells, formats, tables, with Excel's rules
 * for what a written value becomes (formula, number, date, text) and for names.
 */
import { columnLetters } from "../../src/core/cells";
import { isDateNumberFormat } from "../../src/core/dates";
import { evaluateFormula, FormulaValue } from "./formula";

export type CellScalar = string | number | boolean;

export interface Borders {
  top?: boolean;
  bottom?: boolean;
  left?: boolean;
  right?: boolean;
}

export interface CellFormat {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  borders?: Borders;
}

export interface Cell {
  /** Constant value; undefined when the cell holds a formula or nothing. */
  value?: CellScalar;
  /** Formula text with its leading "=". */
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface StoredConditionalFormat {
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<string, Cell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze?: { rows: number; columns: number };
  page: { orientation: string; fitToWidth?: number; fitToHeight?: number | null; printArea?: string; printTitleRows?: string; printTitleColumns?: string };
  conditionalFormats: StoredConditionalFormat[];
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Header row, body and (when shown) the total row. */
  rect: Rect;
  /** Excel's Total Row: the last row of `rect`, not data. */
  showTotals?: boolean;
}

export class HostError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const DEFAULT_COLUMN_WIDTH = 48; // points, Calibri 11 default (8.43 characters)
export const DEFAULT_ROW_HEIGHT = 15;

export function key(r: number, c: number): string {
  return `${r},${c}`;
}

export const colLetters = columnLetters;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1", "$B$2:C5", "1:4", "A:C" (sheet part already split off) to a rectangle. */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, "").toUpperCase();
  const parts = a.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw new HostError("InvalidArgument", `Bad address ${address}`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { r: Number(m[2]), c: colNumber(m[1]), kind: "cell" };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { r: Number(m[1]), c: 0, kind: "row" };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: 0, c: colNumber(m[1]), kind: "col" };
    throw new HostError("InvalidArgument", `Bad address ${address}`);
  });
  const [s, e] = [ends[0], ends[1] ?? ends[0]];
  if (s.kind !== e.kind) throw new HostError("InvalidArgument", `Bad address ${address}`);
  let rect: Rect;
  if (s.kind === "row") rect = { r1: s.r, c1: 1, r2: e.r, c2: MAX_COLS };
  else if (s.kind === "col") rect = { r1: 1, c1: s.c, r2: MAX_ROWS, c2: e.c };
  else rect = { r1: s.r, c1: s.c, r2: e.r, c2: e.c };
  const norm = {
    r1: Math.min(rect.r1, rect.r2),
    r2: Math.max(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    c2: Math.max(rect.c1, rect.c2),
  };
  if (norm.r1 < 1 || norm.c1 < 1 || norm.r2 > MAX_ROWS || norm.c2 > MAX_COLS) {
    throw new HostError("InvalidArgument", `Address out of the sheet: ${address}`);
  }
  return norm;
}

/** Splits "'Top Sheet'!A1:B2" into sheet name and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { local: address };
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(i + 1) };
}

export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c1)}${r.r1}`;
  const b = `${colLetters(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r1 && r <= outer.r2 && c >= outer.c1 && c <= outer.c2;
}

/** Excel's sheet name rules: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new HostError("InvalidArgument", `The sheet name ${JSON.stringify(name)} is not valid`);
  }
  if (name.toLowerCase() === "history") throw new HostError("InvalidArgument", "History is a reserved sheet name");
}

/** Excel's table name rules: letter/underscore/backslash first, then letters, digits, _ and .; no spaces; not a cell reference. */
export function checkTableName(name: string): void {
  if (
    typeof name !== "string" ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw new HostError("InvalidArgument", `The table name ${JSON.stringify(name)} is not valid`);
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The year Excel gives a typed day and month without a year ("3/8"): the current year. */
export let typedYear = new Date().getUTCFullYear();
export function setTypedYear(y: number): void {
  typedYear = y;
}

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / 86_400_000;
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d === new Date(Date.UTC(y, m - 1, d)).getUTCDate();

/**
 * What Excel stores when `values` (or `formulas`) is set to `input` on a cell formatted `nf`, as
 * typing it would (en-US): text in a "@" cell stays text; otherwise "=…", "+…", "-…", "@…" is a
 * formula, numeric text a number, "3/8" or "3/8/2027" or "2027-03-08" a date serial (format d-mmm
 * or m/d/yyyy), "50%" 0.5 (0%), "$5" 5 ($#,##0), "1,234" 1234 (#,##0), "1 3/8" 1.375 (# ?/?),
 * TRUE/FALSE a boolean. `numberFormat` is what Excel gives a General cell along with the value.
 */
export function interpretInput(input: unknown, nf: string | undefined): Pick<Cell, "value" | "formula" | "numberFormat"> {
  if (input === "" ) return {};
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new HostError("InvalidArgument", `Cannot write ${input}`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new HostError("InvalidArgument", `Cannot write ${typeof input} into a cell`);
  if (nf === "@") return { value: input };
  const general = nf === undefined || nf === "General";
  const fmt = (f: string) => (general ? { numberFormat: f } : {});
  // A date typed into a number-formatted cell takes a date format all the same.
  const dateFmt = (f: string) => ({ numberFormat: general || !isDateNumberFormat(nf) ? f : nf });
  // A leading apostrophe makes the rest text and is not part of the value.
  if (input.startsWith("'")) return { value: input.slice(1) };
  const t = input.trim();
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return { value: Number(t) };
  if (input.length > 1 && /^[=+\-@]/.test(input) && !/^[-+]\$?[\d,]+(\.\d+)?%?$/.test(t)) {
    return { formula: input[0] === "=" ? input : input[0] === "@" ? `=${input.slice(1)}` : `=${input}` };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && validDay(+m[1], +m[2], +m[3])) return { value: serial(+m[1], +m[2], +m[3]), ...dateFmt("yyyy-mm-dd") };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3].length === 2 ? (+m[3] < 30 ? 2000 : 1900) + +m[3] : +m[3];
    if (validDay(y, +m[1], +m[2])) return { value: serial(y, +m[1], +m[2]), ...dateFmt("m/d/yyyy") };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m && validDay(typedYear, +m[1], +m[2])) return { value: serial(typedYear, +m[1], +m[2]), ...dateFmt("d-mmm") };
  m = /^(\d+) (\d+)\/(\d+)$/.exec(t);
  if (m && +m[3] > 0 && +m[2] < +m[3]) return { value: +m[1] + +m[2] / +m[3], ...fmt("# ?/?") };
  m = /^([-+]?)\$([\d,]*\d(\.\d+)?)$/.exec(t);
  if (m && /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(m[2])) return { value: Number(m[1] + m[2].replace(/,/g, "")), ...fmt(m[3] ? "$#,##0.00" : "$#,##0") };
  m = /^([-+]?\d+(\.\d+)?)%$/.exec(t);
  if (m) return { value: Number(m[1]) / 100, ...fmt(m[2] ? "0.00%" : "0%") };
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, "")), ...fmt(t.includes(".") ? "#,##0.00" : "#,##0") };
  return { value: input };
}

export class WorkbookModel {
  name = "Book1.xlsx";
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  selection?: { sheetId: string; rect: Rect };
  activeSheetId?: string;
  private nextId = 1;

  constructor(firstSheet: string | null = "Sheet1") {
    if (firstSheet) this.addSheet(firstSheet);
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheetByKey(nameOrId: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheetByName(nameOrId);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.sheetByName(n)) throw new HostError("ItemAlreadyExists", `A sheet named ${n} already exists`);
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      name: n,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      page: { orientation: "Portrait" },
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    checkSheetName(name);
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new HostError("ItemAlreadyExists", `A sheet named ${name} already exists`);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    // Worksheet.delete JSDoc (@types/office-js): a VeryHidden sheet fails with InvalidOperation.
    if (sheet.visibility === "VeryHidden") {
      throw new HostError("InvalidOperation", "This operation is not allowed on a very hidden worksheet: make it hidden or visible first");
    }
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (sheet.visibility === "Visible" && visible.length === 1) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  setVisibility(sheet: SheetModel, v: string): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new HostError("InvalidArgument", `Bad visibility ${v}`);
    if (v !== "Visible" && sheet.visibility === "Visible" && this.sheets.filter((s) => s.visibility === "Visible").length === 1) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet");
    }
    sheet.visibility = v;
    if (v !== "Visible" && this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id;
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new HostError("InvalidArgument", `Bad sheet position ${position}`);
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  addTable(sheet: SheetModel, rect: Rect, name?: string): TableModel {
    if (rect.r2 - rect.r1 < 1) rect = { ...rect, r2: rect.r1 + 1 }; // a table always has a body row
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && rectsOverlap(t.rect, rect)) throw new HostError("InvalidOperation", "A table can't overlap another table");
    }
    for (const m of sheet.merges) if (rectsOverlap(m, rect)) throw new HostError("InvalidOperation", "A table can't overlap merged cells");
    let n = name;
    if (n === undefined) {
      let i = this.tables.length + 1;
      while (this.tableByName(`Table${i}`)) i++;
      n = `Table${i}`;
    }
    checkTableName(n);
    if (this.tableByName(n)) throw new HostError("ItemAlreadyExists", `A table named ${n} already exists`);
    const t: TableModel = { id: this.newId("table"), name: n, sheetId: sheet.id, rect };
    // Header cells are text; blanks get Column1, Column2 … as Excel does.
    for (let c = rect.c1; c <= rect.c2; c++) {
      const cell = cellAt(sheet, rect.r1, c, true);
      if (cell.value === undefined && cell.formula === undefined) cell.value = `Column${c - rect.c1 + 1}`;
      else if (cell.formula !== undefined) {
        cell.value = cell.formula;
        cell.formula = undefined;
      } else if (typeof cell.value !== "string") cell.value = String(cell.value);
    }
    this.tables.push(t);
    return t;
  }

  tableByName(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k);
  }

  /**
   * Formula results as they were when calculation was suspended (Application.
   * suspendApiCalculationUntilNextSync: "it is the developer's responsibility to re-calc the
   * workbook"): until `calculate`, formulas read these values, and formulas written meanwhile 0.
   */
  frozen?: Map<Cell, CellScalar>;

  freezeCalculation(): void {
    if (this.frozen) return;
    const frozen = new Map<Cell, CellScalar>();
    for (const s of this.sheets) {
      for (const [k, cell] of s.cells) {
        if (cell.formula === undefined) continue;
        const [r, c] = k.split(",").map(Number);
        frozen.set(cell, this.valueAt(s, r, c));
      }
    }
    this.frozen = frozen;
  }

  calculate(): void {
    this.frozen = undefined;
  }

  /** Value as `Range.values` reads it: formulas computed, blanks "". */
  valueAt(sheet: SheetModel, r: number, c: number, depth = 0): CellScalar {
    const cell = sheet.cells.get(key(r, c));
    if (!cell) return "";
    if (cell.formula !== undefined) {
      if (this.frozen) return this.frozen.get(cell) ?? 0;
      if (depth > 64) return "#REF!";
      return toScalar(evaluateFormula(cell.formula, { wb: this, sheet, depth: depth + 1, dr: 0, dc: 0 }));
    }
    return cell.value ?? "";
  }
}

export function toScalar(v: FormulaValue): CellScalar {
  if (Array.isArray(v)) return toScalar(v[0]?.[0] ?? "");
  return v;
}

export function cellAt(sheet: SheetModel, r: number, c: number, create: true): Cell;
export function cellAt(sheet: SheetModel, r: number, c: number, create?: false): Cell | undefined;
export function cellAt(sheet: SheetModel, r: number, c: number, create?: boolean): Cell | undefined {
  const k = key(r, c);
  let cell = sheet.cells.get(k);
  if (!cell && create) {
    cell = {};
    sheet.cells.set(k, cell);
  }
  return cell;
}

/** Bounding box of cells with a value (valuesOnly) or with anything at all. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
  let box: Rect | undefined;
  for (const [k, cell] of sheet.cells) {
    const has = cell.value !== undefined || cell.formula !== undefined;
    const formatted = cell.numberFormat !== undefined || cell.format !== undefined;
    if (!has && (valuesOnly || !formatted)) continue;
    const [r, c] = k.split(",").map(Number);
    if (!box) box = { r1: r, c1: c, r2: r, c2: c };
    else {
      box.r1 = Math.min(box.r1, r);
      box.c1 = Math.min(box.c1, c);
      box.r2 = Math.max(box.r2, r);
      box.c2 = Math.max(box.c2, c);
    }
  }
  return box;
}
