import { CellValue, RawTable, WorkbookInput } from "../../core/cells";
import { Problem } from "../../core/problems";
import { ReadBackValue } from "../../core/layout/ownership";
import { Cells, FValue, Scalar, Unsupported, evaluate, parseFormula, Parsed } from "./formula";
import { dateStyles } from "./numberFormats";
import { OpcPackage, PackageError, REL, Relationship, isRel, readRelationships } from "./opc";
import { Merge, Range, RawCell, SheetData, parseRange, parseSheetData, stringItemText } from "./sheetData";
import { arr, attr, parseXml, XmlNode } from "./xml";
import { prodFunction } from "./prodFunctions";

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** Relationship Id from the workbook part. */
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part; "" when its relationship is missing. */
  part: string;
  /** worksheet, chartsheet, dialogsheet or macrosheet, from the relationship type. */
  kind: string;
}

export interface TableEntry {
  /** The table's name (Excel's displayName, which formulas use). */
  name: string;
  sheet: string;
  part: string;
  /** The relationship from the sheet to the table part. */
  rId: string;
  ref: Range;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

/** A cell as the engine reads it, with what was wrong with it, if anything. */
export interface ReadCell {
  value: CellValue;
  /** Why the cell cannot be used as it stands (an error value, a formula that cannot be computed). */
  issue?: string;
}

const MS_PER_DAY = 86_400_000;

/** Error thrown while reading a package: the message says which part and why. */
export { PackageError };

/**
 * The reading side of an .xlsx/.xlsm package: the workbook's sheets, tables and cells, found by
 * following relationships from the package root (never by part-name patterns), with absolute or
 * relative targets. Worksheet parts are parsed only when a table or a formula needs them.
 */
export class WorkbookReader {
  readonly workbookPart: string;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  private sst?: string[];
  private dates?: Set<number>;
  private readonly data = new Map<string, SheetData>();
  private tableList?: TableEntry[];
  private readonly formulaCache = new Map<string, { parsed: Parsed; r: number; c: number } | Error>();
  private readonly computing = new Set<string>();
  private readonly computed = new Map<string, Scalar>();

  constructor(readonly pkg: OpcPackage) {
    const root = readRelationships(pkg, "");
    const doc = root.find((r) => isRel(r, REL.officeDocument) && !r.external);
    const wbPart = doc?.part && pkg.has(doc.part) ? pkg.resolve(doc.part)! : pkg.resolve("xl/workbook.xml");
    if (!wbPart) throw new PackageError("it has no workbook part (xl/workbook.xml)");
    this.workbookPart = wbPart;
    const text = pkg.text(wbPart)!;
    let wb: XmlNode;
    try {
      wb = (parseXml(text).workbook ?? {}) as XmlNode;
    } catch (e) {
      throw new PackageError(`its workbook part ${wbPart} is not well-formed XML (${(e as Error).message.split("\n")[0]})`);
    }
    const pr = wb.workbookPr as XmlNode | undefined;
    const d = attr(pr, "date1904");
    this.date1904 = d === "1" || d === "true";
    const rels = new Map(this.workbookRels().map((r) => [r.id, r]));
    this.sheets = arr((wb.sheets as XmlNode | undefined)?.sheet).map((s) => {
      const rId = attr(s, "id") ?? "";
      const rel = rels.get(rId);
      const state = (attr(s, "state") ?? "visible") as SheetEntry["state"];
      const part = rel && !rel.external ? (pkg.resolve(rel.part) ?? "") : "";
      const kind = rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "worksheet";
      return { name: attr(s, "name") ?? "", sheetId: Number(attr(s, "sheetId") ?? 0), rId, state, part, kind };
    });
  }

  workbookRels(): Relationship[] {
    return readRelationships(this.pkg, this.workbookPart);
  }

  sheet(name: string): SheetEntry | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Worksheets (not chart or dialog sheets) that have a part. */
  worksheets(): SheetEntry[] {
    return this.sheets.filter((s) => s.kind === "worksheet" && s.part !== "");
  }

  sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const rel = this.workbookRels().find((r) => isRel(r, REL.sharedStrings) && !r.external);
    const text = rel ? this.pkg.text(rel.part) : undefined;
    if (text === undefined) return (this.sst = []);
    let doc: XmlNode;
    try {
      doc = parseXml(text);
    } catch (e) {
      throw new PackageError(`its shared strings (${rel!.part}) are not well-formed XML (${(e as Error).message.split("\n")[0]})`);
    }
    this.sst = arr((doc.sst as XmlNode | undefined)?.si).map(stringItemText);
    return this.sst;
  }

  stylesPart(): string | undefined {
    const rel = this.workbookRels().find((r) => isRel(r, REL.styles) && !r.external);
    return rel && this.pkg.has(rel.part) ? this.pkg.resolve(rel.part) : undefined;
  }

  /** True when cellXfs entry `s` formats its cells as dates. */
  isDateStyle(s: number): boolean {
    return this.dateStyleSet().has(s);
  }

  private dateStyleSet(): Set<number> {
    if (!this.dates) {
      const part = this.stylesPart();
      this.dates = dateStyles(part ? this.pkg.text(part) : undefined);
    }
    return this.dates;
  }

  /** The parsed cells of a sheet (cached); an empty sheet when it has no part. */
  sheetData(name: string): SheetData {
    const entry = this.sheet(name);
    const key = entry?.name ?? name;
    let d = this.data.get(key);
    if (!d) {
      const text = entry?.part ? this.pkg.text(entry.part) : undefined;
      try {
        d = text === undefined ? { rows: new Map(), merges: [] } : parseSheetData(text);
      } catch (e) {
        throw new PackageError(`sheet ${key} (${entry?.part}) is not well-formed XML (${(e as Error).message.split("\n")[0]})`);
      }
      this.data.set(key, d);
    }
    return d;
  }

  /** Forgets parsed cells of a sheet whose part was rewritten. */
  forget(name: string): void {
    for (const k of [...this.data.keys()]) if (k.toLowerCase() === name.toLowerCase()) this.data.delete(k);
    this.computed.clear();
    this.formulaCache.clear();
    this.tableList = undefined;
  }

  /** Every table (ListObject) of every worksheet, from the sheets' relationships. Reads only the small table parts. */
  tables(): TableEntry[] {
    if (this.tableList) return this.tableList;
    const out: TableEntry[] = [];
    for (const s of this.worksheets()) {
      for (const rel of readRelationships(this.pkg, s.part)) {
        if (!isRel(rel, REL.table) || rel.external) continue;
        const text = this.pkg.text(rel.part);
        if (text === undefined) continue;
        let t: XmlNode;
        try {
          t = (parseXml(text).table ?? {}) as XmlNode;
        } catch (e) {
          throw new PackageError(`table part ${rel.part} of sheet ${s.name} is not well-formed XML (${(e as Error).message.split("\n")[0]})`);
        }
        const ref = parseRange(attr(t, "ref") ?? "");
        if (!ref) continue;
        const columns = arr((t.tableColumns as XmlNode | undefined)?.tableColumn).map((c) => unescapeName(attr(c, "name") ?? ""));
        out.push({
          name: attr(t, "displayName") ?? attr(t, "name") ?? "",
          sheet: s.name,
          part: this.pkg.resolve(rel.part)!,
          rId: rel.id,
          ref,
          headerRowCount: Number(attr(t, "headerRowCount") ?? 1),
          totalsRowCount: Number(attr(t, "totalsRowCount") ?? (attr(t, "totalsRowShown") === "1" && false ? 1 : 0)),
          columns,
        });
      }
    }
    this.tableList = out;
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Cell values

  /** The cell as stored (undefined when absent). */
  rawCell(sheet: string, r: number, c: number): RawCell | undefined {
    return this.sheetData(sheet).rows.get(r)?.get(c);
  }

  /** A value as the engine takes it: text, number, boolean, a Date for date-formatted numbers, null for blank. */
  readCell(sheet: string, r: number, c: number): ReadCell {
    const cell = this.rawCell(sheet, r, c);
    if (!cell) return { value: null };
    const v = this.scalarOf(sheet, r, c, cell);
    if (v.issue) return { value: null, issue: v.issue };
    const x = v.value;
    if (isError(x)) return { value: null, issue: `holds the error ${x.error}${cell.f ? ` (from =${cell.f.text})` : ""}` };
    if (typeof x === "number" && (cell.t === "d" || this.dateStyleSet().has(cell.s))) return { value: cell.t === "d" ? this.dateOf(x - (this.date1904 ? 1462 : 0)) : this.dateOf(x) };
    return { value: x as CellValue };
  }

  /** Excel serial → UTC Date in this workbook's date system. */
  dateOf(serial: number): Date {
    const days = serial + (this.date1904 ? 1462 : 0) - 25569;
    return new Date(Math.round(days * MS_PER_DAY));
  }

  /** A value as both hosts read it back for fingerprints: numbers as stored (dates as serials), formulas as their cached results. */
  readBack(sheet: string, r: number, c: number): ReadBackValue {
    const cell = this.rawCell(sheet, r, c);
    if (!cell) return null;
    const v = cachedScalar(cell, this.sharedStrings());
    if (v === undefined || isError(v)) return v === undefined ? null : v.error;
    // Dates and times to the whole millisecond, as both hosts read them back: a time another
    // program wrote as 0.29166666666788 is the 07:00 Prodbook wrote.
    if (typeof v === "number" && this.dateStyleSet().has(cell.s)) return Math.round(v * MS_PER_DAY) / MS_PER_DAY;
    return v;
  }

  private scalarOf(sheet: string, r: number, c: number, cell: RawCell): { value: Scalar; issue?: string } {
    const cached = cachedScalar(cell, this.sharedStrings());
    if (cached !== undefined) return { value: cached };
    if (!cell.f) return { value: null };
    try {
      return { value: this.compute(sheet, r, c) };
    } catch (e) {
      const why = e instanceof Unsupported ? e.message : `it could not be computed (${(e as Error).message})`;
      return { value: null, issue: `=${this.formulaText(sheet, cell)} has no saved result and Prodbook cannot compute it: ${why}. Type the value, or open and save the workbook in Excel or LibreOffice so it holds the result` };
    }
  }

  private formulaText(sheet: string, cell: RawCell): string {
    if (cell.f?.text) return cell.f.text;
    if (cell.f?.t === "shared" && cell.f.si !== undefined) {
      const master = this.sharedMaster(sheet, cell.f.si);
      if (master) return master.text;
    }
    return cell.f?.text ?? "";
  }

  private sharedMaster(sheet: string, si: string): { text: string; r: number; c: number } | undefined {
    for (const [r, line] of this.sheetData(sheet).rows) for (const [c, x] of line) if (x.f?.t === "shared" && x.f.si === si && x.f.text) return { text: x.f.text, r, c };
    return undefined;
  }

  /** Computes a formula cell with no cached result; throws Unsupported when it cannot. */
  private compute(sheet: string, r: number, c: number): Scalar {
    const key = `${sheet}!${r},${c}`;
    const done = this.computed.get(key);
    if (done !== undefined) return done;
    if (this.computing.has(key)) throw new Unsupported("it refers to itself (a circular reference)");
    const cell = this.rawCell(sheet, r, c)!;
    let f = this.formulaCache.get(key);
    if (!f) {
      try {
        let text = cell.f!.text;
        let origin = { r, c };
        if (cell.f!.t === "shared" && !text && cell.f!.si !== undefined) {
          const m = this.sharedMaster(sheet, cell.f!.si);
          if (!m) throw new Unsupported("it is part of a shared formula whose first cell is missing");
          text = m.text;
          origin = { r: m.r, c: m.c };
        }
        f = { parsed: parseFormula(text), ...origin };
      } catch (e) {
        f = e as Error;
      }
      this.formulaCache.set(key, f);
    }
    if (f instanceof Error) throw f;
    this.computing.add(key);
    try {
      const v = evaluate(f.parsed, { sheet, r, c }, this.cellsForFormulas(), { r: f.r, c: f.c });
      const s = toScalar(v);
      this.computed.set(key, s);
      return s;
    } finally {
      this.computing.delete(key);
    }
  }

  private cellsForFormulas(): Cells {
    return {
      cell: (sheet, r, c) => {
        const real = this.sheet(sheet)?.name ?? sheet;
        const cell = this.rawCell(real, r, c);
        if (!cell) return null;
        const cached = cachedScalar(cell, this.sharedStrings());
        if (cached !== undefined) return cached;
        if (!cell.f) return null;
        return this.compute(real, r, c);
      },
      lastRow: (sheet) => Math.max(0, ...this.sheetData(sheet).rows.keys()),
      lastColumn: (sheet) => {
        let m = 0;
        for (const line of this.sheetData(sheet).rows.values()) for (const c of line.keys()) m = Math.max(m, c);
        return m;
      },
      hasSheet: (sheet) => this.sheet(sheet) !== undefined,
      prodFunction,
      tableRange: (table, spec) => this.tableRange(table, spec),
    };
  }

  /** A structured reference's cells: `[#All]`, `[#Data]` (or `[]`), `[#Headers]`, `[#Totals]`, `[Column]`, `[[#All],[Column]]`. */
  private tableRange(table: string, spec: string): { sheet: string; r1: number; c1: number; r2: number; c2: number } | undefined {
    const t = this.tables().find((x) => x.name.toLowerCase() === table.toLowerCase());
    if (!t) return undefined;
    const items = (spec.includes("[") ? [...spec.matchAll(/\[((?:[^\]']|'.)*)\]/g)].map((m) => m[1]) : [spec]).map((x) => x.replace(/'(.)/g, "$1").trim());
    let area = "#DATA";
    let column: string | undefined;
    for (const it of items) {
      if (it.startsWith("#")) area = it.toUpperCase();
      else if (it) column = it;
    }
    const head = t.headerRowCount > 0 ? 1 : 0;
    let r1 = t.ref.r1;
    let r2 = t.ref.r2;
    if (area === "#DATA") {
      r1 += head;
      r2 -= t.totalsRowCount;
    } else if (area === "#HEADERS") {
      if (!head) return undefined;
      r2 = r1;
    } else if (area === "#TOTALS") {
      if (!t.totalsRowCount) return undefined;
      r1 = r2;
    } else if (area !== "#ALL") return undefined;
    let c1 = t.ref.c1;
    let c2 = t.ref.c2;
    if (column !== undefined) {
      const i = t.columns.findIndex((c) => c.toLowerCase() === column!.toLowerCase());
      if (i < 0) return undefined;
      c1 = c2 = t.ref.c1 + i;
    }
    return { sheet: t.sheet, r1, c1, r2, c2 };
  }

  // -------------------------------------------------------------------------------------------
  // Tables for the engine

  /**
   * WorkbookInput for the engine: every table (ListObject) by its name, then every worksheet as a
   * table with its header in row 1 (LibreOffice and Google Sheets write no ListObjects). Rows are
   * read only when the engine asks for a table, so a user's large sheets cost nothing.
   * `skip` names sheets that are Prodbook's own.
   */
  readInput(name: string | undefined, skip: Set<string>): WorkbookInput {
    const problems: Problem[] = [];
    const tables: RawTable[] = [];
    const inputSheets = this.worksheets().filter((s) => !skip.has(s.name.toLowerCase()));
    const inputNames = new Set(inputSheets.map((s) => s.name));
    for (const t of this.tables()) {
      if (!inputNames.has(t.sheet)) continue;
      tables.push(this.lazyListObject(t, problems));
    }
    for (const s of inputSheets) tables.push(this.lazySheetTable(s.name, problems));
    return { name, tables, problems };
  }

  private lazyListObject(t: TableEntry, problems: Problem[]): RawTable {
    const hasHeader = t.headerRowCount > 0;
    const headerRow = hasHeader ? t.ref.r1 : t.ref.r1 - 1;
    const lastData = t.ref.r2 - t.totalsRowCount;
    return lazyTable(
      { name: t.name, sheet: t.sheet, headerRow, firstColumn: t.ref.c1 },
      () => {
        const headers: string[] = [];
        for (let c = t.ref.c1; c <= t.ref.c2; c++) {
          const fromCell = hasHeader ? this.readCell(t.sheet, t.ref.r1, c).value : null;
          headers.push(fromCell === null || fromCell === "" ? (t.columns[c - t.ref.c1] ?? "") : textValue(fromCell));
        }
        const rows = this.readBlock(t.sheet, t.name, headers, headerRow + 1, lastData, t.ref.c1, problems);
        this.mergeProblems(t.sheet, t.name, { r1: t.ref.r1, c1: t.ref.c1, r2: t.ref.r2, c2: t.ref.c2 }, problems);
        return { headers, rows };
      },
    );
  }

  private lazySheetTable(sheet: string, problems: Problem[]): RawTable {
    return lazyTable({ name: sheet, sheet, headerRow: 1, firstColumn: 1 }, () => {
      const data = this.sheetData(sheet);
      const first = data.rows.get(1);
      const headerCells: CellValue[] = [];
      if (first) for (const c of first.keys()) headerCells[c - 1] = this.readCell(sheet, 1, c).value;
      let width = headerCells.length;
      while (width > 0 && (headerCells[width - 1] === null || headerCells[width - 1] === undefined || headerCells[width - 1] === "")) width--;
      const headers: string[] = [];
      for (let c = 0; c < width; c++) headers.push(headerCells[c] === undefined || headerCells[c] === null ? "" : textValue(headerCells[c]));
      let last = 1;
      if (width > 0) {
        for (const [r, line] of data.rows) {
          if (r <= last) continue;
          for (const c of line.keys()) {
            if (c > width) continue;
            const cell = line.get(c)!;
            if (cell.v !== undefined || cell.is !== undefined || cell.f) {
              last = r;
              break;
            }
          }
        }
      }
      const rows = width > 0 ? this.readBlock(sheet, sheet, headers, 2, last, 1, problems) : [];
      if (width > 0) this.mergeProblems(sheet, sheet, { r1: 1, c1: 1, r2: last, c2: width }, problems);
      return { headers, rows };
    });
  }

  private readBlock(sheet: string, table: string, headers: string[], r1: number, r2: number, c1: number, problems: Problem[]): CellValue[][] {
    const rows: CellValue[][] = [];
    const data = this.sheetData(sheet);
    for (let r = r1; r <= r2; r++) {
      const line = data.rows.get(r);
      const cells: CellValue[] = new Array<CellValue>(headers.length).fill(null);
      if (line) {
        for (let j = 0; j < headers.length; j++) {
          if (!line.has(c1 + j)) continue;
          const got = this.readCell(sheet, r, c1 + j);
          cells[j] = got.value;
          if (got.issue) problems.push({ severity: "error", sheet, table, row: r, column: headers[j] ?? "", cell: `${letters(c1 + j)}${r}`, message: `${headers[j] || "This cell"} ${got.issue}.` });
        }
      }
      rows.push(cells);
    }
    return rows;
  }

  private mergeProblems(sheet: string, table: string, range: Range, problems: Problem[]): void {
    for (const m of this.sheetData(sheet).merges) {
      if (!overlaps(m, range)) continue;
      if (m.r1 === m.r2 && m.r1 < range.r1 + 0) continue;
      problems.push({
        severity: "error",
        sheet,
        table,
        row: m.r1,
        column: "",
        cell: m.ref.split(":")[0],
        message: `cells ${m.ref} are merged inside table ${table}: a merged range's value belongs to its top-left cell only, so the other rows and columns would read as blank. Unmerge ${m.ref} (Home > Merge & Center) and type the value in each cell`,
      });
    }
  }

  /** The values of a sheet as a grid (row-major, 0-based) as they read back, for fingerprints; merged cells other than the top-left are skipped. */
  readBackGrid(sheet: string): ReadBackValue[][] {
    const data = this.sheetData(sheet);
    const grid: ReadBackValue[][] = [];
    const covered = (r: number, c: number) => data.merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && !(r === m.r1 && c === m.c1));
    for (const [r, line] of data.rows) {
      const out: ReadBackValue[] = [];
      for (const c of line.keys()) {
        if (data.merges.length && covered(r, c)) continue;
        const v = this.readBack(sheet, r, c);
        if (v !== null) out[c - 1] = v;
      }
      grid[r - 1] = out;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return grid;
  }

  /** A small sheet's values as a grid (row-major, 0-based), for Prodbook's own hidden sheets. */
  valueGrid(sheet: string): CellValue[][] {
    const data = this.sheetData(sheet);
    const lastRow = Math.max(0, ...data.rows.keys());
    let lastCol = 0;
    for (const line of data.rows.values()) for (const c of line.keys()) lastCol = Math.max(lastCol, c);
    const grid: CellValue[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= lastCol; c++) line.push(this.readCell(sheet, r, c).value);
      grid.push(line);
    }
    return grid;
  }
}

function lazyTable(fixed: Omit<RawTable, "headers" | "rows">, load: () => { headers: string[]; rows: CellValue[][] }): RawTable {
  let got: { headers: string[]; rows: CellValue[][] } | undefined;
  const get = () => (got ??= load());
  const t = { ...fixed } as RawTable;
  Object.defineProperty(t, "headers", { enumerable: true, get: () => get().headers, set: (v: string[]) => (get().headers = v) });
  Object.defineProperty(t, "rows", { enumerable: true, get: () => get().rows, set: (v: CellValue[][]) => (get().rows = v) });
  return t;
}

function overlaps(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && a.r2 >= b.r1 && a.c1 <= b.c2 && a.c2 >= b.c1;
}

export function isError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** The value a cell holds in the file, undefined when it holds none (blank, or a formula not yet calculated). */
export function cachedScalar(cell: RawCell, sst: string[]): Scalar | undefined {
  switch (cell.t) {
    case "s": {
      if (cell.v === undefined) return undefined;
      const s = sst[Number(cell.v)];
      return s ?? "";
    }
    case "inlineStr":
      return cell.is ?? (cell.v !== undefined ? cell.v : undefined);
    case "str":
      return cell.v === undefined ? (cell.f ? undefined : "") : cell.v;
    case "b":
      return cell.v === undefined ? undefined : cell.v.trim() === "1" || cell.v.trim().toLowerCase() === "true";
    case "e":
      return cell.v === undefined ? undefined : { error: cell.v.trim() };
    case "d": {
      if (cell.v === undefined) return undefined;
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(cell.v) || !cell.v.includes("T") ? cell.v : `${cell.v}Z`);
      return Number.isNaN(ms) ? cell.v : ms / MS_PER_DAY + 25569;
    }
    default: {
      if (cell.v === undefined || cell.v.trim() === "") return undefined;
      const n = Number(cell.v);
      return Number.isFinite(n) ? n : cell.v;
    }
  }
}

function toScalar(v: FValue): Scalar {
  if (typeof v === "object" && v !== null && "rows" in v) {
    if (v.rows.length === 1 && v.rows[0].length === 1) return v.rows[0][0];
    throw new Unsupported("it gives a range of values, not one");
  }
  return v;
}

function textValue(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function unescapeName(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export type { Merge };
