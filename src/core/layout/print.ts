/**
 * How a generated sheet prints, worked out once for both renderers: the header and footer every
 * page carries, the page breaks that keep a day with its End of Day row and a section with its
 * total, and the text cells that look like numbers (so Excel can be told they are text on purpose).
 *
 * Page breaks are computed from the layout's own row heights and column widths on the paper the
 * sheet prints on. The paper is the printer's (Letter in the US, A4 elsewhere), so every page is
 * made to fit both: portrait Letter is the shorter and wider of the two, landscape A4 is.
 */
import { columnLetters } from "../cells";
import { EpochDay } from "../dates";
import { DEFAULT_ROW_HEIGHT, displayText, textWidth } from "./fit";
import { HeaderFooterText, HeaderPart, KeepBlock, LayoutCell, LayoutValue, SheetLayout } from "./types";

/** Margins in inches, written by both renderers so the pages are the ones computed here. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Paper sizes in inches, portrait. */
export const PAPERS = { letter: { width: 8.5, height: 11 }, a4: { width: 8.27, height: 11.69 } } as const;

/**
 * Share of a page the breaks fill: Excel rounds its fit-to-width zoom down to a whole percent and
 * LibreOffice measures column widths a little differently, so a page computed as exactly full
 * could spill its last row onto an automatic page of its own.
 */
export const PAGE_FILL = 0.94;

/** A column's width in points, as Excel prints it: 7 px a character (Calibri 11) plus 5 px padding, 0.75 pt a pixel. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Headers and footers

/** Excel's header/footer code for a field (the same codes in SpreadsheetML and Office.js). */
const FIELD_CODE = { page: "&P", pages: "&N", date: "&D", time: "&T", sheet: "&A", file: "&F" } as const;
/** Excel refuses a header or footer over 255 characters (all three sections together). */
export const HEADER_FOOTER_MAX = 255;

/**
 * One section as Excel's code: literal text with each `&` doubled (a production called
 * "Tom & Jerry" prints its ampersand, not a code), fields as &P, &N, &D, &T, &A, &F.
 */
export function headerFooterCode(parts: HeaderPart[] | undefined, maxText = HEADER_FOOTER_MAX): string {
  let out = "";
  for (const p of parts ?? []) {
    if (typeof p !== "string") {
      out += FIELD_CODE[p.field];
      continue;
    }
    // Line breaks would make a header taller than the margin that holds it.
    let text = p.replace(/[\r\n\t]+/g, " ");
    if (text.length > maxText) text = `${text.slice(0, Math.max(0, maxText - 1))}…`;
    // A digit right after a code would read as a font size (&12): a field is followed by text
    // that starts with a space in every header Prodbook writes, and literal & is doubled.
    out += text.replace(/&/g, "&&");
  }
  return out;
}

/** The three sections in SpreadsheetML's one string: &L…&C…&R…, empty sections left out. */
export function headerFooterSections(hf: HeaderFooterText | undefined): string {
  if (!hf) return "";
  // Long titles are cut so the whole string stays within Excel's 255 characters.
  const budget = Math.floor((HEADER_FOOTER_MAX - 12) / 3);
  const part = (code: string, parts: HeaderPart[] | undefined) => {
    const text = headerFooterCode(parts, budget);
    return text ? `${code}${text}` : "";
  };
  return part("&L", hf.left) + part("&C", hf.center) + part("&R", hf.right);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The calendar day the user's clock shows at `now` (local time, not UTC): the build's "as of" day. */
export function localDay(now: Date): EpochDay {
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000);
}

function headerDate(day: EpochDay): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export interface PrintFrame {
  production: string;
  /** The day the sheets were built: every sheet is "as of" it unless it has a date of its own. */
  builtOn?: EpochDay;
  /** Settings' optional `Version` ("Blue revision", "Locked budget v3"), printed before the date. */
  version?: string;
  /** A date the sheet itself is as of (the Cost Report's Report Date), with its label. */
  dated?: { label: string; day: EpochDay };
}

/**
 * The header and footer every generated sheet prints with: production on the left, the sheet's
 * tab name in the middle, version and as-of date on the right; the print date and time, page x of
 * y and the file name below.
 */
export function headerFooter(frame: PrintFrame): { header: HeaderFooterText; footer: HeaderFooterText } {
  const when = frame.dated ? `${frame.dated.label} ${headerDate(frame.dated.day)}` : frame.builtOn !== undefined ? `As of ${headerDate(frame.builtOn)}` : "";
  const right = [frame.version?.trim(), when].filter(Boolean).join(" · ");
  return {
    header: { left: [frame.production], center: [{ field: "sheet" }], right: right ? [right] : undefined },
    footer: { left: ["Printed ", { field: "date" }, " ", { field: "time" }], center: ["Page ", { field: "page" }, " of ", { field: "pages" }], right: [{ field: "file" }] },
  };
}

// ---------------------------------------------------------------------------------------------
// Page breaks

/** "B12" → row 12, column 2. */
function parseA1(ref: string): { r: number; c: number } | undefined {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
}

function areaBounds(layout: SheetLayout): { r1: number; r2: number; c1: number; c2: number } {
  let r2 = 1;
  let c2 = 1;
  for (const cell of layout.cells) {
    if (cell.r > r2) r2 = cell.r;
    if (cell.c > c2) c2 = cell.c;
  }
  const area = layout.print?.area;
  if (area) {
    const [a, b] = area.replace(/\$/g, "").split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    if (p && q) return { r1: p.r, c1: p.c, r2: q.r, c2: q.c };
  }
  return { r1: 1, c1: 1, r2, c2 };
}

function rowHeight(layout: SheetLayout, r: number): number {
  return layout.rowHeights?.[r] ?? DEFAULT_ROW_HEIGHT;
}

/**
 * Points of sheet that fit down one printed page (before repeated title rows), on the paper
 * where the fewest fit: fit to width shrinks the sheet by the same scale both ways.
 */
export function pageCapacity(layout: SheetLayout): number {
  const p = layout.print;
  if (!p) return Infinity;
  const { c1, c2 } = areaBounds(layout);
  let width = 0;
  for (let c = c1; c <= c2; c++) width += columnWidthPoints(layout.columnWidths[c - 1] ?? 8.43);
  let least = Infinity;
  for (const paper of Object.values(PAPERS)) {
    const [w, h] = p.orientation === "landscape" ? [paper.height, paper.width] : [paper.width, paper.height];
    const printW = (w - PAGE_MARGINS.left - PAGE_MARGINS.right) * 72;
    const printH = (h - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 72;
    // Repeated columns take room on every page across, so the real zoom is at most this one.
    const scale = p.fitToWidth ? Math.min(1, (p.fitToWidth * printW) / Math.max(1, width)) : 1;
    least = Math.min(least, printH / scale);
  }
  return least * PAGE_FILL;
}

/**
 * The rows that start a new page, so that no keep block is split when it fits on a page, and a
 * block that does not fit never leaves its last row (a total, an End of Day row) alone at the top
 * of a page or its first (a heading) alone at the bottom. Each page is filled as far as that
 * allows; every page fits on Letter and A4 alike.
 */
export function pageBreaks(layout: SheetLayout): number[] {
  const p = layout.print;
  if (!p) return [];
  const { r1: first, r2: last } = areaBounds(layout);
  const h = (r: number) => rowHeight(layout, r);
  const full = pageCapacity(layout);
  let titles = 0;
  if (p.repeatRows) for (let r = p.repeatRows[0]; r <= p.repeatRows[1]; r++) titles += h(r);
  // Rows below the repeated titles: the titles print again at the top of every later page.
  const later = Math.max(full - titles, DEFAULT_ROW_HEIGHT);
  const blocks = (p.keep ?? []).filter((b) => b.r2 > b.r1 && b.r1 >= first && b.r1 <= last).map((b) => ({ ...b, r2: Math.min(b.r2, last) }));
  const blockHeight = new Map<KeepBlock, number>();
  for (const b of blocks) {
    let s = 0;
    for (let r = b.r1; r <= b.r2; r++) s += h(r);
    blockHeight.set(b, s);
  }
  const blank = blankRows(layout);
  // Filled rows in r1..r2: a page that would start with just a block's total (blank rows aside)
  // or end with just its heading orphans it.
  const filled = (r1: number, r2: number) => {
    let n = 0;
    for (let r = r1; r <= r2 && n < 2; r++) if (!blank.has(r)) n++;
    return n;
  };
  const penalty = (b: number) => {
    let pen = blank.has(b) ? 1 : 0;
    for (const k of blocks) {
      if (!(k.r1 < b && b <= k.r2)) continue;
      if (blockHeight.get(k)! <= later) pen += 100;
      else if (filled(b, k.r2) <= 1 || filled(k.r1, b - 1) <= 1) pen += 1000;
    }
    return pen;
  };

  const breaks: number[] = [];
  let start = first;
  let cap = full;
  let used = 0;
  for (let r = first; r <= last; r++) {
    if (used + h(r) <= cap || r === start) {
      used += h(r);
      continue;
    }
    // Row r does not fit: choose where the next page starts, at r or earlier.
    let best = r;
    let bestPen = penalty(r);
    for (let b = r - 1; b > start && bestPen > 0; b--) {
      const pen = penalty(b);
      if (pen < bestPen) {
        best = b;
        bestPen = pen;
      }
    }
    breaks.push(best);
    start = best;
    cap = later;
    used = 0;
    r = best - 1;
  }
  return breaks;
}

function blankRows(layout: SheetLayout): Set<number> {
  const filled = new Set<number>();
  for (const c of layout.cells) if (c.v !== null && c.v !== "") filled.add(c.r);
  const out = new Set<number>();
  const { r1, r2 } = areaBounds(layout);
  for (let r = r1; r <= r2; r++) if (!filled.has(r)) out.add(r);
  return out;
}

/** First and last row of each printed page for the given breaks (what the tests look at). */
export function printedPages(layout: SheetLayout, breaks: number[] = layout.print?.rowBreaks ?? []): { r1: number; r2: number }[] {
  const { r1, r2 } = areaBounds(layout);
  const starts = [r1, ...breaks.filter((b) => b > r1 && b <= r2).sort((a, b) => a - b)];
  return starts.map((s, i) => ({ r1: s, r2: i + 1 < starts.length ? starts[i + 1] - 1 : r2 }));
}

// ---------------------------------------------------------------------------------------------
// Text that looks like a number

/** Text Excel would take for a number (1100, 12, 1.5, 1,000, 12%, 1e3, 1 3/8): its "number stored as text" check flags these. */
export function looksNumeric(v: LayoutValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (t === "") return false;
  return /^[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t) || /^[+-]?\d+ \d+\/\d+$/.test(t);
}

/**
 * Where a layout writes numeric-looking text (account codes, scene numbers), as A1 ranges:
 * runs down a column merged into one range, so a 300-account report is a few dozen ranges.
 */
export function numericTextRanges(cells: LayoutCell[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    if (!looksNumeric(c.v)) continue;
    const list = byCol.get(c.c) ?? [];
    list.push(c.r);
    byCol.set(c.c, list);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    const L = columnLetters(col);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      out.push(i === j ? `${L}${rows[i]}` : `${L}${rows[i]}:${L}${rows[j]}`);
      i = j + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Input tables

/** Room for the filter button an Excel table's header cell carries, in column units. */
const FILTER_BUTTON = 2.5;
const MAX_INPUT_WIDTH = 60;

/**
 * Column widths for an input table written by New production or `prodbook demo`: each column as
 * wide as its bold header with the filter button, or its widest value as its number format shows
 * it (a rate of 12,500.00, a date), so no figure shows ###. Text past 60 columns spills or is cut,
 * as text does; figures are never that wide.
 */
export function tableColumnWidths(headers: string[], rows: (string | number | boolean | Date | null)[][], formats: Record<string, string> = {}): number[] {
  return headers.map((h, i) => {
    let w = textWidth(h, { bold: true }) + FILTER_BUTTON;
    const fmt = formats[h];
    for (const row of rows) {
      const v = row[i];
      if (v === null || v === undefined || v === "") continue;
      const value: LayoutValue = v instanceof Date ? { date: Math.floor(v.getTime() / 86_400_000) } : v;
      const shown = displayText(value, fmt ?? (v instanceof Date ? "yyyy-mm-dd" : undefined));
      w = Math.max(w, textWidth(shown) + (typeof v === "string" ? 0 : 0.5));
    }
    return Math.min(MAX_INPUT_WIDTH, Math.ceil((w + 1.5) * 2) / 2);
  });
}

/** The layout with its printed header and footer and the page breaks that keep its blocks whole. */
export function withPrint(layout: SheetLayout, frame: PrintFrame): SheetLayout {
  if (!layout.print) return layout;
  const framed: SheetLayout = { ...layout, print: { ...layout.print, ...headerFooter(frame) } };
  return { ...framed, print: { ...framed.print!, rowBreaks: pageBreaks(framed) } };
}
