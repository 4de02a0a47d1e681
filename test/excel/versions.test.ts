/**
 * Lock the original, list versions and compare against one, through office.js on the in-memory
 * workbook; the figures are the engine's own (the CLI tests work them out by hand on small books).
 */
import { runEngine } from "../../src/core/engine";
import { VERSIONS_SHEET } from "../../src/core/budget/versions";
import { compareWithVersion, listVersions, lockVersion, newProduction, updateBudget } from "../../src/excel/commands";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { excelHost, productionOf } from "./fixtures";

async function sampleHost(days?: number) {
  const host = excelHost();
  expect((await newProduction(host, days ? { tables: productionOf(days) } : {})).ok).toBe(true);
  return host;
}

describe("budget versions in Excel", () => {
  test("lock, list, and the Top Sheet and Compare sheet show the Original against the current budget", async () => {
    const host = await sampleHost();
    expect((await listVersions(host)).versions).toEqual([]);
    const when = new Date(Date.UTC(2027, 4, 1, 9, 30));
    const locked = await lockVersion(host, "Original", { now: () => when });
    expect(locked.ok).toBe(true);
    const grand = runEngine(await host.run((ctx) => readWorkbook(ctx))).budget!.grandTotal / 100;
    expect(locked.versions).toEqual([{ name: "Original", locked: "2027-05-01T09:30:00.000Z", total: expect.any(Number), grandTotal: grand }]);
    expect(host.sheet(VERSIONS_SHEET).visibility).toBe("VeryHidden");
    expect((await listVersions(host)).versions).toEqual(locked.versions);
    // The same name again is refused, and nothing is added.
    const again = await lockVersion(host, "original");
    expect(again.ok).toBe(false);
    expect(again.messages[0].text).toMatch(/already locked/);

    // A Rate goes up: the Budget's first line with a typed Rate gets 100 more.
    const head = host.values("Budget", "A1:Z1")[0];
    const rateCol = String.fromCharCode(65 + head.indexOf("Rate"));
    const rate = host.value("Budget", `${rateCol}2`) as number;
    host.type("Budget", `${rateCol}2`, rate + 100);
    const now = runEngine(await host.run((ctx) => readWorkbook(ctx))).budget!;
    expect(now.original?.grandTotal).toBe(Math.round(grand * 100));
    const up = now.grandTotal / 100 - grand;
    expect(up).toBeGreaterThan(0);

    expect((await updateBudget(host)).ok).toBe(true);
    expect(host.values("Top Sheet", "A4:F4")[0]).toEqual(["Acct #", "Category", "Fringes", "Current", "Original", "Variance"]);

    const cmp = await compareWithVersion(host, "Original");
    expect(cmp.ok).toBe(true);
    expect(cmp.messages[0].text).toMatch(/^Wrote Compare: the grand total is .* more than "Original"/);
    const used = host.usedAddress("Compare")!;
    const last = Number(/(\d+)$/.exec(used)![1]);
    const rows = host.values("Compare", `A5:F${last}`);
    expect(rows[0]).toEqual(["Acct #", "Name", "Original", "Current", "Current − Original", "%"]);
    const grandRow = rows.find((r) => r[1] === "Grand total")!;
    expect(grandRow[2]).toBe(grand);
    expect(grandRow[4]).toBeCloseTo(up, 2);

    expect((await compareWithVersion(host, "Revised")).messages[0].text).toMatch(/no saved version named "Revised"/);
  });

  test("lock takes the same number of syncs for 10 and 300 shooting days", async () => {
    const counts: number[] = [];
    for (const days of [10, 300]) {
      const host = await sampleHost(days);
      host.resetCounters();
      expect((await lockVersion(host, "Original")).ok).toBe(true);
      counts.push(host.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
