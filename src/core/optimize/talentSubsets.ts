import type { SceneModel } from "./talentModel";

/**
 * Exact talent scheduling by a dynamic program over scene subsets, for a reduced component of
 * up to 25 scenes: one pass over a flat table, no search tree, no hashing.
 *
 * g(S) is the least cost of shooting the scene set S first: placing scene s after the set P
 * costs duration(s) x cost(cast(s) + actors with a scene in P and one after s). That rate
 * depends on the rest of the order only through the set P, so g(T) is also the least cost of
 * shooting T last (read backwards, a suffix is a prefix: an order costs what its reverse does).
 * Split every order at one chosen scene z: (set S) z (set T), S and T partitioning the other
 * n - 1 scenes, cost g(S) + duration(z) x cost(cast(z) + actors in both S and T) + g(T). So
 * the optimum needs g only on subsets of the other n - 1 scenes: a table of 2^(n-1) entries,
 * filled in increasing order of the set's bitmask (every subset of a set comes before it),
 * then one pass joining each S with its complement.
 *
 * The table holds g less the actors' own scene days in S: the idle cost so far, which is
 * small (two bytes a set where it fits: 32 MB at 25 scenes). The heuristic's order is the
 * bound: a set idle for as much as that order is not expanded (own scene days are paid
 * whatever the order: Garcia de la Banda, Stuckey and Chu's bounded DP, in its cheapest form),
 * and when nothing joins below it, that order is proved optimal.
 *
 * Actor sets are one 32-bit word and scene sets another; actor sets of scene sets, their own
 * scene days and actor set costs come from 15- and 16-bit tables.
 */
export const MAX_SUBSET_SCENES = 25;
export const MAX_SUBSET_ACTORS = 32;

const clz32 = Math.clz32;
const min = Math.min;
const imul = Math.imul;

export interface SubsetLimits {
  deadline?: number;
  shouldStop?: () => boolean;
}

export interface SubsetResult {
  order: number[];
  cost: number;
  /** The search finished: cost is the optimum. */
  optimal: boolean;
  /** Proved lower bound on the optimum (cost when optimal). */
  lowerBound: number;
  /** Sets expanded. */
  states: number;
}

/** Can the subset search take this model (its sets fit the words it packs them in)? */
export function subsetSearchFits(model: SceneModel): boolean {
  return model.n >= 3 && model.n <= MAX_SUBSET_SCENES && model.m <= MAX_SUBSET_ACTORS && model.words === 1;
}

export class SubsetSearch {
  private readonly n: number;
  private readonly full: number;
  private readonly castOf: Int32Array;
  private readonly dur: Float64Array;
  private readonly actorCost: Float64Array;
  /** Cost of an actor set: lo[x & 0xffff] + hi[x >>> 16]. */
  private readonly costLo: Float64Array;
  private readonly costHi: Float64Array;
  /** Actors of a scene set by 15-bit halves: lo[S & 0x7fff] | hi[S >>> 15]. */
  private readonly actLo: Int32Array;
  private readonly actHi: Int32Array;

  constructor(private readonly model: SceneModel) {
    if (!subsetSearchFits(model)) throw new Error(`subset search takes 3 to ${MAX_SUBSET_SCENES} scenes, ${MAX_SUBSET_ACTORS} actors`);
    const { n, m } = model;
    this.n = n;
    this.full = (1 << n) - 1;
    this.castOf = new Int32Array(n);
    for (let s = 0; s < n; s++) this.castOf[s] = model.cast[s * model.words];
    this.dur = Float64Array.from(model.durations);
    this.actorCost = Float64Array.from(model.costs);
    const costOf = (x: number, base: number): number => {
      let sum = 0;
      for (let b = 0; b < 16; b++) if (x & (1 << b) && base + b < m) sum += model.costs[base + b];
      return sum;
    };
    // Tables only as large as the actor and scene counts need.
    const lo16 = 1 << min(m, 16);
    const hi16 = 1 << Math.max(0, m - 16);
    this.costLo = new Float64Array(lo16);
    this.costHi = new Float64Array(hi16);
    for (let x = 0; x < lo16; x++) this.costLo[x] = costOf(x, 0);
    for (let x = 0; x < hi16; x++) this.costHi[x] = costOf(x, 16);
    const lo15 = 1 << min(n, 15);
    const hi15 = 1 << Math.max(0, n - 15);
    this.actLo = new Int32Array(lo15);
    this.actHi = new Int32Array(hi15);
    const fill = (act: Int32Array, base: number): void => {
      for (let x = 1; x < act.length; x++) {
        const low = x & -x;
        const s = base + 31 - clz32(low);
        const rest = x ^ low;
        act[x] = act[rest] | this.castOf[s];
      }
    };
    fill(this.actLo, 0);
    fill(this.actHi, 15);
  }

  private cost(x: number): number {
    return this.costLo[x & 0xffff] + this.costHi[x >>> 16];
  }

  private actors(S: number): number {
    return this.actLo[S & 0x7fff] | this.actHi[S >>> 15];
  }

  /**
   * Searches for an order cheaper than `start` (cost `startCost`), or proves there is none.
   * Undefined when the table would not fit (too many scenes, or costs not small integers).
   */
  run(start: readonly number[], startCost: number, limits: SubsetLimits = {}): SubsetResult | undefined {
    const { n, full } = this;
    const UB = startCost;
    // z: the scene split on. Every order is (scenes before z) z (scenes after z); both sides are
    // subsets of the other n - 1 scenes, so one table of 2^(n-1) sets holds every g needed.
    const z = n - 1;
    const rest = full ^ (1 << z);
    if (!Number.isInteger(UB)) return undefined;
    // int32 table and arithmetic: integer costs, and no scene's rate times days past 2^31.
    let days = 0;
    let rate = 0;
    for (let s = 0; s < n; s++) {
      if (!Number.isInteger(this.dur[s])) return undefined;
      days += this.dur[s];
    }
    for (const c of this.actorCost) {
      if (!Number.isInteger(c)) return undefined;
      rate += c;
    }
    if (UB + days * rate >= 2 ** 31) return undefined;
    const size = 1 << (n - 1);
    // The table holds idle cost (paid but not in the scene) so far, below cap: the idle of the
    // start order. Two bytes a set when that fits.
    const own = this.ownDays(full);
    const cap = UB - own;
    const h: Table = cap < 0xffff ? new Uint16Array(size) : new Int32Array(size);
    h.fill(cap);
    h[0] = 0;
    const castZ = this.castOf[z];
    const { castOf, actLo, actHi, costLo, costHi } = this;
    const dur = Int32Array.from(this.dur);
    const costs = Int32Array.from(costLo);
    let expanded = 0;
    // In chunks, to look at the clock between them.
    const CHUNK = 1 << 16;
    for (let from = 0; from < size; from += CHUNK) {
      if (from > 0 && this.stopped(limits)) {
        return { order: start.slice(), cost: UB, optimal: false, lowerBound: own, states: expanded };
      }
      const to = min(size, from + CHUNK);
      expanded +=
        this.model.m <= 16
          ? h instanceof Uint16Array
            ? fillNarrow16(h, from, to, cap, full, rest, castZ, castOf, dur, actLo, actHi, costs)
            : fillNarrow32(h, from, to, cap, full, rest, castZ, castOf, dur, actLo, actHi, costs)
          : fillWide(h, from, to, cap, full, rest, castZ, castOf, this.dur, actLo, actHi, costLo, costHi);
    }
    // Join: before z the set S, after z the rest T, z between them.
    let best = cap;
    let bestS = -1;
    for (let S = 0; S < size; S++) {
      const iS = h[S];
      if (iS >= best) continue;
      const T = rest ^ S;
      const iT = h[T];
      if (iS + iT >= best) continue;
      const total = iS + iT + this.dur[z] * this.cost(this.actors(S) & this.actors(T) & ~castZ);
      if (total < best) {
        best = total;
        bestS = S;
      }
    }
    if (bestS < 0) return { order: start.slice(), cost: UB, optimal: true, lowerBound: UB, states: expanded };
    const front = this.trace(h, bestS);
    const back = this.trace(h, rest ^ bestS).reverse();
    return { order: [...front, z, ...back], cost: own + best, optimal: true, lowerBound: own + best, states: expanded };
  }

  private stopped(limits: SubsetLimits): boolean {
    return (limits.deadline !== undefined && performance.now() > limits.deadline) || (limits.shouldStop !== undefined && limits.shouldStop());
  }

  /** Own scene days of every actor over the scene set Q: what shooting Q costs at least. */
  private ownDays(Q: number): number {
    let total = 0;
    for (let bits = Q; bits !== 0; bits &= bits - 1) {
      const s = 31 - clz32(bits & -bits);
      total += this.dur[s] * this.cost(this.castOf[s]);
    }
    return total;
  }

  /** An order of S (subset of the table's scenes) with idle cost h[S], first scene first. */
  private trace(h: Table, S: number): number[] {
    const out: number[] = [];
    const { full, dur, castOf } = this;
    const z = this.n - 1;
    while (S !== 0) {
      let found = -1;
      for (let bits = S; bits !== 0 && found < 0; bits &= bits - 1) {
        const low = bits & -bits;
        const s = 31 - clz32(low);
        const P = S ^ low;
        const Q = full ^ P;
        const L = this.actors(P) & (this.actors(Q & ~(1 << z)) | castOf[z]);
        if (h[P] + dur[s] * this.cost(L & ~castOf[s]) === h[S]) found = s;
      }
      if (found < 0) throw new Error("internal error: the subset table has no way to a set it reached");
      out.push(found);
      S &= ~(1 << found);
    }
    return out.reverse();
  }
}

type Table = Uint16Array | Int32Array;

/**
 * The table's inner loop for sets [from, to): from each set S whose idle is below cap (below
 * it, own scene days alone keep the rest from reaching the start order's cost), every next
 * scene s before z, charging the actors waiting through s. Up to 16 actors: one cost table.
 * The same loop for two- and four-byte tables, so each stays monomorphic.
 */
function fillNarrow16(
  h: Uint16Array, from: number, to: number, cap: number, full: number, rest: number, castZ: number,
  castOf: Int32Array, dur: Int32Array, actLo: Int32Array, actHi: Int32Array, costs: Int32Array,
): number {
  let expanded = 0;
  for (let S = from; S < to; S++) {
    const iS = h[S];
    if (iS >= cap) continue;
    expanded++;
    const after = (full ^ S) & rest;
    const L = (actLo[S & 0x7fff] | actHi[S >>> 15]) & (actLo[after & 0x7fff] | actHi[after >>> 15] | castZ);
    for (let bits = after; bits !== 0; bits &= bits - 1) {
      const low = bits & -bits;
      const s = 31 - clz32(low);
      const c = iS + imul(dur[s], costs[L & ~castOf[s]]);
      const child = S | low;
      if (c < h[child]) h[child] = c;
    }
  }
  return expanded;
}

function fillNarrow32(
  h: Int32Array, from: number, to: number, cap: number, full: number, rest: number, castZ: number,
  castOf: Int32Array, dur: Int32Array, actLo: Int32Array, actHi: Int32Array, costs: Int32Array,
): number {
  let expanded = 0;
  for (let S = from; S < to; S++) {
    const iS = h[S];
    if (iS >= cap) continue;
    expanded++;
    const after = (full ^ S) & rest;
    const L = (actLo[S & 0x7fff] | actHi[S >>> 15]) & (actLo[after & 0x7fff] | actHi[after >>> 15] | castZ);
    for (let bits = after; bits !== 0; bits &= bits - 1) {
      const low = bits & -bits;
      const s = 31 - clz32(low);
      const c = (iS + imul(dur[s], costs[L & ~castOf[s]])) | 0;
      const child = S | low;
      if (c < h[child]) h[child] = c;
    }
  }
  return expanded;
}

/** fillNarrow32 for up to 32 actors: two cost tables. */
function fillWide(
  h: Table, from: number, to: number, cap: number, full: number, rest: number, castZ: number,
  castOf: Int32Array, dur: Float64Array, actLo: Int32Array, actHi: Int32Array, costLo: Float64Array,
  costHi: Float64Array,
): number {
  let expanded = 0;
  for (let S = from; S < to; S++) {
    const iS = h[S];
    if (iS >= cap) continue;
    expanded++;
    const after = (full ^ S) & rest;
    const L = (actLo[S & 0x7fff] | actHi[S >>> 15]) & (actLo[after & 0x7fff] | actHi[after >>> 15] | castZ);
    for (let bits = after; bits !== 0; bits &= bits - 1) {
      const low = bits & -bits;
      const s = 31 - clz32(low);
      const idle = L & ~castOf[s];
      const c = iS + dur[s] * (costLo[idle & 0xffff] + costHi[idle >>> 16]);
      const child = S | low;
      if (c < h[child]) h[child] = c;
    }
  }
  return expanded;
}
