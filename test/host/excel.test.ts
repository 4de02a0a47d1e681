import { InMemoryExcel } from "./excel";
import { HostError, setTypedYear } from "./model";

/** Excel's rules as the Office.js docs state them; each test would fail on a host that did not keep the rule. */
describe("in-memory Excel host", () => {
  test("a property throws until loaded AND synced, like Office.js PropertyNotLoaded", async () => {
    const host = new InMemoryExcel();
    host.type("Sheet1", "A1", 42);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[42]]);
      expect(() => r.numberFormat).toThrow(HostError); // loaded only what was asked
    });
  });

  test("writes are queued until sync and counted with their JSON size", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [["x", 2]];
      expect(host.value("Sheet1", "A1")).toBe(""); // not sent yet
      expect(r.values).toEqual([["x", 2]]); // the proxy keeps what was set, as Office.js does
      await ctx.sync();
      expect(host.values("Sheet1", "A1:B1")).toEqual([["x", 2]]);
    });
    expect(host.syncs).toBe(1);
    expect(host.requests[0].bytes).toBeGreaterThan(JSON.stringify([["x", 2]]).length);
  });

  test("text that starts with =, +, - or @ becomes a formula unless the cell is formatted @", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:E1").values = [["=1+1", "+2*3", "-4", "0042", "@SUM(A1:B1)"]];
      const safe = s.getRange("A2:E2");
      safe.numberFormat = [["@", "@", "@", "@", "@"]];
      safe.values = [["=1+1", "+2*3", "-4", "0042", "@SUM(A1:B1)"]];
      // Format after the value is too late: the formula is already there.
      const late = s.getRange("A3");
      late.values = [["=1+1"]];
      late.numberFormat = [["@"]];
      await ctx.sync();
    });
    // =1+1 → 2; +2*3 → 6; "-4" → the number -4; "0042" → 42; @SUM(A1:B1) → 2+6
    expect(host.values("Sheet1", "A1:E1")).toEqual([[2, 6, -4, 42, 8]]);
    expect(host.cell("Sheet1", "A1")?.formula).toBe("=1+1");
    expect(host.values("Sheet1", "A2:E2")).toEqual([["=1+1", "+2*3", "-4", "0042", "@SUM(A1:B1)"]]);
    expect(host.cell("Sheet1", "A3")?.formula).toBe("=1+1");
  });

  test("null in a 2D write leaves the cell; a mismatched array is InvalidArgument", async () => {
    const host = new InMemoryExcel();
    host.type("Sheet1", "B1", "keep");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["new", null]] as never;
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["too", "few"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(host.values("Sheet1", "A1:B1")).toEqual([["new", "keep"]]);
  });

  test("getItemOrNullObject: isNullObject is known only after sync", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("sheet1"); // names are case-insensitive
      expect(() => missing.isNullObject).toThrow(HostError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("a request over 5 MB is refused whole; nothing in it is applied", async () => {
    const host = new InMemoryExcel();
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]); // ~6 MB of text
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [["first"]];
      s.getRange("B1:B6000").values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(host.value("Sheet1", "A1")).toBe("");
    expect(host.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("an error stops the batch: earlier operations stay, later ones never run (Excel does not roll back)", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.add("One");
      ws.add("Sheet1"); // duplicate name
      ws.add("Three");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "One"]);
  });

  test("proxies die with their Excel.run", async () => {
    const host = new InMemoryExcel();
    const kept = await host.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1"));
    expect(() => kept.load("name")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("sheet rules: unique names, valid names, one visible sheet, VeryHidden", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.add("Bad/Name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getItem("Sheet1").visibility = "VeryHidden";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const reg = ws.add("_Prodbook");
      reg.visibility = "VeryHidden";
      ws.getItem("Sheet1").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ws.load("items/name,items/visibility");
      await ctx.sync();
      expect(ws.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Sheet1", "Visible"],
        ["_Prodbook", "VeryHidden"],
      ]);
    });
  });

  test("tables: names without spaces, header text, body range, load through items", async () => {
    const host = new InMemoryExcel();
    host.seedTable("Budget", "Budget", "B2", [
      ["Account", "Amount"],
      ["1100", 2],
    ]);
    await host.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Budget!E2:F3", true);
      t.name = "Strip Colors";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
      await ctx.sync();
      expect(tables.items.map((x) => [x.name, x.worksheet.name])).toEqual([
        ["Budget", "Budget"],
        ["Table2", "Budget"],
      ]);
      const body = tables.items[0].getDataBodyRange().load("values,address");
      await ctx.sync();
      expect(body.values).toEqual([["1100", 2]]);
      expect(body.address).toBe("Budget!B3:C3");
    });
  });

  test("conditional formats follow today's values with relative references", async () => {
    const host = new InMemoryExcel();
    host.seedTable("S", null, "A1", [
      [100, 120],
      [100, 80],
    ]);
    await host.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("S").getRange("B1:B2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=$B1>$A1";
      cf.custom.format.fill.color = "#FFC7CE";
      await ctx.sync();
    });
    // B1 120 > A1 100: red; B2 80 > 100 is false.
    expect(host.conditionalFormatAt("S", "B1")?.fill).toBe("#FFC7CE");
    expect(host.conditionalFormatAt("S", "B2")).toBeUndefined();
    host.type("S", "B2", 101); // the user edits a figure; the rule follows
    expect(host.conditionalFormatAt("S", "B2")?.fill).toBe("#FFC7CE");
  });

  test("API sets: a 1.8 host has no suspendScreenUpdatingUntilNextSync or pageLayout", async () => {
    const host = new InMemoryExcel();
    host.apiVersion = 108;
    expect(host.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      await ctx.sync();
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    expect(host.requests[0].calculationSuspended).toBe(true);
  });

  test("merges keep the top-left value; borders, widths and freeze panes land on the sheet", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B1").values = [["Title", "gone"]];
      s.getRange("A1:B1").merge(false);
      s.getRange("A2:B3").format.borders.getItem("InsideHorizontal").style = "Continuous";
      s.getRange("C:C").format.columnWidth = 70;
      s.freezePanes.freezeRows(4);
      await ctx.sync();
    });
    const sheet = host.sheet("Sheet1");
    expect(host.values("Sheet1", "A1:B1")).toEqual([["Title", ""]]);
    expect(sheet.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 2 }]);
    expect(host.cell("Sheet1", "A2")?.format?.borders).toEqual({ bottom: true });
    expect(host.cell("Sheet1", "B3")?.format?.borders).toEqual({ top: true });
    expect(sheet.columnWidths.get(3)).toBe(70);
    expect(sheet.freeze).toEqual({ rows: 4, columns: 0 });
  });
  test("typed text becomes what Excel makes of it in a General cell; '@' and an apostrophe keep text", () => {
    const host = new InMemoryExcel();
    setTypedYear(2027);
    const typed: [string, unknown, string | undefined][] = [
      ["3/8", 46454, "d-mmm"], // 8 March 2027
      ["3/8/2027", 46454, "m/d/yyyy"],
      ["50%", 0.5, "0%"],
      ["$5", 5, "$#,##0"],
      ["1,234", 1234, "#,##0"],
      ["1 3/8", 1.375, "# ?/?"],
      ["'3/8", "3/8", undefined],
      ["2 3/8 pages", "2 3/8 pages", undefined],
    ];
    typed.forEach(([input], i) => host.type("Sheet1", `A${i + 1}`, input));
    expect(typed.map((_, i) => [host.value("Sheet1", `A${i + 1}`), host.cell("Sheet1", `A${i + 1}`)?.numberFormat])).toEqual(typed.map(([, v, f]) => [v, f]));
    host.sheet("Sheet1").cells.set("1,2", { numberFormat: "@" });
    host.type("Sheet1", "B1", "3/8");
    expect(host.value("Sheet1", "B1")).toBe("3/8");
  });

  test("a very hidden sheet cannot be deleted until it is hidden or visible (Worksheet.delete JSDoc)", async () => {
    const host = new InMemoryExcel();
    host.wb.addSheet("Secret").visibility = "VeryHidden";
    await expect(host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Secret").delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Secret");
      ws.visibility = "Hidden";
      ws.delete();
      await ctx.sync();
    });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  test("formulas written while calculation is suspended stay stale until application.calculate", async () => {
    const host = new InMemoryExcel();
    await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulas = [[2, "=A1*3"]];
      await ctx.sync();
    });
    expect(host.value("Sheet1", "B1")).toBe(0);
    await host.run(async (ctx) => {
      ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType.recalculate);
      await ctx.sync();
    });
    expect(host.value("Sheet1", "B1")).toBe(6);
  });
});
