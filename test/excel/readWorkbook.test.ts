import { readWorkbook, parseAddress } from "../../src/excel/readWorkbook";
import { excelHost } from "./fixtures";

describe("readWorkbook", () => {
  test("reads tables with sheet, address, header and body; blanks are null", async () => {
    const host = excelHost();
    host.seedTable("Costs", "Budget", "C3", [
      ["Account", "Description", "Amount"],
      ["1100", "=not a formula", 2],
      ["1101", null, 3.5],
    ]);
    const wb = await host.run((ctx) => readWorkbook(ctx));
    expect(wb.name).toBe("Book1.xlsx");
    expect(wb.tables).toEqual([
      {
        name: "Budget",
        sheet: "Costs",
        headerRow: 3,
        firstColumn: 3,
        headers: ["Account", "Description", "Amount"],
        rows: [
          ["1100", "=not a formula", 2],
          ["1101", null, 3.5],
        ],
      },
    ]);
  });

  test("a table's Total Row is not read as data", async () => {
    const host = excelHost();
    host.seedTable("Costs", "Budget", "A1", [
      ["Account", "Amount"],
      ["1100", 2],
      ["Total", 2],
    ]);
    await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Budget");
      t.load("showTotals");
      await ctx.sync();
      expect(t.showTotals).toBe(false);
    });
    // Excel's Total Row: the last row of the table's range, under the body.
    host.wb.tables[0].showTotals = true;
    const wb = await host.run((ctx) => readWorkbook(ctx));
    expect(wb.tables[0].rows).toEqual([["1100", 2]]);
  });

  test("a sheet named like a contract table is read with its header in row 1; a table of that name wins", async () => {
    const host = excelHost();
    host.seedTable("Cast", null, "A1", [
      ["ID", "Character"],
      ["1", "MAGGIE"],
    ]);
    host.seedTable("Notes", null, "A1", [["not a contract table"]]);
    host.seedTable("Other", "Locations", "A1", [["Location"], ["Diner"]]);
    host.seedTable("Locations", null, "A1", [["ignored"]]);
    const wb = await host.run((ctx) => readWorkbook(ctx));
    expect(wb.tables.map((t) => [t.name, t.sheet])).toEqual([
      ["Locations", "Other"],
      ["Cast", "Cast"],
    ]);
    expect(wb.tables[1]).toMatchObject({ headerRow: 1, firstColumn: 1, headers: ["ID", "Character"], rows: [["1", "MAGGIE"]] });
  });

  test("two syncs whatever the size, no range kept by Excel", async () => {
    for (const n of [3, 3000]) {
      const host = excelHost();
      host.seedTable("Budget", "Budget", "A1", [["Account", "Amount"], ...Array.from({ length: n }, (_, i) => [String(1000 + i), i])]);
      host.seedTable("Cast", null, "A1", [["ID"], ["1"]]);
      const wb = await host.run((ctx) => readWorkbook(ctx));
      expect(wb.tables[0].rows.length).toBe(n);
      expect(host.syncs).toBe(2);
      // The table's range and the Cast sheet's used range are untracked before office.js sends
      // them: untracked after the sync, Excel keeps both and Excel.run sends 2 more requests to let go.
      expect(host.keptReferences).toBe(0);
    }
  });

  test("parseAddress reads quoted sheet names", () => {
    expect(parseAddress("'Strip Colors'!B2:D9")).toEqual({ sheet: "Strip Colors", row: 2, column: 2 });
    expect(parseAddress("'Bob''s'!$AA$10")).toEqual({ sheet: "Bob's", row: 10, column: 27 });
  });
});
