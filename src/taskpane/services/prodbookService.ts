/**
 * What the task pane asks of Excel, as an interface: components call this, never Office.js, so
 * their tests pass a fake and the browser test the in-memory host.
 */
import type { Problem } from "../../core/problems";
import { CommandOutcome, buildSchedule, newProduction, selectProblem, updateBudget } from "../../excel/commands";
import { ExcelHost, officeHost } from "../../excel/host";
import { hostFeatures } from "../../excel/requirements";

export type { CommandOutcome, Message, Intent } from "../../excel/commands";

export type ProgressHandler = (step: string, fraction: number) => void;

export interface ProdbookService {
  /** A message for the pane when commands cannot run here (no Excel, too old an Excel). */
  unavailable(): string | undefined;
  newProduction(onProgress: ProgressHandler): Promise<CommandOutcome>;
  updateBudget(onProgress: ProgressHandler): Promise<CommandOutcome>;
  buildSchedule(onProgress: ProgressHandler): Promise<CommandOutcome>;
  selectProblem(problem: Problem): Promise<{ ok: boolean; message?: string }>;
}

export function excelService(host: ExcelHost): ProdbookService {
  return {
    unavailable: () => hostFeatures(host).message,
    newProduction: (onProgress) => newProduction(host, { onProgress }),
    updateBudget: (onProgress) => updateBudget(host, { onProgress }),
    buildSchedule: (onProgress) => buildSchedule(host, { onProgress }),
    selectProblem: (p) => selectProblem(host, p),
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
