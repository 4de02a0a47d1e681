import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { sampleWorkbook } from "../../src/cli/demo";
import { runEngine, reportJson } from "../../src/core/engine";
import { allLayouts } from "../../src/core/layout";
import { fingerprintValues, layoutReadBackGrid } from "../../src/core/layout/ownership";
import { SheetLayout } from "../../src/core/layout/types";
import { smallWorkbook } from "./smallWorkbook";

/** A workbook ExcelJS wrote (an independent writer) as our package layer reads it. */
async function fromExcelJs(wb: ExcelJS.Workbook): Promise<XlsxFile> {
  return XlsxFile.fromBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Our package as ExcelJS (an independent reader) sees it. */
async function inExcelJs(f: XlsxFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.toBytes()) as unknown as ArrayBuffer);
  return wb;
}

function reread(f: XlsxFile): XlsxFile {
  return XlsxFile.fromBytes(f.toBytes());
}

describe("reading a package", () => {
  test("reads ListObjects by name with their Excel row numbers, and plain sheets as tables", async () => {
    const input = (await fromExcelJs(smallWorkbook())).readInput("small.xlsx");
    const budget = input.tables.find((t) => t.name === "Budget")!;
    expect(budget).toMatchObject({ sheet: "Budget", headerRow: 1, firstColumn: 1 });
    expect(budget.headers).toEqual(["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"]);
    expect(budget.rows[1]).toEqual(["2100", "Camera rental", 2, "Weeks", null, 1500.25, null]);
    // Cast has no ListObject: the sheet is the table
    const cast = input.tables.find((t) => t.name === "Cast")!;
    expect(cast.rows).toHaveLength(2);
    expect(cast.rows[1][5]).toBe("-555 0100");
    // ListObjects come before sheets of the same name, so findTable picks the ListObject
    expect(input.tables.findIndex((t) => t.name === "Budget")).toBeLessThan(input.tables.findIndex((t) => t.name === "Cast"));
  });

  test("a table that does not start at A1 keeps its position for problems", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "My notes above the table";
    ws.addTable({ name: "Accounts", ref: "C4", headerRow: true, columns: [{ name: "Code" }, { name: "Name" }, { name: "Parent" }], rows: [["1000", "ATL", null]] });
    const t = (await fromExcelJs(wb)).readInput().tables.find((x) => x.name === "Accounts")!;
    expect(t).toMatchObject({ sheet: "Data", headerRow: 4, firstColumn: 3, headers: ["Code", "Name", "Parent"] });
    expect(t.rows).toEqual([["1000", "ATL", null]]);
  });

  test("rich text, cached formula results, hyperlinks and dates read as the engine takes them; error values are problems", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cast");
    ws.addRow(["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"]);
    ws.addRow(["1", { richText: [{ text: "Hale " }, { font: { bold: true }, text: "House" }] }, { text: "map", hyperlink: "https://example.com" }, { formula: "400*2", result: 800 }, 30, new Date(Date.UTC(2027, 4, 24))]);
    ws.addRow([{ error: "#NAME?" }, "X", "Y", 1, 1, null]);
    const input = (await fromExcelJs(wb)).readInput();
    const cast = input.tables.find((t) => t.name === "Cast")!;
    expect(cast.rows[0]).toEqual(["1", "Hale House", "map", 800, 30, new Date(Date.UTC(2027, 4, 24))]);
    expect(cast.rows[1][0]).toBeNull();
    expect(input.problems).toEqual([expect.objectContaining({ severity: "error", sheet: "Cast", row: 3, column: "ID", cell: "A3", message: expect.stringContaining("#NAME?") })]);
  });

  test("a file LibreOffice saved reads the same as the one ExcelJS saved", async () => {
    // test/fixtures: small-libreoffice-tables.xlsx is smallWorkbook() saved by ExcelJS and re-saved by
    // LibreOffice 7.4 (soffice --headless --convert-to xlsx); small-libreoffice-sheets.xlsx is the same
    // tables as plain sheets, saved as .ods and converted back to .xlsx by LibreOffice (no ListObjects).
    const ours = reportJson(runEngine((await fromExcelJs(smallWorkbook())).readInput("small.xlsx")));
    expect(ours.problems).toEqual([]);
    for (const f of ["small-libreoffice-tables.xlsx", "small-libreoffice-sheets.xlsx"]) {
      const lo = XlsxFile.fromBytes(readFileSync(join(__dirname, "..", "fixtures", f)));
      expect(reportJson(runEngine(lo.readInput("small.xlsx")))).toEqual(ours);
    }
  });

  test("skips Prodbook's generated sheets and the registry when reading inputs", async () => {
    const f = await fromExcelJs(smallWorkbook());
    f.writeLayouts(allLayouts(runEngine(f.readInput())));
    const back = reread(f);
    const names = back.readInput().tables.map((t) => t.sheet);
    expect(names).not.toContain("Top Sheet");
    expect(names).not.toContain("Call D1");
    expect(names).not.toContain("_Prodbook");
    expect(back.registry().map((e) => e.sheet)).toEqual(["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1", "Call D2", "Call D3"]);
    expect(back.sheetState("_Prodbook")).toBe("veryHidden");
  });
});

describe("writing Prodbook's sheets", () => {
  const layout: SheetLayout = {
    name: "T",
    kind: "top-sheet",
    cells: [
      { r: 1, c: 1, v: "=1+1" },
      { r: 1, c: 2, v: "-3" },
      { r: 1, c: 3, v: "@home" },
      { r: 2, c: 1, v: 1234.56, s: { numberFormat: '"$"#,##0.00', bold: true, fill: "#FFF2CC" } },
      { r: 2, c: 2, v: { date: 20962 } }, // 2027-05-24
      { r: 2, c: 3, v: 7 / 24, s: { numberFormat: "hh:mm" } },
      { r: 3, c: 1, v: { formula: "A2*2", result: 2469.12 } },
      { r: 3, c: 2, v: { formula: 'IF(A2>0,"OVER","OK")', result: "OVER" } },
      { r: 4, c: 1, v: "Merged title" },
    ],
    merges: [{ r1: 4, c1: 1, r2: 4, c2: 3 }],
    columnWidths: [12, 20],
    rowHeights: { 4: 30 },
    conditionalFormats: [{ range: "A2:A3", formula: "$A2>1000", style: { fill: "#F8CBAD", fontColor: "#9C0006" } }],
    freeze: { rows: 1, columns: 1 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [1, 2], repeatColumns: [1, 1], area: "A1:C4" },
    tabColor: "#1F3864",
  };

  test("renders values, formats, merges, widths, heights, conditional formats, freeze panes and page setup (read by ExcelJS)", async () => {
    const f = await fromExcelJs(smallWorkbook());
    f.writeLayoutSheet(layout);
    const ws = (await inExcelJs(f)).getWorksheet("T")!;
    expect(ws.getCell("A1").value).toBe("=1+1");
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B1").value).toBe("-3");
    expect(ws.getCell("C1").value).toBe("@home");
    expect(ws.getCell("A2").value).toBe(1234.56);
    expect(ws.getCell("A2").numFmt).toBe('"$"#,##0.00');
    expect(ws.getCell("A2").font.bold).toBe(true);
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2027, 4, 24)));
    expect(ws.getCell("A3").value).toEqual({ formula: "A2*2", result: 2469.12 });
    expect(ws.getCell("B3").value).toEqual({ formula: 'IF(A2>0,"OVER","OK")', result: "OVER" });
    expect(ws.getCell("C4").isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2", printTitlesColumn: "A:A" });
    expect(ws.pageSetup.printArea).toBe("A1:C4");
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F3864" });
    const rule = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings[0];
    expect(rule.ref).toBe("A2:A3");
    expect((rule.rules[0] as ExcelJS.ExpressionRuleType).formulae).toEqual(["$A2>1000"]);
  });

  test("the fingerprint of a written sheet read back equals the layout's, times and dates included", () => {
    const f = XlsxFile.create();
    f.writeLayoutSheet(layout);
    const back = reread(f);
    expect(fingerprintValues(back.cells.readBackGrid("T"))).toBe(fingerprintValues(layoutReadBackGrid(layout)));
  });

  test("every layout of the sample production survives the round trip with its fingerprint; building again replaces them", () => {
    const f = sampleWorkbook();
    const layouts = allLayouts(runEngine(f.readInput()));
    const report = f.writeLayouts(layouts);
    expect(report.actions.every((a) => a.action === "create")).toBe(true);
    const back = reread(f);
    const reg = back.registry();
    expect(reg).toHaveLength(layouts.length);
    for (const e of reg) expect(fingerprintValues(back.cells.readBackGrid(e.sheet))).toBe(e.fingerprint);
    const stylesBefore = back.pkg.text("xl/styles.xml");
    const again = back.writeLayouts(allLayouts(runEngine(back.readInput())));
    expect(again.actions.map((a) => a.action)).toEqual(layouts.map(() => "replace"));
    expect(again.messages).toEqual([]);
    // Styles are reused, not appended again.
    expect(reread(back).pkg.text("xl/styles.xml")).toBe(stylesBefore);
  });

  test("an unchanged call sheet for a day that no longer exists is removed; a changed one is kept", async () => {
    const f = await fromExcelJs(smallWorkbook());
    f.writeLayouts(allLayouts(runEngine(f.readInput())));
    const wb = await inExcelJs(f);
    // Cut the board to two days: "End of Day 2" becomes a scene, days 2 and 3 merge.
    wb.getWorksheet("Stripboard")!.getRow(6).getCell(1).value = "3A";
    const cut = await fromExcelJs(wb);
    const r = runEngine(cut.readInput());
    expect(r.schedule!.days).toHaveLength(2);
    const rep = cut.writeLayouts(allLayouts(r));
    expect(rep.removed).toEqual(["Call D3"]);
    expect(cut.sheetNames()).not.toContain("Call D3");
    // The same cut, but the user had written on Call D3: it stays.
    wb.getWorksheet("Call D3")!.getCell("H3").value = "Rain cover: Stage 3";
    const edited = await fromExcelJs(wb);
    const rep2 = edited.writeLayouts(allLayouts(runEngine(edited.readInput())));
    expect(rep2.removed).toEqual([]);
    expect(edited.sheetNames()).toContain("Call D3");
    expect((await inExcelJs(edited)).getWorksheet("Call D3")!.getCell("H3").value).toBe("Rain cover: Stage 3");
  });
});
