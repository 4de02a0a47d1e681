import { BoardProblem, evaluateBoard } from "../src/core/optimize/boardModel";
import { feasibleStart, greedyBoard } from "../src/core/optimize/boardInitial";
import { optimizeBoard, rng } from "../src/core/optimize/boardSearch";

type Report = (bench: string, value: number, unit: string) => void;

/**
 * A generated board like a feature's: `strips` strips over `days` days, 40 cast with a few leads
 * in many scenes and day players in few, 25 locations, some locks and unavailable days.
 */
export function generatedBoard(strips: number, days: number, seed = 7): { problem: BoardProblem; current: number[][] } {
  const r = rng(seed);
  const nCast = 40;
  const rates = Array.from({ length: nCast }, (_, c) => (c < 5 ? 250000 : c < 15 ? 90000 : 40000));
  const list = Array.from({ length: strips }, (_, id) => {
    const cast = new Set<number>();
    const n = 1 + Math.floor(r() * 4);
    while (cast.size < n) {
      const u = r();
      cast.add(u < 0.5 ? Math.floor(r() * 5) : u < 0.8 ? 5 + Math.floor(r() * 10) : 15 + Math.floor(r() * 25));
    }
    return { id, pages: 2 + Math.floor(r() * 22), cast: [...cast], location: `loc${Math.floor(r() * 25)}`, lockDay: undefined as number | undefined };
  });
  const total = list.reduce((a, s) => a + s.pages, 0);
  const capacity = Math.ceil((total / days) * 1.15);
  // The current board: script order, filled day by day.
  const current: number[][] = Array.from({ length: days }, () => []);
  let d = 0;
  let load = 0;
  for (const s of list) {
    if (load + s.pages > capacity && d < days - 1) {
      d++;
      load = 0;
    }
    current[d].push(s.id);
    load += s.pages;
  }
  for (const s of list) if (r() < 0.03) s.lockDay = current.findIndex((ids) => ids.includes(s.id));
  const unavailable = rates.map((_, c) => Array.from({ length: days }, () => c >= 5 && r() < 0.05));
  // A lock stands on a day its cast can work.
  for (const s of list) if (s.lockDay !== undefined) for (const c of s.cast) unavailable[c][s.lockDay] = false;
  const problem: BoardProblem = { strips: list, rates, days, capacity, unavailable, moveCost: 150000 };
  return { problem, current };
}

export async function run(report: Report): Promise<void> {
  const quick = process.argv.includes("--quick");
  const budgets = quick ? [1000] : [1000, 5000, 30000];
  for (const [n, days] of [[100, 20], [300, 60]] as const) {
    const { problem, current } = generatedBoard(n, days);
    const { solution: start } = feasibleStart(problem, current);
    const base = `board.${n}strips`;
    const figures = (label: string, c: { holdCost: number; holdDays: number; moves: number; total: number }) => {
      report(`${base}.${label}.holdCost`, c.holdCost / 100, "USD");
      report(`${base}.${label}.holdDays`, c.holdDays, "days");
      report(`${base}.${label}.moves`, c.moves, "moves");
      report(`${base}.${label}.total`, c.total / 100, "USD");
    };
    figures("current", evaluateBoard(problem, start));
    figures("greedy", evaluateBoard(problem, greedyBoard(problem)));
    // One run per time budget, as a user choosing 1 s, 5 s or 30 s gets it: annealing, then the
    // exact solver ordering the days.
    for (const ms of budgets) figures(`optimized.${ms / 1000}s`, optimizeBoard(problem, start, { timeLimitMs: ms, seed: 1 }).cost);
  }
}
