/**
 * What the task pane asks of Excel, as an interface: components call this, never Office.js, so
 * their tests pass a fake and the browser test the in-memory host.
 */
import { RawTable, findTable } from "../../core/cells";
import type { StripboardPlan } from "../../core/optimize/stripboardOptimizer";
import type { Problem } from "../../core/problems";
import { CommandOutcome, Message, ProductionKind, VersionsOutcome, buildSchedule, compareWithVersion, goToRange, listVersions, lockVersion, newProduction, selectProblem, updateBudget } from "../../excel/commands";
import { PickedFile, importLedgerCsv, importScriptFile } from "../../excel/imports";
import { ExcelHost, officeHost } from "../../excel/host";
import { applyBoardOrder, restoreBoardOrder, savedBoardOrder } from "../../excel/optimize";
import { readWorkbook } from "../../excel/readWorkbook";
import { hostFeatures } from "../../excel/requirements";
import type { OptimizeReply, OptimizeRequest, ProgressReply } from "../optimizer.worker";

export type { CommandOutcome, Message, Intent, ProductionKind, VersionInfo, VersionsOutcome } from "../../excel/commands";
export type { PickedFile } from "../../excel/imports";

export type ProgressHandler = (step: string, fraction: number) => void;

export interface ProdbookService {
  /** A message for the pane when commands cannot run here (no Excel, too old an Excel). */
  unavailable(): string | undefined;
  /** An empty production (tables, chart of accounts, fringes, Settings) or the sample show. */
  newProduction(onProgress: ProgressHandler, kind?: ProductionKind): Promise<CommandOutcome>;
  updateBudget(onProgress: ProgressHandler): Promise<CommandOutcome>;
  buildSchedule(onProgress: ProgressHandler): Promise<CommandOutcome>;
  selectProblem(problem: Problem): Promise<{ ok: boolean; message?: string }>;
  /** Activates `sheet` and selects `address` (an account's Cost Report row, a sheet just written). */
  goTo?(sheet: string, address: string): Promise<{ ok: boolean; message?: string }>;
  /** Import script (.fountain, .fdx) read in the pane; nothing is uploaded. */
  importScript?(file: PickedFile, onProgress: ProgressHandler): Promise<CommandOutcome>;
  /** Import ledger CSV: an accounting export appended to the Ledger. */
  importLedger?(file: PickedFile, options: { dayFirst: boolean }, onProgress: ProgressHandler): Promise<CommandOutcome>;
  /** The Stripboard optimizer; the pane shows its panel only when there is one. */
  optimizer?: OptimizerService;
  /** Budget versions: lock, list, compare (the pane shows its panel only when there is one). */
  versions?: VersionsService;
}

export interface VersionsService {
  list(): Promise<VersionsOutcome>;
  lock(name: string): Promise<VersionsOutcome>;
  /** Writes the Compare sheet: the saved version against the current budget. */
  compare(name: string): Promise<CommandOutcome>;
}

/** The best order so far, about every 200 ms while the search runs. */
export type OptimizeProgress = Omit<ProgressReply, "type">;

export type OptimizeResult =
  /** A plan to show and maybe apply; `basis` is the Stripboard it was worked out from. */
  | { status: "done"; plan: StripboardPlan; currency: string; basis: RawTable; problems: Problem[] }
  /** Nothing to show: input errors, no Stripboard, no Excel. */
  | { status: "stopped"; problems: Problem[]; messages: Message[] }
  | { status: "cancelled" };

export interface OptimizeRun {
  result: Promise<OptimizeResult>;
  /** Stops the search at once (the worker is terminated); nothing is written. */
  cancel(): void;
}

export interface OptimizerService {
  /** Reads the workbook and searches for `timeLimitMs` off the UI thread. */
  start(timeLimitMs: number, onProgress: (p: OptimizeProgress) => void): OptimizeRun;
  /** Writes the plan's order over the Stripboard, saving the old order for Restore. */
  apply(plan: StripboardPlan, basis: RawTable): Promise<CommandOutcome>;
  /** Puts the saved order back. */
  restore(): Promise<CommandOutcome>;
  /** Whether there is a saved order to restore, and when it was saved (ISO). */
  savedOrder(): Promise<{ exists: boolean; when?: string }>;
}

/** A running search: its final reply, and a way to stop it. */
export interface OptimizeJob {
  result: Promise<Exclude<OptimizeReply, ProgressReply>>;
  cancel(): void;
}

export type OptimizerLauncher = (req: OptimizeRequest, onProgress: (p: ProgressReply) => void) => OptimizeJob;

/** The Web Worker, fetched on first use (its module uses import.meta, which the CommonJS tests cannot load). */
const workerLauncher: OptimizerLauncher = (req, onProgress) => {
  let cancelled = false;
  let job: OptimizeJob | undefined;
  const result = import("./optimizeWorker").then((m) => {
    if (cancelled) return new Promise<never>(() => undefined);
    job = m.startOptimizerWorker(req, onProgress);
    return job.result;
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
};

const stopped = (text: string, problems: Problem[] = [], intent: Message["intent"] = "error"): OptimizeResult => ({ status: "stopped", problems, messages: [{ intent, text }] });

export function excelOptimizer(host: ExcelHost, launch: OptimizerLauncher = workerLauncher): OptimizerService {
  return {
    start(timeLimitMs, onProgress) {
      let cancelled = false;
      let job: OptimizeJob | undefined;
      let onCancel: (r: OptimizeResult) => void = () => undefined;
      const cancelledResult = new Promise<OptimizeResult>((resolve) => (onCancel = resolve));
      const work = (async (): Promise<OptimizeResult> => {
        const features = hostFeatures(host);
        if (!features.ok) return stopped(features.message!);
        const wb = await host.run((ctx) => readWorkbook(ctx));
        if (cancelled) return { status: "cancelled" };
        const basis = findTable(wb, "Stripboard");
        if (!basis) return stopped("There is no Stripboard table to optimize: add one (or click New production in a blank workbook).");
        job = launch({ type: "optimize", wb, timeLimitMs }, ({ type: _t, ...p }) => !cancelled && onProgress(p));
        const reply = await job.result;
        if (reply.type === "failed") return stopped(`The optimizer stopped: ${reply.message}. Nothing was changed.`);
        if (!reply.plan) {
          const n = reply.problems.filter((p) => p.severity === "error").length;
          return stopped(`Optimize needs ${n === 1 ? "one problem" : `${n} problems`} fixed first. Click one to go to its cell.`, reply.problems);
        }
        return { status: "done", plan: reply.plan, currency: reply.currency, basis, problems: reply.problems };
      })().catch((e: unknown) => stopped(`Prodbook could not read the workbook: ${String((e as Error)?.message ?? e)}.`));
      return {
        result: Promise.race([work, cancelledResult]),
        cancel: () => {
          cancelled = true;
          job?.cancel();
          onCancel({ status: "cancelled" });
        },
      };
    },
    apply: (plan, basis) => applyBoardOrder(host, plan.rows, basis),
    restore: () => restoreBoardOrder(host),
    savedOrder: () => savedBoardOrder(host).then(({ exists, when }) => ({ exists, when })),
  };
}

export function excelService(host: ExcelHost, launch?: OptimizerLauncher): ProdbookService {
  return {
    unavailable: () => hostFeatures(host).message,
    newProduction: (onProgress, kind = "sample") => newProduction(host, { onProgress, kind }),
    updateBudget: (onProgress) => updateBudget(host, { onProgress }),
    buildSchedule: (onProgress) => buildSchedule(host, { onProgress }),
    selectProblem: (p) => selectProblem(host, p),
    goTo: (sheet, address) => goToRange(host, sheet, address),
    importScript: (file, onProgress) => importScriptFile(host, file, { onProgress }),
    importLedger: (file, { dayFirst }, onProgress) => importLedgerCsv(host, file, { onProgress, dayFirst }),
    optimizer: excelOptimizer(host, launch),
    versions: { list: () => listVersions(host), lock: (name) => lockVersion(host, name), compare: (name) => compareWithVersion(host, name) },
  };
}

const NO_EXCEL = "Open Prodbook from Excel's Home tab: this page works inside Excel (desktop or on the web).";

/** The real service inside Excel; outside it, one that says so instead of failing. */
export function defaultService(): ProdbookService {
  if (typeof Excel !== "undefined" && typeof Office !== "undefined") return excelService(officeHost());
  const refuse = async (): Promise<CommandOutcome> => ({ ok: false, problems: [], written: [], messages: [{ intent: "error", text: NO_EXCEL }] });
  return {
    unavailable: () => NO_EXCEL,
    newProduction: refuse,
    updateBudget: refuse,
    buildSchedule: refuse,
    selectProblem: async () => ({ ok: false, message: NO_EXCEL }),
  };
}
