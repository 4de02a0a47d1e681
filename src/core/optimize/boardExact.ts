import { allowedOn, BoardProblem, BoardSolution, compareCost, evaluateBoard, groupByLocation, violations } from "./boardModel";
import { TalentInstance } from "./talentInstance";
import { solveTalent } from "./talentSolver";

/**
 * The exact talent-scheduling solver on the stripboard's sub-problems. With each day's strips
 * fixed, the order of the days is exactly the talent scheduling problem (every day a one-day
 * scene, every cast member an actor at the Daily Rate): an empty day or a day without someone
 * between two of their days is a paid hold, just as an idle day is.
 */

/** Does every strip need a day of its own (no two fit together) with nothing tied to a date? */
export function isPureTalent(p: BoardProblem): boolean {
  if (p.strips.length > p.days) return false;
  if (p.strips.some((s) => s.lockDay !== undefined)) return false;
  if (p.unavailable.some((row) => row.some(Boolean))) return false;
  const pages = p.strips.map((s) => s.pages).sort((a, b) => a - b);
  return pages.length < 2 || pages[0] + pages[1] > p.capacity;
}

function dayInstance(p: BoardProblem, days: number[][]): TalentInstance {
  return {
    name: "days",
    durations: days.map(() => 1),
    costs: p.rates,
    actorScenes: p.rates.map((_, c) => days.map((ids) => ids.some((id) => p.strips[id].cast.includes(c)))),
  };
}

export interface ExactDayOrder {
  solution: BoardSolution;
  /** The day order is proved to cost least for these days' contents (every gap held). */
  optimal: boolean;
  /** Proved lower bound on the hold cost with every gap held (cents). */
  holdLowerBound: number;
}

/**
 * Puts the days of `sol` in the order the exact solver finds, within `timeLimitMs`. Returns it
 * when it keeps every rule (a day whose strips may not move to the new date keeps the old order)
 * and costs no more; undefined otherwise.
 */
export function orderDaysExactly(p: BoardProblem, sol: BoardSolution, timeLimitMs: number): ExactDayOrder | undefined {
  const days = sol.days;
  if (days.length < 2) return { solution: sol, optimal: true, holdLowerBound: 0 };
  const inst = dayInstance(p, days);
  const identity = days.map((_, d) => d);
  const res = solveTalent(inst, { timeLimitMs: Math.max(1, timeLimitMs), initialOrder: identity });
  const reordered = res.order.map((d) => days[d]);
  for (let k = 0; k < reordered.length; k++) {
    for (const id of reordered[k]) if (!allowedOn(p, p.strips[id], k)) return undefined;
  }
  const solution = { days: reordered.map((ids) => groupByLocation(p.strips, ids)) };
  if (violations(p, solution).length) return undefined;
  if (compareCost(p, evaluateBoard(p, solution), evaluateBoard(p, sol)) > 0) return undefined;
  return { solution, optimal: res.optimal, holdLowerBound: res.lowerBound - (res.totalPaid - res.idle) };
}

/**
 * A board where every strip must be alone on its day is the talent scheduling problem itself:
 * solve it exactly (strips as one-day scenes, spare days at the end).
 */
export function solvePureTalent(p: BoardProblem, current: BoardSolution, timeLimitMs: number, shouldStop?: () => boolean): ExactDayOrder {
  const strips = p.strips.map((s) => s.id);
  const inst: TalentInstance = {
    name: "strips",
    durations: strips.map(() => 1),
    costs: p.rates,
    actorScenes: p.rates.map((_, c) => p.strips.map((s) => s.cast.includes(c))),
  };
  const initialOrder = current.days.flat();
  const res = solveTalent(inst, {
    timeLimitMs: Math.max(1, timeLimitMs),
    shouldStop,
    initialOrder: initialOrder.length === strips.length ? initialOrder : undefined,
  });
  const days: number[][] = Array.from({ length: p.days }, (_, d) => (d < res.order.length ? [res.order[d]] : []));
  return { solution: { days }, optimal: res.optimal, holdLowerBound: res.lowerBound - (res.totalPaid - res.idle) };
}
