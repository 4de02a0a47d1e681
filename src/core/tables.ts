import { CellValue, RawTable, WorkbookInput, columnLetters, findTable, isBlank } from "./cells";
import { Problems, showValue } from "./problems";
import { parseDecimalText } from "./money";
import { EpochDay, parseDateCell, parseTimeCell, typedDateMessage } from "./dates";

/** A column the engine reads: `header` is the contract's name, aliases are other names users write. */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: string[];
  required?: boolean;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
}

/** Case- and punctuation-insensitive header key: "Int/Ext" and "int ext" and "INT-EXT" match. */
export function headerKey(s: string): string {
  return String(s ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export interface TableRow {
  /** Excel row number. */
  excelRow: number;
  cells: CellValue[];
}

/**
 * A table read against its spec: typed accessors that report problems with sheet, table, row,
 * column and value, and return undefined where the cell cannot be used.
 */
export class TableReader {
  readonly rows: TableRow[];
  private readonly colIndex = new Map<string, number>();

  constructor(
    readonly raw: RawTable,
    readonly spec: TableSpec,
    readonly problems: Problems,
  ) {
    const byHeader = new Map<string, number>();
    raw.headers.forEach((h, i) => {
      const k = headerKey(h);
      if (k && !byHeader.has(k)) byHeader.set(k, i);
    });
    for (const col of spec.columns) {
      for (const name of [col.header, ...(col.aliases ?? [])]) {
        const i = byHeader.get(headerKey(name));
        if (i !== undefined) {
          this.colIndex.set(col.key, i);
          break;
        }
      }
    }
    this.rows = [];
    raw.rows.forEach((cells, i) => {
      if (cells.every((c) => isBlank(c))) return; // blank rows are skipped
      this.rows.push({ excelRow: raw.headerRow + 1 + i, cells });
    });
  }

  get sheet(): string {
    return this.raw.sheet;
  }

  has(key: string): boolean {
    return this.colIndex.has(key);
  }

  /** The header as the workbook writes it, else the contract's name. */
  header(key: string): string {
    const i = this.colIndex.get(key);
    if (i !== undefined) return this.raw.headers[i];
    return this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  cellAddress(row: TableRow, key: string): string | undefined {
    const i = this.colIndex.get(key);
    if (i === undefined) return undefined;
    return `${columnLetters(this.raw.firstColumn + i)}${row.excelRow}`;
  }

  value(row: TableRow, key: string): CellValue {
    const i = this.colIndex.get(key);
    if (i === undefined) return null;
    const v = row.cells[i];
    return v === undefined ? null : v;
  }

  at(row: TableRow, key: string): { sheet: string; table: string; row: number; column: string; cell?: string } {
    return {
      sheet: this.raw.sheet,
      table: this.raw.name,
      row: row.excelRow,
      column: this.header(key),
      cell: this.cellAddress(row, key),
    };
  }

  error(row: TableRow, key: string, message: string): void {
    this.problems.error(this.at(row, key), message);
  }

  warning(row: TableRow, key: string, message: string): void {
    this.problems.warning(this.at(row, key), message);
  }

  /** Trimmed text; numbers are written as Excel shows them ("1100", not "1100.0"). */
  text(row: TableRow, key: string, opts: { required?: boolean } = {}): string {
    const v = this.value(row, key);
    if (isBlank(v)) {
      if (opts.required) this.error(row, key, `${this.header(key)} is required`);
      return "";
    }
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).trim();
  }

  /** A number; text that reads as a plain number ("1,200.50", "$40") is accepted. */
  number(row: TableRow, key: string, opts: { required?: boolean; blank?: number } = {}): number | undefined {
    const v = this.value(row, key);
    if (isBlank(v)) {
      if (opts.required) {
        this.error(row, key, `${this.header(key)} is required`);
        return undefined;
      }
      return opts.blank;
    }
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string") {
      const n = parseDecimalText(v);
      if (n !== undefined) return n;
    }
    if (v instanceof Date) {
      // Office.js and ExcelJS both give a date-formatted number as a date: Excel turned what was typed into one.
      this.error(row, key, typedDateMessage(this.header(key), v));
      return undefined;
    }
    this.error(row, key, `${this.header(key)} must be a number, not ${showValue(v)}`);
    return undefined;
  }

  /** A share as Excel stores it (2% is 0.02); text "2%" is read too. Over 100% warns. */
  percent(row: TableRow, key: string, opts: { required?: boolean; blank?: number } = {}): number | undefined {
    const v = this.value(row, key);
    let n: number | undefined;
    if (typeof v === "string" && v.trim().endsWith("%")) {
      const p = parseDecimalText(v.trim().slice(0, -1));
      if (p === undefined) {
        this.error(row, key, `${this.header(key)} must be a percentage, not ${showValue(v)}`);
        return undefined;
      }
      n = p / 100;
    } else {
      n = this.number(row, key, opts);
    }
    if (n !== undefined && Math.abs(n) > 1) {
      this.warning(row, key, `${this.header(key)} ${showValue(v)} is over 100% (2% is written 0.02 or 2%)`);
    }
    return n;
  }

  date(row: TableRow, key: string, opts: { required?: boolean } = {}): EpochDay | undefined {
    const v = this.value(row, key);
    if (isBlank(v)) {
      if (opts.required) this.error(row, key, `${this.header(key)} is required`);
      return undefined;
    }
    const d = parseDateCell(v);
    if (d === undefined) {
      const past = v instanceof Date && !Number.isNaN(v.getTime()) && v.getUTCFullYear() > 9999;
      this.error(row, key, past ? `${this.header(key)} ${showValue(v)} is past 9999-12-31, the last date Excel has` : `${this.header(key)} must be a date, not ${showValue(v)}`);
    }
    return d;
  }

  /** Minutes after midnight, from "07:00", "7:30 PM" or an Excel time. */
  time(row: TableRow, key: string): number | undefined {
    const v = this.value(row, key);
    if (isBlank(v)) return undefined;
    const t = parseTimeCell(v);
    if (t === undefined) this.error(row, key, `${this.header(key)} must be a time like 07:00, not ${showValue(v)}`);
    return t;
  }
}

/**
 * Finds and opens a table. A missing optional table gives undefined quietly; a missing required
 * table, a missing required column or an empty required table is one problem each.
 */
export function openTable(
  wb: WorkbookInput,
  spec: TableSpec,
  problems: Problems,
  opts: { required?: boolean; allowEmpty?: boolean } = {},
): TableReader | undefined {
  const raw = findTable(wb, spec.name);
  if (!raw) {
    if (opts.required) {
      problems.error(
        { sheet: spec.name, table: spec.name, row: 0, column: "" },
        `Table ${spec.name} is missing: add a table (or a sheet) named ${spec.name} with headers ${spec.columns
          .filter((c) => c.required)
          .map((c) => c.header)
          .join(", ")}`,
      );
    }
    return undefined;
  }
  const reader = new TableReader(raw, spec, problems);
  let missing = false;
  for (const col of spec.columns) {
    if (col.required && !reader.has(col.key)) {
      missing = true;
      problems.error(
        { sheet: raw.sheet, table: raw.name, row: raw.headerRow, column: col.header },
        `Table ${raw.name} has no column ${col.header}${col.aliases?.length ? ` (or ${col.aliases.join(", ")})` : ""}`,
      );
    }
  }
  if (missing) return undefined;
  if (reader.rows.length === 0 && opts.required && !opts.allowEmpty) {
    problems.error({ sheet: raw.sheet, table: raw.name, row: raw.headerRow, column: "" }, `Table ${raw.name} is empty`);
  }
  return reader;
}
