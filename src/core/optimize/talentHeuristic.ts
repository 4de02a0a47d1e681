import { OrderEvaluator, setCost, type SceneModel } from "./talentModel";

/**
 * Upper bounds for the exact search: a greedy order improved by iterated local search
 * (move a block of 1-3 scenes elsewhere; perturb with random block moves and repeat).
 */
export interface HeuristicOptions {
  /** Improvement rounds after the first local optimum. */
  rounds: number;
  /** performance.now() after which to stop early. */
  deadline?: number;
  shouldStop?: () => boolean;
  /** A cost known to be optimal (e.g. a lower bound): stop on reaching it. */
  target?: number;
  seed?: number;
}

export interface HeuristicResult {
  order: number[];
  cost: number;
}

/** Shoot next the scene that adds the least cost per day to the actors already waiting. */
export function greedyOrder(model: SceneModel): number[] {
  const { n, words: W, cast, durations } = model;
  const started = new Int32Array(W);
  const pending = new Int32Array(W);
  const tmp = new Int32Array(W);
  const done = new Uint8Array(n);
  const order: number[] = [];
  for (let step = 0; step < n; step++) {
    // Actors with scenes still to shoot.
    pending.fill(0);
    for (let s = 0; s < n; s++) {
      if (!done[s]) for (let w = 0; w < W; w++) pending[w] |= cast[s * W + w];
    }
    let best = -1;
    let bestScore = Infinity;
    for (let s = 0; s < n; s++) {
      if (done[s]) continue;
      // Waiting actors plus this cast, paid for the scene; newcomers weigh as a future cost.
      for (let w = 0; w < W; w++) tmp[w] = (started[w] & pending[w]) | cast[s * W + w];
      const onSet = setCost(model, tmp, 0);
      for (let w = 0; w < W; w++) tmp[w] = cast[s * W + w] & ~started[w];
      const score = durations[s] * onSet + setCost(model, tmp, 0);
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    done[best] = 1;
    order.push(best);
    for (let w = 0; w < W; w++) started[w] |= cast[best * W + w];
  }
  return order;
}

export function improveOrder(
  model: SceneModel,
  start: readonly number[],
  opts: HeuristicOptions,
): HeuristicResult {
  const n = model.n;
  const evaluator = new OrderEvaluator(model);
  const rng = mulberry32(opts.seed ?? 12345);
  const target = opts.target ?? -Infinity;
  let bestCost = Infinity;
  const stopped = (): boolean =>
    bestCost <= target ||
    (opts.deadline !== undefined && performance.now() > opts.deadline) ||
    (opts.shouldStop !== undefined && opts.shouldStop());

  let cur = Int32Array.from(start);
  let curCost = localSearch(evaluator, cur, stopped);
  let best = cur.slice();
  bestCost = curCost;
  const trial = new Int32Array(n);
  for (let round = 0; round < opts.rounds && n > 3 && !stopped(); round++) {
    trial.set(cur);
    const kicks = 2 + Math.floor(rng() * 2);
    for (let k = 0; k < kicks; k++) {
      const len = 1 + Math.floor(rng() * Math.min(3, n - 1));
      const from = Math.floor(rng() * (n - len + 1));
      const to = Math.floor(rng() * (n - len + 1));
      moveBlock(trial, from, len, to);
    }
    const c = localSearch(evaluator, trial, stopped);
    if (c <= curCost) {
      cur = trial.slice();
      curCost = c;
      if (c < bestCost) {
        best = cur.slice();
        bestCost = c;
      }
    }
  }
  return { order: Array.from(best), cost: bestCost };
}

/** First-improvement descent over block moves; improves order in place, returns its cost. */
function localSearch(
  evaluator: OrderEvaluator,
  order: Int32Array,
  stopped: () => boolean,
): number {
  const n = order.length;
  let cost = evaluator.cost(order);
  const cand = new Int32Array(n);
  for (let improved = true; improved && !stopped(); ) {
    improved = false;
    for (let len = 1; len <= 3 && len < n; len++) {
      for (let from = 0; from + len <= n; from++) {
        if (stopped()) return cost;
        for (let to = 0; to + len <= n; to++) {
          if (to === from) continue;
          cand.set(order);
          moveBlock(cand, from, len, to);
          const c = evaluator.cost(cand);
          if (c < cost) {
            order.set(cand);
            cost = c;
            improved = true;
          }
        }
      }
    }
  }
  return cost;
}

/** Moves order[from .. from+len) so that it starts at index `to` of the result. */
function moveBlock(order: Int32Array, from: number, len: number, to: number): void {
  if (to === from) return;
  const block = order.slice(from, from + len);
  if (to < from) {
    order.copyWithin(to + len, to, from);
  } else {
    order.copyWithin(from, from + len, to + len);
  }
  order.set(block, to);
}

/** Small deterministic PRNG so that runs repeat exactly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
