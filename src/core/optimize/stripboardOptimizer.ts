import { WorkbookInput } from "../cells";
import { runEngine } from "../engine";
import { Problem, Problems } from "../problems";
import { BoardCost, BoardProblem, compareCost, evaluateBoard, violations } from "./boardModel";
import { boardProblem } from "./boardProblem";
import { BoardRows, rewriteBoard } from "./boardRewrite";
import { optimizeBoard, SearchProgress } from "./boardSearch";

/** What the task pane and the CLI show before and after. */
export interface BoardFigures extends BoardCost {
  days: number;
}

/** A strip the plan puts on another shooting day. */
export interface MovedStrip {
  scene: string;
  set: string;
  /** Shooting day numbers from 1. */
  fromDay: number;
  toDay: number;
}

export interface StripboardPlan {
  /** The DOOD's figures for the board as it stands: hold days and cost with the drop rule. */
  before: BoardFigures;
  /** The same for the new order (before when nothing better was found). */
  after: BoardFigures;
  /** Cast members in Cast order, matching before.holds and after.holds. */
  cast: { id: string; character: string }[];
  /** Strips on another day in the new order, in the new order. */
  moved: MovedStrip[];
  /**
   * Proved lower bound on the hold cost (cents), when the exact solver gives one and the order
   * is not proved optimal; gap is then how far above it the order may be: (after - bound) / bound.
   */
  lowerBound?: number;
  gap?: number;
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
  const { current, start } = setup;
  const currentDates = r.schedule.days.map((d) => d.date);
  const currentProblem: BoardProblem = { ...setup.problem, days: current.days.length, dates: currentDates.every((d) => d !== undefined) ? (currentDates as number[]) : undefined };
  const before = { ...evaluateBoard(currentProblem, current), days: current.days.length };
  // Without a Company Move Cost, the board's own number of moves is the most the optimizer may
  // use: moves over it rank before holds (a company move costs hours of a shooting day).
  const problem: BoardProblem = { ...setup.problem, moveCap: setup.problem.moveCost > 0 ? undefined : before.moves };
  const result = optimizeBoard(problem, start, opts);
  const broken = violations(problem, result.solution);
  if (broken.length) throw new Error(`optimizer broke a rule: ${broken[0]}`); // never expected: every move keeps the rules
  const after = { ...result.cost, days: problem.days };
  const currentFeasible = violations(currentProblem, current).length === 0;
  const improved = compareCost(problem, after, before) < 0 || !currentFeasible;
  const chosen = improved ? result.solution : current;
  const rows = rewriteBoard(r.schedule, chosen, improved ? setup.dates : r.schedule.days.map((d) => d.date!));
  const strips = r.schedule.days.flatMap((d) => d.strips);
  const dayBefore = new Map<number, number>();
  current.days.forEach((ids, d) => ids.forEach((id) => dayBefore.set(id, d)));
  const moved: MovedStrip[] = [];
  if (improved) {
    chosen.days.forEach((ids, d) => {
      for (const id of ids) {
        const from = dayBefore.get(id)!;
        if (from !== d) moved.push({ scene: strips[id].scene, set: strips[id].set, fromDay: from + 1, toDay: d + 1 });
      }
    });
  }
  const optimal = improved ? result.optimal : result.optimal && compareCost(problem, after, before) === 0;
  const finalHold = improved ? after.holdCost : before.holdCost;
  const lowerBound = !optimal && result.lowerBound !== undefined ? Math.min(result.lowerBound, finalHold) : undefined;
  return {
    plan: {
      before,
      after: improved ? after : before,
      cast: r.schedule.cast.map((m) => ({ id: m.id, character: m.character })),
      moved,
      lowerBound,
      gap: lowerBound !== undefined && lowerBound > 0 ? (finalHold - lowerBound) / lowerBound : undefined,
      improved,
      optimal,
      rows,
      basis: setup.basis,
      iterations: result.iterations,
      elapsedMs: result.elapsedMs,
    },
    problems: problems.list,
  };
}
