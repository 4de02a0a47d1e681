import ExcelJS from "exceljs";
import { SampleTable, sampleProduction } from "../core/sample";

/**
 * The sample production as a new workbook: each table on its own sheet of the same name, at A1,
 * as a real Excel table (ListObject), so it reads both by table name and by sheet name.
 */
export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Prodbook";
  for (const t of sampleProduction()) addSampleTable(wb, t);
  return wb;
}

function addSampleTable(wb: ExcelJS.Workbook, t: SampleTable): void {
  const ws = wb.addWorksheet(t.name);
  ws.addTable({
    name: t.name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: t.rows as ExcelJS.CellValue[][],
  });
  t.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(h.length, ...t.rows.map((r) => display(r[i]).length));
    col.width = Math.min(Math.max(longest + 2, 8), 60);
    const fmt = t.formats?.[h];
    if (fmt) for (let r = 2; r <= t.rows.length + 1; r++) ws.getCell(r, i + 1).numFmt = fmt;
    // Dates without a format would show as serial numbers.
    if (!fmt && t.rows.some((row) => row[i] instanceof Date)) for (let r = 2; r <= t.rows.length + 1; r++) if (t.rows[r - 2][i] instanceof Date) ws.getCell(r, i + 1).numFmt = "yyyy-mm-dd";
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }];
}

function display(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "2027-01-01";
  return String(v);
}
