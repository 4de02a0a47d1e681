/**
 * What follows a table when Prodbook writes more (or fewer) rows into it: ranges whose bottom
 * edge is the table's. Excel moves the bottom of such a range when rows are inserted inside it;
 * Prodbook grows a table without inserting rows, so it moves them itself:
 * - defined names (`LedgerRows = Ledger!$A$2:$G$32`, a query table's hidden name, the print area,
 *   `_xlnm._FilterDatabase`), also inside a formula (`SUM(Ledger!$F$2:$F$32)`);
 * - the sheet's conditional formats and data validations over the table's columns.
 * A range is tied to the table when it overlaps the table's columns, starts in its header or
 * data rows and ends on its last data row (or its totals row). Structured references
 * (`Ledger[Amount]`) follow by themselves and are left alone; single cells never move.
 */
import { colNumber } from "./sheetData";
import { esc } from "./xml";

export interface TableExtent {
  sheet: string;
  c1: number;
  c2: number;
  headerRow: number;
  /** Last data row before the write. */
  oldLastData: number;
  /** Last row before the write, the totals row when there is one. */
  oldEnd: number;
  /** Rows added (negative: removed). */
  delta: number;
}

const AREA = /(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?)([A-Za-z]{1,3})(\$?)(\d+)/y;

/** The area's new bottom row when it is tied to the table, else undefined. */
function newBottom(t: TableExtent, c1: number, r1: number, c2: number, r2: number): number | undefined {
  if (t.delta === 0 || t.oldLastData <= t.headerRow) return undefined;
  if (c2 < t.c1 || c1 > t.c2) return undefined;
  if (r1 < t.headerRow || r1 > t.oldLastData) return undefined;
  if (r2 !== t.oldLastData && r2 !== t.oldEnd) return undefined;
  return Math.max(r1, r2 + t.delta);
}

/** Moves the bottom of one `A1:B2` area text (with or without `$`) when it is tied to the table. */
function moveArea(t: TableExtent, area: string): string {
  AREA.lastIndex = 0;
  const m = AREA.exec(area);
  if (!m || m[0].length !== area.length) return area;
  const to = newBottom(t, colNumber(m[2].toUpperCase()), Number(m[4]), colNumber(m[6].toUpperCase()), Number(m[8]));
  return to === undefined ? area : `${m[1]}${m[2]}${m[3]}${m[4]}:${m[5]}${m[6]}${m[7]}${to}`;
}

function sheetOf(quoted: string | undefined, bare: string | undefined): string {
  return quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? "");
}

// A sheet-qualified area: 'Sheet name'!$A$1:$B$2 or Sheet!A1:B2, outside string literals.
const QUALIFIED = /"(?:[^"]|"")*"|(?:'((?:[^']|'')+)'|([^\s'!(),:;+\-*/^&=<>{}"[\]]+))!(\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)(?![\w(])/g;

/** A formula (a defined name's text, unescaped) with the table's tied areas moved. */
export function moveFormulaRefs(t: TableExtent, formula: string): string {
  return formula.replace(QUALIFIED, (all, quoted: string | undefined, bare: string | undefined, area: string | undefined) => {
    if (area === undefined) return all; // a string literal
    if (sheetOf(quoted, bare).toLowerCase() !== t.sheet.toLowerCase()) return all;
    return all.slice(0, all.length - area.length) + moveArea(t, area);
  });
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The workbook part with every defined name tied to the table moved; the same text when none is. */
export function moveDefinedNames(t: TableExtent, workbookXml: string): string {
  return workbookXml.replace(/(<((?:[\w.-]+:)?)definedName\b[^>]*>)([\s\S]*?)(<\/\2definedName>)/g, (all, open: string, _p, body: string, close: string) => {
    const formula = unescapeXml(body);
    const moved = moveFormulaRefs(t, formula);
    return moved === formula ? all : `${open}${esc(moved)}${close}`;
  });
}

/** A worksheet part with the sqref of its conditional formats and data validations tied to the table moved. */
export function moveSheetRanges(t: TableExtent, sheetXml: string): string {
  const moveList = (list: string) => list.split(/(\s+)/).map((a) => (/^\s*$/.test(a) ? a : moveArea(t, a))).join("");
  // sqref="…" on <conditionalFormatting> and <dataValidation>; <xm:sqref> inside their x14 forms.
  let out = sheetXml.replace(/(<(?:[\w.-]+:)?(?:conditionalFormatting|dataValidation)\b[^>]*?\ssqref=")([^"]*)(")/g, (_m, a: string, list: string, b: string) => a + moveList(list) + b);
  out = out.replace(/(<((?:[\w.-]+:)?)sqref>)([^<]*)(<\/\2sqref>)/g, (_m, a: string, _p, list: string, b: string) => a + moveList(list) + b);
  return out;
}
