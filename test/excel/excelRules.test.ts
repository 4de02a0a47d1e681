/**
 * Rules of real Excel that the adapter once broke, each as the documentation states it (see the
 * fidelity table in docs/ADDIN.md). Each test fails on the adapter as it was before issue 9.
 */
import { buildSchedule, newProduction, updateBudget } from "../../src/excel/commands";
import { applyBoardOrder, restoreBoardOrder } from "../../src/excel/optimize";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { optimizeStripboard } from "../../src/core/optimize/stripboardOptimizer";
import { runEngine } from "../../src/core/engine";
import { REGISTRY_SHEET } from "../../src/core/layout/ownership";
import { findTable } from "../../src/core/cells";
import { InMemoryExcel } from "../host/excel";
import { setTypedYear } from "../host/model";
import { enableTableRows } from "../host/tableRows";
import { OfficeJsExcel } from "../officejs/host";

let Host: new () => InMemoryExcel = InMemoryExcel;

async function sampleHost(): Promise<InMemoryExcel> {
  const host = new Host();
  expect((await newProduction(host)).ok).toBe(true);
  return host;
}

describe.each([
  ["the in-memory host", InMemoryExcel],
  ["Microsoft's office.js", OfficeJsExcel],
])("real Excel's rules, through %s", (_name, H) => {
  beforeAll(() => {
    Host = H;
    setTypedYear(2027);
    enableTableRows();
  });

  test("rebuilding deletes the replaced copies although they were very hidden (Worksheet.delete throws on VeryHidden)", async () => {
    const host = await sampleHost();
    expect((await updateBudget(host)).ok).toBe(true);
    expect((await buildSchedule(host)).ok).toBe(true);
    const again = await updateBudget(host);
    expect(again.messages).toEqual([{ intent: "success", text: "Wrote Top Sheet, Cost Report and Schedule vs Budget." }]);
    const rebuilt = await buildSchedule(host);
    expect(rebuilt.messages.filter((m) => m.intent !== "success")).toEqual([]);
    expect(host.sheetNames().filter((n) => n.startsWith("~PB"))).toEqual([]);
    expect(host.sheetNames().filter((n) => / \(2\)$/.test(n))).toEqual([]); // nothing written beside
    expect(host.sheet(REGISTRY_SHEET).visibility).toBe("VeryHidden");
  });

  test("Restore removes the very hidden undo sheet", async () => {
    const host = await sampleHost();
    const wb = await host.run((ctx) => readWorkbook(ctx));
    const r = optimizeStripboard(wb, { timeLimitMs: 100, seed: 1 });
    const applied = await applyBoardOrder(host, r.plan!.rows, findTable(wb, "Stripboard")!);
    expect(applied.messages[0]).toMatchObject({ intent: "success" });
    expect(host.sheet("_Prodbook Undo").visibility).toBe("VeryHidden");
    const back = await restoreBoardOrder(host);
    expect(back.messages[0].intent).toBe("success");
    expect(host.sheetNames()).not.toContain("_Prodbook Undo");
  });

  test("formulas are calculated after the suspended writes, so fingerprints match and nothing is written beside", async () => {
    const host = await sampleHost();
    expect((await updateBudget(host)).ok).toBe(true);
    const budget = runEngine(await host.run((ctx) => readWorkbook(ctx))).budget!;
    // The Cost Report's Status column is a formula: it must show the engine's status, not 0.
    const statusCells = [...host.sheet("Cost Report").cells.entries()].filter(([, c]) => c.formula?.includes('"OVER"'));
    expect(statusCells.length).toBeGreaterThan(0);
    const [r, c] = statusCells.map(([k]) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0])[0];
    expect(host.wb.valueAt(host.sheet("Cost Report"), r, c)).toBe(budget.accounts[0].status);
    expect(host.wb.frozen).toBeUndefined();
    const again = await updateBudget(host);
    expect(again.written.map((w) => w.action)).toEqual(["replace", "replace", "replace"]);
  });

  test("3/8 typed into a General Pages cell is 8 March to Excel, and the message says so", async () => {
    const host = await sampleHost();
    host.cell("Stripboard", "F2")!.numberFormat = undefined; // a General cell, as in a sheet the user made
    host.type("Stripboard", "F2", "3/8");
    expect(host.cell("Stripboard", "F2")).toMatchObject({ value: 46454, numberFormat: "d-mmm" }); // 2027-03-08
    const r = await buildSchedule(host);
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.severity === "error")!;
    expect(p).toMatchObject({ sheet: "Stripboard", cell: "F2", message: "Pages shows 8 March: Excel turned 3/8 into a date; type '3/8 or 0.375" });
    host.type("Stripboard", "F2", "'3/8"); // the apostrophe keeps it text
    expect(host.cell("Stripboard", "F2")).toMatchObject({ value: "3/8", numberFormat: "d-mmm" });
    expect((await buildSchedule(host)).ok).toBe(true);
  });

  test("a date in a money column is named as a date, not read as its serial", async () => {
    const host = await sampleHost();
    host.type("Budget", "F2", "5/4/2027"); // Rate typed as a date
    const r = await updateBudget(host);
    expect(r.ok).toBe(false);
    expect(r.problems.find((x) => x.severity === "error")).toMatchObject({ cell: "F2", message: expect.stringMatching(/^Rate shows 4 May 2027: Excel turned what was typed into a date; format the cell as Number/) });
  });

  test("an Excel without ExcelApi 1.9 gets no indentLevel (RangeFormat.indentLevel is 1.9) and still writes", async () => {
    const host = await sampleHost();
    host.apiVersion = 107;
    const r = await buildSchedule(host);
    expect(r.messages).toEqual([{ intent: "success", text: "Wrote Schedule, DOOD and 11 call sheets." }]);
    expect((await updateBudget(host)).ok).toBe(true);
  });
});
