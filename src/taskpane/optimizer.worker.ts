/**
 * The Stripboard optimizer off the UI thread: the pane posts the workbook's tables and a time
 * budget; the worker posts the best cost so far about every PROGRESS_EVERY_MS and then the plan.
 * The search runs to its budget without yielding, so Cancel is `worker.terminate()`: the plan is
 * never posted and nothing is written.
 */
import { WorkbookInput } from "../core/cells";
import { BoardCost } from "../core/optimize/boardModel";
import { StripboardPlan, optimizeStripboard } from "../core/optimize/stripboardOptimizer";
import { Problem, Problems } from "../core/problems";
import { readSettings } from "../core/settings";

export const PROGRESS_EVERY_MS = 200;

export interface OptimizeRequest {
  type: "optimize";
  wb: WorkbookInput;
  timeLimitMs: number;
  seed?: number;
}

export interface ProgressReply {
  type: "progress";
  best: BoardCost;
  iterations: number;
  elapsedMs: number;
  timeLimitMs: number;
}

export type OptimizeReply =
  | ProgressReply
  | { type: "done"; plan?: StripboardPlan; problems: Problem[]; currency: string }
  | { type: "failed"; message: string };

/** One optimization, reporting through `post`; what the worker runs, and what tests call directly. */
export function runOptimize(req: OptimizeRequest, post: (m: OptimizeReply) => void, clock: () => number = () => performance.now()): void {
  try {
    let last = -Infinity;
    const r = optimizeStripboard(req.wb, {
      timeLimitMs: req.timeLimitMs,
      seed: req.seed ?? Date.now() % 2_147_483_647,
      onProgress: (p) => {
        const t = clock();
        if (t - last < PROGRESS_EVERY_MS) return;
        last = t;
        post({ type: "progress", best: p.best, iterations: p.iterations, elapsedMs: p.elapsedMs, timeLimitMs: req.timeLimitMs });
      },
    });
    const currency = readSettings(req.wb, new Problems()).currency;
    post({ type: "done", plan: r.plan, problems: r.problems, currency });
  } catch (e) {
    post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
}

// Inside a dedicated worker (importScripts exists, document does not), answer the pane.
const scope = globalThis as unknown as {
  importScripts?: unknown;
  document?: unknown;
  onmessage: ((e: MessageEvent<OptimizeRequest>) => void) | null;
  postMessage(m: OptimizeReply): void;
};
if (typeof scope.importScripts === "function" && typeof scope.document === "undefined") {
  scope.onmessage = (e) => {
    if (e.data?.type === "optimize") runOptimize(e.data, (m) => scope.postMessage(m));
  };
}
