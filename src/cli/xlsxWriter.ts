import ExcelJS from "exceljs";
import { columnLetters } from "../core/cells";
import { CellStyle, LayoutValue, SheetLayout } from "../core/layout/types";
import {
  REGISTRY_HEADERS,
  REGISTRY_SHEET,
  RegistryEntry,
  WriteAction,
  describeBeside,
  fingerprintValues,
  layoutReadBackGrid,
  planWrites,
} from "../core/layout/ownership";
import { readRegistry, sheetReadBackGrid } from "./xlsxReader";

const MS_PER_DAY = 86_400_000;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** ExcelJS style objects, one per distinct CellStyle, shared by every cell that uses it. */
class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  get(s: CellStyle, isDate: boolean): Partial<ExcelJS.Style> {
    const key = JSON.stringify(s) + (isDate ? "D" : "");
    let out = this.cache.get(key);
    if (!out) {
      out = toExcelStyle(s, isDate);
      this.cache.set(key, out);
    }
    return out;
  }
}

function toExcelStyle(s: CellStyle, isDate: boolean): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const numFmt = s.numberFormat ?? (isDate ? "yyyy-mm-dd" : undefined);
  if (numFmt) out.numFmt = numFmt;
  if (s.bold || s.italic || s.fontSize || s.fontColor) {
    // A font entry replaces the workbook default whole: without a name and size, Excel and
    // LibreOffice fall back to a serif face, unlike the Office.js sheets, which keep Calibri.
    const font: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
    if (s.bold) font.bold = true;
    if (s.italic) font.italic = true;
    if (s.fontSize) font.size = s.fontSize;
    if (s.fontColor) font.color = { argb: argb(s.fontColor) };
    out.font = font;
  }
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.hAlign || s.vAlign || s.wrap || s.indent) {
    const al: Partial<ExcelJS.Alignment> = {};
    if (s.hAlign) al.horizontal = s.hAlign;
    if (s.vAlign) al.vertical = s.vAlign;
    if (s.wrap) al.wrapText = true;
    if (s.indent) {
      al.indent = s.indent;
      al.horizontal ??= "left";
    }
    out.alignment = al;
  }
  if (s.border) {
    const b: Partial<ExcelJS.Borders> = {};
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
    if (s.border.top) b.top = thin;
    if (s.border.bottom) b.bottom = thin;
    if (s.border.left) b.left = thin;
    if (s.border.right) b.right = thin;
    out.border = b;
  }
  return out;
}

/**
 * A layout value as ExcelJS stores it. Strings stay strings: ExcelJS writes them to the shared
 * string table, so "=SUM(A1)" or "-" typed by the user is text, never a formula.
 */
function excelValue(v: LayoutValue): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  if ("date" in v) return new Date(v.date * MS_PER_DAY);
  return { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
}

/** Renders one layout onto an empty worksheet. */
export function renderLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const styles = new StyleCache();
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const cell of layout.cells) {
    const c = ws.getRow(cell.r).getCell(cell.c);
    if (cell.v !== null) c.value = excelValue(cell.v);
    const isDate = cell.v !== null && typeof cell.v === "object" && "date" in cell.v;
    if (cell.s) c.style = styles.get(cell.s, isDate) as ExcelJS.Style;
    else if (isDate) c.style = styles.get({}, true) as ExcelJS.Style;
  }
  for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
  for (const m of layout.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  layout.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } };
    if (cf.style.fontColor || cf.style.bold) {
      style.font = {};
      if (cf.style.fontColor) style.font.color = { argb: argb(cf.style.fontColor) };
      if (cf.style.bold) style.font.bold = true;
    }
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", formulae: [cf.formula], style, priority: i + 1 } as ExcelJS.ExpressionRuleType],
    });
  });
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: layout.freeze.columns,
        ySplit: layout.freeze.rows,
        topLeftCell: `${columnLetters(layout.freeze.columns + 1)}${layout.freeze.rows + 1}`,
      },
    ];
  }
  if (layout.print) {
    const p = layout.print;
    const setup: Partial<ExcelJS.PageSetup> = { orientation: p.orientation, paperSize: undefined };
    if (p.fitToWidth) {
      setup.fitToPage = true;
      setup.fitToWidth = p.fitToWidth;
      setup.fitToHeight = 0;
    }
    if (p.area) setup.printArea = p.area;
    if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows[0]}:${p.repeatRows[1]}`;
    if (p.repeatColumns) setup.printTitlesColumn = `${columnLetters(p.repeatColumns[0])}:${columnLetters(p.repeatColumns[1])}`;
    setup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
    ws.pageSetup = { ...ws.pageSetup, ...setup };
  }
  if (layout.tabColor) ws.properties.tabColor = { argb: argb(layout.tabColor) };
}


/**
 * ExcelJS writes a print area "A1:H38" as `$A1:$H38` (rows left relative) and reads one back
 * without dollars; rows get their `$` here so every sheet's print area is absolute in the file.
 */
export function fixPrintAreas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (!area) continue;
    ws.pageSetup.printArea = area
      .split("&&")
      .map((part) => part.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/gi, "$1$$$2"))
      .join("&&");
  }
}

export interface WriteReport {
  actions: WriteAction[];
  /** Sheets removed because Prodbook made them, nobody changed them and this build has no such sheet. */
  removed: string[];
  /** One line each, for the user. */
  messages: string[];
}

/**
 * Writes generated sheets into the workbook under the ownership rules: a Prodbook sheet nobody
 * changed is replaced; a changed one, or a user's sheet of the same name, is kept and the new one
 * written beside it. A Prodbook sheet this build no longer makes (a call sheet for a day that is
 * gone) is removed when unchanged and kept otherwise. The registry `_Prodbook` is very hidden.
 */
export function writeLayouts(wb: ExcelJS.Workbook, layouts: SheetLayout[], now: Date = new Date()): WriteReport {
  const registry = readRegistry(wb);
  const existing = wb.worksheets.map((ws) => ws.name).filter((n) => n !== REGISTRY_SHEET);
  const fingerprintOf = (name: string): string => {
    const ws = wb.getWorksheet(name);
    return ws ? fingerprintValues(sheetReadBackGrid(ws)) : "";
  };
  const unchanged = (e: RegistryEntry): boolean => wb.getWorksheet(e.sheet) !== undefined && e.fingerprint === fingerprintOf(e.sheet);

  // Stale Prodbook sheets (no layout of that name) that nobody touched go; their names are free again.
  const wanted = new Set(layouts.map((l) => l.name.toLowerCase()));
  const removed: string[] = [];
  const kept: RegistryEntry[] = [];
  for (const e of registry) {
    if (!wb.getWorksheet(e.sheet)) continue;
    if (!wanted.has(e.sheet.toLowerCase()) && unchanged(e)) {
      removeSheet(wb, e.sheet);
      removed.push(e.sheet);
    } else kept.push(e);
  }

  const actions = planWrites(
    layouts,
    existing.filter((n) => !removed.includes(n)),
    kept,
    fingerprintOf,
  );
  const messages: string[] = [];
  const byName = new Map(kept.map((e) => [e.sheet.toLowerCase(), e]));
  const written = now.toISOString();
  for (const a of actions) {
    if (a.action === "replace") removeSheet(wb, a.name);
    if (a.action === "beside") messages.push(describeBeside(a));
  }
  for (const a of actions) {
    const ws = wb.addWorksheet(a.name);
    renderLayout(ws, a.layout);
    byName.set(a.name.toLowerCase(), {
      sheet: a.name,
      kind: a.layout.kind,
      fingerprint: fingerprintValues(layoutReadBackGrid(a.layout)),
      written,
    });
  }
  for (const name of removed) messages.push(`${name} was removed: this build has no such sheet and nobody had changed it.`);
  writeRegistry(wb, [...byName.values()].filter((e) => wb.getWorksheet(e.sheet)));
  return { actions, removed, messages };
}

function removeSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.getWorksheet(name);
  if (ws) wb.removeWorksheet(ws.id);
}

function writeRegistry(wb: ExcelJS.Workbook, entries: RegistryEntry[]): void {
  removeSheet(wb, REGISTRY_SHEET);
  const ws = wb.addWorksheet(REGISTRY_SHEET, { state: "veryHidden" });
  ws.addRow([...REGISTRY_HEADERS]);
  for (const e of entries) ws.addRow([e.sheet, e.kind, e.fingerprint, e.written]);
}
