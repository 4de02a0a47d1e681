import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CellValue, RawTable, WorkbookInput } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { allLayouts, ELEMENTS_DOOD, SCHEDULE_ELEMENTS } from "../../../src/core/layout";
import { importScript } from "../../../src/core/script";
import { scriptTables } from "../../../src/core/script/tables";
import { dayBreakdown, elementDoods } from "../../../src/core/schedule/breakdown";
import { layoutOverflows } from "../../../src/core/layout/fit";

const FIX = join(__dirname, "..", "..", "fixtures", "scripts");

function workbook(extra: (t: RawTable[]) => void = () => {}): WorkbookInput {
  const script = importScript("tagged.fdx", readFileSync(join(FIX, "edge", "tagged.fdx"), "utf8"));
  const tables: RawTable[] = [
    { name: "Settings", sheet: "Settings", headerRow: 1, firstColumn: 1, headers: ["Key", "Value"], rows: [["Start Date", "2027-03-01"]] },
    // A day a scene: day breaks every 1/8 page.
    ...scriptTables(script, { dayEighths: 1 }).map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })),
  ];
  extra(tables);
  return { name: "tagged.xlsx", tables };
}

function breakdownOf(tables: RawTable[]): RawTable {
  return tables.find((t) => t.name === "Breakdown")!;
}

describe("Breakdown", () => {
  test("the imported board builds without problems; Elements DOOD and Schedule + Elements are written", () => {
    const r = runEngine(workbook());
    expect(r.problems).toEqual([]);
    const names = allLayouts(r).map((l) => l.name);
    expect(names).toEqual(["Schedule", "DOOD", ELEMENTS_DOOD, SCHEDULE_ELEMENTS, "Call D1", "Call D2", "Call D3"]);
    for (const l of allLayouts(r)) expect(layoutOverflows(l)).toEqual([]);
  });

  test("element DOODs by category, and locations from the sets", () => {
    const wb = workbook((t) => {
      // The revolver is needed again on day 3: held on day 2, as a rental is paid through.
      breakdownOf(t).rows.push(["3", "Props", "revolver", null, null], ["3", "Animals", "dog", null, "trained"]);
    });
    const r = runEngine(wb);
    const doods = elementDoods(r.schedule!.days, r.schedule!.breakdown);
    const by = Object.fromEntries(doods.map((d) => [d.category, d.rows.map((x) => `${x.character}: ${x.codes.join(" ")}`)]));
    expect(by).toEqual({
      Background: ["diners: SWF  "],
      Vehicles: ["pickup truck:  SWF "],
      Props: ["revolver: SW H WF"],
      Animals: ["dog:   SWF"],
      Locations: ["DINER: SWF  ", "PARKING LOT:  SWF ", "JO'S APARTMENT:   SWF"],
    });
    expect(doods.find((d) => d.category === "Background")!.rows[0].quantity).toEqual([12, 0, 0]);
  });

  test("call sheets: background count and each department's elements by scene", () => {
    const r = runEngine(
      workbook((t) => {
        breakdownOf(t).rows.push(["1", "Background", "waitress", 2, null], ["1", "Background", "diners", 10, "second unit"]);
      }),
    );
    // Two rows for the same background element: the larger count, not the sum; 12 + 2 = 14.
    const d1 = dayBreakdown(["1"], r.schedule!.breakdown);
    expect(d1.background).toBe(14);
    expect(d1.departments).toEqual([
      { category: "Background", scenes: [{ scene: "1", elements: ["diners (12)", "waitress (2)", "diners (10)"] }] },
      { category: "Props", scenes: [{ scene: "1", elements: ["revolver"] }] },
    ]);
    const call = allLayouts(r).find((l) => l.name === "Call D1")!;
    const text = call.cells.map((c) => c.v);
    expect(text).toContain("BACKGROUND AND DEPARTMENTS");
    expect(text).toContain(14);
    expect(call.print?.area).toBe(`A1:I${Math.max(...call.cells.map((c) => c.r))}`);
  });

  test("bad rows name the cell: an unknown category warns, a bad quantity is an error, an unknown scene warns", () => {
    const r = runEngine(
      workbook((t) => {
        const b = breakdownOf(t);
        b.rows.push(["1", "Catering", "tea urn", 1, null] as CellValue[], ["2A", "Props", "keys", -1, null], ["99", "Props", "hat", null, null]);
      }),
    );
    const msgs = r.problems.map((p) => `${p.severity} ${p.table} row ${p.row} ${p.column}: ${p.message}`);
    expect(msgs).toEqual([
      expect.stringMatching(/^warning Breakdown row 5 Category: Category "Catering" is not a breakdown category .* counted under Miscellaneous$/),
      "error Breakdown row 6 Quantity: Quantity must be a whole number of 0 or more, not -1",
      'warning Breakdown row 7 Scene: Scene "99" is not on the Stripboard; its elements are on no day',
    ]);
  });
});
