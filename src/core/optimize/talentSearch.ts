import { setCost, type SceneModel } from "./talentModel";

/**
 * Exact search for one reduced talent problem of at most 32 scenes: the bounded dynamic
 * program of Garcia de la Banda, Stuckey & Chu (2011), placing scenes from the front or,
 * alternately, from the front and the back.
 *
 * A state is the set Q of scenes left for the middle (a 32-bit mask) with, among the actors of
 * those scenes, L: those that already have a scene at the front, and R: at the back (from the
 * front only, R is empty and Q alone fixes L). An actor in L and R waits through the whole
 * middle; one that leaves Q while in both keeps waiting, a cost the transition charges. Placing
 * s next at the front costs duration(s) x cost(cast(s) + L), at the back duration(s) x
 * cost(cast(s) + R). Which end comes next depends on |Q| alone.
 *
 * search(state, U) returns the least cost of the middle when it proves it (below U it always
 * does), else a lower bound on it. The memo keeps per state the exact value and best next scene,
 * or the best lower bound proved, so revisits with other bounds are cheap. The lower bound
 * (lowerBound) is exact for the actors waiting at one end, by a DP over the order in which they
 * finish; two dominance rules cut the branching (see search and dominated).
 */
export const MAX_SEARCH_SCENES = 32;

// Builtins as module constants: under a vm context (jest) every global lookup in a hot loop
// goes through the context's interceptors and costs ~40x.
const clz32 = Math.clz32;
const floor = Math.floor;
const ceil = Math.ceil;
const min = Math.min;
const max = Math.max;
const imul = Math.imul;
const INF = Number.POSITIVE_INFINITY;

export interface SearchLimits {
  /** performance.now() at which to give up. */
  deadline?: number;
  shouldStop?: () => boolean;
  /** Called with each better order found (and its cost) while searching. */
  onImprove?: (order: number[], cost: number) => void;
}

export interface SearchResult {
  order: number[];
  cost: number;
  /** The search finished, so cost is the optimum. */
  optimal: boolean;
  /** Proved lower bound on the optimum (equal to cost when optimal). */
  lowerBound: number;
  nodes: number;
  memoEntries: number;
}

/** Exact values are tagged with (next scene + 1); lower bounds with 0. */
const TAG = 64;
/** Most actors waiting at one end for which the bound solves their subset DP. */
const EXACT_SIDE_ACTORS = 10;
/** Group size when there are more. */
const GROUP_ACTORS = 8;

export class ComponentSearch {
  private readonly n: number;
  private readonly W: number;
  private readonly full: number;
  private readonly sceneMaskOfActor: Int32Array;
  /** Scenes whose cast strictly contains scene s's cast. */
  private readonly supersets: Int32Array;
  private readonly memo: StateMemo;
  // Per-depth state (depth = scenes placed so far): Q, L, R, and actors with 2+ scenes in Q.
  private readonly qAt: Int32Array;
  private readonly gAt: Float64Array;
  private readonly lAt: Int32Array;
  private readonly rAt: Int32Array;
  private readonly twosAt: Int32Array;
  private readonly candidates: Int32Array;
  private readonly candKeys: Float64Array;
  private readonly path: Int32Array;
  // Scratch, not needed across recursive calls.
  private readonly tmp: Int32Array;
  private readonly key: Int32Array;
  private readonly presentCost: Float64Array;
  private readonly ratio: Float64Array;
  private readonly sortIdx: Int32Array;
  private readonly durationOf: Float64Array;
  /** Days of every byte value of every byte position of a scene mask. */
  private readonly durTable: Float64Array;
  private readonly subsetCost: Float64Array;
  private readonly subsetScenes: Int32Array;
  private readonly sideCost: Float64Array;
  private readonly sideScenes: Int32Array;
  private readonly grouped: Int32Array;
  private readonly takenActor: Uint8Array;
  private readonly doubleEnded: boolean;
  private readonly keyLen: number;

  private nodes = 0;
  /** Whether the last search() result is the state's value itself rather than a lower bound. */
  private exact = false;
  private aborted = false;
  private incumbent: number[] = [];
  private incumbentCost = INF;
  private limits: SearchLimits = {};

  /** doubleEnded: place scenes alternately at both ends (see preferDoubleEnded). */
  constructor(
    private readonly model: SceneModel,
    doubleEnded = false,
  ) {
    const { n, m, words: W, cast } = model;
    if (n > MAX_SEARCH_SCENES) throw new Error(`exact search takes at most 32 scenes, got ${n}`);
    this.n = n;
    this.W = W;
    this.full = (2 ** n - 1) | 0;
    this.sceneMaskOfActor = new Int32Array(m);
    for (let s = 0; s < n; s++) {
      for (let a = 0; a < m; a++) {
        if (cast[s * W + (a >>> 5)] & (1 << (a & 31))) this.sceneMaskOfActor[a] |= 1 << s;
      }
    }
    this.supersets = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j && strictSubset(cast, i, j, W)) this.supersets[i] |= 1 << j;
      }
    }
    this.doubleEnded = doubleEnded;
    // From one end, Q alone fixes L (and R stays empty): the key is Q.
    this.keyLen = doubleEnded ? 1 + 2 * W : 1;
    this.memo = new StateMemo(this.keyLen);
    this.qAt = new Int32Array(n + 1);
    this.gAt = new Float64Array(n + 1);
    this.lAt = new Int32Array((n + 1) * W);
    this.rAt = new Int32Array((n + 1) * W);
    this.twosAt = new Int32Array((n + 1) * W);
    this.candidates = new Int32Array((n + 1) * n);
    this.candKeys = new Float64Array((n + 1) * n);
    this.path = new Int32Array(n);
    this.tmp = new Int32Array(W);
    this.key = new Int32Array(this.keyLen);
    this.presentCost = new Float64Array(n);
    this.ratio = new Float64Array(m);
    this.sortIdx = new Int32Array(m);
    this.durationOf = new Float64Array(n + 1);
    this.durTable = new Float64Array(4 * 256);
    for (let pos = 0; pos < 4; pos++) {
      for (let v = 0; v < 256; v++) {
        let sum = 0;
        for (let b = 0; b < 8; b++) if (v & (1 << b) && pos * 8 + b < n) sum += model.durations[pos * 8 + b];
        this.durTable[pos * 256 + v] = sum;
      }
    }
    this.subsetCost = new Float64Array(1 << EXACT_SIDE_ACTORS);
    this.subsetScenes = new Int32Array(1 << EXACT_SIDE_ACTORS);
    this.sideCost = new Float64Array(EXACT_SIDE_ACTORS);
    this.sideScenes = new Int32Array(EXACT_SIDE_ACTORS);
    this.grouped = new Int32Array(m);
    this.takenActor = new Uint8Array(m);
  }

  /** Searches for an order cheaper than `start`, or proves there is none. */
  run(start: readonly number[], startCost: number, limits: SearchLimits): SearchResult {
    this.limits = limits;
    this.incumbent = start.slice();
    this.incumbentCost = startCost;
    this.nodes = 0;
    this.aborted = false;
    this.qAt[0] = this.full;
    this.gAt[0] = 0;
    this.lAt.fill(0, 0, this.W);
    this.rAt.fill(0, 0, this.W);
    const v = this.search(0, startCost);
    const optimal = !this.aborted && v >= this.incumbentCost;
    return {
      order: this.incumbent,
      cost: this.incumbentCost,
      optimal,
      lowerBound: optimal ? this.incumbentCost : min(this.incumbentCost, this.rootBound()),
      nodes: this.nodes,
      memoEntries: this.memo.size,
    };
  }

  private rootBound(): number {
    this.stateKey(0);
    const packed = this.memo.get(this.key);
    const stored = packed < 0 ? 0 : floor(packed / TAG);
    this.prepare(0);
    return max(stored, this.lowerBound(0));
  }

  private stateKey(depth: number): void {
    const { W, key } = this;
    key[0] = this.qAt[depth];
    if (this.keyLen === 1) return;
    for (let w = 0; w < W; w++) {
      key[1 + w] = this.lAt[depth * W + w];
      key[1 + W + w] = this.rAt[depth * W + w];
    }
  }

  /** Actors with two or more scenes in Q, for the transitions; returns the days of Q. */
  private prepare(depth: number): number {
    const { W, model } = this;
    const { cast, durations } = model;
    const Q = this.qAt[depth];
    const twos = this.twosAt;
    const ones = this.tmp;
    const o = depth * W;
    ones.fill(0);
    twos.fill(0, o, o + W);
    let days = 0;
    for (let rest = Q; rest !== 0; rest &= rest - 1) {
      const s = 31 - clz32(rest & -rest);
      days += durations[s];
      for (let w = 0; w < W; w++) {
        const c = cast[s * W + w];
        twos[o + w] |= ones[w] & c;
        ones[w] |= c;
      }
    }
    this.durationOf[depth] = days;
    return days;
  }

  /**
   * Places s at this depth's end and writes the child state at depth + 1; returns the cost:
   * the scene's own day rate times its duration, plus the whole middle's days for actors that
   * leave the middle with a scene on both sides.
   */
  private place(depth: number, s: number): number {
    const { W, model } = this;
    const { cast, durations } = model;
    const o = depth * W;
    const co = o + W;
    const front = !this.doubleEnded || (depth & 1) === 0;
    const lAt = this.lAt;
    const rAt = this.rAt;
    const twos = this.twosAt;
    const tmp = this.tmp;
    const Q2 = this.qAt[depth] & ~(1 << s);
    this.qAt[depth + 1] = Q2;
    const days2 = this.durationOf[depth] - durations[s];
    let rate = 0;
    let spanning = 0;
    // Actors whose last middle scene is s leave the middle.
    if (front) {
      for (let w = 0; w < W; w++) {
        const c = cast[s * W + w];
        const leaving = c & ~twos[o + w];
        tmp[w] = c | lAt[o + w];
        lAt[co + w] = (lAt[o + w] | c) & ~leaving;
        rAt[co + w] = rAt[o + w] & ~leaving;
      }
      rate = setCost(model, tmp, 0);
      for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] & ~twos[o + w] & rAt[o + w];
      spanning = setCost(model, tmp, 0);
    } else {
      for (let w = 0; w < W; w++) {
        const c = cast[s * W + w];
        const leaving = c & ~twos[o + w];
        tmp[w] = c | rAt[o + w];
        rAt[co + w] = (rAt[o + w] | c) & ~leaving;
        lAt[co + w] = lAt[o + w] & ~leaving;
      }
      rate = setCost(model, tmp, 0);
      for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] & ~twos[o + w] & lAt[o + w];
      spanning = setCost(model, tmp, 0);
    }
    return durations[s] * rate + days2 * spanning;
  }

  private search(depth: number, U: number): number {
    if ((++this.nodes & 127) === 0) this.checkStop();
    this.exact = false;
    if (this.aborted) return 0;
    const Q = this.qAt[depth];
    const g = this.gAt[depth];
    if (Q === 0) {
      if (g < this.incumbentCost) this.improve(depth);
      this.exact = true;
      return 0;
    }
    // Only orders beating the incumbent matter.
    U = min(U, this.incumbentCost - g);

    this.stateKey(depth);
    let storedLb = 0;
    const packed = this.memo.get(this.key);
    if (packed >= 0) {
      const bound = floor(packed / TAG);
      if (packed - bound * TAG > 0) {
        if (g + bound < this.incumbentCost) this.improve(depth);
        this.exact = true;
        return bound;
      }
      if (bound >= U) return bound;
      storedLb = bound;
    }

    this.prepare(depth);
    const lb = max(storedLb, this.lowerBound(depth));
    if (lb >= U) {
      if (lb > storedLb) {
        this.stateKey(depth);
        this.memo.put(this.key, lb * TAG);
      }
      return lb;
    }

    const { W, model } = this;
    const { cast } = model;
    const o = depth * W;
    const front = !this.doubleEnded || (depth & 1) === 0;
    const side = front ? this.lAt : this.rAt;
    // Candidates for this end, cheapest per day first.
    const cb = depth * this.n;
    const candidates = this.candidates;
    const candKeys = this.candKeys;
    const tmp = this.tmp;
    let count = 0;
    let forced = -1;
    for (let rest = Q; rest !== 0 && forced < 0; rest &= rest - 1) {
      const s = 31 - clz32(rest & -rest);
      let same = true;
      for (let w = 0; w < W; w++) {
        if (cast[s * W + w] !== side[o + w]) same = false;
      }
      // A scene whose cast is exactly the actors waiting at this end costs its minimum here
      // and only shortens others' waits: place it now.
      if (same) forced = s;
    }
    if (forced >= 0) {
      candidates[cb] = forced;
      count = 1;
    } else {
      for (let rest = Q; rest !== 0; rest &= rest - 1) {
        const s = 31 - clz32(rest & -rest);
        if (this.dominated(s, Q, side, o)) continue;
        for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] | side[o + w];
        const key = setCost(model, tmp, 0);
        let k = count++;
        while (k > 0 && candKeys[cb + k - 1] > key) {
          candidates[cb + k] = candidates[cb + k - 1];
          candKeys[cb + k] = candKeys[cb + k - 1];
          k--;
        }
        candidates[cb + k] = s;
        candKeys[cb + k] = key;
      }
    }

    // exactMin: least proved branch value; lbMin: least lower bound of unproved branches.
    let exactMin = INF;
    let bestScene = -1;
    let lbMin = INF;
    let bound = U;
    for (let k = 0; k < count; k++) {
      const s = candidates[cb + k];
      const c = this.place(depth, s);
      this.gAt[depth + 1] = g + c;
      this.path[depth] = s;
      bound = min(bound, this.incumbentCost - g);
      const v = c + this.search(depth + 1, bound - c);
      if (this.aborted) return 0;
      if (this.exact) {
        if (v < exactMin) {
          exactMin = v;
          bestScene = s;
          if (v < bound) bound = v;
        }
      } else if (v < lbMin) {
        lbMin = v;
      }
    }
    this.stateKey(depth);
    if (exactMin <= lbMin) {
      this.memo.put(this.key, exactMin * TAG + bestScene + 1);
      if (g + exactMin < this.incumbentCost) this.improve(depth);
      this.exact = true;
      return exactMin;
    }
    const fail = max(lb, lbMin);
    this.memo.put(this.key, fail * TAG);
    this.exact = false;
    return fail;
  }

  /**
   * Scene s need not be placed next at this end when some scene j left has a cast strictly
   * containing s's, all of whose actors are at this end already or arrive with s: an optimal
   * order places j first.
   */
  private dominated(s: number, Q: number, side: Int32Array, o: number): boolean {
    const { W } = this;
    const cast = this.model.cast;
    for (let rest = this.supersets[s] & Q; rest !== 0; rest &= rest - 1) {
      const j = 31 - clz32(rest & -rest);
      let covered = true;
      for (let w = 0; w < W; w++) {
        if (cast[j * W + w] & ~(side[o + w] | cast[s * W + w])) covered = false;
      }
      if (covered) return true;
    }
    return false;
  }

  /**
   * Lower bound on the middle's cost, actor group by actor group (each group's cost is at least
   * its own minimum). Actors in L and R wait through all of it. Actors in neither pay at least
   * their own scene days. Actors in L only are paid from now until their last scene ends, a
   * cost oneSided bounds; actors in R only likewise from the back.
   */
  private lowerBound(depth: number): number {
    const { W, model } = this;
    const { cast, durations } = model;
    const Q = this.qAt[depth];
    const o = depth * W;
    const lAt = this.lAt;
    const rAt = this.rAt;
    const tmp = this.tmp;
    for (let w = 0; w < W; w++) tmp[w] = lAt[o + w] & rAt[o + w];
    let total = setCost(model, tmp, 0) * this.durationOf[depth];
    for (let rest = Q; rest !== 0; rest &= rest - 1) {
      const s = 31 - clz32(rest & -rest);
      for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] & ~(lAt[o + w] | rAt[o + w]);
      total += durations[s] * setCost(model, tmp, 0);
    }
    total += this.oneSided(Q, lAt, rAt, o) + this.oneSided(Q, rAt, lAt, o);
    return total;
  }

  /**
   * Lower bound on what the actors in `mine` but not `other` are paid, each from this end until
   * its last scene: exact for them alone when they are few, else the better of summing the
   * exact bound over groups of them and Smith's rule on split scenes.
   */
  private oneSided(Q: number, mine: Int32Array, other: Int32Array, o: number): number {
    const { W } = this;
    const actors = this.sortIdx;
    let k = 0;
    for (let w = 0; w < W; w++) {
      for (let bits = mine[o + w] & ~other[o + w]; bits !== 0; bits &= bits - 1) {
        actors[k++] = w * 32 + (31 - clz32(bits & -bits));
      }
    }
    if (k === 0) return 0;
    if (k <= EXACT_SIDE_ACTORS) return this.finishOrderBound(Q, actors, k);
    return max(this.groupedBound(Q, k), this.splitBound(Q, mine, other, o));
  }

  /**
   * Many actors: the sum of the exact bound over groups of them is still a lower bound. Actors
   * that share scenes go together, where splitting them would lose most.
   */
  private groupedBound(Q: number, k: number): number {
    const actors = this.sortIdx;
    const grouped = this.grouped;
    const masks = this.sceneMaskOfActor;
    const { costs } = this.model;
    const dt = this.durTable;
    const days = (u: number): number =>
      dt[u & 255] + dt[256 + ((u >>> 8) & 255)] + dt[512 + ((u >>> 16) & 255)] + dt[768 + (u >>> 24)];
    let placed = 0;
    let total = 0;
    const taken = this.takenActor;
    taken.fill(0, 0, k);
    while (placed < k) {
      // Seed with the dearest actor left, then add the one sharing most with the group.
      let seed = -1;
      for (let i = 0; i < k; i++) if (!taken[i] && (seed < 0 || costs[actors[i]] > costs[actors[seed]])) seed = i;
      let size = 0;
      let groupScenes = 0;
      const add = (i: number): void => {
        taken[i] = 1;
        grouped[size++] = actors[i];
        groupScenes |= masks[actors[i]] & Q;
        placed++;
      };
      add(seed);
      while (size < GROUP_ACTORS && placed < k) {
        let bestI = -1;
        let bestW = -1;
        for (let i = 0; i < k; i++) {
          if (taken[i]) continue;
          const w = costs[actors[i]] * days(masks[actors[i]] & groupScenes);
          if (w > bestW) {
            bestW = w;
            bestI = i;
          }
        }
        add(bestI);
      }
      total += this.finishOrderBound(Q, grouped, size);
    }
    return total;
  }

  /**
   * Least total wait of actors list[0 .. k), each paid from this end until its last
   * scene, ignoring everyone else: in the order the actors finish, the i-th to finish waits at
   * least for every scene of the first i, so a DP over subsets (the last of a subset to finish
   * pays for all the subset's scenes) gives the optimum.
   */
  private finishOrderBound(Q: number, list: Int32Array, k: number): number {
    const { costs } = this.model;
    const f = this.subsetCost;
    const union = this.subsetScenes;
    const dt = this.durTable;
    // Costs and scenes of the k actors, by position, so the loops below index them directly.
    const ac = this.sideCost;
    const am = this.sideScenes;
    for (let i = 0; i < k; i++) {
      ac[i] = costs[list[i]];
      am[i] = this.sceneMaskOfActor[list[i]] & Q;
    }
    f[0] = 0;
    union[0] = 0;
    const subsets = 1 << k;
    for (let S = 1; S < subsets; S++) {
      const low = S & -S;
      const u = union[S ^ low] | am[31 - clz32(low)];
      union[S] = u;
      const D = dt[u & 255] + dt[256 + ((u >>> 8) & 255)] + dt[512 + ((u >>> 16) & 255)] + dt[768 + (u >>> 24)];
      let best = INF;
      for (let rest = S; rest !== 0; rest &= rest - 1) {
        const b = rest & -rest;
        const v = f[S ^ b] + ac[31 - clz32(b)] * D;
        if (v < best) best = v;
      }
      f[S] = best;
    }
    return f[subsets - 1];
  }

  /**
   * Smith's rule on split scenes: splitting every scene among its waiting actors in proportion
   * to their cost turns their total into a one-machine weighted completion time problem (each
   * actor a job) that can only be cheaper; with their own scene days, whichever is higher.
   */
  private splitBound(Q: number, mine: Int32Array, other: Int32Array, o: number): number {
    const { W, model } = this;
    const { cast, durations, costs } = model;
    const tmp = this.tmp;
    const presentCost = this.presentCost;
    let own = 0;
    for (let rest = Q; rest !== 0; rest &= rest - 1) {
      const s = 31 - clz32(rest & -rest);
      for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] & mine[o + w] & ~other[o + w];
      presentCost[s] = setCost(model, tmp, 0);
      own += durations[s] * presentCost[s];
    }
    const ratio = this.ratio;
    const idx = this.sortIdx;
    let count = 0;
    for (let w = 0; w < W; w++) {
      for (let bits = mine[o + w] & ~other[o + w]; bits !== 0; bits &= bits - 1) {
        const a = w * 32 + (31 - clz32(bits & -bits));
        if (costs[a] === 0) continue;
        let r = 0;
        for (let rest = this.sceneMaskOfActor[a] & Q; rest !== 0; rest &= rest - 1) {
          const s = 31 - clz32(rest & -rest);
          r += durations[s] / presentCost[s];
        }
        ratio[a] = r;
        let k = count++;
        while (k > 0 && ratio[idx[k - 1]] > r) {
          idx[k] = idx[k - 1];
          k--;
        }
        idx[k] = a;
      }
    }
    let t = 0;
    let waiting = 0;
    for (let k = 0; k < count; k++) {
      const a = idx[k];
      t += costs[a] * ratio[a];
      waiting += costs[a] * t;
    }
    // Integer costs: round up, allowing for floating-point error.
    return max(own, ceil(waiting * (1 - 1e-12) - 1e-9));
  }

  /**
   * Records the order through this node: the path so far, then the memo's best choices from
   * here (replayed with place(), which only writes deeper levels), as a new incumbent.
   */
  private improve(depth: number): void {
    const path = this.path;
    let d = depth;
    let cost = this.gAt[depth];
    while (this.qAt[d] !== 0) {
      this.stateKey(d);
      const packed = this.memo.get(this.key);
      const tag = packed < 0 ? 0 : packed - floor(packed / TAG) * TAG;
      if (tag === 0) return; // memo overflowed: the chain is lost.
      this.prepare(d);
      cost += this.place(d, tag - 1);
      path[d] = tag - 1;
      d++;
    }
    const front: number[] = [];
    const back: number[] = [];
    for (let i = 0; i < this.n; i++) (this.doubleEnded && i & 1 ? back : front).push(path[i]);
    this.incumbent = front.concat(back.reverse());
    this.incumbentCost = cost;
    this.limits.onImprove?.(this.incumbent, cost);
  }

  private checkStop(): void {
    const { deadline, shouldStop } = this.limits;
    if ((deadline !== undefined && performance.now() > deadline) || (shouldStop && shouldStop())) {
      this.aborted = true;
    }
  }
}

/**
 * Whether to place scenes from both ends: when, shot in the given (good) order, more actors
 * wait at once than the exact bound takes. From one end they would make the bound weak, while
 * from both ends they split between the two sides. Few waiting actors: one end is better, the
 * bound then being exact once everyone has arrived.
 */
export function preferDoubleEnded(model: SceneModel, order: readonly number[]): boolean {
  const { n, words: W, cast } = model;
  const before = new Int32Array(W);
  const after = new Int32Array((n + 1) * W);
  for (let t = n - 1; t >= 0; t--) {
    for (let w = 0; w < W; w++) after[t * W + w] = after[(t + 1) * W + w] | cast[order[t] * W + w];
  }
  let most = 0;
  for (let t = 0; t < n; t++) {
    let waiting = 0;
    for (let w = 0; w < W; w++) {
      before[w] |= cast[order[t] * W + w];
      waiting += popcount(before[w] & after[(t + 1) * W + w]);
    }
    most = max(most, waiting);
  }
  return most > EXACT_SIDE_ACTORS;
}

function popcount(x: number): number {
  let c = 0;
  for (let b = x; b !== 0; b &= b - 1) c++;
  return c;
}

function strictSubset(cast: Int32Array, i: number, j: number, W: number): boolean {
  let equal = true;
  for (let w = 0; w < W; w++) {
    const a = cast[i * W + w];
    const b = cast[j * W + w];
    if (a & ~b) return false;
    if (a !== b) equal = false;
  }
  return !equal;
}

/** Largest memo, in slots. */
const MEMO_MAX_SLOTS = 1 << 22;

/**
 * Open-addressing hash map from fixed-length int32 keys (first word non-zero) to packed
 * numbers (value * TAG + tag). At its size cap it keeps exact values and drops lower bounds.
 */
class StateMemo {
  private keys: Int32Array;
  private vals: Float64Array;
  private slots = 1 << 14;
  /** Multiplicative hashing keeps the product's high bits: 32 - log2(slots). */
  private shift = 18;
  size = 0;

  constructor(private readonly len: number) {
    this.keys = new Int32Array(this.slots * len);
    this.vals = new Float64Array(this.slots);
  }

  private hash(key: Int32Array, off: number): number {
    let h = 0;
    for (let i = 0; i < this.len; i++) h = imul(h ^ key[off + i], 0x9e3779b1) + i;
    return (imul(h ^ (h >>> 16), 0x85ebca6b) >>> this.shift) & (this.slots - 1);
  }

  /** Slot holding key, or the empty slot where it would go. */
  private find(key: Int32Array): number {
    const { keys, len } = this;
    const mask = this.slots - 1;
    for (let i = this.hash(key, 0); ; i = (i + 1) & mask) {
      const base = i * len;
      if (keys[base] === 0) return i;
      let same = true;
      for (let j = 0; j < len; j++) {
        if (keys[base + j] !== key[j]) {
          same = false;
          break;
        }
      }
      if (same) return i;
    }
  }

  get(key: Int32Array): number {
    const i = this.find(key);
    return this.keys[i * this.len] === 0 ? -1 : this.vals[i];
  }

  put(key: Int32Array, packed: number): void {
    const exact = packed - floor(packed / TAG) * TAG > 0;
    if ((this.size + 1) * 2 > this.slots) {
      if (this.slots < MEMO_MAX_SLOTS) this.rehash(this.slots * 2, false);
      else if (!exact) return;
      else if ((this.size + 1) * 10 > this.slots * 9) {
        this.rehash(this.slots, true);
        if ((this.size + 1) * 10 > this.slots * 9) return;
      }
    }
    const i = this.find(key);
    if (this.keys[i * this.len] === 0) {
      this.keys.set(key, i * this.len);
      this.size++;
    }
    this.vals[i] = packed;
  }

  private rehash(slots: number, exactOnly: boolean): void {
    const { len } = this;
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldSlots = this.slots;
    this.slots = slots;
    this.shift = 32 - Math.log2(slots);
    this.keys = new Int32Array(slots * len);
    this.vals = new Float64Array(slots);
    this.size = 0;
    for (let i = 0; i < oldSlots; i++) {
      if (oldKeys[i * len] === 0) continue;
      const v = oldVals[i];
      if (exactOnly && v - floor(v / TAG) * TAG === 0) continue;
      const mask = slots - 1;
      for (let j = this.hash(oldKeys, i * len); ; j = (j + 1) & mask) {
        if (this.keys[j * len] === 0) {
          this.keys.set(oldKeys.subarray(i * len, i * len + len), j * len);
          this.vals[j] = v;
          this.size++;
          break;
        }
      }
    }
  }
}
