import { allowedOn, BoardCost, BoardProblem, BoardSolution, compareCost, evaluateBoard, groupByLocation } from "./boardModel";
import { isPureTalent, orderDaysExactly, solvePureTalent } from "./boardExact";
import { mulberry32 } from "./talentHeuristic";

/** The same seed gives the same schedule. */
export const rng = mulberry32;

/** Share of the time budget after which, with no Company Move Cost, moves are polished away. */
const POLISH_FROM = 0.8;

export interface SearchProgress {
  best: BoardCost;
  iterations: number;
  elapsedMs: number;
}

/**
 * Simulated annealing over day assignments, with the cast's first and last work days and each
 * day's locations kept incrementally, so a move costs a few array updates, not a re-evaluation.
 * Moves: put a strip on another day, swap two strips, swap two whole days, move a day elsewhere
 * (the last two reorder the shoot the way the exact talent solver does, but under locks and
 * availability). Every move keeps locks, availability and capacity: no broken schedule is ever
 * held, let alone returned.
 */
export class BoardSearch {
  private readonly p: BoardProblem;
  private readonly nDays: number;
  private readonly dayOf: Int32Array;
  private readonly members: number[][];
  private readonly load: Float64Array;
  private readonly cnt: Int32Array[];
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly work: Int32Array;
  private readonly locs: Map<string, number>[];
  /** Hold days of each member, kept with the DOOD's drop rule. */
  private readonly holdOf: Int32Array;
  /** dropAfter[d]: the first day dated more than Drop Days after day d (nDays when none). */
  private readonly dropAfter: Int32Array;
  private readonly drops: boolean;
  /** Weight of a company move over the cap: more than any hold cost, in either phase. */
  private readonly bigM: number;
  private holdCost = 0;
  private moves = 0;
  private bestDayOf: Int32Array;
  private bestCost: number;
  private readonly random: () => number;
  private t0 = 0;
  iterations = 0;
  private elapsed = 0;

  constructor(problem: BoardProblem, initial: BoardSolution, seed = 1) {
    this.p = problem;
    this.nDays = problem.days;
    const nCast = problem.rates.length;
    this.dayOf = new Int32Array(problem.strips.length).fill(-1);
    this.members = Array.from({ length: this.nDays }, () => []);
    this.load = new Float64Array(this.nDays);
    this.cnt = Array.from({ length: nCast }, () => new Int32Array(this.nDays));
    this.first = new Int32Array(nCast).fill(-1);
    this.last = new Int32Array(nCast).fill(-1);
    this.work = new Int32Array(nCast);
    this.locs = Array.from({ length: this.nDays }, () => new Map());
    this.holdOf = new Int32Array(nCast);
    this.dropAfter = new Int32Array(this.nDays).fill(this.nDays);
    const dates = problem.dates;
    const dropDays = problem.dropDays ?? 10;
    let drops = false;
    if (dates && dates.length >= this.nDays) {
      for (let d = 0, e = 0; d < this.nDays; d++) {
        if (e <= d) e = d + 1;
        while (e < this.nDays && dates[e] - dates[d] <= dropDays) e++;
        this.dropAfter[d] = e;
        if (e < this.nDays) drops = true;
      }
    }
    this.drops = drops;
    this.bigM = (problem.rates.reduce((a, r) => a + r, 0) * this.nDays + 1) * 1000 + problem.strips.length + 1;
    initial.days.forEach((ids, d) => ids.forEach((id) => this.place(id, d)));
    const missing = problem.strips.findIndex((s) => this.dayOf[s.id] < 0);
    if (missing >= 0) throw new Error(`the starting board leaves strip ${missing} without a day`);
    this.bestDayOf = this.dayOf.slice();
    this.bestCost = this.objective();
    this.random = rng(seed);
  }

  /**
   * What the search compares. With no Company Move Cost, moves still break ties between equal
   * hold costs (a hundredth of a cent each, below any hold), and the last fifth of the time is a
   * polish that cuts moves without adding a cent of hold: the crew is not sent across town for
   * nothing.
   */
  objective(): number {
    return this.excess() * this.bigM + this.holdCost + this.moves * (this.p.moveCost > 0 ? this.p.moveCost : 0.01);
  }

  /** Company moves over the cap (no Company Move Cost): ranked before any hold. */
  private excess(): number {
    const cap = this.p.moveCap;
    return this.p.moveCost > 0 || cap === undefined || this.moves <= cap ? 0 : this.moves - cap;
  }

  /** The annealing's cost: the objective, or in the polish, moves with any added hold refused. */
  cost(): number {
    return this.polishing ? this.excess() * this.bigM + this.holdCost * 1000 + this.moves : this.objective();
  }

  private polishing = false;

  /** Starts the moves polish from the best board found. */
  private startPolish(): void {
    this.polishing = true;
    const best = this.bestDayOf;
    for (let id = 0; id < best.length; id++) this.unplace(id);
    for (let id = 0; id < best.length; id++) this.place(id, best[id]);
  }

  /**
   * Member c's hold days as the DOOD counts them: the span not worked, less the days between
   * the drop and pick-up at the first gap dated more than Drop Days apart.
   */
  private hold(c: number): number {
    const f = this.first[c];
    if (f < 0) return 0;
    const l = this.last[c];
    const span = l - f + 1 - this.work[c];
    if (!this.drops || span === 0) return span;
    const row = this.cnt[c];
    const dropAfter = this.dropAfter;
    let prev = f;
    for (let d = f + 1; d <= l; d++) {
      if (row[d] === 0) continue;
      if (d >= dropAfter[prev]) return span - (d - prev - 1);
      prev = d;
    }
    return span;
  }

  private rehold(c: number): void {
    const h = this.hold(c);
    this.holdCost += (h - this.holdOf[c]) * this.p.rates[c];
    this.holdOf[c] = h;
  }

  private addWork(c: number, d: number): void {
    const row = this.cnt[c];
    if (row[d]++ > 0) return;
    this.work[c]++;
    if (this.first[c] < 0) {
      this.first[c] = d;
      this.last[c] = d;
    } else {
      if (d < this.first[c]) this.first[c] = d;
      if (d > this.last[c]) this.last[c] = d;
    }
    this.rehold(c);
  }

  private removeWork(c: number, d: number): void {
    const row = this.cnt[c];
    if (--row[d] > 0) return;
    this.work[c]--;
    if (this.work[c] === 0) {
      this.first[c] = -1;
      this.last[c] = -1;
    } else {
      if (d === this.first[c]) {
        let f = d + 1;
        while (row[f] === 0) f++;
        this.first[c] = f;
      }
      if (d === this.last[c]) {
        let l = d - 1;
        while (row[l] === 0) l--;
        this.last[c] = l;
      }
    }
    this.rehold(c);
  }

  private place(id: number, d: number): void {
    const s = this.p.strips[id];
    this.dayOf[id] = d;
    this.members[d].push(id);
    this.load[d] += s.pages;
    for (const c of s.cast) this.addWork(c, d);
    const m = this.locs[d];
    const n = m.get(s.location) ?? 0;
    m.set(s.location, n + 1);
    if (n === 0 && m.size > 1) this.moves++;
  }

  private unplace(id: number): void {
    const d = this.dayOf[id];
    const s = this.p.strips[id];
    const list = this.members[d];
    const i = list.indexOf(id);
    list[i] = list[list.length - 1];
    list.pop();
    this.load[d] -= s.pages;
    for (const c of s.cast) this.removeWork(c, d);
    const m = this.locs[d];
    const n = m.get(s.location)!;
    if (n === 1) {
      m.delete(s.location);
      if (m.size > 0) this.moves--;
    } else m.set(s.location, n - 1);
    this.dayOf[id] = -1;
  }

  private fits(d: number, pages: number): boolean {
    return this.load[d] + pages <= this.p.capacity || this.members[d].length === 0;
  }

  /** Accepts a change of `delta` at temperature t (Metropolis). */
  private accept(delta: number, t: number): boolean {
    return delta <= 0 || (t > 0 && this.random() < Math.exp(-delta / t));
  }

  private tryRelocate(t: number): void {
    const id = Math.floor(this.random() * this.p.strips.length);
    const s = this.p.strips[id];
    if (s.lockDay !== undefined) return;
    const from = this.dayOf[id];
    const to = Math.floor(this.random() * this.nDays);
    if (to === from || !allowedOn(this.p, s, to) || !this.fits(to, s.pages)) return;
    const before = this.cost();
    this.unplace(id);
    this.place(id, to);
    if (!this.accept(this.cost() - before, t)) {
      this.unplace(id);
      this.place(id, from);
    }
  }

  private trySwap(t: number): void {
    const n = this.p.strips.length;
    const a = Math.floor(this.random() * n);
    const b = Math.floor(this.random() * n);
    const da = this.dayOf[a];
    const db = this.dayOf[b];
    if (da === db) return;
    const sa = this.p.strips[a];
    const sb = this.p.strips[b];
    if (!allowedOn(this.p, sa, db) || !allowedOn(this.p, sb, da)) return;
    const cap = this.p.capacity;
    const la = this.load[da] - sa.pages + sb.pages;
    const lb = this.load[db] - sb.pages + sa.pages;
    if ((la > cap && this.members[da].length > 1) || (lb > cap && this.members[db].length > 1)) return;
    const before = this.cost();
    this.unplace(a);
    this.unplace(b);
    this.place(a, db);
    this.place(b, da);
    if (!this.accept(this.cost() - before, t)) {
      this.unplace(a);
      this.unplace(b);
      this.place(a, da);
      this.place(b, db);
    }
  }

  /** Moves every strip of day `from` to day `to` (which must be empty); false if one may not go. */
  private canMoveDay(from: number, to: number): boolean {
    for (const id of this.members[from]) if (!allowedOn(this.p, this.p.strips[id], to)) return false;
    return true;
  }

  private relabel(map: (d: number) => number, days: number[]): void {
    const moving = days.map((d) => [...this.members[d]]);
    for (const ids of moving) for (const id of ids) this.unplace(id);
    days.forEach((d, i) => {
      for (const id of moving[i]) this.place(id, map(d));
    });
  }

  private trySwapDays(t: number): void {
    const a = Math.floor(this.random() * this.nDays);
    const b = Math.floor(this.random() * this.nDays);
    if (a === b || !this.canMoveDay(a, b) || !this.canMoveDay(b, a)) return;
    const before = this.cost();
    const swap = (d: number) => (d === a ? b : a);
    this.relabel(swap, [a, b]);
    if (!this.accept(this.cost() - before, t)) this.relabel(swap, [a, b]);
  }

  /** Takes day a out and puts it back at position b, shifting the days between. */
  private tryMoveDay(t: number): void {
    const a = Math.floor(this.random() * this.nDays);
    const b = Math.floor(this.random() * this.nDays);
    if (a === b) return;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const map = (d: number) => (d === a ? b : a < b ? d - 1 : d + 1);
    const days: number[] = [];
    for (let d = lo; d <= hi; d++) days.push(d);
    for (const d of days) if (!this.canMoveDay(d, map(d))) return;
    const before = this.cost();
    this.relabel(map, days);
    if (!this.accept(this.cost() - before, t)) {
      const back = (d: number) => (d === b ? a : a < b ? d + 1 : d - 1);
      this.relabel(back, days);
    }
  }

  /**
   * Runs for `ms` of the `totalMs` budget (the temperature follows the whole budget), keeping the
   * best assignment seen. Returns the progress so far.
   */
  step(ms: number, totalMs: number): SearchProgress {
    const start = performance.now();
    if (this.t0 === 0) this.t0 = this.initialTemperature();
    const tEnd = Math.max(1, this.t0 / 1000);
    for (;;) {
      const frac = Math.min(1, (this.elapsed + (performance.now() - start)) / Math.max(1, totalMs));
      if (!this.polishing && this.p.moveCost === 0 && frac >= POLISH_FROM) this.startPolish();
      // In the polish the unit is one move: from about one move down to a twentieth.
      const t = this.polishing
        ? Math.pow(0.05, (frac - POLISH_FROM) / (1 - POLISH_FROM))
        : this.t0 * Math.pow(tEnd / this.t0, Math.min(1, frac / (this.p.moveCost === 0 ? POLISH_FROM : 1)));
      for (let k = 0; k < 256; k++) {
        const r = this.random();
        if (r < 0.5) this.tryRelocate(t);
        else if (r < 0.85) this.trySwap(t);
        else if (r < 0.95) this.trySwapDays(t);
        else this.tryMoveDay(t);
        this.iterations++;
        const c = this.objective();
        if (c < this.bestCost) {
          this.bestCost = c;
          this.bestDayOf = this.dayOf.slice();
        }
      }
      if (performance.now() - start >= ms) break;
    }
    this.elapsed += performance.now() - start;
    return { best: this.bestEvaluation(), iterations: this.iterations, elapsedMs: this.elapsed };
  }

  /** A temperature at which a typical worsening move is taken about half the time. */
  private initialTemperature(): number {
    const rates = this.p.rates.filter((r) => r > 0).sort((a, b) => a - b);
    const typical = rates.length ? rates[Math.floor(rates.length / 2)] : 100;
    return Math.max(1, typical, this.p.moveCost / 2);
  }

  /** The board the search stands on now, with its running figures (for checking them). */
  current(): { solution: BoardSolution; holdCost: number; moves: number } {
    const days: number[][] = Array.from({ length: this.nDays }, () => []);
    this.p.strips.forEach((s) => days[this.dayOf[s.id]].push(s.id));
    return { solution: { days: days.map((ids) => groupByLocation(this.p.strips, ids)) }, holdCost: this.holdCost, moves: this.moves };
  }

  best(): BoardSolution {
    const days: number[][] = Array.from({ length: this.nDays }, () => []);
    this.p.strips.forEach((s) => days[this.bestDayOf[s.id]].push(s.id));
    return { days: days.map((ids) => groupByLocation(this.p.strips, ids.sort((a, b) => a - b))) };
  }

  bestEvaluation(): BoardCost {
    return evaluateBoard(this.p, this.best());
  }
}

export interface OptimizeOptions {
  timeLimitMs: number;
  seed?: number;
  /** Called about every `progressEveryMs` with the best so far. */
  onProgress?: (p: SearchProgress) => void;
  progressEveryMs?: number;
  /** Checked between steps: true stops the search and returns the best so far. */
  shouldStop?: () => boolean;
}

export interface OptimizeResult {
  solution: BoardSolution;
  cost: BoardCost;
  iterations: number;
  elapsedMs: number;
  /** Proved to cost least: a board where every strip needs its own day, solved exactly. */
  optimal: boolean;
  /** A proved lower bound on the hold cost, when the exact solver gives one (cents). */
  lowerBound?: number;
}

/** Can the DOOD's drop rule apply at all: dated days more than Drop Days apart? */
export function dropsPossible(p: BoardProblem): boolean {
  const d = p.dates;
  return d !== undefined && p.days > 1 && d.length >= p.days && d[p.days - 1] - d[0] > (p.dropDays ?? 10);
}

/**
 * Share of the time budget the exact day order gets: the solver proves orders of up to 32 days;
 * beyond that it only improves heuristically, so it gets a small slice.
 */
function exactShare(days: number): number {
  return days <= 32 ? 0.15 : 0.03;
}

/**
 * Anytime optimization: the best assignment found within the time limit. A board where every
 * strip needs a day of its own is the talent scheduling problem and is solved exactly. Otherwise
 * annealing groups strips into days, and the exact solver then orders those days.
 */
export function optimizeBoard(p: BoardProblem, initial: BoardSolution, opts: OptimizeOptions): OptimizeResult {
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  if (p.strips.length > 1 && isPureTalent(p)) {
    const exact = solvePureTalent(p, initial, opts.timeLimitMs, opts.shouldStop);
    const better = compareCost(p, evaluateBoard(p, exact.solution), evaluateBoard(p, initial)) <= 0;
    const solution = better ? exact.solution : initial;
    const cost = evaluateBoard(p, solution);
    opts.onProgress?.({ best: cost, iterations: 0, elapsedMs: elapsed() });
    // The solver's cost holds every gap; where a drop may shorten one, its proof and bound are
    // for that cost, not the DOOD's, and prove nothing here.
    const proved = !dropsPossible(p);
    return {
      solution,
      cost,
      iterations: 0,
      elapsedMs: elapsed(),
      optimal: proved && better && exact.optimal,
      lowerBound: proved ? Math.min(cost.holdCost, exact.holdLowerBound) : undefined,
    };
  }
  const search = new BoardSearch(p, initial, opts.seed ?? 1);
  const every = opts.progressEveryMs ?? 100;
  const annealMs = opts.timeLimitMs * (1 - exactShare(p.days));
  let progress: SearchProgress = { best: search.bestEvaluation(), iterations: 0, elapsedMs: 0 };
  if (p.strips.length > 1 && p.days > 0) {
    while (progress.elapsedMs < annealMs && !opts.shouldStop?.()) {
      progress = search.step(Math.min(every, annealMs - progress.elapsedMs), annealMs);
      opts.onProgress?.(progress);
    }
  }
  let solution = search.best();
  if (p.days > 1 && !opts.shouldStop?.()) {
    const exact = orderDaysExactly(p, solution, Math.max(20, opts.timeLimitMs - elapsed()));
    if (exact) solution = exact.solution;
  }
  const cost = evaluateBoard(p, solution);
  opts.onProgress?.({ best: cost, iterations: search.iterations, elapsedMs: elapsed() });
  return { solution, cost, iterations: search.iterations, elapsedMs: elapsed(), optimal: false };
}
