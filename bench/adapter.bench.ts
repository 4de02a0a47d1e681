// The Office.js adapter through Microsoft's office.js (test/officejs: office.js's Excel.run in front
// of the in-memory workbook), for 10, 300 and 600 shooting days: syncs per command as requests
// office.js sends (equal for every size), the largest request in bytes as office.js serializes it,
// and time in the adapter, office.js and the in-memory workbook together.
import { findTable } from "../src/core/cells";
import { optimizeStripboard } from "../src/core/optimize/stripboardOptimizer";
import { buildSchedule, newProduction, updateBudget } from "../src/excel/commands";
import { applyBoardOrder, restoreBoardOrder } from "../src/excel/optimize";
import { readWorkbook } from "../src/excel/readWorkbook";
import { OfficeJsExcel } from "../test/officejs/host";
import { productionOf } from "../test/excel/fixtures";
import { enableTableRows } from "../test/host/tableRows";

type Report = (bench: string, value: number, unit: string) => void;

export async function run(report: Report): Promise<void> {
  enableTableRows();
  for (const days of [10, 300, 600]) {
    const host = new OfficeJsExcel();
    const steps: [string, () => Promise<{ ok: boolean }>][] = [
      ["newProduction", () => newProduction(host, { tables: productionOf(days) })],
      ["updateBudget", () => updateBudget(host)],
      ["buildSchedule", () => buildSchedule(host)],
      ["buildSchedule.again", () => buildSchedule(host)], // a rewrite: fingerprints read, old sheets replaced
      // Optimize's Apply and Restore; time.optimizeApply includes reading the workbook and a 200 ms search.
      [
        "optimizeApply",
        async () => {
          const wb = await host.run((ctx) => readWorkbook(ctx));
          const { plan } = optimizeStripboard(wb, { timeLimitMs: 200, seed: 1 });
          if (!plan) return { ok: false };
          host.resetCounters();
          return applyBoardOrder(host, plan.rows, findTable(wb, "Stripboard")!);
        },
      ],
      ["optimizeRestore", () => restoreBoardOrder(host)],
    ];
    for (const [name, step] of steps) {
      host.resetCounters();
      const t0 = performance.now();
      const r = await step();
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${name} failed on the ${days}-day production`);
      report(`sync.${name}.${days}d`, host.syncs, "syncs");
      report(`bytes.${name}.${days}d`, host.largestRequest(), "bytes/request");
      report(`time.${name}.${days}d`, ms, "ms");
    }
  }
}
