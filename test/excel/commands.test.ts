import { runEngine } from "../../src/core/engine";
import { sampleProduction } from "../../src/core/sample";
import { WRITE_REQUESTS, buildSchedule, newProduction, selectProblem, updateBudget } from "../../src/excel/commands";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { InMemoryExcel } from "../host/excel";
import { excelHost, productionOf } from "./fixtures";

async function sampleHost(days?: number): Promise<InMemoryExcel> {
  const host = excelHost();
  const r = await newProduction(host, days ? { tables: productionOf(days) } : {});
  expect(r.ok).toBe(true);
  return host;
}

describe("commands through office.js", () => {
  test("New production fills a blank workbook with real Excel tables and refuses a second time", async () => {
    const host = await sampleHost();
    expect(host.sheetNames()).not.toContain("Sheet1"); // the blank sheet is gone
    expect(host.wb.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Settings", "Accounts", "Budget", "Stripboard", "Cast"]));
    // Start Date 2027-05-24 is a real date: serial 46531 (days since 1899-12-30), formatted as a date.
    expect(host.value("Settings", "B4")).toBe(46531);
    expect(host.cell("Settings", "B4")?.numberFormat).toBe("yyyy-mm-dd");
    expect(host.value("Accounts", "A2")).toBe("1000"); // codes stay text
    const again = await newProduction(host);
    expect(again.ok).toBe(false);
    expect(again.messages[0].text).toMatch(/already has Settings, Holidays, Accounts and 13 more/);
  });

  test("what Excel holds reads back to the same engine result as the tables themselves", async () => {
    const host = await sampleHost();
    const wb = await host.run((ctx) => readWorkbook(ctx));
    const fromHost = runEngine(wb);
    // The same tables handed to the engine directly (JS Dates instead of Excel serials).
    const direct = runEngine({
      name: wb.name,
      tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })),
    });
    expect(direct.budget?.grandTotal).toBeGreaterThan(0);
    expect(fromHost.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(fromHost.budget?.grandTotal).toBe(direct.budget?.grandTotal);
    expect(fromHost.schedule?.days.length).toBe(direct.schedule?.days.length);
    expect(fromHost.schedule?.days.length).toBe(11); // the sample shoots 11 days
  });

  test("Update budget writes Top Sheet and Cost Report with the engine's figures", async () => {
    const host = await sampleHost();
    const r = await updateBudget(host);
    expect(r.ok).toBe(true);
    expect(r.messages[0]).toEqual({ intent: "success", text: "Wrote Top Sheet, Cost Report and Schedule vs Budget." });
    const wb = await host.run((ctx) => readWorkbook(ctx));
    const budget = runEngine(wb).budget!;
    // The Cost Report's total row holds the production's rolled-up budget in currency units.
    const used = host.usedAddress("Cost Report")!;
    const last = Number(/(\d+)$/.exec(used)![1]);
    const total = host.values("Cost Report", `B${last}:I${last}`)[0];
    expect([total[0], total[7]]).toEqual(["Total production", budget.totals.budget / 100]);
    expect(host.value("Cost Report", "K6")).toBe(budget.accounts[0].status); // the Status formula computes
  });

  test("Build schedule writes Schedule, DOOD and a call sheet a day", async () => {
    const host = await sampleHost();
    const r = await buildSchedule(host);
    expect(r.ok).toBe(true);
    expect(r.messages[0].text).toBe("Wrote Schedule, DOOD and 11 call sheets.");
    for (const n of ["Schedule", "DOOD", "Call D1", "Call D11"]) expect(host.sheetNames()).toContain(n);
    expect(host.sheet("Call D1").page).toMatchObject({ orientation: "Portrait", fitToWidth: 1 });
  });

  test("an input error writes nothing, names the cell, and a click selects it", async () => {
    const host = await sampleHost();
    host.type("Budget", "F2", "lots"); // Rate must be a number
    const before = host.snapshot();
    const r = await updateBudget(host);
    expect(r.ok).toBe(false);
    expect(host.snapshot()).toEqual(before);
    const p = r.problems.find((x) => x.severity === "error")!;
    expect(p).toMatchObject({ sheet: "Budget", row: 2, cell: "F2" });
    expect(await selectProblem(host, p)).toEqual({ ok: true });
    expect(host.wb.selection).toEqual({ sheetId: host.sheet("Budget").id, rect: { r1: 2, c1: 6, r2: 2, c2: 6 } });
  });

  test("text from the workbook that looks like a formula is written as text", async () => {
    const host = await sampleHost();
    host.cell("Stripboard", "H2")!.numberFormat = "@";
    host.type("Stripboard", "H2", "=HYPERLINK(\"http://x\",\"click\")");
    expect((await buildSchedule(host)).ok).toBe(true);
    const s = host.sheet("Schedule");
    const formulas = [...s.cells.values()].filter((c) => c.formula?.includes("HYPERLINK"));
    expect(formulas).toEqual([]);
    expect(JSON.stringify(host.values("Schedule", host.usedAddress("Schedule")!))).toContain("=HYPERLINK");
  });

  test("a host without ExcelApi 1.7 gets a clear message and no change", async () => {
    const host = excelHost();
    host.apiVersion = 106;
    const r = await newProduction(host);
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/needs Microsoft 365 \(Version 2002 or later\), Excel 2021 or later, Excel on the web, or Excel for Mac 16.35 or later \(the Excel JavaScript API 1.7/);
    expect(host.syncs).toBe(0);
  });

  test("syncs per command are the same for 10 and 300 shooting days; requests as office.js sends them stay under 4.5 MB", async () => {
    const counts: Record<string, number[]> = { newProduction: [], updateBudget: [], buildSchedule: [] };
    let largest = 0;
    for (const days of [10, 300]) {
      const host = excelHost();
      await newProduction(host, { tables: productionOf(days) });
      counts.newProduction.push(host.syncs);
      expect(host.keptReferences).toBe(0);
      for (const [name, cmd] of [["updateBudget", updateBudget], ["buildSchedule", buildSchedule]] as const) {
        host.resetCounters();
        expect((await cmd(host)).ok).toBe(true);
        counts[name].push(host.syncs);
        expect(host.keptReferences).toBe(0);
        largest = Math.max(largest, host.largestRequest());
      }
    }
    // new: 2 (look) + WRITE_REQUESTS + 1 (tidy); update/build: 2 (read) + 1 (state) + WRITE_REQUESTS + 1 (swap)
    expect(counts).toEqual({ newProduction: [WRITE_REQUESTS + 3, WRITE_REQUESTS + 3], updateBudget: [WRITE_REQUESTS + 4, WRITE_REQUESTS + 4], buildSchedule: [WRITE_REQUESTS + 4, WRITE_REQUESTS + 4] });
    expect(largest).toBeLessThan(4.5 * 1024 * 1024);
  });
});
