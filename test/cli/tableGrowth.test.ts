/**
 * A user's table that Prodbook writes more rows into: its ref and filter grow, and so do the
 * ranges that end where it ended (defined names, the print area, a query table's hidden name,
 * conditional formats, data validation). Tried on a file Excel saved (Apache POI's
 * dataValidationTableRange.xlsx) and one LibreOffice saved, and the results re-opened by
 * LibreOffice 7.4 (its re-saves are fixtures: test/fixtures/corpus/README.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLedger } from "../../src/cli/ledgerCommand";
import { memoryIo } from "../../src/cli/io";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { replaceTableRows } from "../../src/cli/xlsx/tableEdit";
import { TableExtent, moveFormulaRefs, moveSheetRanges } from "../../src/cli/xlsx/tableGrowth";

const CORPUS = join(__dirname, "..", "fixtures", "corpus");

/** name → formula of every defined name (local ones as `name@sheetIndex`). */
function definedNames(f: XlsxFile): Record<string, string> {
  const wb = f.pkg.text(f.cells.workbookPart)!;
  const out: Record<string, string> = {};
  for (const m of wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])![1];
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    out[local === undefined ? name : `${name}@${local}`] = m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  }
  return out;
}

function tableRefs(f: XlsxFile, name: string): { ref: string; filter: string | undefined } {
  const t = f.findTable(name)!;
  const xml = f.pkg.text(t.part)!;
  return { ref: /<table\b[^>]*?\sref="([^"]*)"/.exec(xml)![1], filter: /<autoFilter\b[^>]*?\sref="([^"]*)"/.exec(xml)?.[1] };
}

describe("ranges tied to a table's bottom edge", () => {
  // Ledger A1:G32: header row 1, data rows 2..32; three rows added.
  const t: TableExtent = { sheet: "Ledger", c1: 1, c2: 7, headerRow: 1, oldLastData: 32, oldEnd: 32, delta: 3 };
  test.each([
    ["Ledger!$A$1:$G$32", "Ledger!$A$1:$G$35"], // the whole table
    ["Ledger!$E$2:$E$32", "Ledger!$E$2:$E$35"], // one column's data
    ["SUM(Ledger!$E$2:$E$32)*2", "SUM(Ledger!$E$2:$E$35)*2"], // inside a formula
    ["ledger!E2:E32", "ledger!E2:E35"], // sheet names are case-blind; no $ stays no $
    ["Ledger!$A$2:$G$2", "Ledger!$A$2:$G$2"], // ends on the first line, not the last
    ["Ledger!$A$2", "Ledger!$A$2"], // a single cell never moves
    ["Ledger!$J$2:$J$32", "Ledger!$J$2:$J$32"], // beside the table, not over it
    ["Ledger!$A$33:$G$40", "Ledger!$A$33:$G$40"], // below it
    ["Budget!$A$1:$G$32", "Budget!$A$1:$G$32"], // another sheet
    ['"Ledger!A1:G32"&Ledger!$A$1:$G$32', '"Ledger!A1:G32"&Ledger!$A$1:$G$35'], // text in quotes stays
    ["Ledger[Amount]", "Ledger[Amount]"], // structured references follow by themselves
  ])("%s → %s", (before, after) => {
    expect(moveFormulaRefs(t, before)).toBe(after);
  });

  test("a quoted sheet name with an apostrophe; a table with a totals row; shrinking", () => {
    const q: TableExtent = { sheet: "Joe's Board", c1: 2, c2: 4, headerRow: 3, oldLastData: 10, oldEnd: 11, delta: -4 };
    // Data rows 4..10, totals row 11; the table loses four rows: data to 6, totals on 7.
    expect(moveFormulaRefs(q, "'Joe''s Board'!$B$3:$D$11")).toBe("'Joe''s Board'!$B$3:$D$7");
    expect(moveFormulaRefs(q, "'Joe''s Board'!$C$4:$C$10")).toBe("'Joe''s Board'!$C$4:$C$6");
    // A range over the last rows only cannot end above where it starts.
    expect(moveFormulaRefs(q, "'Joe''s Board'!$C$9:$C$10")).toBe("'Joe''s Board'!$C$9:$C$9");
  });

  test("conditional formats and validations over the table's columns follow; the selection does not", () => {
    const xml = `<worksheet><sheetViews><sheetView><selection sqref="E2:E32"/></sheetView></sheetViews><conditionalFormatting sqref="E2:E32 H2:H32"><cfRule/></conditionalFormatting><dataValidations><dataValidation sqref="B2:B32 A1"/></dataValidations><extLst><x14:dataValidation><xm:sqref>F2:F32</xm:sqref></x14:dataValidation></extLst></worksheet>`;
    expect(moveSheetRanges(t, xml)).toBe(
      `<worksheet><sheetViews><sheetView><selection sqref="E2:E32"/></sheetView></sheetViews><conditionalFormatting sqref="E2:E35 H2:H32"><cfRule/></conditionalFormatting><dataValidations><dataValidation sqref="B2:B35 A1"/></dataValidations><extLst><x14:dataValidation><xm:sqref>F2:F35</xm:sqref></x14:dataValidation></extLst></worksheet>`,
    );
  });
});

describe("an Excel-saved query table grows (POI dataValidationTableRange.xlsx)", () => {
  // Table_Query_from_RDS312 is xdropdown!F1:F40 (COUNTY, 39 counties); Excel keeps the query's
  // hidden name Query_from_RDS_5 on the same range. 42 counties make it F1:F43.
  test("ref, filter and the query's name grow; every other name is as it was", () => {
    const bytes = readFileSync(join(CORPUS, "poi", "dataValidationTableRange.xlsx"));
    const f = XlsxFile.fromBytes(bytes);
    const before = definedNames(f);
    expect(tableRefs(f, "Table_Query_from_RDS312")).toEqual({ ref: "F1:F40", filter: "F1:F40" });
    expect(before["Query_from_RDS_5@1"]).toBe("xdropdown!$F$1:$F$40");
    replaceTableRows(f, "Table_Query_from_RDS312", Array.from({ length: 42 }, (_, i) => [`County ${i + 1}`]));
    const g = XlsxFile.fromBytes(f.toBytes());
    expect(tableRefs(g, "Table_Query_from_RDS312")).toEqual({ ref: "F1:F43", filter: "F1:F43" });
    expect(g.cells.readCell("xdropdown", 43, 6).value).toBe("County 42");
    expect(definedNames(g)).toEqual({ ...before, "Query_from_RDS_5@1": "xdropdown!$F$1:$F$43" });
  });

  test("LibreOffice re-opened the grown file and kept the table and name as grown (its re-save, committed)", () => {
    const lo = XlsxFile.fromBytes(readFileSync(join(CORPUS, "libreoffice", "libreoffice-resaved-excel-query-table-grown.xlsx")));
    expect(tableRefs(lo, "Table_Query_from_RDS312").ref).toBe("F1:F43");
    expect(definedNames(lo)["Query_from_RDS_5@1"]).toBe("xdropdown!$F$1:$F$43");
    expect(lo.cells.readCell("xdropdown", 43, 6).value).toBe("County 42");
  });
});

describe("prodbook ledger --import on a LibreOffice-saved workbook with names over the Ledger", () => {
  // libreoffice-ledger-names.xlsx: the demo's Ledger A1:G32 (31 lines) with names LedgerLines
  // (A2:G32), LedgerAmounts (E2:E32), LedgerSpent (SUM(E2:E32)), FirstLedgerLine (A2:G2), Board
  // (the Stripboard), a print area A1:G32, a conditional format and a validation on E2:E32.
  // ledger-lines.csv has 3 lines: the Ledger becomes A1:G35.
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "prodbook-growth-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the table, its filter, the names, print area, format and validation all end on row 35", async () => {
    const input = join(dir, "ledger.xlsx");
    copyFileSync(join(CORPUS, "libreoffice", "libreoffice-ledger-names.xlsx"), input);
    const csv = join(dir, "lines.csv");
    writeFileSync(csv, readFileSync(join(CORPUS, "libreoffice", "ledger-lines.csv")));
    const out = join(dir, "grown.xlsx");
    const io = memoryIo();
    expect(await runLedger([input, "--import", csv, "-o", out], io)).toBe(0);
    const before = XlsxFile.fromBytes(readFileSync(input));
    const g = XlsxFile.fromBytes(readFileSync(out));
    expect(tableRefs(before, "Ledger")).toEqual({ ref: "A1:G32", filter: "A1:G32" });
    expect(tableRefs(g, "Ledger")).toEqual({ ref: "A1:G35", filter: "A1:G35" });
    const ledgerIdx = g.sheetIndex("Ledger");
    expect(definedNames(g)).toEqual({
      ...definedNames(before),
      [`_xlnm.Print_Area@${ledgerIdx}`]: "Ledger!$A$1:$G$35",
      LedgerAmounts: "Ledger!$E$2:$E$35",
      LedgerLines: "Ledger!$A$2:$G$35",
      LedgerSpent: "SUM(Ledger!$E$2:$E$35)",
    });
    const sheet = g.pkg.text(g.sheetEntry("Ledger")!.part)!;
    expect(/<conditionalFormatting sqref="([^"]*)"/.exec(sheet)![1]).toBe("E2:E35");
    expect(/<dataValidation\b[^>]*\ssqref="([^"]*)"/.exec(sheet)![1]).toBe("E2:E35");
    expect(g.cells.readCell("Ledger", 35, 5).value).toBe(1000);
  });

  test("LibreOffice re-opened the result and kept it all (its re-save, committed); Prodbook reads the three lines from it", () => {
    const lo = XlsxFile.fromBytes(readFileSync(join(CORPUS, "libreoffice", "libreoffice-ledger-grown-resaved.xlsx")));
    expect(tableRefs(lo, "Ledger")).toEqual({ ref: "A1:G35", filter: "A1:G35" });
    const names = definedNames(lo);
    expect(names.LedgerLines).toBe("Ledger!$A$2:$G$35");
    expect(names.LedgerSpent).toBe("SUM(Ledger!$E$2:$E$35)");
    expect(names.FirstLedgerLine).toBe("Ledger!$A$2:$G$2");
    const ledger = lo.readInput("lo").tables.find((t) => t.name === "Ledger")!;
    expect(ledger.rows.length).toBe(34);
    // 120.50 + 12.34 + 1000.00, the CSV's amounts.
    expect(ledger.rows.slice(31).map((r) => r[ledger.headers.indexOf("Amount")])).toEqual([120.5, 12.34, 1000]);
  });
});
