import { EpochDay } from "../dates";
import { Cents } from "../money";
import { doodRow } from "../schedule/dood";

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
  /**
   * Dates of the days (Start Date set): the DOOD's drop and pick-up rule then applies, once per
   * member, at the first gap of more than `dropDays` calendar days. Undated days drop no one,
   * as in the DOOD.
   */
  dates?: readonly EpochDay[];
  /** Settings Drop Days (10 when left out). */
  dropDays?: number;
  /**
   * With no Company Move Cost (moveCost 0): the most company moves the optimizer may use without
   * being told a price for them, the current board's. Moves above it rank before any hold cost,
   * so no company move is ever added to save holds.
   */
  moveCap?: number;
}

/** An assignment of strips to days, each day's strips in shooting order. */
export interface BoardSolution {
  days: number[][];
}

export interface BoardCost {
  /**
   * Hold days summed over cast, as the DOOD counts them: a day between first and last work day
   * not worked, except the days between a drop and its pick-up.
   */
  holdDays: number;
  holdCost: Cents;
  /** Changes of location within a day, summed over days. */
  moves: number;
  /** holdCost + moves × moveCost. */
  total: Cents;
  /** Days with at least one strip. */
  daysUsed: number;
  /** Per cast index: hold days and their cost at the Daily Rate (the DOOD's Hold and hold cost). */
  holds: MemberHold[];
}

export interface MemberHold {
  holdDays: number;
  holdCost: Cents;
  /** Shooting days between drop and pick-up (0 when not dropped). */
  dropDays: number;
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

/**
 * Evaluates a solution from scratch with the DOOD's own row builder, so the optimizer's hold
 * figures are the DOOD's by construction (the search keeps the same figures incrementally).
 */
export function evaluateBoard(p: BoardProblem, sol: BoardSolution): BoardCost {
  const workDays: number[][] = p.rates.map(() => []);
  let moves = 0;
  let daysUsed = 0;
  sol.days.forEach((ids, d) => {
    if (ids.length) daysUsed++;
    let prevLoc: string | undefined;
    for (const id of ids) {
      const s = p.strips[id];
      if (prevLoc !== undefined && s.location !== prevLoc) moves++;
      prevLoc = s.location;
      for (const c of s.cast) {
        const list = workDays[c];
        if (list[list.length - 1] !== d) list.push(d);
      }
    }
  });
  let holdDays = 0;
  let holdCost = 0;
  const holds = p.rates.map((rate, c) => {
    const row = doodRow({ id: "", character: "", actor: "", dailyRate: rate }, workDays[c], sol.days.length, p.dates, p.dropDays ?? 10);
    holdDays += row.hold;
    holdCost += row.holdCost;
    return { holdDays: row.hold, holdCost: row.holdCost, dropDays: row.drop };
  });
  return { holdDays, holdCost, moves, total: holdCost + moves * p.moveCost, daysUsed, holds };
}

/** Company moves over the cap that ranks them before holds (0 when moves have a price or no cap). */
export function excessMoves(p: BoardProblem, moves: number): number {
  return p.moveCost > 0 || p.moveCap === undefined ? 0 : Math.max(0, moves - p.moveCap);
}

/**
 * Which of two costs is better, as the optimizer ranks them: company moves over the cap first,
 * then the total (hold cost plus priced moves), then fewer moves. Negative when a is better.
 */
export function compareCost(p: BoardProblem, a: BoardCost, b: BoardCost): number {
  return excessMoves(p, a.moves) - excessMoves(p, b.moves) || a.total - b.total || a.moves - b.moves;
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
