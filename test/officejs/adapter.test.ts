/**
 * The adapter through Microsoft's office.js: Excel.run, load/sync, PropertyNotLoaded, null objects,
 * errors and request bytes are the real library's; the workbook answering its requests is the
 * in-memory one (test/host). See docs/ADDIN.md, "Tests through office.js".
 */
import { runEngine } from "../../src/core/engine";
import { REGISTRY_SHEET } from "../../src/core/layout/ownership";
import { WRITE_REQUESTS, buildSchedule, newProduction, updateBudget } from "../../src/excel/commands";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { productionOf } from "../excel/fixtures";
import { setTypedYear } from "../host/model";
import { enableTableRows } from "../host/tableRows";
import { OfficeJsExcel } from "./host";

const LIMIT = 4.5 * 1024 * 1024;

beforeAll(() => {
  enableTableRows();
  setTypedYear(2027);
});

describe("office.js itself", () => {
  test("an unloaded property throws office.js's PropertyNotLoaded; a null object is known after sync", async () => {
    const host = new OfficeJsExcel();
    host.type("Sheet1", "A1", 42);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(r.values).toEqual([[42]]);
      expect(missing.isNullObject).toBe(true);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("an error in the workbook rejects sync with its code; earlier actions of the request stay done", async () => {
    const host = new OfficeJsExcel();
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["kept"]];
        ctx.workbook.worksheets.getItem("No such sheet").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(host.value("Sheet1", "A1")).toBe("kept");
  });

  test("a request over the payload limit is refused as Excel on the web refuses it", async () => {
    const host = new OfficeJsExcel();
    host.payloadLimit = 10_000;
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i} `.repeat(20)]);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.requests[0].bytes).toBeGreaterThan(JSON.stringify(big).length);
  });
});

describe("commands through office.js", () => {
  test("New production, Update budget and Build schedule write what the engine computed; a rebuild replaces the very hidden copies", async () => {
    const host = new OfficeJsExcel();
    expect((await newProduction(host)).ok).toBe(true);
    const budget = await updateBudget(host);
    expect(budget.messages).toEqual([{ intent: "success", text: "Wrote Top Sheet, Cost Report and Schedule vs Budget." }]);
    const result = runEngine(await host.run((ctx) => readWorkbook(ctx)));
    const used = host.usedAddress("Cost Report")!;
    const last = Number(/(\d+)$/.exec(used)![1]);
    const total = host.values("Cost Report", `A${last}:K${last}`)[0];
    expect(total[1]).toBe("Total production");
    expect(total).toContain(result.budget!.totals.budget / 100);
    expect((await buildSchedule(host)).messages[0].text).toBe("Wrote Schedule, DOOD and 11 call sheets.");
    const again = await buildSchedule(host);
    expect(again.messages).toEqual([{ intent: "success", text: "Wrote Schedule, DOOD and 11 call sheets." }]);
    expect(again.written.every((w) => w.action === "replace")).toBe(true);
    expect(host.sheetNames().filter((n) => n.startsWith("~PB"))).toEqual([]);
    expect(host.sheet(REGISTRY_SHEET).visibility).toBe("VeryHidden");
  });

  test("3/8 typed into a General Pages cell gets the message, through office.js's values and numberFormat", async () => {
    const host = new OfficeJsExcel();
    expect((await newProduction(host)).ok).toBe(true);
    host.cell("Stripboard", "F2")!.numberFormat = undefined;
    host.type("Stripboard", "F2", "3/8");
    const r = await buildSchedule(host);
    expect(r.problems.find((p) => p.severity === "error")).toMatchObject({ cell: "F2", message: "Pages shows 8 March: Excel turned 3/8 into a date; type '3/8 or 0.375" });
  });

  test("at 600 shooting days with call sheets every request and response office.js carries stays under 4.5 MB, in as many syncs as at 10", async () => {
    const syncs: Record<string, number[]> = { updateBudget: [], buildSchedule: [] };
    for (const days of [10, 600]) {
      const host = new OfficeJsExcel();
      expect((await newProduction(host, { tables: productionOf(days) })).ok).toBe(true);
      for (const [name, command] of [["updateBudget", updateBudget], ["buildSchedule", buildSchedule]] as const) {
        host.resetCounters();
        const r = await command(host);
        expect(r.ok).toBe(true);
        if (name === "buildSchedule") expect(r.messages[0].text).toBe(`Wrote Schedule, DOOD and ${days} call sheets.`);
        syncs[name].push(host.syncs);
        expect(host.keptReferences).toBe(0); // every range untracked before its request goes
        expect(host.requests.filter((q) => q.bytes > LIMIT || q.responseBytes > LIMIT || q.error)).toEqual([]);
        // the writes are really spread over the requests, not tiny (4.0 MB at 600 days, npm run bench -- officejs)
        if (days === 600 && name === "buildSchedule") expect(host.largestRequest()).toBeGreaterThan(2 * 1024 * 1024);
      }
    }
    // read (2) + state (1) + writes + swap (1); no request at the end of Excel.run to release
    // tracked ranges (there were 26 such references before every range was untracked in time)
    expect(syncs).toEqual({ updateBudget: [WRITE_REQUESTS + 4, WRITE_REQUESTS + 4], buildSchedule: [WRITE_REQUESTS + 4, WRITE_REQUESTS + 4] });
  }, 120_000);
});
