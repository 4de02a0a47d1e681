import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { evaluateOrder, parseTalentDat, type TalentInstance } from "../../../src/core/optimize/talentInstance";
import { greedyOrder } from "../../../src/core/optimize/talentHeuristic";
import { buildModel, OrderEvaluator } from "../../../src/core/optimize/talentModel";
import { reduceTalent } from "../../../src/core/optimize/talentReduce";
import { ComponentSearch } from "../../../src/core/optimize/talentSearch";
import { solveTalent } from "../../../src/core/optimize/talentSolver";
import { SubsetSearch, subsetSearchFits } from "../../../src/core/optimize/talentSubsets";
import { datInstances, TALENT_DIR } from "./talentData";

/** Every scene and actor as it is, no reduction: the table sees the instance itself. */
function plainModel(inst: TalentInstance) {
  return buildModel({
    groups: inst.durations.map((_, s) => [s]),
    durations: inst.durations,
    costs: inst.costs,
    casts: inst.durations.map((_, s) => inst.costs.map((_, a) => a).filter((a) => inst.actorScenes[a][s])),
  });
}

/** Least total paid over every order, by trying them all (up to 7 scenes). */
function bruteForce(inst: TalentInstance): number {
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

const instanceArb = fc
  .record({ n: fc.integer({ min: 3, max: 7 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc.record({
      name: fc.constant("random"),
      durations: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }),
      actorScenes: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
    }),
  );

describe("the subset table", () => {
  it("finds the least cost over all orders, and an order that costs it (random instances up to 7 scenes)", () => {
    fc.assert(
      fc.property(instanceArb, fc.boolean(), fc.boolean(), (plain, startHigh, dear) => {
        // dear: rates in the tens of thousands, so idle costs pass two bytes (the int32 table).
        const inst = dear ? { ...plain, costs: plain.costs.map((c) => c * 10007) } : plain;
        const model = plainModel(inst);
        const evaluator = new OrderEvaluator(model);
        const start = greedyOrder(model);
        // The bound is the start order's cost, or (startHigh) far above it.
        const startCost = evaluator.cost(start) + (startHigh ? 1000 : 0);
        const res = new SubsetSearch(model).run(start, startCost)!;
        const best = bruteForce(inst);
        expect(res.optimal).toBe(true);
        // Without reductions the model's cost is the total paid.
        expect(Math.min(res.cost, evaluator.cost(start))).toBe(best);
        if (res.cost < startCost) expect(evaluator.cost(res.order)).toBe(res.cost);
        expect([...res.order].sort((a, b) => a - b)).toEqual(inst.durations.map((_, s) => s));
      }),
      { numRuns: 150 },
    );
  });

  it("stops at the deadline, unproved, never worse than the start", () => {
    const file = path.join(TALENT_DIR, "ddolib", "instance_26_15_40_25.txt");
    const inst = parseTalentDat(readFileSync(file, "utf8"));
    const comp = reduceTalent(inst).components[0];
    const model = buildModel(comp);
    expect(subsetSearchFits(model)).toBe(true);
    const start = greedyOrder(model);
    const cost = new OrderEvaluator(model).cost(start);
    const res = new SubsetSearch(model).run(start, cost, { shouldStop: () => true })!;
    expect(res.optimal).toBe(false);
    expect(res.cost).toBe(cost);
    expect(res.lowerBound).toBeLessThanOrEqual(cost);
  });

  it("declines what an int32 table cannot hold exactly: fractional costs", () => {
    const model = plainModel({ name: "frac", durations: [1, 2, 1], costs: [1.5, 2], actorScenes: [[true, false, true], [false, true, true]] });
    expect(new SubsetSearch(model).run([0, 1, 2], 100)).toBeUndefined();
  });
});

describe("solveTalent with the subset table", () => {
  // Published optima (Qin et al. 2016, Table 10; instances.json): the film instances reduce to
  // components the table takes, so these are proved by it.
  for (const { file, inst, record } of datInstances().filter((d) => d.file.startsWith("film1"))) {
    it(`${file}: the published optimum ${record.optimum_total_paid}, proved`, () => {
      const res = solveTalent(inst);
      expect(res.optimal).toBe(true);
      expect(res.totalPaid).toBe(record.optimum_total_paid);
    });
  }

  // No optima are published for DDOLib's generated instances: on those the older bounded search
  // proves quickly, the two exact methods (table, and search tree with its own bound) must agree.
  for (const name of ["instance_22_10_30_15", "instance_24_10_30_15", "instance_24_10_40_15", "instance_28_10_30_15"]) {
    it(`${name}: the table's optimum is the bounded search's`, () => {
      const inst = parseTalentDat(readFileSync(path.join(TALENT_DIR, "ddolib", `${name}.txt`), "utf8"));
      const res = solveTalent(inst);
      expect(res.optimal).toBe(true);
      expect(evaluateOrder(inst, res.order).totalPaid).toBe(res.totalPaid);
      const red = reduceTalent(inst);
      let total = red.fixedCost;
      for (const comp of red.components) {
        const model = buildModel(comp);
        const order = greedyOrder(model);
        const search = new ComponentSearch(model).run(order, new OrderEvaluator(model).cost(order), {});
        expect(search.optimal).toBe(true);
        total += search.cost;
      }
      expect(res.totalPaid).toBe(total);
    });
  }
});
