/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OptimizePanel, formatMoney } from "../../src/taskpane/components/OptimizePanel";
import { runOptimize } from "../../src/taskpane/optimizer.worker";
import type { OptimizeRequest, ProgressReply } from "../../src/taskpane/optimizer.worker";
import {
  OptimizeJob,
  OptimizeProgress,
  OptimizeResult,
  OptimizerLauncher,
  OptimizerService,
  excelOptimizer,
} from "../../src/taskpane/services/prodbookService";
import type { StripboardPlan } from "../../src/core/optimize/stripboardOptimizer";
import type { RawTable } from "../../src/core/cells";
import { newProduction } from "../../src/excel/commands";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { UNDO_SHEET } from "../../src/core/optimize/undo";
import { InMemoryExcel } from "../host/excel";
import { excelHost, productionOf } from "../excel/fixtures";
import { enableTableRows } from "../host/tableRows";

enableTableRows();

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const basis: RawTable = { name: "Stripboard", sheet: "Stripboard", headerRow: 1, firstColumn: 1, headers: ["Scene"], rows: [["1"]] };
// The sample production's DOOD figures: 15 hold days at the cast's daily rates = $25,030.00.
const plan: StripboardPlan = {
  before: {
    holdDays: 15,
    holdCost: 2_503_000,
    moves: 1,
    total: 2_503_000,
    daysUsed: 11,
    days: 11,
    holds: [
      { holdDays: 9, holdCost: 1_500_000, dropDays: 0 },
      { holdDays: 6, holdCost: 1_003_000, dropDays: 2 },
      { holdDays: 0, holdCost: 0, dropDays: 0 },
    ],
  },
  after: {
    holdDays: 2,
    holdCost: 180_000,
    moves: 1,
    total: 180_000,
    daysUsed: 11,
    days: 11,
    holds: [
      { holdDays: 2, holdCost: 180_000, dropDays: 0 },
      { holdDays: 0, holdCost: 0, dropDays: 0 },
      { holdDays: 0, holdCost: 0, dropDays: 0 },
    ],
  },
  cast: [
    { id: "1", character: "Sheriff Cole" },
    { id: "2", character: "Young Maggie" },
    { id: "3", character: "Deputy" },
  ],
  moved: [{ scene: "12", set: "Diner", fromDay: 3, toDay: 5 }],
  lowerBound: 160_000,
  gap: 0.12,
  improved: true,
  optimal: false,
  rows: { headers: ["Scene"], rows: [["1"], ["End of Day 1"]] },
  basis: "11 days as now",
  iterations: 123_456,
  elapsedMs: 2000,
};

/** A fake optimizer whose run waits for the test: progress, finish or cancel. */
function fake(savedExists = false) {
  let progress: (p: OptimizeProgress) => void = () => undefined;
  let finish: (r: OptimizeResult) => void = () => undefined;
  const cancel = jest.fn(() => finish({ status: "cancelled" }));
  const service: OptimizerService & { apply: jest.Mock; restore: jest.Mock; start: jest.Mock } = {
    start: jest.fn((_ms: number, onProgress: (p: OptimizeProgress) => void) => {
      progress = onProgress;
      return { result: new Promise<OptimizeResult>((r) => (finish = r)), cancel };
    }),
    apply: jest.fn(async () => ({ ok: true, problems: [], written: [], messages: [{ intent: "success" as const, text: "Stripboard is in the new order." }] })),
    restore: jest.fn(async () => ({ ok: true, problems: [], written: [], messages: [{ intent: "success" as const, text: "Stripboard is back." }] })),
    savedOrder: jest.fn(async () => ({ exists: savedExists, when: "2027-01-02T03:04:05Z" })),
  };
  return { service, cancel, progress: (p: OptimizeProgress) => progress(p), finish: (r: OptimizeResult) => finish(r) };
}

async function renderPanel(service: OptimizerService) {
  const r = render(
    <FluentProvider theme={webLightTheme}>
      <OptimizePanel service={service} />
    </FluentProvider>,
  );
  await act(async () => undefined); // the saved-order check on mount
  return r;
}

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("Optimize panel", () => {
  test("money in the production's currency; an unknown code is written before the figure", () => {
    expect(formatMoney(4_496_600, "USD")).toBe("$44,966.00");
    expect(formatMoney(4_496_600, "EUR")).toBe("€44,966.00");
    expect(formatMoney(123, "XYZ1")).toBe("XYZ1 1.23");
  });

  test("Optimize shows progress with the best cost so far, then before and after; Apply sends the plan", async () => {
    const f = fake();
    await renderPanel(f.service);
    expect(button("Apply").disabled).toBe(true);
    expect(button("Restore previous order").disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Time budget"), { target: { value: "2000" } });
    fireEvent.click(button("Optimize"));
    expect(f.service.start).toHaveBeenCalledWith(2000, expect.any(Function));
    act(() => f.progress({ best: { ...plan.after, holdCost: 250_000 }, iterations: 5000, elapsedMs: 500, timeLimitMs: 2000 }));
    const bar = screen.getByRole("progressbar", { name: /^Optimizing: Best so far: \$2,500.00 hold cost, 2 hold days, 1 company move$/ });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.25"); // 500 of 2000 ms
    expect(button("Optimize").disabled).toBe(true);
    await act(async () => f.finish({ status: "done", plan, currency: "USD", basis, problems: [] }));
    expect(screen.queryByRole("progressbar")).toBeNull();
    const table = screen.getByRole("table", { name: "Before and after" });
    const cells = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(cells).toEqual([
      ["Hold days", "15", "2"],
      ["Hold cost", "$25,030.00", "$1,800.00"],
      ["Company moves", "1", "1"],
      ["Shooting days", "11", "11"],
    ]);
    // As a first AD reads the plan: who is held now and after, which strips move, how sure it is.
    const holds = screen.getByRole("table", { name: "Holds by cast member" });
    expect([...holds.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ["1 Sheriff Cole", "9 ($15,000.00)", "2 ($1,800.00)"],
      ["2 Young Maggie", "6 ($10,030.00)", "0 ($0.00)"],
    ]);
    expect(screen.getByRole("list", { name: "Strips that change day" }).textContent).toBe("Sc. 12 Diner: day 3 → day 5");
    expect(screen.getByText("Not proved optimal: at most 12% above the best possible.")).toBeTruthy();
    expect(button("Apply").disabled).toBe(false);
    await act(async () => fireEvent.click(button("Apply")));
    expect(f.service.apply).toHaveBeenCalledWith(plan, basis);
    expect(screen.getByText("Stripboard is in the new order.")).toBeTruthy();
    expect(button("Apply").disabled).toBe(true); // applied once; the comparison is gone
  });

  test("Cancel stops the search: nothing is applied and the pane says nothing changed", async () => {
    const f = fake();
    await renderPanel(f.service);
    fireEvent.click(button("Optimize"));
    act(() => f.progress({ best: plan.before, iterations: 10, elapsedMs: 200, timeLimitMs: 10_000 }));
    await act(async () => fireEvent.click(button("Cancel")));
    expect(f.cancel).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Optimize was cancelled. Nothing was changed.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
    expect(f.service.apply).not.toHaveBeenCalled();
    expect(button("Optimize").disabled).toBe(false);
  });

  test("no better order: Apply stays off; input problems are listed", async () => {
    const f = fake(true);
    await renderPanel(f.service);
    expect(button("Restore previous order").disabled).toBe(false);
    fireEvent.click(button("Optimize"));
    await act(async () => f.finish({ status: "done", plan: { ...plan, improved: false, after: plan.before }, currency: "USD", basis, problems: [] }));
    expect(button("Apply").disabled).toBe(true);
    expect(screen.getByText(/No better order found in 10 seconds/)).toBeTruthy();
    fireEvent.click(button("Optimize"));
    const problem = { severity: "error" as const, sheet: "Stripboard", table: "Stripboard", row: 4, column: "Pages", cell: "F4", message: 'Pages must be eighths, not "lots"' };
    await act(async () => f.finish({ status: "stopped", problems: [problem], messages: [{ intent: "error", text: "Optimize needs one problem fixed first." }] }));
    expect(screen.getByRole("button", { name: /^Error at Stripboard!F4 \(Pages\)/ })).toBeTruthy();
    await act(async () => fireEvent.click(button("Restore previous order")));
    expect(f.service.restore).toHaveBeenCalledTimes(1);
  });
});

describe("optimizer worker", () => {
  test("posts progress no more often than every 200 ms, then the plan with the production's currency", async () => {
    const host = excelHost();
    await newProduction(host, { tables: productionOf(10) });
    const wb = await host.run((ctx) => readWorkbook(ctx));
    let now = 0;
    const posted: { type: string; at: number }[] = [];
    let last: unknown;
    // The search reports about every 100 ms of real time; the fake clock moves 90 ms a report, so
    // posts come on reports 1, 4, 7… (0, 270, 540 ms: never closer than 200).
    runOptimize({ type: "optimize", wb, timeLimitMs: 700, seed: 2 }, (m) => {
      posted.push({ type: m.type, at: now });
      last = m;
    }, () => (now += 90));
    const progress = posted.filter((p) => p.type === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(2);
    progress.slice(1).forEach((p, i) => expect(p.at - progress[i].at).toBeGreaterThanOrEqual(200));
    expect(posted[posted.length - 1].type).toBe("done");
    expect(last).toMatchObject({ type: "done", currency: "USD", plan: { before: { days: 10 } } });
  });
});

/** The worker's code run in-process: what the pane gets from the real worker, synchronously. */
const inProcess: OptimizerLauncher = (req: OptimizeRequest, onProgress: (p: ProgressReply) => void): OptimizeJob => {
  let reply: Parameters<Parameters<typeof runOptimize>[1]>[0] | undefined;
  runOptimize({ ...req, seed: 5, timeLimitMs: Math.min(req.timeLimitMs, 300) }, (m) => (m.type === "progress" ? onProgress(m) : (reply = m)));
  return { result: Promise.resolve(reply as never), cancel: () => undefined };
};

/** A worker that reports once and then runs until cancelled, as a long search does. */
function endless(): { launcher: OptimizerLauncher; cancelled: () => boolean } {
  let cancelled = false;
  return {
    cancelled: () => cancelled,
    launcher: (req, onProgress) => {
      setTimeout(() => onProgress({ type: "progress", best: plan.before, iterations: 1, elapsedMs: 200, timeLimitMs: req.timeLimitMs }), 0);
      return { result: new Promise(() => undefined), cancel: () => (cancelled = true) };
    },
  };
}

describe("Optimize panel on the in-memory Excel", () => {
  async function sample(): Promise<InMemoryExcel> {
    const host = excelHost();
    await newProduction(host, { tables: productionOf(10) });
    return host;
  }

  test("cancelling leaves the workbook unchanged", async () => {
    const host = await sample();
    const before = host.snapshot();
    const w = endless();
    await renderPanel(excelOptimizer(host, w.launcher));
    fireEvent.click(button("Optimize"));
    await screen.findByRole("progressbar", { name: /Best so far/ });
    await act(async () => fireEvent.click(button("Cancel")));
    expect(w.cancelled()).toBe(true);
    expect(await screen.findByText("Optimize was cancelled. Nothing was changed.")).toBeTruthy();
    expect(host.snapshot()).toEqual(before);
    expect(host.sheetNames()).not.toContain(UNDO_SHEET);
  });

  test("Optimize, Apply and Restore change the Stripboard and give it back exactly", async () => {
    const host = await sample();
    const original = host.values("Stripboard", "A1:K61");
    await renderPanel(excelOptimizer(host, inProcess));
    fireEvent.change(screen.getByLabelText("Time budget"), { target: { value: "2000" } });
    await act(async () => fireEvent.click(button("Optimize")));
    await screen.findByRole("table", { name: "Before and after" });
    await waitFor(() => expect(button("Apply").disabled).toBe(false));
    await act(async () => fireEvent.click(button("Apply")));
    expect(await screen.findByText(/Stripboard is in the new order/)).toBeTruthy();
    expect(host.values("Stripboard", "A1:K61")).not.toEqual(original);
    expect(host.sheet(UNDO_SHEET).visibility).toBe("VeryHidden");
    await waitFor(() => expect(button("Restore previous order").disabled).toBe(false));
    await act(async () => fireEvent.click(button("Restore previous order")));
    expect(await screen.findByText(/Stripboard is back in the order saved/)).toBeTruthy();
    expect(host.values("Stripboard", "A1:K61")).toEqual(original);
    await waitFor(() => expect(button("Restore previous order").disabled).toBe(true));
  });
});
