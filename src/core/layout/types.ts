/**
 * A generated sheet laid out once, as data. The Office.js adapter (src/excel) and the ExcelJS
 * adapter (src/cli) both render a SheetLayout; neither decides anything about content or format.
 * Rows and columns are 1-based, as Excel numbers them.
 */

/** A date cell, written as a real Excel date (never text). `day` is an EpochDay. */
export interface DateValue {
  date: number;
}

/** A formula the layout itself writes (e.g. a SUM on the top sheet). Never built from user text. */
export interface FormulaValue {
  formula: string;
  /** The value the formula computes, for renderers that cannot calculate (ExcelJS result cache). */
  result?: number | string;
}

/**
 * `string` values are always written as text: a scene description "=SUM(A1)" or "-" stays text.
 * Numbers are numbers; money is in currency units rounded to cents.
 */
export type LayoutValue = string | number | boolean | null | DateValue | FormulaValue;

export type HAlign = "left" | "center" | "right";

export interface CellStyle {
  /** Excel number format, e.g. "#,##0.00", "yyyy-mm-dd", "@". */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB". */
  fontColor?: string;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  hAlign?: HAlign;
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Borders drawn thin on the named edges. */
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
  indent?: number;
}

export interface LayoutCell {
  r: number;
  c: number;
  v: LayoutValue;
  s?: CellStyle;
}

export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/**
 * A conditional format over a range: the cell is formatted when `formula` (A1-relative to the
 * top-left cell of `range`, Excel syntax, e.g. `$H5="OVER"`) is true. Kept as a rule, not a
 * fill, so the colour stays right after the user edits a figure.
 */
export interface ConditionalFormat {
  /** A1 range, e.g. "A5:H120". */
  range: string;
  formula: string;
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

/** A field the printer fills in a header or footer. */
export type HeaderField = "page" | "pages" | "date" | "time" | "sheet" | "file";

/** A printed header or footer section: literal text and fields, in order. */
export type HeaderPart = string | { field: HeaderField };

/** Left, centre and right sections of a printed header or footer (print.ts encodes them as Excel's &-codes). */
export interface HeaderFooterText {
  left?: HeaderPart[];
  center?: HeaderPart[];
  right?: HeaderPart[];
}

/**
 * Rows r1..r2 that belong together on paper: a day with its End of Day row, a section with its
 * total, a call sheet's block. They print on one page when they fit on one; a block taller than
 * a page is split, but never so that a page starts with its last row or ends with its first.
 */
export interface KeepBlock {
  r1: number;
  r2: number;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Fit to this many pages wide (height free). */
  fitToWidth?: number;
  /** Rows repeated at the top of each printed page, e.g. [1, 4]. */
  repeatRows?: [number, number];
  /** Columns repeated at the left of each printed page, e.g. [1, 3] for A:C. */
  repeatColumns?: [number, number];
  /** A1 print area. */
  area?: string;
  /** Blocks kept on one page (see KeepBlock); the page breaks are computed from them. */
  keep?: KeepBlock[];
  /** Rows that start a new printed page (manual breaks above them), computed by print.ts. */
  rowBreaks?: number[];
  /** Printed on every page (print.ts: production, sheet, as-of date; page x of y, print date). */
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
}

/** Which generated tab this is; used for ownership and for progress messages. */
export type SheetKind = "top-sheet" | "cost-report" | "schedule" | "dood" | "call-sheet" | "elements-dood" | "schedule-elements" | "schedule-vs-budget" | "compare";

export interface SheetLayout {
  name: string;
  kind: SheetKind;
  cells: LayoutCell[];
  merges: Merge[];
  /** Widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  /** Optional row heights in points, by Excel row number. */
  rowHeights?: Record<number, number>;
  conditionalFormats: ConditionalFormat[];
  /** Freeze panes below `rows` and right of `columns`. */
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
}
