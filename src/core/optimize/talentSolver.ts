import { greedyOrder, improveOrder } from "./talentHeuristic";
import {
  evaluateOrder,
  checkPermutation,
  ownSceneCost,
  validateInstance,
  type OrderCost,
  type TalentInstance,
} from "./talentInstance";
import { buildModel, OrderEvaluator, type SceneModel } from "./talentModel";
import { expandOrder, reduceTalent, type ReducedComponent } from "./talentReduce";
import {
  ComponentSearch,
  MAX_SEARCH_SCENES,
  preferDoubleEnded,
  type SearchLimits,
  type SearchResult,
} from "./talentSearch";
import { SubsetSearch, subsetSearchFits } from "./talentSubsets";

/**
 * Exact talent scheduling: reduce the instance, take a heuristic order as the incumbent, then
 * prove it optimal or improve it, component by component: the subset table (talentSubsets)
 * for up to 25 scenes, else the bounded dynamic program's search (talentSearch).
 */
export interface SolveTalentOptions {
  /** Stop searching after this long and return the best order found (optimal: false). */
  timeLimitMs?: number;
  /** Called with each better order found. */
  onProgress?: (best: TalentSolution) => void;
  /** Polled during the search; true stops it as the time limit would. */
  shouldStop?: () => boolean;
  /** An order to start from: the result is never worse than it. */
  initialOrder?: readonly number[];
}

export interface TalentSolution extends OrderCost {
  /** 0-based scene indices in shooting order. */
  order: number[];
}

export interface TalentSolveResult extends TalentSolution {
  /** The order is proved to cost least. */
  optimal: boolean;
  /** Proved lower bound on totalPaid (equal to it when optimal). */
  lowerBound: number;
  stats: {
    ms: number;
    /** Of which building the starting orders. */
    heuristicMs: number;
    /** Search nodes expanded. */
    nodes: number;
    memoEntries: number;
    /** Scenes of each independent component after the reductions. */
    componentScenes: number[];
  };
}

/** Perturbation rounds for a component too large for the exact search, without a time limit. */
const LARGE_ROUNDS = 20;

interface ComponentState {
  comp: ReducedComponent;
  model: SceneModel;
  order: number[];
  cost: number;
  /** What the actors' own scene days cost: a lower bound, reached only by an optimal order. */
  ownDays: number;
  optimal: boolean;
  lowerBound: number;
}

export function solveTalent(inst: TalentInstance, opts: SolveTalentOptions = {}): TalentSolveResult {
  const t0 = performance.now();
  validateInstance(inst);
  const n = inst.durations.length;
  const deadline = opts.timeLimitMs === undefined ? undefined : t0 + Math.max(0, opts.timeLimitMs);
  const shouldStop = opts.shouldStop;
  const own = ownSceneCost(inst);
  const red = reduceTalent(inst);

  let initial: number[] | undefined;
  if (opts.initialOrder) {
    checkPermutation(opts.initialOrder, n);
    initial = [...opts.initialOrder];
  }
  // Where each original scene sits in the initial order, to project it onto components.
  const initialPos = new Int32Array(n);
  initial?.forEach((s, i) => (initialPos[s] = i));

  const states: ComponentState[] = red.components.map((comp) => {
    const model = buildModel(comp);
    const evaluator = new OrderEvaluator(model);
    const k = comp.durations.length;
    let order = greedyOrder(model);
    let cost = evaluator.cost(order);
    if (initial) {
      const projected = comp.groups
        .map((g, r) => ({ r, pos: Math.min(...g.map((s) => initialPos[s])) }))
        .sort((a, b) => a.pos - b.pos)
        .map((x) => x.r);
      const c = evaluator.cost(projected);
      if (c < cost) {
        order = projected;
        cost = c;
      }
    }
    // Every order pays each actor's own scene days; an order paying nothing more is optimal, as
    // is any order of one or two scenes (an order costs what its reverse does).
    const ownDays = comp.casts.reduce(
      (sum, cast, s) => sum + comp.durations[s] * cast.reduce((c, a) => c + comp.costs[a], 0),
      0,
    );
    if (k > 2 && cost > ownDays) {
      // A plain local optimum is enough for the exact search, which improves on it quickly; a
      // component too large to search gets perturbation rounds too.
      const rounds = k <= MAX_SEARCH_SCENES ? 0 : deadline === undefined ? LARGE_ROUNDS : Infinity;
      const improved = improveOrder(model, order, { rounds, deadline, shouldStop, target: ownDays });
      if (improved.cost < cost) ({ order, cost } = improved);
    }
    const optimal = k <= 2 || cost === ownDays;
    return { comp, model, order, cost, ownDays, optimal, lowerBound: optimal ? cost : ownDays };
  });

  const current = (): TalentSolution => {
    const order = expandOrder(
      red,
      states.map((st) => st.order),
    );
    const totalPaid = red.fixedCost + states.reduce((sum, st) => sum + st.cost, 0);
    return { order, totalPaid, idle: totalPaid - own };
  };
  opts.onProgress?.(current());
  const heuristicMs = performance.now() - t0;

  let nodes = 0;
  let memoEntries = 0;
  const stopped = (): boolean =>
    (deadline !== undefined && performance.now() > deadline) || (shouldStop !== undefined && shouldStop());
  for (const st of states) {
    if (st.optimal || stopped()) continue;
    // Up to 25 scenes: the subset table settles it in one pass (or says it cannot take it).
    if (subsetSearchFits(st.model)) {
      const res = new SubsetSearch(st.model).run(st.order, st.cost, { deadline, shouldStop });
      if (res) {
        if (res.cost < st.cost) {
          st.order = res.order;
          st.cost = res.cost;
          opts.onProgress?.(current());
        }
        st.optimal = res.optimal;
        nodes += res.states;
        if (st.optimal) {
          st.lowerBound = st.cost;
          continue;
        }
      }
    }
    if (st.model.n > MAX_SEARCH_SCENES || stopped()) continue;
    const search = new ComponentSearch(st.model, preferDoubleEnded(st.model, st.order));
    const limits = (until: number | undefined): SearchLimits => ({
      deadline: until,
      shouldStop,
      onImprove: (order, cost) => {
        st.order = order;
        st.cost = cost;
        opts.onProgress?.(current());
      },
    });
    const record = (res: SearchResult): void => {
      st.order = res.order;
      st.cost = res.cost;
      st.optimal = res.optimal;
      st.lowerBound = Math.max(st.lowerBound, res.lowerBound);
      nodes += res.nodes;
      memoEntries = Math.max(memoEntries, res.memoEntries);
    };
    // Under a time limit, search for half the time left; if that does not settle it, spend some
    // on perturbing the best order, so that a search cut short still returns a good one, then
    // resume the search (its memo kept) from that order.
    const half = deadline === undefined ? undefined : (performance.now() + deadline) / 2;
    record(search.run(st.order, st.cost, limits(half)));
    if (st.optimal || deadline === undefined || stopped()) continue;
    const until = performance.now() + (deadline - performance.now()) * 0.4;
    const improved = improveOrder(st.model, st.order, {
      rounds: Infinity,
      deadline: until,
      shouldStop,
      target: st.ownDays,
    });
    if (improved.cost < st.cost) {
      st.order = improved.order;
      st.cost = improved.cost;
      opts.onProgress?.(current());
    }
    if (!stopped()) record(search.run(st.order, st.cost, limits(deadline)));
  }

  let best = current();
  // The reduced costs must add up to the real objective: a cheap check on the reductions.
  const check = evaluateOrder(inst, best.order);
  if (check.totalPaid !== best.totalPaid) {
    throw new Error(
      `internal error: reduced cost ${best.totalPaid} but the order costs ${check.totalPaid}`,
    );
  }
  const optimal = states.every((st) => st.optimal);
  if (initial && !optimal) {
    const init = evaluateOrder(inst, initial);
    if (init.totalPaid < best.totalPaid) best = { order: initial, ...init };
  }
  const lowerBound = optimal
    ? best.totalPaid
    : red.fixedCost + states.reduce((sum, st) => sum + st.lowerBound, 0);
  return {
    ...best,
    optimal,
    lowerBound: Math.min(Math.max(lowerBound, own), best.totalPaid),
    stats: {
      ms: performance.now() - t0,
      heuristicMs,
      nodes,
      memoEntries,
      componentScenes: states.map((st) => st.model.n),
    },
  };
}
