import { arr, attr, parseXml, textOf, unescapeOoxml, XmlNode } from "./xml";

/** One `<c>` as the file holds it. */
export interface RawCell {
  /** Cell type attribute: s, inlineStr, str, b, e, d, n (absent = n). */
  t: string;
  /** `<v>` text, undefined when the cell has none (a formula never calculated). */
  v?: string;
  /** Inline string text (t="inlineStr"). */
  is?: string;
  /** Style index (cellXfs), 0 when absent. */
  s: number;
  f?: { text: string; t?: string; si?: string; ref?: string };
}

export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  ref: string;
}

/** A worksheet's cells, row → column → cell (1-based), and its merged ranges. */
export interface SheetData {
  rows: Map<number, Map<number, RawCell>>;
  merges: Merge[];
  /** `<autoFilter ref>` of the sheet itself (not a table's). */
  autoFilter?: string;
}

/** "AB12" → {r: 12, c: 28}; undefined when not an A1 address. */
export function parseAddress(a: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) return undefined;
  return { r: Number(m[2]), c: colNumber(m[1]) };
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "B3:C5", "B3" or "$B$3" → 1-based bounds. */
export function parseRange(ref: string): Range | undefined {
  const [a, b] = ref.trim().split(":");
  const p = parseAddress(a ?? "");
  const q = b === undefined ? p : parseAddress(b);
  if (!p || !q) return undefined;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

/** Rich text (`<r><t>…</t></r>` runs) or plain `<t>`, phonetic runs left out. */
export function stringItemText(si: unknown): string {
  if (si === undefined || si === null) return "";
  if (typeof si === "string") return unescapeOoxml(si);
  const node = si as XmlNode;
  let out = "";
  if (node.t !== undefined) out += textOf(node.t);
  for (const r of arr(node.r)) out += textOf((r as XmlNode).t);
  return unescapeOoxml(out);
}

/**
 * Parses a worksheet part. Cells without a reference (allowed by the schema, written by some
 * generators) follow the previous cell, and rows without one follow the previous row.
 */
export function parseSheetData(xml: string): SheetData {
  const doc = parseXml(xml);
  const ws = (doc.worksheet ?? doc.chartsheet ?? doc.dialogsheet ?? {}) as XmlNode;
  const rows = new Map<number, Map<number, RawCell>>();
  const sd = ws.sheetData as XmlNode | undefined;
  let lastRow = 0;
  for (const row of arr(sd?.row)) {
    const rAttr = attr(row, "r");
    const r = rAttr ? Number(rAttr) : lastRow + 1;
    lastRow = r;
    let lastCol = 0;
    let line = rows.get(r);
    if (!line) rows.set(r, (line = new Map()));
    for (const c of arr((row as XmlNode).c)) {
      const ref = attr(c, "r");
      const at = ref ? parseAddress(ref) : undefined;
      const col = at ? at.c : lastCol + 1;
      lastCol = col;
      const node = c as XmlNode;
      const cell: RawCell = { t: attr(c, "t") ?? "n", s: Number(attr(c, "s") ?? 0) || 0 };
      if (node.v !== undefined) cell.v = textOf(node.v);
      if (node.is !== undefined) cell.is = stringItemText(node.is);
      if (node.f !== undefined) {
        const f = node.f;
        cell.f = { text: unescapeOoxml(textOf(f)), t: attr(f, "t"), si: attr(f, "si"), ref: attr(f, "ref") };
      }
      line.set(col, cell);
    }
  }
  const merges: Merge[] = [];
  for (const m of arr((ws.mergeCells as XmlNode | undefined)?.mergeCell)) {
    const ref = attr(m, "ref") ?? "";
    const rg = parseRange(ref);
    if (rg) merges.push({ ...rg, ref });
  }
  const autoFilter = attr(ws.autoFilter, "ref");
  return { rows, merges, autoFilter };
}
