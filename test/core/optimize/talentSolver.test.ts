import fc from "fast-check";
import { evaluateOrder, type TalentInstance } from "../../../src/core/optimize/talentInstance";
import { buildModel, OrderEvaluator } from "../../../src/core/optimize/talentModel";
import { reduceTalent } from "../../../src/core/optimize/talentReduce";
import { ComponentSearch } from "../../../src/core/optimize/talentSearch";
import { solveTalent, type TalentSolution } from "../../../src/core/optimize/talentSolver";
import { datInstances, publishedRecords, recordInstance } from "./talentData";

/** Plain dynamic program over the set of scenes shot so far: the reference optimum. */
function referenceOptimum(inst: TalentInstance): number {
  const n = inst.durations.length;
  const sceneMask = inst.actorScenes.map((row) => row.reduce((m, x, s) => (x ? m | (1 << s) : m), 0));
  const full = (1 << n) - 1;
  const best = new Float64Array(1 << n).fill(Infinity);
  best[0] = 0;
  for (let P = 0; P < full; P++) {
    if (best[P] === Infinity) continue;
    for (let s = 0; s < n; s++) {
      if (P & (1 << s)) continue;
      const after = full & ~P & ~(1 << s);
      let rate = 0;
      inst.costs.forEach((c, a) => {
        const mask = sceneMask[a];
        if (mask & (1 << s) || (mask & P && mask & after)) rate += c;
      });
      const next = P | (1 << s);
      best[next] = Math.min(best[next], best[P] + inst.durations[s] * rate);
    }
  }
  return best[full];
}

function bruteForceOptimum(inst: TalentInstance): number {
  const order = inst.durations.map((_, s) => s);
  let best = Infinity;
  const permute = (k: number): void => {
    if (k === order.length) {
      best = Math.min(best, evaluateOrder(inst, order).totalPaid);
      return;
    }
    for (let i = k; i < order.length; i++) {
      [order[k], order[i]] = [order[i], order[k]];
      permute(k + 1);
      [order[k], order[i]] = [order[i], order[k]];
    }
  };
  permute(0);
  return best;
}

function isPermutation(order: number[], n: number): boolean {
  return order.length === n && [...order].sort((a, b) => a - b).every((s, i) => s === i);
}

/** Random instances: some actors in no scene, some free, some scenes with nobody. */
function instanceArb(maxScenes: number, maxActors: number): fc.Arbitrary<TalentInstance> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxScenes }),
      m: fc.integer({ min: 0, max: maxActors }),
      density: fc.constantFrom(15, 30, 50, 70),
    })
    .chain(({ n, m, density }) =>
      fc.record({
        name: fc.constant("random"),
        durations: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
        costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }),
        actorScenes: fc.array(
          fc.array(
            fc.integer({ min: 0, max: 99 }).map((x) => x < density),
            { minLength: n, maxLength: n },
          ),
          { minLength: m, maxLength: m },
        ),
      }),
    );
}

describe("solveTalent on the published instances", () => {
  for (const { file, inst, record } of datInstances()) {
    it(`${file}: reaches the published optimum ${record.optimum_total_paid} and proves it`, () => {
      const res = solveTalent(inst);
      expect(res.totalPaid).toBe(record.optimum_total_paid);
      expect(res.idle).toBe(record.optimum);
      expect(res.optimal).toBe(true);
      expect(res.lowerBound).toBe(res.totalPaid);
      expect(evaluateOrder(inst, res.order)).toEqual({ totalPaid: res.totalPaid, idle: res.idle });
    });
  }

  for (const rec of publishedRecords().filter((r) => !r.source_file.startsWith("stuckey_talent_format/"))) {
    if (rec.optimum === null) continue;
    it(`${rec.name} (instances.json only): reaches the published optimum and proves it`, () => {
      const res = solveTalent(recordInstance(rec));
      expect(res.idle).toBe(rec.optimum);
      expect(res.totalPaid).toBe(rec.optimum_total_paid);
      expect(res.optimal).toBe(true);
    });
  }
});

describe("solveTalent when stopped early", () => {
  const shaw = datInstances().find((d) => d.file === "Shaw2020.dat")!;

  it("returns the best order found, unproved, on a tiny time budget", () => {
    const res = solveTalent(shaw.inst, { timeLimitMs: 1 });
    expect(res.optimal).toBe(false);
    expect(isPermutation(res.order, 20)).toBe(true);
    expect(evaluateOrder(shaw.inst, res.order)).toEqual({ totalPaid: res.totalPaid, idle: res.idle });
    expect(res.totalPaid).toBeGreaterThanOrEqual(shaw.record.optimum_total_paid!);
    expect(res.lowerBound).toBeLessThanOrEqual(shaw.record.optimum_total_paid!);
    expect(res.stats.ms).toBeLessThan(1000);
  });

  it("under a time limit too short to finish, perturbs the best order and resumes", () => {
    const seen: number[] = [];
    const res = solveTalent(shaw.inst, { timeLimitMs: 60, onProgress: (b) => seen.push(b.totalPaid) });
    expect(isPermutation(res.order, 20)).toBe(true);
    expect(evaluateOrder(shaw.inst, res.order).totalPaid).toBe(res.totalPaid);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(res.totalPaid);
    expect(res.totalPaid).toBeLessThan(900);
    expect(res.stats.ms).toBeLessThan(1000);
  });

  it("stops when shouldStop says so and is never worse than the initial order", () => {
    const initial = [...Array(20).keys()].reverse();
    const res = solveTalent(shaw.inst, { shouldStop: () => true, initialOrder: initial });
    expect(res.optimal).toBe(false);
    expect(res.totalPaid).toBeLessThanOrEqual(evaluateOrder(shaw.inst, initial).totalPaid);
    expect(isPermutation(res.order, 20)).toBe(true);
  });

  it("reports ever better orders while it searches, ending with the result", () => {
    const film = datInstances().find((d) => d.file === "film117.dat")!;
    const seen: TalentSolution[] = [];
    const res = solveTalent(film.inst, { onProgress: (b) => seen.push(b) });
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i].totalPaid).toBeLessThan(seen[i - 1].totalPaid);
    for (const b of seen) expect(evaluateOrder(film.inst, b.order).totalPaid).toBe(b.totalPaid);
    expect(seen[seen.length - 1].totalPaid).toBe(res.totalPaid);
  });

  it("gives the best order it finds, unproved, when a component has more than 32 scenes", () => {
    // 40 scenes in a ring: actor i is in scenes i and i+1 (mod 40) and a hub actor in every
    // fifth scene, so no reduction splits it.
    const n = 40;
    const inst: TalentInstance = {
      name: "ring",
      durations: Array.from({ length: n }, (_, s) => 1 + (s % 3)),
      costs: [...Array.from({ length: n }, (_, a) => 1 + (a % 4)), 5],
      actorScenes: [
        ...Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, s) => s === a || s === (a + 1) % n)),
        Array.from({ length: n }, (_, s) => s % 5 === 0),
      ],
    };
    const res = solveTalent(inst, { timeLimitMs: 300 });
    expect(res.optimal).toBe(false);
    expect(isPermutation(res.order, n)).toBe(true);
    expect(evaluateOrder(inst, res.order)).toEqual({ totalPaid: res.totalPaid, idle: res.idle });
    expect(res.lowerBound).toBeLessThanOrEqual(res.totalPaid);
  });

  it("proves an order without waiting optimal even beyond 32 scenes", () => {
    // A chain: actor i in scenes i and i+1; shooting in order keeps everyone busy.
    const n = 45;
    const inst: TalentInstance = {
      name: "chain",
      durations: Array.from({ length: n }, () => 1),
      costs: Array.from({ length: n - 1 }, () => 2),
      actorScenes: Array.from({ length: n - 1 }, (_, a) => Array.from({ length: n }, (_, s) => s === a || s === a + 1)),
    };
    const res = solveTalent(inst);
    expect(res.optimal).toBe(true);
    expect(res.idle).toBe(0);
  });

  it("rejects an initial order that is not a permutation", () => {
    expect(() => solveTalent(shaw.inst, { initialOrder: [0, 1, 2] })).toThrow(/order has 3 scenes/);
  });
});

describe("solveTalent on random instances", () => {
  it("finds the brute-force optimum over all orders (up to 7 scenes)", () => {
    fc.assert(
      fc.property(instanceArb(7, 6), (inst) => {
        const res = solveTalent(inst);
        expect(isPermutation(res.order, inst.durations.length)).toBe(true);
        expect(res.optimal).toBe(true);
        expect(res.totalPaid).toBe(bruteForceOptimum(inst));
        expect(evaluateOrder(inst, res.order)).toEqual({ totalPaid: res.totalPaid, idle: res.idle });
      }),
      { numRuns: 300 },
    );
  });

  it("finds the plain dynamic program's optimum (up to 12 scenes, up to 14 actors)", () => {
    fc.assert(
      fc.property(instanceArb(12, 14), (inst) => {
        const res = solveTalent(inst);
        expect(res.optimal).toBe(true);
        expect(res.totalPaid).toBe(referenceOptimum(inst));
        expect(evaluateOrder(inst, res.order).totalPaid).toBe(res.totalPaid);
      }),
      { numRuns: 200 },
    );
  });

  it.each([false, true])(
    "the exact search alone on unreduced problems of up to 40 actors (double-ended: %s)",
    (doubleEnded) => {
      fc.assert(
        fc.property(instanceArb(8, 40), (inst) => {
          // Every actor and scene as is: free actors, empty scenes, several words of actors.
          const comp = {
            groups: inst.durations.map((_, s) => [s]),
            durations: inst.durations,
            costs: inst.costs,
            casts: inst.durations.map((_, s) => inst.costs.flatMap((_, a) => (inst.actorScenes[a][s] ? [a] : []))),
          };
          const model = buildModel(comp);
          const start = comp.durations.map((_, s) => s).reverse();
          const evaluator = new OrderEvaluator(model);
          const res = new ComponentSearch(model, doubleEnded).run(start, evaluator.cost(start), {});
          expect(res.optimal).toBe(true);
          expect(evaluator.cost(res.order)).toBe(res.cost);
          expect(res.cost).toBe(referenceOptimum(inst));
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each([false, true])(
    "the exact search alone (double-ended: %s) improves a poor start to the optimum",
    (doubleEnded) => {
      fc.assert(
        fc.property(instanceArb(11, 14), (inst) => {
          const red = reduceTalent(inst);
          let total = red.fixedCost;
          for (const comp of red.components) {
            const model = buildModel(comp);
            const start = comp.durations.map((_, s) => s);
            const evaluator = new OrderEvaluator(model);
            const res = new ComponentSearch(model, doubleEnded).run(start, evaluator.cost(start), {});
            expect(res.optimal).toBe(true);
            expect(isPermutation(res.order, model.n)).toBe(true);
            expect(evaluator.cost(res.order)).toBe(res.cost);
            total += res.cost;
          }
          expect(total).toBe(referenceOptimum(inst));
        }),
        { numRuns: 200 },
      );
    },
  );
});
