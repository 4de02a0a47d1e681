import type { ReducedComponent } from "./talentReduce";

/**
 * A reduced talent problem packed for the search: each scene's cast is a bitset of `words`
 * 32-bit words in one Int32Array, and a set's daily cost is four table lookups per word.
 */
export interface SceneModel {
  n: number;
  m: number;
  words: number;
  durations: Float64Array;
  costs: Float64Array;
  /** Scene s's cast occupies cast[s * words .. s * words + words). */
  cast: Int32Array;
  /** Daily cost of every byte value of every byte position: (word * 4 + byte) * 256 + value. */
  costTable: Float64Array;
}

export function buildModel(comp: ReducedComponent): SceneModel {
  const n = comp.durations.length;
  const m = comp.costs.length;
  const words = Math.max(1, Math.ceil(m / 32));
  const cast = new Int32Array(n * words);
  comp.casts.forEach((actors, s) => {
    for (const a of actors) cast[s * words + (a >>> 5)] |= 1 << (a & 31);
  });
  const costTable = new Float64Array(words * 4 * 256);
  for (let pos = 0; pos < words * 4; pos++) {
    for (let v = 0; v < 256; v++) {
      let sum = 0;
      for (let b = 0; b < 8; b++) {
        const a = pos * 8 + b;
        if (v & (1 << b) && a < m) sum += comp.costs[a];
      }
      costTable[pos * 256 + v] = sum;
    }
  }
  return {
    n,
    m,
    words,
    durations: Float64Array.from(comp.durations),
    costs: Float64Array.from(comp.costs),
    cast,
    costTable,
  };
}

/** Daily cost of the actor set buf[off .. off + words). */
export function setCost(model: SceneModel, buf: Int32Array, off: number): number {
  const t = model.costTable;
  let sum = 0;
  for (let w = 0; w < model.words; w++) {
    const x = buf[off + w];
    const base = w * 1024;
    sum +=
      t[base + (x & 255)] +
      t[base + 256 + ((x >>> 8) & 255)] +
      t[base + 512 + ((x >>> 16) & 255)] +
      t[base + 768 + (x >>> 24)];
  }
  return sum;
}

/** Daily cost of a one-word actor set. */
export function wordCost(t: Float64Array, x: number): number {
  return t[x & 255] + t[256 + ((x >>> 8) & 255)] + t[512 + ((x >>> 16) & 255)] + t[768 + (x >>> 24)];
}

/**
 * Evaluates orders of a model: the actors on location during the scene at position t are
 * those with a scene at or before t and a scene at or after t.
 */
export class OrderEvaluator {
  private readonly prefix: Int32Array;
  private readonly suffix: Int32Array;
  private readonly on: Int32Array;

  constructor(private readonly model: SceneModel) {
    this.prefix = new Int32Array((model.n + 1) * model.words);
    this.suffix = new Int32Array(model.words);
    this.on = new Int32Array(model.words);
  }

  cost(order: ArrayLike<number>): number {
    const { n, words: W, cast, durations } = this.model;
    const prefix = this.prefix;
    prefix.fill(0, 0, W);
    for (let t = 0; t < n; t++) {
      const s = order[t];
      for (let w = 0; w < W; w++) prefix[(t + 1) * W + w] = prefix[t * W + w] | cast[s * W + w];
    }
    // Walk back with the suffix union; on location = prefix through t AND suffix from t.
    const { suffix, on } = this;
    let total = 0;
    suffix.fill(0);
    for (let t = n - 1; t >= 0; t--) {
      const s = order[t];
      for (let w = 0; w < W; w++) {
        suffix[w] |= cast[s * W + w];
        on[w] = suffix[w] & prefix[(t + 1) * W + w];
      }
      total += durations[s] * setCost(this.model, on, 0);
    }
    return total;
  }
}
