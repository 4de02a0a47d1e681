import { WorkbookInput } from "../cells";
import { runEngine } from "../engine";
import { Problem, Problems } from "../problems";
import { BoardCost, evaluateBoard, violations } from "./boardModel";
import { boardProblem } from "./boardProblem";
import { BoardRows, rewriteBoard } from "./boardRewrite";
import { optimizeBoard, SearchProgress } from "./boardSearch";

/** What the task pane and the CLI show before and after. */
export interface BoardFigures extends BoardCost {
  days: number;
}

export interface StripboardPlan {
  before: BoardFigures;
  after: BoardFigures;
  /** True when the new order costs less than the current one. */
  improved: boolean;
  /** True when the new order is proved to cost least (a board of one strip a day, solved exactly). */
  optimal: boolean;
  /** The Stripboard rows in the new order (the current order when nothing better was found). */
  rows: BoardRows;
  basis: string;
  iterations: number;
  elapsedMs: number;
}

export interface StripboardOptimizeOptions {
  timeLimitMs: number;
  seed?: number;
  onProgress?: (p: SearchProgress) => void;
  shouldStop?: () => boolean;
}

/**
 * Reorders the Stripboard for the least cast hold cost (plus company moves when Settings gives a
 * Company Move Cost), keeping locks, availability and day capacity. Nothing is written here:
 * the adapters write `rows` when the user applies the plan.
 */
export function optimizeStripboard(wb: WorkbookInput, opts: StripboardOptimizeOptions): { plan?: StripboardPlan; problems: Problem[] } {
  const r = runEngine(wb, { budget: false, schedule: true });
  const problems = new Problems();
  r.problems.forEach((p) => problems.add(p));
  if (!r.schedule || problems.hasErrors) return { problems: problems.list };
  const setup = boardProblem(wb, r.settings, r.schedule, problems);
  if (!setup || problems.hasErrors) return { problems: problems.list };
  const { problem, current, start } = setup;
  const before = { ...evaluateBoard(problem, current), days: current.days.length };
  const result = optimizeBoard(problem, start, opts);
  const broken = violations(problem, result.solution);
  if (broken.length) throw new Error(`optimizer broke a rule: ${broken[0]}`); // never expected: every move keeps the rules
  const after = { ...result.cost, days: problem.days };
  const currentFeasible = violations({ ...problem, days: current.days.length }, current).length === 0;
  const improved = after.total < before.total || !currentFeasible;
  const rows = rewriteBoard(r.schedule, improved ? result.solution : current, improved ? setup.dates : r.schedule.days.map((d) => d.date!));
  return {
    plan: {
      before,
      after: improved ? after : before,
      improved,
      optimal: result.optimal,
      rows,
      basis: setup.basis,
      iterations: result.iterations,
      elapsedMs: result.elapsedMs,
    },
    problems: problems.list,
  };
}
