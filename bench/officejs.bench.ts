// The adapter through Microsoft's office.js (test/officejs): for 10, 300 and 600 shooting days with
// call sheets, the largest request of each command as office.js serializes it, the largest
// response, and the syncs (equal for every size). Excel on the web refuses 5 MB; we keep 4.5 MB.
import { findTable } from "../src/core/cells";
import { optimizeStripboard } from "../src/core/optimize/stripboardOptimizer";
import { buildSchedule, newProduction, updateBudget } from "../src/excel/commands";
import { applyBoardOrder, restoreBoardOrder } from "../src/excel/optimize";
import { readWorkbook } from "../src/excel/readWorkbook";
import { productionOf } from "../test/excel/fixtures";
import { enableTableRows } from "../test/host/tableRows";
import { OfficeJsExcel } from "../test/officejs/host";

type Report = (bench: string, value: number, unit: string) => void;

export async function run(report: Report): Promise<void> {
  enableTableRows();
  for (const days of [10, 300, 600]) {
    const host = new OfficeJsExcel();
    const steps: [string, () => Promise<{ ok: boolean; messages: { text: string }[] }>][] = [
      ["newProduction", () => newProduction(host, { tables: productionOf(days) })],
      ["updateBudget", () => updateBudget(host)],
      ["buildSchedule", () => buildSchedule(host)],
      ["buildSchedule.again", () => buildSchedule(host)],
      [
        "optimizeApply",
        async () => {
          const wb = await host.run((ctx) => readWorkbook(ctx));
          const { plan } = optimizeStripboard(wb, { timeLimitMs: 200, seed: 1 });
          if (!plan) return { ok: false, messages: [{ text: "no plan" }] };
          host.resetCounters();
          return applyBoardOrder(host, plan.rows, findTable(wb, "Stripboard")!);
        },
      ],
      ["optimizeRestore", () => restoreBoardOrder(host)],
    ];
    for (const [name, step] of steps) {
      host.resetCounters();
      const r = await step();
      if (!r.ok) throw new Error(`${name} failed on the ${days}-day production: ${r.messages[0]?.text}`);
      report(`officejs.bytes.${name}.${days}d`, host.largestRequest(), "bytes/request");
      report(`officejs.responseBytes.${name}.${days}d`, host.largestResponse(), "bytes/response");
      report(`officejs.sync.${name}.${days}d`, host.syncs, "syncs");
      report(`officejs.keptReferences.${name}.${days}d`, host.keptReferences, "references");
    }
  }
}
