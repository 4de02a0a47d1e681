import { columnLetters } from "../../core/cells";
import { LayoutCell, LayoutValue, SheetLayout } from "../../core/layout/types";
import { PAGE_MARGINS, headerFooterSections, numericTextRanges } from "../../core/layout/print";
import { StyleBook } from "./styleBook";
import { esc, escText } from "./xml";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

/** What a rendered layout needs from the workbook beside its own part: print names. */
export interface RenderedSheet {
  xml: string;
  printArea?: string;
  printTitles?: string;
}

/** 'Top Sheet'!$A$1:$H$38: a sheet name quoted as formulas need it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((p) => p.replace(/\$/g, "").replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function isDate(v: LayoutValue): v is { date: number } {
  return v !== null && typeof v === "object" && "date" in v;
}

/**
 * One cell's XML. Strings are inline strings, always text: "=SUM(A1)" typed by a user stays
 * text. Dates are serial numbers in the workbook's date system with a date format.
 */
function cellXml(cell: LayoutCell, styles: StyleBook, date1904: boolean): string {
  const ref = `${columnLetters(cell.c)}${cell.r}`;
  const v = cell.v;
  const s = styles.xf(cell.s, isDate(v));
  const sAttr = s ? ` s="${s}"` : "";
  if (v === null || v === undefined) return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "string") return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escText(v)}</t></is></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${v}</v></c>` : `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (isDate(v)) return `<c r="${ref}"${sAttr}><v>${v.date + 25569 - (date1904 ? 1462 : 0)}</v></c>`;
  const f = `<f>${esc(v.formula.replace(/^=/, ""))}</f>`;
  if (v.result === undefined) return `<c r="${ref}"${sAttr}>${f}</c>`;
  if (typeof v.result === "number") return `<c r="${ref}"${sAttr}>${f}<v>${v.result}</v></c>`;
  return `<c r="${ref}"${sAttr} t="str">${f}<v>${escText(v.result)}</v></c>`;
}

/**
 * A SheetLayout as a worksheet part: values, styles, column widths, row heights, merges,
 * conditional formats, frozen panes, print setup and tab colour, everything the Office.js
 * renderer draws. Print area and titles are defined names, returned for the workbook part.
 */
export function renderLayoutXml(layout: SheetLayout, styles: StyleBook, date1904: boolean, sheetName: string = layout.name): RenderedSheet {
  const rows = new Map<number, LayoutCell[]>();
  let maxR = 1;
  let maxC = 1;
  for (const cell of layout.cells) {
    let line = rows.get(cell.r);
    if (!line) rows.set(cell.r, (line = []));
    line.push(cell);
    maxR = Math.max(maxR, cell.r);
    maxC = Math.max(maxC, cell.c);
  }
  const heights = layout.rowHeights ?? {};
  for (const r of Object.keys(heights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`];
  const p = layout.print;
  const fit = !!p?.fitToWidth;
  if (layout.tabColor || fit) {
    parts.push(`<sheetPr>${layout.tabColor ? `<tabColor rgb="FF${layout.tabColor.replace(/^#/, "").toUpperCase()}"/>` : ""}${fit ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`);
  }
  parts.push(`<dimension ref="A1:${columnLetters(maxC)}${maxR}"/>`);
  const fr = layout.freeze;
  if (fr && (fr.rows > 0 || fr.columns > 0)) {
    const pane = fr.rows > 0 && fr.columns > 0 ? "bottomRight" : fr.rows > 0 ? "bottomLeft" : "topRight";
    const tl = `${columnLetters(fr.columns + 1)}${fr.rows + 1}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${fr.columns > 0 ? ` xSplit="${fr.columns}"` : ""}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ""} topLeftCell="${tl}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`,
    );
  } else parts.push(`<sheetViews><sheetView workbookViewId="0"/></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const cols: string[] = [];
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) parts.push(`<cols>${cols.join("")}</cols>`);
  parts.push("<sheetData>");
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const line = rows.get(r)!.sort((a, b) => a.c - b.c);
    const h = heights[r];
    parts.push(`<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}>`);
    let last = 0;
    for (const cell of line) {
      if (cell.c === last) continue; // a later value for the same cell would be invalid XML for Excel; the first wins
      last = cell.c;
      parts.push(cellXml(cell, styles, date1904));
    }
    parts.push("</row>");
  }
  parts.push("</sheetData>");
  if (layout.merges.length) {
    parts.push(`<mergeCells count="${layout.merges.length}">`);
    for (const m of layout.merges) parts.push(`<mergeCell ref="${columnLetters(m.c1)}${m.r1}:${columnLetters(m.c2)}${m.r2}"/>`);
    parts.push("</mergeCells>");
  }
  layout.conditionalFormats.forEach((cf, i) => {
    const dxf = styles.dxf(cf.style);
    parts.push(`<conditionalFormatting sqref="${esc(cf.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>${esc(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`);
  });
  if (p) {
    const m = PAGE_MARGINS;
    parts.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    // Page numbers start at 1 on each sheet, so printing the whole workbook still says "Page 1" on each report.
    parts.push(`<pageSetup orientation="${p.orientation}" firstPageNumber="1"${fit ? ` fitToWidth="${p.fitToWidth}" fitToHeight="0"` : ""} useFirstPageNumber="1"/>`);
    // Header and footer codes (&P, &N, &D …) with literal & doubled, then XML-escaped: &amp;P.
    const head = headerFooterSections(p.header);
    const foot = headerFooterSections(p.footer);
    if (head || foot) parts.push(`<headerFooter>${head ? `<oddHeader>${escText(head)}</oddHeader>` : ""}${foot ? `<oddFooter>${escText(foot)}</oddFooter>` : ""}</headerFooter>`);
    // A manual break's id is the 0-based row it goes above, i.e. the last row of the page before.
    const breaks = [...new Set(p.rowBreaks ?? [])].filter((b) => b > 1).sort((a, b) => a - b);
    if (breaks.length) parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  }
  // Account codes and scene numbers are text on purpose: no "number stored as text" marks.
  const asText = numericTextRanges(layout.cells);
  if (asText.length) parts.push(`<ignoredErrors><ignoredError sqref="${esc(asText.join(" "))}" numberStoredAsText="1"/></ignoredErrors>`);
  parts.push("</worksheet>");
  const q = quoteSheet(sheetName);
  let printTitles: string | undefined;
  if (p?.repeatRows || p?.repeatColumns) {
    const t: string[] = [];
    if (p.repeatColumns) t.push(`${q}!$${columnLetters(p.repeatColumns[0])}:$${columnLetters(p.repeatColumns[1])}`);
    if (p.repeatRows) t.push(`${q}!$${p.repeatRows[0]}:$${p.repeatRows[1]}`);
    printTitles = t.join(",");
  }
  return { xml: parts.join(""), printArea: p?.area ? `${q}!${absolute(p.area)}` : undefined, printTitles };
}
