import { Cents } from "../money";

/**
 * The stripboard optimizer's problem, stripped to what it needs: strips to place on shooting days.
 * Cast and days are indices; pages are eighths. Built from a workbook by `boardProblem.ts`.
 */
export interface BoardStrip {
  /** Index into the board's strips (its order on the current board). */
  id: number;
  pages: number;
  /** Cast indices. */
  cast: number[];
  /** Location key ("" when none): a change of location within a day is a company move. */
  location: string;
  /** 0-based day the strip is locked to (Lock column), or undefined. */
  lockDay?: number;
}

export interface BoardProblem {
  strips: BoardStrip[];
  /** Daily rate per cast index, in cents: a hold day costs this. */
  rates: Cents[];
  days: number;
  /**
   * Eighths a day may hold; a strip larger than this may still fill a day alone, and strips the
   * user locked to one day may fill it past this.
   */
  capacity: number;
  /** unavailable[cast][day]: the member cannot work that day (table Unavailable). */
  unavailable: boolean[][];
  /** Cost of one company move, in cents. */
  moveCost: Cents;
}

/** An assignment of strips to days, each day's strips in shooting order. */
export interface BoardSolution {
  days: number[][];
}

export interface BoardCost {
  /** Hold days summed over cast (a day between first and last work day not worked). */
  holdDays: number;
  holdCost: Cents;
  /** Changes of location within a day, summed over days. */
  moves: number;
  /** holdCost + moves × moveCost. */
  total: Cents;
  /** Days with at least one strip. */
  daysUsed: number;
}

/** Can strip s go on day d at all (lock and cast availability; capacity is judged separately)? */
export function allowedOn(p: BoardProblem, s: BoardStrip, d: number): boolean {
  if (s.lockDay !== undefined && s.lockDay !== d) return false;
  for (const c of s.cast) if (p.unavailable[c]?.[d]) return false;
  return true;
}

/** Orders a day's strips so each location is shot in one go: the fewest company moves. */
export function groupByLocation(strips: BoardStrip[], ids: number[]): number[] {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const loc = strips[id].location;
    if (!first.has(loc)) first.set(loc, i);
  });
  return ids
    .map((id, i) => ({ id, i, g: first.get(strips[id].location)! }))
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map((x) => x.id);
}

/** Evaluates a solution from scratch (the search keeps these figures incrementally). */
export function evaluateBoard(p: BoardProblem, sol: BoardSolution): BoardCost {
  const first = new Array<number>(p.rates.length).fill(-1);
  const last = new Array<number>(p.rates.length).fill(-1);
  const work = new Array<number>(p.rates.length).fill(0);
  let moves = 0;
  let daysUsed = 0;
  sol.days.forEach((ids, d) => {
    if (ids.length) daysUsed++;
    const on = new Set<number>();
    let prevLoc: string | undefined;
    for (const id of ids) {
      const s = p.strips[id];
      if (prevLoc !== undefined && s.location !== prevLoc) moves++;
      prevLoc = s.location;
      for (const c of s.cast) on.add(c);
    }
    for (const c of on) {
      if (first[c] < 0) first[c] = d;
      last[c] = d;
      work[c]++;
    }
  });
  let holdDays = 0;
  let holdCost = 0;
  for (let c = 0; c < p.rates.length; c++) {
    if (first[c] < 0) continue;
    const h = last[c] - first[c] + 1 - work[c];
    holdDays += h;
    holdCost += h * p.rates[c];
  }
  return { holdDays, holdCost, moves, total: holdCost + moves * p.moveCost, daysUsed };
}

/** Every rule the optimizer must keep: each strip once, locks, availability, capacity. */
export function violations(p: BoardProblem, sol: BoardSolution): string[] {
  const out: string[] = [];
  const seen = new Array<number>(p.strips.length).fill(0);
  if (sol.days.length !== p.days) out.push(`${sol.days.length} days instead of ${p.days}`);
  sol.days.forEach((ids, d) => {
    let load = 0;
    for (const id of ids) {
      seen[id]++;
      const s = p.strips[id];
      load += s.pages;
      if (s.lockDay !== undefined && s.lockDay !== d) out.push(`strip ${id} is locked to day ${s.lockDay + 1} but is on day ${d + 1}`);
      for (const c of s.cast) if (p.unavailable[c]?.[d]) out.push(`strip ${id} needs cast ${c}, unavailable on day ${d + 1}`);
    }
    // Locks win over capacity: a day the user filled with locked strips is theirs.
    const onlyLocked = ids.every((id) => p.strips[id].lockDay !== undefined);
    if (load > p.capacity && ids.length > 1 && !onlyLocked) out.push(`day ${d + 1} holds ${load} eighths, over the capacity of ${p.capacity}`);
  });
  seen.forEach((n, id) => {
    if (n !== 1) out.push(`strip ${id} is placed ${n} times`);
  });
  return out;
}
