/**
 * What the command line writes for printing: headers and footers, manual page breaks, the
 * "number stored as text" marks switched off, the tab the workbook opens on, and input sheets
 * wide enough for their figures. Checked in the XML (SpreadsheetML's element order matters to
 * Excel) and through ExcelJS, an independent reader.
 */
import ExcelJS from "exceljs";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { sampleWorkbook } from "../../src/cli/demo";
import { runEngine } from "../../src/core/engine";
import { allLayouts } from "../../src/core/layout";
import { SheetLayout } from "../../src/core/layout/types";
import { columnWidthPoints } from "../../src/core/layout/print";
import { displayText, textWidth } from "../../src/core/layout/fit";
import { fromYmd } from "../../src/core/dates";
import { sampleProduction } from "../../src/core/sample";
import { addTableSheet } from "../../src/cli/xlsx/tableEdit";

async function inExcelJs(f: XlsxFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.toBytes()) as unknown as ArrayBuffer);
  return wb;
}

function sheetXml(f: XlsxFile, name: string): string {
  return f.pkg.text(f.sheetEntry(name)!.part)!;
}

/** CT_Worksheet's order, as far as Prodbook writes it (ECMA-376 Part 1, 18.3.1.99). */
const ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells", "conditionalFormatting", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "ignoredErrors", "tableParts"];

function childOrder(xml: string): string[] {
  const body = xml.replace(/^[\s\S]*?<worksheet\b[^>]*>/, "").replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>");
  const out: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) {
      depth--;
      continue;
    }
    if (depth === 0 && out[out.length - 1] !== m[2]) out.push(m[2]);
    if (!m[3]) depth++;
  }
  return out.filter((n) => n !== "worksheet");
}

const layout: SheetLayout = {
  name: "Tom & Jerry",
  kind: "top-sheet",
  cells: [
    { r: 1, c: 1, v: "1100" },
    { r: 2, c: 1, v: "1200" },
    { r: 3, c: 1, v: "Camera" },
    { r: 3, c: 2, v: 1100 },
    { r: 4, c: 2, v: "12" },
  ],
  merges: [],
  columnWidths: [10, 10],
  conditionalFormats: [],
  print: {
    orientation: "portrait",
    fitToWidth: 1,
    area: "A1:B4",
    rowBreaks: [3],
    header: { left: ["Tom & Jerry"], center: [{ field: "sheet" }], right: ["As of 2 Dec 2026"] },
    footer: { center: ["Page ", { field: "page" }, " of ", { field: "pages" }] },
  },
};

describe("print parts of a generated sheet", () => {
  const f = XlsxFile.create();
  f.writeLayoutSheet(layout);
  const xml = sheetXml(f, "Tom & Jerry");

  test("header and footer: Excel's codes, a literal & doubled, then XML-escaped", async () => {
    expect(xml).toContain("<headerFooter><oddHeader>&amp;LTom &amp;&amp; Jerry&amp;C&amp;A&amp;RAs of 2 Dec 2026</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>");
    const ws = (await inExcelJs(f)).getWorksheet("Tom & Jerry")!;
    expect(ws.headerFooter.oddHeader).toBe("&LTom && Jerry&C&A&RAs of 2 Dec 2026");
    expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N");
  });

  test("a page break above row 3 is <brk id=2> (the 0-based row it goes above), manual", () => {
    expect(xml).toContain(`<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks>`);
  });

  test("numeric-looking text is marked as text on purpose; a real number is not", () => {
    expect(xml).toContain(`<ignoredErrors><ignoredError sqref="A1:A2 B4" numberStoredAsText="1"/></ignoredErrors>`);
  });

  test("page numbers start at 1 on each sheet; margins are the ones the breaks were computed for", () => {
    expect(xml).toMatch(/<pageSetup [^>]*firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
    expect(xml).toContain(`<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`);
  });

  test("elements in the order SpreadsheetML's schema requires", () => {
    const order = childOrder(xml);
    const idx = order.map((n) => ORDER.indexOf(n));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(order).toEqual(expect.arrayContaining(["headerFooter", "rowBreaks", "ignoredErrors"]));
  });
});

describe("the sample production built", () => {
  const f = sampleWorkbook();
  // A user had Settings open: its sheet view says tabSelected.
  const settings = f.sheetEntry("Settings")!.part;
  f.pkg.set(settings, f.pkg.text(settings)!.replace("<sheetView ", `<sheetView tabSelected="1" `));
  const settingsBefore = f.pkg.text(settings)!;
  f.writeLayouts(allLayouts({ ...runEngine(f.readInput("demo")), builtOn: fromYmd(2026, 12, 2) }));

  test("opens on the Top Sheet: activeTab is its index and it is the only selected tab", async () => {
    const idx = f.sheetIndex("Top Sheet");
    expect(idx).toBeGreaterThan(0);
    expect(f.pkg.text("xl/workbook.xml")).toMatch(new RegExp(`<workbookView\\b[^>]*activeTab="${idx}"`));
    const selected = f.sheetNames().filter((n) => f.sheetEntry(n)!.kind === "worksheet" && /<sheetView\b[^>]*tabSelected="1"/.test(sheetXml(f, n)));
    expect(selected).toEqual(["Top Sheet"]);
    // Settings lost only the attribute.
    expect(f.pkg.text(settings)).toBe(settingsBefore.replace(` tabSelected="1"`, ""));
    const wb = await inExcelJs(f);
    expect(wb.views[0].activeTab).toBe(idx);
  });

  test("every generated sheet has the header and footer and its page breaks", () => {
    for (const name of ["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1"]) {
      const xml = sheetXml(f, name);
      expect(xml).toContain("<oddHeader>&amp;LThe Long Way Home&amp;C&amp;A&amp;R");
      expect(xml).toContain("<oddFooter>&amp;LPrinted &amp;D &amp;T&amp;CPage &amp;P of &amp;N&amp;R&amp;F</oddFooter>");
    }
    expect(sheetXml(f, "Cost Report")).toContain("&amp;RReport date 16 May 2027</oddHeader>");
    // The sample's Top Sheet needs two pages: the Other section starts page 2 (core's print test).
    expect(sheetXml(f, "Top Sheet")).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="\d+" max="16383" man="1"\/><\/rowBreaks>/);
  });

  test("account codes on the Top Sheet and Cost Report are marked as text on purpose", () => {
    expect(sheetXml(f, "Top Sheet")).toMatch(/<ignoredError sqref="A5:A\d+[^"]*" numberStoredAsText="1"\/>/);
    expect(sheetXml(f, "Cost Report")).toMatch(/<ignoredError sqref="A6:A\d+[^"]*" numberStoredAsText="1"\/>/);
  });
});

describe("input sheets the demo writes", () => {
  test("every figure fits its column: the Budget's rates of 10,000 and more show whole", async () => {
    const wb = await inExcelJs(sampleWorkbook());
    for (const t of sampleProduction()) {
      const ws = wb.getWorksheet(t.name)!;
      t.headers.forEach((h, i) => {
        const width = ws.getColumn(i + 1).width!;
        for (const row of t.rows) {
          const v = row[i];
          if (typeof v !== "number") continue;
          const shown = displayText(v, t.formats?.[h]);
          // Shown whole when the text and Excel's 5 px of padding fit the column's points.
          expect([t.name, h, shown, columnWidthPoints(textWidth(shown)) <= columnWidthPoints(width)]).toEqual([t.name, h, shown, true]);
        }
      });
    }
    const budget = sampleProduction().find((t) => t.name === "Budget")!;
    const rate = budget.headers.indexOf("Rate");
    expect(Math.max(...budget.rows.map((r) => Number(r[rate])))).toBeGreaterThanOrEqual(10_000);
  });

  test("widths given by the caller still win", () => {
    const f = XlsxFile.create();
    addTableSheet(f, "T", "T", ["A"], [[123456789]], { widths: [30] });
    expect(sheetXml(f, "T")).toContain(`<col min="1" max="1" width="30" customWidth="1"/>`);
  });
});
