/**
 * A SheetLayout compiled into write chunks for Office.js. Every range a chunk makes is untracked
 * at once: Excel.run would otherwise keep a reference to each (a `_KeepReference` action in the
 * request) and release them all in one more request at its end, which for a 300-day schedule is
 * itself over Excel on the web's 5 MB. Each chunk queues a bounded amount of
 * work on one worksheet and says roughly how many bytes it adds to a request, so writeSheets can
 * spread the chunks over a fixed number of syncs and keep every request under the 5 MB limit.
 */
import { columnLetters } from "../core/cells";
import { CellStyle, LayoutCell, SheetLayout } from "../core/layout/types";
import type { HostFeatures } from "./requirements";

export interface WriteChunk {
  /** Estimated JSON bytes the chunk adds to a request (an upper bound: values plus per-operation overhead). */
  bytes: number;
  /** What it writes, for progress messages. */
  what: string;
  apply(ws: Excel.Worksheet): void;
}

/** Cell-value chunks stay small so the packing into requests is even. */
export const CHUNK_BYTES = 128 * 1024;
/**
 * Bytes office.js adds per queued operation, measured by serializing requests with Microsoft's
 * office.js (test/officejs): a range's object path, its property paths (format, fill, font,
 * borders), an instantiate action for each and the set-property action come to 400-700 bytes.
 * Rounded up so the estimate stays an upper bound.
 */
const OP_BYTES = 520;
/** office.js splits a values write of more than 1,500 cells into 1,500-cell parts (getRow, getBoundingRect) of about 900 bytes each. */
const SPLIT_BYTES_PER_CELL = 1;
const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

type Written = string | number | boolean;

/** What goes into `formulas` for a cell, and the number format set BEFORE it (text stays text). */
export function cellWrite(cell: LayoutCell): { value: Written; numberFormat: string } {
  const v = cell.v;
  const nf = cell.s?.numberFormat;
  if (v === null || v === undefined) return { value: "", numberFormat: nf ?? "General" };
  if (typeof v === "string") return { value: v, numberFormat: "@" };
  if (typeof v === "number" || typeof v === "boolean") return { value: v, numberFormat: nf && nf !== "@" ? nf : "General" };
  if ("date" in v) return { value: v.date + 25569, numberFormat: nf && nf !== "@" ? nf : DEFAULT_DATE_FORMAT };
  // A layout formula (never user text); "@" would turn it into text.
  const f = v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
  return { value: f, numberFormat: nf && nf !== "@" ? nf : "General" };
}

/** Character widths (Excel's unit) to the points Office.js takes: 7 px a character plus 5 px padding, 0.75 pt a pixel. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function addr(r1: number, c1: number, r2: number, c2: number): string {
  const a = `${columnLetters(c1)}${r1}`;
  const b = `${columnLetters(c2)}${r2}`;
  return a === b ? a : `${a}:${b}`;
}

const STYLE_PROPS = ["fill", "bold", "italic", "fontColor", "fontSize", "hAlign", "vAlign", "wrap", "indent", "border"] as const;

function borderKey(b: CellStyle["border"]): string | undefined {
  if (!b) return undefined;
  const k = (["top", "bottom", "left", "right"] as const).filter((e) => b[e]).join(",");
  return k || undefined;
}

function styleKey(s: CellStyle | undefined): string {
  if (!s) return "";
  const { numberFormat: _nf, ...rest } = s;
  const keys = Object.keys(rest).sort() as (keyof typeof rest)[];
  if (!keys.length) return "";
  return JSON.stringify(keys.map((k) => [k, rest[k]]));
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The Office.js operations one style needs, on one range. */
function styleOps(s: CellStyle, manyRows: boolean, manyCols: boolean, features: Pick<HostFeatures, "indentLevel">): ((r: Excel.Range) => void)[] {
  const ops: ((r: Excel.Range) => void)[] = [];
  if (s.fill) ops.push((r) => (r.format.fill.color = s.fill!));
  if (s.bold !== undefined) ops.push((r) => (r.format.font.bold = s.bold!));
  if (s.italic !== undefined) ops.push((r) => (r.format.font.italic = s.italic!));
  if (s.fontColor) ops.push((r) => (r.format.font.color = s.fontColor!));
  if (s.fontSize) ops.push((r) => (r.format.font.size = s.fontSize!));
  if (s.hAlign) ops.push((r) => (r.format.horizontalAlignment = H_ALIGN[s.hAlign!]));
  if (s.vAlign) ops.push((r) => (r.format.verticalAlignment = V_ALIGN[s.vAlign!]));
  if (s.wrap !== undefined) ops.push((r) => (r.format.wrapText = s.wrap!));
  // RangeFormat.indentLevel is ExcelApi 1.9; without it the cell is only left-aligned.
  if (s.indent && features.indentLevel) ops.push((r) => (r.format.indentLevel = s.indent!));
  const b = s.border;
  if (b) {
    const edge = (name: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical") =>
      ops.push((r) => (r.format.borders.getItem(name).style = "Continuous"));
    if (b.top) edge("EdgeTop");
    if (b.bottom) edge("EdgeBottom");
    if (b.left) edge("EdgeLeft");
    if (b.right) edge("EdgeRight");
    // Every cell of the rectangle has the edge, so the lines between its cells are drawn too.
    if ((b.top || b.bottom) && manyRows) edge("InsideHorizontal");
    if ((b.left || b.right) && manyCols) edge("InsideVertical");
  }
  return ops;
}

interface StyleRect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  style: CellStyle;
}

/**
 * Cells with equal `keyOf` grouped into rectangles: runs along each row, then stacked down while
 * equal. Cells whose key is "" are left out.
 */
export function styleRects(cells: LayoutCell[], keyOf: (s: CellStyle | undefined) => string = styleKey): StyleRect[] {
  const byRow = new Map<number, LayoutCell[]>();
  for (const c of cells) {
    if (!keyOf(c.s)) continue;
    const list = byRow.get(c.r) ?? [];
    list.push(c);
    byRow.set(c.r, list);
  }
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = byRow.get(r)!.sort((a, b) => a.c - b.c);
    const runs: { c1: number; c2: number; key: string; style: CellStyle }[] = [];
    for (const cell of row) {
      const k = keyOf(cell.s);
      const last = runs[runs.length - 1];
      if (last && last.key === k && last.c2 === cell.c - 1) last.c2 = cell.c;
      else if (!last || last.c2 !== cell.c) runs.push({ c1: cell.c, c2: cell.c, key: k, style: cell.s! });
    }
    const next = new Map<string, StyleRect>();
    for (const run of runs) {
      const id = `${run.c1}|${run.c2}|${run.key}`;
      const prev = open.get(id);
      if (prev && prev.r2 === r - 1) {
        prev.r2 = r;
        next.set(id, prev);
        open.delete(id);
      } else next.set(id, { r1: r, r2: r, c1: run.c1, c2: run.c2, style: run.style });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** Packs small operations into chunks of at most CHUNK_BYTES. */
function packOps(what: string, ops: { bytes: number; apply: (ws: Excel.Worksheet) => void }[]): WriteChunk[] {
  const out: WriteChunk[] = [];
  let cur: typeof ops = [];
  let bytes = 0;
  const flush = () => {
    if (!cur.length) return;
    const list = cur;
    out.push({ bytes, what, apply: (ws) => list.forEach((o) => o.apply(ws)) });
    cur = [];
    bytes = 0;
  };
  for (const op of ops) {
    if (bytes + op.bytes > CHUNK_BYTES) flush();
    cur.push(op);
    bytes += op.bytes;
  }
  flush();
  return out;
}

/** Every chunk that writes `layout` onto an empty worksheet. */
export function compileLayout(layout: SheetLayout, features: Pick<HostFeatures, "pageLayout" | "indentLevel">): WriteChunk[] {
  const chunks: WriteChunk[] = [];
  let maxRow = 0;
  let maxCol = 0;
  const at = new Map<number, Map<number, LayoutCell>>();
  for (const cell of layout.cells) {
    maxRow = Math.max(maxRow, cell.r);
    maxCol = Math.max(maxCol, cell.c);
    let row = at.get(cell.r);
    if (!row) at.set(cell.r, (row = new Map()));
    row.set(cell.c, cell);
  }

  // Values with their number formats, in row blocks: the format goes first so "=…" text stays text.
  let block: { values: Written[][]; formats: Written[][]; first: number; bytes: number } | undefined;
  const flush = () => {
    if (!block) return;
    const b = block;
    const last = b.first + b.values.length - 1;
    chunks.push({
      bytes: b.bytes + 2 * OP_BYTES + 2 * SPLIT_BYTES_PER_CELL * b.values.length * maxCol,
      what: `cells ${b.first}-${last}`,
      apply: (ws) => {
        const range = ws.getRange(addr(b.first, 1, last, maxCol)).untrack();
        range.numberFormat = b.formats as string[][];
        range.formulas = b.values as string[][];
      },
    });
    block = undefined;
  };
  for (let r = 1; r <= maxRow; r++) {
    const row = at.get(r);
    const values: Written[] = [];
    const formats: Written[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const cell = row?.get(c);
      const w = cell ? cellWrite(cell) : { value: "", numberFormat: "General" };
      values.push(w.value);
      formats.push(w.numberFormat);
    }
    const bytes = JSON.stringify(values).length + JSON.stringify(formats).length + 2;
    if (block && block.bytes + bytes > CHUNK_BYTES) flush();
    block ??= { values: [], formats: [], first: r, bytes: 0 };
    block.values.push(values);
    block.formats.push(formats);
    block.bytes += bytes;
  }
  flush();

  // Formats, merges, widths and heights, conditional formats: small operations packed together.
  const ops: { bytes: number; apply: (ws: Excel.Worksheet) => void }[] = [];
  // One property at a time: a strip's colour changes row by row, its borders and font do not, so
  // each property groups into far fewer rectangles than whole styles would.
  for (const prop of STYLE_PROPS) {
    const keyOf = (st: CellStyle | undefined) => {
      const v = prop === "border" ? borderKey(st?.border) : st?.[prop];
      return v === undefined || v === false || v === "" ? "" : JSON.stringify(v);
    };
    for (const rect of styleRects(layout.cells, keyOf)) {
      const list = styleOps({ [prop]: rect.style[prop] }, rect.r2 > rect.r1, rect.c2 > rect.c1, features);
      if (!list.length) continue;
      const a = addr(rect.r1, rect.c1, rect.r2, rect.c2);
      ops.push({
        bytes: list.length * (OP_BYTES + 2 * a.length + 40),
        apply: (ws) => {
          const range = ws.getRange(a).untrack();
          list.forEach((op) => op(range));
        },
      });
    }
  }
  for (const m of layout.merges) {
    const a = addr(m.r1, m.c1, m.r2, m.c2);
    ops.push({ bytes: OP_BYTES + a.length, apply: (ws) => ws.getRange(a).untrack().merge(false) });
  }
  layout.columnWidths.forEach((w, i) => {
    if (!(w > 0)) return;
    const col = columnLetters(i + 1);
    ops.push({ bytes: OP_BYTES, apply: (ws) => (ws.getRange(`${col}:${col}`).untrack().format.columnWidth = widthToPoints(w)) });
  });
  for (const [row, h] of Object.entries(layout.rowHeights ?? {})) {
    ops.push({ bytes: OP_BYTES, apply: (ws) => (ws.getRange(`${row}:${row}`).untrack().format.rowHeight = h) });
  }
  for (const cf of layout.conditionalFormats) {
    const formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
    ops.push({
      bytes: 5 * OP_BYTES + formula.length + cf.range.length,
      apply: (ws) => {
        const f = ws.getRange(cf.range).untrack().conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        f.custom.rule.formula = formula;
        if (cf.style.fill) f.custom.format.fill.color = cf.style.fill;
        if (cf.style.fontColor) f.custom.format.font.color = cf.style.fontColor;
        if (cf.style.bold !== undefined) f.custom.format.font.bold = cf.style.bold;
      },
    });
  }
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) {
    const { rows, columns } = layout.freeze;
    ops.push({
      bytes: OP_BYTES,
      apply: (ws) => {
        if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(addr(1, 1, rows, columns)).untrack());
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else ws.freezePanes.freezeColumns(columns);
      },
    });
  }
  const print = layout.print;
  if (print && features.pageLayout) {
    ops.push({
      bytes: 4 * OP_BYTES,
      apply: (ws) => {
        const page = ws.pageLayout;
        page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        if (print.fitToWidth) page.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
        if (print.area) page.setPrintArea(print.area);
        if (print.repeatRows) page.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
        if (print.repeatColumns) {
          const [a, b] = print.repeatColumns.map((c) => `$${columnLetters(c)}`);
          page.setPrintTitleColumns(`${a}:${b}`);
        }
      },
    });
  }
  if (layout.tabColor) {
    const color = layout.tabColor;
    ops.push({ bytes: OP_BYTES, apply: (ws) => (ws.tabColor = color) });
  }
  chunks.push(...packOps("formats", ops));
  return chunks;
}
