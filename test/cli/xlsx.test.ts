import ExcelJS from "exceljs";
import { join } from "node:path";
import { readWorkbookInput, cellValue, sheetReadBackGrid, readRegistry } from "../../src/cli/xlsxReader";
import { renderLayout, writeLayouts } from "../../src/cli/xlsxWriter";
import { sampleWorkbook } from "../../src/cli/demo";
import { runEngine, reportJson } from "../../src/core/engine";
import { allLayouts } from "../../src/core/layout";
import { fingerprintValues, layoutReadBackGrid } from "../../src/core/layout/ownership";
import { SheetLayout } from "../../src/core/layout/types";
import { smallWorkbook } from "./smallWorkbook";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

async function fromFile(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("xlsxReader", () => {
  test("reads ListObjects by name with their Excel row numbers, and plain sheets as tables", async () => {
    const wb = await roundTrip(smallWorkbook());
    const input = readWorkbookInput(wb, "small.xlsx");
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
    const input = readWorkbookInput(await roundTrip(wb));
    const t = input.tables.find((x) => x.name === "Accounts")!;
    expect(t).toMatchObject({ sheet: "Data", headerRow: 4, firstColumn: 3, headers: ["Code", "Name", "Parent"] });
    expect(t.rows).toEqual([["1000", "ATL", null]]);
  });

  test("normalises cell values", () => {
    expect(cellValue({ richText: [{ text: "Hale " }, { font: { bold: true }, text: "House" }] } as ExcelJS.CellRichTextValue)).toBe("Hale House");
    expect(cellValue({ formula: "A1*2", result: 84 } as ExcelJS.CellFormulaValue)).toBe(84);
    expect(cellValue({ formula: "A1", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue)).toBe("#N/A");
    expect(cellValue({ formula: "NOW()" } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(cellValue({ text: "map", hyperlink: "https://example.com" } as ExcelJS.CellHyperlinkValue)).toBe("map");
    expect(cellValue({ error: "#DIV/0!" } as ExcelJS.CellErrorValue)).toBe("#DIV/0!");
    const d = new Date(Date.UTC(2027, 4, 24));
    expect(cellValue(d)).toBe(d);
    expect(cellValue(undefined)).toBeNull();
  });

  test("a file LibreOffice saved reads the same as the one ExcelJS saved", async () => {
    // test/fixtures: small-libreoffice-tables.xlsx is smallWorkbook() saved by ExcelJS and re-saved by
    // LibreOffice 7.4 (soffice --headless --convert-to xlsx); small-libreoffice-sheets.xlsx is the same
    // tables as plain sheets, saved as .ods and converted back to .xlsx by LibreOffice (no ListObjects).
    const ours = reportJson(runEngine(readWorkbookInput(await roundTrip(smallWorkbook()), "small.xlsx")));
    expect(ours.problems).toEqual([]);
    for (const f of ["small-libreoffice-tables.xlsx", "small-libreoffice-sheets.xlsx"]) {
      const lo = await fromFile(join(__dirname, "..", "fixtures", f));
      const theirs = reportJson(runEngine(readWorkbookInput(lo, "small.xlsx")));
      expect(theirs).toEqual(ours);
    }
  });

  test("skips Prodbook's generated sheets and the registry when reading inputs", async () => {
    const wb = smallWorkbook();
    const r = runEngine(readWorkbookInput(await roundTrip(wb)));
    writeLayouts(wb, allLayouts(r));
    const back = await roundTrip(wb);
    const names = readWorkbookInput(back).tables.map((t) => t.sheet);
    expect(names).not.toContain("Top Sheet");
    expect(names).not.toContain("Call D1");
    expect(names).not.toContain("_Prodbook");
    expect(readRegistry(back).map((e) => e.sheet)).toEqual(["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1", "Call D2", "Call D3"]);
  });
});

describe("xlsxWriter", () => {
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
      { r: 4, c: 1, v: "Merged title" },
    ],
    merges: [{ r1: 4, c1: 1, r2: 4, c2: 3 }],
    columnWidths: [12, 20],
    conditionalFormats: [{ range: "A2:A3", formula: "$A2>1000", style: { fill: "#F8CBAD", fontColor: "#9C0006" } }],
    freeze: { rows: 1, columns: 1 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [1, 2], repeatColumns: [1, 1], area: "A1:C4" },
    tabColor: "#1F3864",
  };

  test("renders values, formats, merges, widths, conditional formats, freeze panes and page setup", async () => {
    const wb = new ExcelJS.Workbook();
    renderLayout(wb.addWorksheet("T"), layout);
    const ws = (await roundTrip(wb)).getWorksheet("T")!;
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
    expect(ws.getCell("C4").isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2", printTitlesColumn: "A:A" });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F3864" });
    const rule = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings[0];
    expect(rule.ref).toBe("A2:A3");
    expect((rule.rules[0] as ExcelJS.ExpressionRuleType).formulae).toEqual(["$A2>1000"]);
  });

  test("the fingerprint of a written sheet read back equals the layout's, times and dates included", async () => {
    const wb = new ExcelJS.Workbook();
    renderLayout(wb.addWorksheet("T"), layout);
    const ws = (await roundTrip(wb)).getWorksheet("T")!;
    expect(fingerprintValues(sheetReadBackGrid(ws))).toBe(fingerprintValues(layoutReadBackGrid(layout)));
    ws.getCell("A2").value = 1234.57;
    expect(fingerprintValues(sheetReadBackGrid(ws))).not.toBe(fingerprintValues(layoutReadBackGrid(layout)));
  });

  test("every layout of the sample production survives the round trip with its fingerprint", async () => {
    const wb = sampleWorkbook();
    const r = runEngine(readWorkbookInput(wb));
    const layouts = allLayouts(r);
    const report = writeLayouts(wb, layouts);
    expect(report.actions.every((a) => a.action === "create")).toBe(true);
    const back = await roundTrip(wb);
    const reg = readRegistry(back);
    expect(reg).toHaveLength(layouts.length);
    for (const e of reg) expect(fingerprintValues(sheetReadBackGrid(back.getWorksheet(e.sheet)!))).toBe(e.fingerprint);
    // A second write replaces every sheet in place: no "(2)".
    const again = writeLayouts(back, allLayouts(runEngine(readWorkbookInput(back))));
    expect(again.actions.map((a) => a.action)).toEqual(layouts.map(() => "replace"));
    expect(again.messages).toEqual([]);
  });

  test("an unchanged call sheet for a day that no longer exists is removed; a changed one is kept", async () => {
    const wb = smallWorkbook();
    writeLayouts(wb, allLayouts(runEngine(readWorkbookInput(await roundTrip(wb)))));
    const back = await roundTrip(wb);
    // Cut the board to two days: drop the last break and scene 4.
    const board = back.getWorksheet("Stripboard")!;
    board.getRow(6).getCell(1).value = "3A"; // "End of Day 2" → a scene: days 2 and 3 merge
    const edited = await roundTrip(back);
    const r = runEngine(readWorkbookInput(back));
    expect(r.schedule!.days).toHaveLength(2);
    const rep = writeLayouts(back, allLayouts(r));
    expect(rep.removed).toEqual(["Call D3"]);
    expect(back.getWorksheet("Call D3")).toBeUndefined();
    // The same cut, but the user had written on Call D3: it stays.
    edited.getWorksheet("Call D3")!.getCell("H3").value = "Rain cover: Stage 3";
    const rep2 = writeLayouts(edited, allLayouts(runEngine(readWorkbookInput(edited))));
    expect(rep2.removed).toEqual([]);
    expect(edited.getWorksheet("Call D3")!.getCell("H3").value).toBe("Rain cover: Stage 3");
  });
});
