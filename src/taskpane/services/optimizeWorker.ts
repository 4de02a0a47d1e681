/**
 * Starts the optimizer in a Web Worker (webpack bundles `optimizer.worker.ts` as its own chunk from
 * the `new Worker(new URL(…, import.meta.url))` form). Loaded only when Optimize is clicked, with a
 * dynamic import, so the pane's tests, which run as CommonJS, never see `import.meta`.
 */
import type { OptimizeReply, OptimizeRequest, ProgressReply } from "../optimizer.worker";
import type { OptimizeJob } from "./prodbookService";

export function startOptimizerWorker(req: OptimizeRequest, onProgress: (p: ProgressReply) => void): OptimizeJob {
  const worker = new Worker(new URL("../optimizer.worker.ts", import.meta.url), { name: "prodbook-optimizer" });
  const result = new Promise<Exclude<OptimizeReply, ProgressReply>>((resolve) => {
    worker.onmessage = (e: MessageEvent<OptimizeReply>) => {
      if (e.data.type === "progress") return onProgress(e.data);
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      resolve({ type: "failed", message: e.message || "the optimizer stopped unexpectedly" });
      worker.terminate();
    };
  });
  worker.postMessage(req);
  return { result, cancel: () => worker.terminate() };
}
