import { SheetLayout } from "../../src/core/layout/types";
import { REGISTRY_SHEET, fingerprintValues, layoutReadBackGrid } from "../../src/core/layout/ownership";
import { WRITE_REQUESTS, WriteFailed, packRequests, writeSheets } from "../../src/excel/writeSheets";
import { excelHost } from "./fixtures";

const features = { pageLayout: true, screenUpdating: true, indentLevel: true };

/** A hand-made Top Sheet: text that looks like formulas and numbers, a date, a formula, formats. */
function topSheet(total = 1500): SheetLayout {
  return {
    name: "Top Sheet",
    kind: "top-sheet",
    cells: [
      { r: 1, c: 1, v: "The =Long Way Home", s: { bold: true, fontSize: 14 } },
      { r: 2, c: 1, v: "1100", s: { numberFormat: "#,##0" } }, // an account code: text, not 1,100
      { r: 2, c: 2, v: "=HYPERLINK(\"http://evil\")" }, // a description a user typed
      { r: 2, c: 3, v: "-" },
      { r: 2, c: 4, v: "+1 555 0100" },
      { r: 3, c: 1, v: { date: 20597 } }, // 2026-05-24 → serial 20597 + 25569 = 46166
      { r: 4, c: 2, v: 1000, s: { numberFormat: "#,##0.00", border: { top: true } } },
      { r: 4, c: 3, v: 500, s: { numberFormat: "#,##0.00", border: { top: true } } },
      { r: 4, c: 4, v: { formula: "SUM(B4:C4)", result: total }, s: { fill: "#FFF2CC", border: { top: true } } },
    ],
    merges: [{ r1: 1, c1: 1, r2: 1, c2: 4 }],
    columnWidths: [10, 30],
    conditionalFormats: [{ range: "D4:D4", formula: "$D4>$B4", style: { fill: "#FFC7CE", fontColor: "#9C0006" } }],
    freeze: { rows: 3, columns: 0 },
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: [1, 3], repeatColumns: [1, 2], area: "A1:D4" },
    tabColor: "#1F4E79",
  };
}

function bigSheet(name: string, rows: number): SheetLayout {
  const cells = [];
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= 11; c++) cells.push({ r, c, v: c === 6 ? r * 1.125 : `Scene ${r}.${c} INT. HALE HOUSE - KITCHEN`, s: { fill: r % 2 ? "#FFFFFF" : "#FFFF00", border: { bottom: true } } });
  }
  return { name, kind: "schedule", cells, merges: [], columnWidths: [], conditionalFormats: [] };
}

describe("writeSheets", () => {
  test("writes values, text as text, dates, formulas and formats; registers the sheet very hidden", async () => {
    const host = excelHost();
    const report = await host.run((ctx) => writeSheets(ctx, [topSheet()], { features, now: () => new Date("2026-01-02T03:04:05Z") }));
    expect(report.written).toEqual([{ layout: "Top Sheet", sheet: "Top Sheet", action: "create" }]);
    // Text stays text: no formula injection, no "1100" → 1100, no "-" → error.
    expect(host.values("Top Sheet", "A2:D2")).toEqual([["1100", '=HYPERLINK("http://evil")', "-", "+1 555 0100"]]);
    expect(host.cell("Top Sheet", "B2")?.formula).toBeUndefined();
    expect(host.value("Top Sheet", "A3")).toBe(46166);
    expect(host.cell("Top Sheet", "A3")?.numberFormat).toBe("yyyy-mm-dd");
    expect(host.cell("Top Sheet", "D4")?.formula).toBe("=SUM(B4:C4)");
    expect(host.value("Top Sheet", "D4")).toBe(1500); // 1000 + 500
    const s = host.sheet("Top Sheet");
    expect(s.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 4 }]);
    expect(host.cell("Top Sheet", "A1")?.format).toMatchObject({ bold: true, fontSize: 14 });
    expect(host.cell("Top Sheet", "D4")?.format).toMatchObject({ fill: "#FFF2CC", borders: { top: true } });
    expect(host.cell("Top Sheet", "B4")?.format?.borders).toEqual({ top: true });
    expect(s.columnWidths.get(2)).toBe(161.25); // (30 × 7 + 5) px × 0.75
    expect(s.freeze).toEqual({ rows: 3, columns: 0 });
    expect(s.page).toMatchObject({ orientation: "Portrait", fitToWidth: 1, printArea: "A1:D4", printTitleRows: "$1:$3", printTitleColumns: "$A:$B" });
    expect(s.tabColor).toBe("#1F4E79");
    // OVER-style rule: D4 1500 > B4 1000 → red; after the user lowers C4, the rule follows.
    expect(host.conditionalFormatAt("Top Sheet", "D4")).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
    host.type("Top Sheet", "C4", -600);
    expect(host.conditionalFormatAt("Top Sheet", "D4")).toBeUndefined(); // 400 > 1000 is false
    const reg = host.sheet(REGISTRY_SHEET);
    expect(reg.visibility).toBe("VeryHidden");
    expect(host.values(REGISTRY_SHEET, "A2:D2")).toEqual([["Top Sheet", "top-sheet", fingerprintValues(layoutReadBackGrid(topSheet())), "2026-01-02T03:04:05.000Z"]]);
  });

  test("writing again replaces an unchanged Prodbook sheet in place", async () => {
    const host = excelHost();
    host.wb.addSheet("Notes");
    await host.run((ctx) => writeSheets(ctx, [topSheet()], { features }));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Top Sheet").position = 0;
      await ctx.sync();
    });
    const report = await host.run((ctx) => writeSheets(ctx, [topSheet(1700)], { features }));
    expect(report.written[0]).toMatchObject({ sheet: "Top Sheet", action: "replace" });
    expect(report.messages).toEqual([]);
    expect(host.sheetNames()).toEqual(["Top Sheet", "Sheet1", "Notes", REGISTRY_SHEET]);
  });

  test("a sheet the user changed is kept; the new one goes beside it with a message", async () => {
    const host = excelHost();
    await host.run((ctx) => writeSheets(ctx, [topSheet()], { features }));
    host.type("Top Sheet", "B4", 1200); // the producer's own figure
    const report = await host.run((ctx) => writeSheets(ctx, [topSheet()], { features }));
    expect(report.written[0]).toMatchObject({ sheet: "Top Sheet (2)", action: "beside" });
    expect(report.messages).toEqual(["Top Sheet was changed since Prodbook wrote it, so it was kept and the new one is Top Sheet (2)."]);
    expect(host.value("Top Sheet", "B4")).toBe(1200);
    expect(host.value("Top Sheet (2)", "B4")).toBe(1000);
    expect(host.sheetNames()).toEqual(["Sheet1", "Top Sheet", "Top Sheet (2)", REGISTRY_SHEET]);
  });

  test("a user's own sheet of the same name is never overwritten", async () => {
    const host = excelHost();
    host.seedTable("Top Sheet", null, "A1", [["my notes"]]);
    const report = await host.run((ctx) => writeSheets(ctx, [topSheet()], { features }));
    expect(report.messages[0]).toMatch(/^Top Sheet is not a Prodbook sheet, so it was kept and the new one is Top Sheet \(2\)/);
    expect(host.value("Top Sheet", "A1")).toBe("my notes");
  });

  test.each([
    ["while writing cells", (op: { name: string }) => op.name === "formulas" && ++count === 2],
    ["while swapping names", (op: { name: string; path: string }) => op.name === "name" && ++count === 2],
    ["while writing the registry", (op: { name: string; path: string }) => op.name === "values" && op.path.includes("A1:D") && ++count === 1],
  ])("a failure %s leaves the workbook exactly as it was", async (_when, failOn) => {
    const host = excelHost();
    await host.run((ctx) => writeSheets(ctx, [topSheet(), bigSheet("Schedule", 50)], { features }));
    host.type("Schedule", "A1", "edited"); // so the rewrite has a kept sheet and a replaced one
    const before = host.snapshot();
    count = 0;
    host.failOn = failOn;
    const err = await host.run((ctx) => writeSheets(ctx, [topSheet(1700), bigSheet("Schedule", 60)], { features })).catch((e: unknown) => e);
    host.failOn = undefined;
    expect(err).toBeInstanceOf(WriteFailed);
    expect((err as WriteFailed).rolledBack).toBe(true);
    expect(host.snapshot()).toEqual(before);
  });

  test("sync count does not grow with size; every request office.js sends stays under 4.5 MB; no range kept", async () => {
    const counts: number[] = [];
    const largest: number[] = [];
    for (const rows of [20, 8000]) {
      const host = excelHost();
      await host.run((ctx) => writeSheets(ctx, [bigSheet("Schedule", rows)], { features }));
      counts.push(host.syncs);
      largest.push(host.largestRequest());
      expect(host.keptReferences).toBe(0);
    }
    // state (1) + WRITE_REQUESTS + swap (1)
    expect(counts).toEqual([WRITE_REQUESTS + 2, WRITE_REQUESTS + 2]);
    expect(largest[1]).toBeGreaterThan(256 * 1024); // the big one really is big (spread over WRITE_REQUESTS)…
    expect(largest[1]).toBeLessThan(4.5 * 1024 * 1024); // …and still under the limit
  });

  test("packRequests: exactly WRITE_REQUESTS batches by size, more only past the budget", () => {
    const even = packRequests(Array.from({ length: 8 }, () => ({ bytes: 100 })), 4, 1000);
    expect(even).toEqual([0, 0, 1, 1, 2, 2, 3, 3]); // 800 bytes / 4 = 200 a batch
    const over = packRequests(Array.from({ length: 10 }, () => ({ bytes: 500 })), 2, 1000);
    // 5000 bytes, at most 1000 a batch, and a batch's share plus the biggest chunk must fit:
    // 5000 / n + 500 ≤ 1000 → n = 10
    expect(Math.max(...over) + 1).toBe(10);
  });

  test("calculation and screen updating are suspended during the cell writes", async () => {
    const host = excelHost();
    await host.run((ctx) => writeSheets(ctx, [bigSheet("Schedule", 100)], { features }));
    const writes = host.requests.slice(1, 1 + WRITE_REQUESTS);
    expect(writes.every((r) => r.calculationSuspended && r.screenUpdatingSuspended)).toBe(true);
  });

  test("on an ExcelApi 1.8 host the sheet is written without page layout", async () => {
    const host = excelHost();
    host.apiVersion = 108;
    await host.run((ctx) => writeSheets(ctx, [topSheet()], { features: { pageLayout: false, screenUpdating: false, indentLevel: false } }));
    expect(host.value("Top Sheet", "B4")).toBe(1000);
    expect(host.sheet("Top Sheet").page.printArea).toBeUndefined();
  });
});

let count = 0;
