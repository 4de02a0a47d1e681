import { CellStyle, LayoutCell, LayoutValue, Merge, SheetLayout } from "./types";
import { columnLetters } from "../cells";

/**
 * How text sits in the generated sheets, worked out before anything is rendered: the width a
 * value takes in Excel's default font, the lines a wrapped cell needs, and so the row heights
 * (Excel does not grow a row for wrapped text it opens, and neither does LibreOffice) and the
 * column widths that keep figures from showing ###.
 *
 * Widths are in Excel's column-width unit, the advance of the digit "0" in Calibri 11. The
 * tables are Carlito's advances (metric-compatible with Calibri) for ASCII 32–126, so the
 * estimate is the width Excel draws, give or take kerning.
 */
const REGULAR = [
  0.45, 0.64, 0.79, 0.98, 1, 1.41, 1.35, 0.44, 0.6, 0.6, 0.98, 0.98, 0.49, 0.6, 0.5, 0.76, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.53, 0.53, 0.98, 0.98, 0.98, 0.91, 1.76,
  1.14, 1.07, 1.05, 1.21, 0.96, 0.91, 1.24, 1.23, 0.5, 0.63, 1.03, 0.83, 1.69, 1.27, 1.31, 1.02, 1.33, 1.07, 0.91, 0.96, 1.27, 1.12, 1.76, 1.02, 0.96, 0.92, 0.61,
  0.76, 0.61, 0.98, 0.98, 0.57, 0.95, 1.04, 0.83, 1.04, 0.98, 0.6, 0.93, 1.04, 0.45, 0.47, 0.9, 0.45, 1.58, 1.04, 1.04, 1.04, 1.04, 0.69, 0.77, 0.66, 1.04, 0.89,
  1.41, 0.85, 0.89, 0.78, 0.62, 0.91, 0.62, 0.98,
];
const BOLD = [
  0.45, 0.64, 0.87, 0.98, 1, 1.44, 1.39, 0.46, 0.61, 0.61, 0.98, 0.98, 0.51, 0.6, 0.53, 0.85, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.54, 0.54, 0.98, 0.98, 0.98, 0.91,
  1.77, 1.2, 1.11, 1.04, 1.24, 0.96, 0.91, 1.26, 1.24, 0.53, 0.65, 1.08, 0.83, 1.72, 1.3, 1.33, 1.05, 1.35, 1.11, 0.93, 0.98, 1.29, 1.17, 1.79, 1.09, 1.03, 0.94,
  0.64, 0.85, 0.64, 0.98, 0.98, 0.59, 0.97, 1.06, 0.83, 1.06, 0.99, 0.62, 0.94, 1.06, 0.48, 0.5, 0.95, 0.48, 1.61, 1.06, 1.06, 1.06, 1.06, 0.7, 0.79, 0.68, 1.06,
  0.93, 1.47, 0.91, 0.93, 0.78, 0.68, 0.94, 0.68, 0.98,
];
/** Characters outside ASCII that the layouts write; anything else counts as a wide letter. */
const OTHER: Record<string, number> = { "—": 1.79, "–": 0.98, "−": 0.98, "·": 0.5, "€": 1, "£": 1, "¥": 1, "₹": 1, "₩": 1.2 };
const OTHER_DEFAULT = 1.2;

/** Excel keeps about 5 px (0.7 of a digit) of a column for padding and the grid line. */
export const CELL_PADDING = 0.75;
/** One indent level, about three spaces. */
export const INDENT_WIDTH = 1.4;
/** Height of the default row (Calibri 11) in points. */
export const DEFAULT_ROW_HEIGHT = 15;

/** The width `text` takes in column-width units, in the cell's font size and weight. */
export function textWidth(text: string, s?: Pick<CellStyle, "bold" | "fontSize">): number {
  const table = s?.bold ? BOLD : REGULAR;
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    w += code >= 32 && code < 127 ? table[code - 32] : (OTHER[ch] ?? OTHER_DEFAULT);
  }
  return (w * (s?.fontSize ?? 11)) / 11;
}

/** Points one line of text takes at `fontSize` (15 pt for Calibri 11, as Excel's default row). */
export function lineHeight(fontSize = 11): number {
  return Math.ceil(((DEFAULT_ROW_HEIGHT * fontSize) / 11) * 4) / 4;
}

/**
 * Lines `text` wraps to in `width` column units: words fill a line greedily, as Excel wraps; a
 * word longer than the whole line is broken where it runs out.
 */
export function wrapLines(text: string, width: number, s?: Pick<CellStyle, "bold" | "fontSize">): number {
  const space = textWidth(" ", s);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      let w = textWidth(word, s);
      if (used > 0 && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line takes whole lines of its own.
      while (w > width && width > 0) {
        lines++;
        w -= width;
      }
      used = w;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// What a cell shows: enough of Excel's number formats to measure the ones the layouts use.

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const EXCEL_EPOCH_OFFSET = 25569; // Excel serial of 1970-01-01

/** Splits a format into its sections at `;` outside quotes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Token = { lit: string } | { code: string };

function tokens(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ lit: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      out.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // [Red], [$-409]: no width
    } else if (ch === "_") {
      out.push({ lit: " " }); // _) leaves the width of ")"; a space is close enough
      i++;
    } else if (ch === "*") {
      i++; // fill character: takes what is left
    } else if (ch === "@") {
      out.push({ code: "@" });
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ code: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else if (/[#0?,.%]/.test(ch)) {
      let j = i;
      while (j < section.length && /[#0?,.%]/.test(section[j])) j++;
      out.push({ code: section.slice(i, j) });
      i = j - 1;
    } else out.push({ lit: ch });
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function formatDateTime(serial: number, toks: Token[]): string {
  const days = Math.floor(serial);
  const d = new Date((days - EXCEL_EPOCH_OFFSET) * 86_400_000);
  const minutes = Math.round((serial - days) * 1440);
  const hasHour = toks.some((t) => "code" in t && t.code[0] === "h");
  let out = "";
  toks.forEach((t, i) => {
    if ("lit" in t) {
      out += t.lit;
      return;
    }
    const c = t.code;
    // "m" is minutes right after an hour or right before seconds, else the month.
    const prev = toks.slice(0, i).reverse().find((x) => "code" in x) as { code: string } | undefined;
    const next = toks.slice(i + 1).find((x) => "code" in x) as { code: string } | undefined;
    const isMinute = c[0] === "m" && hasHour && (prev?.code[0] === "h" || next?.code[0] === "s");
    if (isMinute) out += c.length > 1 ? pad2(minutes % 60) : String(minutes % 60);
    else if (c[0] === "h") out += c.length > 1 ? pad2(Math.floor(minutes / 60)) : String(Math.floor(minutes / 60));
    else if (c[0] === "s") out += "00";
    else if (c[0] === "d") out += c.length >= 4 ? DAYS[d.getUTCDay()] : c.length === 3 ? DAYS[d.getUTCDay()].slice(0, 3) : c.length === 2 ? pad2(d.getUTCDate()) : String(d.getUTCDate());
    else if (c[0] === "m")
      out += c.length >= 4 ? MONTHS[d.getUTCMonth()] : c.length === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : c.length === 2 ? pad2(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
    else if (c[0] === "y") out += c.length <= 2 ? pad2(d.getUTCFullYear() % 100) : String(d.getUTCFullYear());
    else out += c;
  });
  return out;
}

function formatNumber(n: number, toks: Token[]): string {
  let out = "";
  for (const t of toks) {
    if ("lit" in t) {
      out += t.lit;
      continue;
    }
    const pattern = t.code;
    if (pattern === "@") {
      out += String(n);
      continue;
    }
    const percent = pattern.includes("%");
    const [intPart, fracPart = ""] = pattern.replace(/%/g, "").split(".");
    const maxDec = (fracPart.match(/[#0?]/g) ?? []).length;
    const minDec = (fracPart.match(/0/g) ?? []).length;
    let text = (percent ? n * 100 : n).toFixed(maxDec);
    if (maxDec > minDec && text.includes(".")) {
      text = text.replace(/0+$/, "");
      const dec = text.length - text.indexOf(".") - 1;
      if (dec < minDec) text += "0".repeat(minDec - dec);
      text = text.replace(/\.$/, "");
    }
    if (intPart.includes(",")) text = text.replace(/^(\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    out += text + (percent ? "%" : "");
  }
  return out;
}

/** The text Excel shows for `v` under `numberFormat` (General when none). */
export function displayText(v: LayoutValue, numberFormat?: string): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  let n: number;
  if (typeof v === "number") n = v;
  else if ("date" in v) {
    n = v.date + EXCEL_EPOCH_OFFSET;
    numberFormat ??= "yyyy-mm-dd";
  } else if (typeof v.result === "string") return v.result;
  else if (typeof v.result === "number") n = v.result;
  else return "";
  const fmt = numberFormat && numberFormat !== "General" && numberFormat !== "@" ? numberFormat : undefined;
  if (!fmt) return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
  const secs = sections(fmt);
  const section = n < 0 && secs.length > 1 ? secs[1] : n === 0 && secs.length > 2 ? secs[2] : secs[0];
  const value = n < 0 && secs.length > 1 ? -n : n;
  const toks = tokens(section);
  const isDate = toks.some((t) => "code" in t && /^[dmyhs]/.test(t.code));
  return isDate ? formatDateTime(value, toks) : formatNumber(value, toks);
}

// ---------------------------------------------------------------------------------------------
// Fitting a whole layout.

interface Placed {
  cell: LayoutCell;
  /** Columns the cell's text has: its own, or its merge's. */
  c1: number;
  c2: number;
  merged: boolean;
  multiRow: boolean;
}

function columnSpan(widths: number[], c1: number, c2: number): number {
  let w = 0;
  for (let c = c1; c <= c2; c++) w += widths[c - 1] ?? 8.43;
  return w;
}

/** The width a cell's text may use: its columns less padding and indent. */
function usableWidth(layout: SheetLayout, p: Placed): number {
  return columnSpan(layout.columnWidths, p.c1, p.c2) - CELL_PADDING - (p.cell.s?.indent ?? 0) * INDENT_WIDTH;
}

function place(layout: SheetLayout): { placed: Placed[]; covered: Set<string> } {
  const topLeft = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const m of layout.merges) {
    topLeft.set(`${m.r1},${m.c1}`, m);
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
  }
  const placed: Placed[] = [];
  for (const cell of layout.cells) {
    const key = `${cell.r},${cell.c}`;
    if (covered.has(key)) continue;
    const m = topLeft.get(key);
    placed.push({ cell, c1: cell.c, c2: m ? m.c2 : cell.c, merged: m !== undefined, multiRow: m !== undefined && m.r2 > m.r1 });
  }
  return { placed, covered };
}

/**
 * The layout with row heights that show every wrapped cell whole and every larger font: the
 * tallest cell of a row sets it, never lower than the layout's own height for that row. Rows
 * that need no more than the default are left unset.
 */
export function fitRows(layout: SheetLayout): SheetLayout {
  const heights: Record<number, number> = { ...layout.rowHeights };
  for (const p of place(layout).placed) {
    if (p.multiRow) continue;
    const s = p.cell.s;
    const text = displayText(p.cell.v, s?.numberFormat);
    if (text === "" && !(s?.fontSize && s.fontSize > 11)) continue;
    const lines = s?.wrap && text !== "" ? wrapLines(text, usableWidth(layout, p), s) : 1;
    const h = lines * lineHeight(s?.fontSize) + (lines > 1 ? 1 : 0);
    if (h > DEFAULT_ROW_HEIGHT && h > (heights[p.cell.r] ?? 0)) heights[p.cell.r] = h;
  }
  return { ...layout, rowHeights: heights };
}

/**
 * Excel's widest column: 255 characters ("Excel specifications and limits", support.microsoft.com);
 * Excel refuses a wider `RangeFormat.columnWidth` (InvalidArgument), which failed Update budget at
 * 600 shooting days when a Schedule vs Budget row listed 60 Budget lines.
 */
export const MAX_COLUMN_WIDTH = 255;

/** The width a column needs to show `values` whole (with padding), at least `min`, at most Excel's 255. */
export function columnWidthFor(values: { v: LayoutValue; s?: CellStyle }[], min: number): number {
  let w = min;
  for (const { v, s } of values) {
    const need = textWidth(displayText(v, s?.numberFormat), s) + CELL_PADDING + (s?.indent ?? 0) * INDENT_WIDTH + 0.5;
    if (need > w) w = need;
  }
  return Math.min(MAX_COLUMN_WIDTH, Math.ceil(w * 2) / 2);
}

/**
 * What would not show right in Excel at 100 %: a figure or date wider than its cell (shown as
 * ###), text that does not fit and cannot spill because the next cell is taken (cut off), and a
 * wrapped word wider than its cell (cut mid-word). One line each, naming the cell.
 */
export function layoutOverflows(layout: SheetLayout): string[] {
  const { placed, covered } = place(layout);
  const taken = new Set<string>(covered);
  for (const p of placed) if (p.cell.v !== null && p.cell.v !== "") taken.add(`${p.cell.r},${p.cell.c}`);
  const out: string[] = [];
  for (const p of placed) {
    const { cell } = p;
    const s = cell.s;
    const text = displayText(cell.v, s?.numberFormat);
    if (text === "") continue;
    const room = usableWidth(layout, p);
    const where = `${layout.name}!${columnLetters(cell.c)}${cell.r}`;
    const need = textWidth(text, s);
    if (typeof cell.v !== "string") {
      if (need > room) out.push(`${where}: "${text}" shows as ### (needs ${need.toFixed(1)}, has ${room.toFixed(1)})`);
      continue;
    }
    if (s?.wrap) {
      const longest = Math.max(...text.split(/\s+/).map((word) => textWidth(word, s)));
      if (longest > room) out.push(`${where}: the word in "${text}" is cut (needs ${longest.toFixed(1)}, has ${room.toFixed(1)})`);
      continue;
    }
    if (need <= room) continue;
    if (p.merged) {
      out.push(`${where}: "${text}" is cut at its merge (needs ${need.toFixed(1)}, has ${room.toFixed(1)})`);
      continue;
    }
    // Text spills over empty neighbours only: right when left-aligned, left when right-aligned.
    const align = s?.hAlign ?? "left";
    const free = (c: number) => c >= 1 && !taken.has(`${cell.r},${c}`);
    const spill =
      align === "left"
        ? spillRoom(layout, p.c2 + 1, 1, free)
        : align === "right"
          ? spillRoom(layout, p.c1 - 1, -1, free)
          : 2 * Math.min(spillRoom(layout, p.c2 + 1, 1, free), spillRoom(layout, p.c1 - 1, -1, free));
    if (need > room + spill) out.push(`${where}: "${text}" is cut off (needs ${need.toFixed(1)}, has ${(room + spill).toFixed(1)})`);
  }
  return out;
}

function spillRoom(layout: SheetLayout, from: number, step: 1 | -1, free: (c: number) => boolean): number {
  let w = 0;
  // Past the last laid-out column the sheet is empty: room enough.
  for (let c = from; free(c); c += step) {
    if (c > layout.columnWidths.length + 50) return Infinity;
    w += layout.columnWidths[c - 1] ?? 8.43;
  }
  return w;
}
