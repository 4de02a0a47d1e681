import type { TalentInstance } from "./talentInstance";

/**
 * Reductions that keep an optimal order reachable (Garcia de la Banda, Stuckey & Chu 2011):
 * - an actor in one scene is paid for that scene whatever the order: a fixed cost;
 * - an actor in no scene, or costing nothing, never matters;
 * - a scene left with no cast costs nothing when shot first, before anyone arrives;
 * - scenes with the same cast can be shot back to back, so they merge into one;
 * - actors in exactly the same scenes act as one actor at their summed cost;
 * - scenes that share no actor, even indirectly, split into independent problems.
 * Each rule can enable the others, so the first three repeat until nothing changes.
 */
export interface ReducedComponent {
  /** Reduced scene r stands for these original scenes, shot back to back in this order. */
  groups: number[][];
  durations: number[];
  /** Daily cost of each reduced actor. */
  costs: number[];
  /** Reduced actors of each reduced scene, ascending. */
  casts: number[][];
}

export interface TalentReduction {
  /** Paid whatever the order: actors in a single scene. */
  fixedCost: number;
  /** Original scenes without a remaining cast: shot first. */
  leading: number[];
  components: ReducedComponent[];
}

interface WorkScene {
  group: number[];
  duration: number;
  /** Original actor indices, ascending. */
  cast: number[];
}

export function reduceTalent(inst: TalentInstance): TalentReduction {
  const m = inst.costs.length;
  let scenes: WorkScene[] = inst.durations.map((duration, s) => ({
    group: [s],
    duration,
    cast: [],
  }));
  for (let a = 0; a < m; a++) {
    if (inst.costs[a] === 0) continue;
    inst.actorScenes[a].forEach((inScene, s) => {
      if (inScene) scenes[s].cast.push(a);
    });
  }

  let fixedCost = 0;
  const leading: number[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const sceneCount = new Array<number>(m).fill(0);
    const sceneOf = new Array<number>(m).fill(-1);
    scenes.forEach((sc, i) => {
      for (const a of sc.cast) {
        sceneCount[a]++;
        sceneOf[a] = i;
      }
    });
    for (let a = 0; a < m; a++) {
      if (sceneCount[a] !== 1) continue;
      const sc = scenes[sceneOf[a]];
      fixedCost += inst.costs[a] * sc.duration;
      sc.cast = sc.cast.filter((x) => x !== a);
      changed = true;
    }
    const kept: WorkScene[] = [];
    const byCast = new Map<string, WorkScene>();
    for (const sc of scenes) {
      if (sc.cast.length === 0) {
        leading.push(...sc.group);
        changed = true;
        continue;
      }
      const key = sc.cast.join(",");
      const twin = byCast.get(key);
      if (twin) {
        twin.group.push(...sc.group);
        twin.duration += sc.duration;
        changed = true;
      } else {
        byCast.set(key, sc);
        kept.push(sc);
      }
    }
    scenes = kept;
  }

  // Connected components of the scene-actor graph (union-find over scenes).
  const parent = scenes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstSceneOf = new Map<number, number>();
  scenes.forEach((sc, i) => {
    for (const a of sc.cast) {
      const j = firstSceneOf.get(a);
      if (j === undefined) firstSceneOf.set(a, i);
      else parent[find(i)] = find(j);
    }
  });
  const byRoot = new Map<number, number[]>();
  scenes.forEach((_, i) => {
    const r = find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  });

  const components: ReducedComponent[] = [];
  for (const members of byRoot.values()) {
    // Actors with identical scene sets merge: key each actor by its scenes in this component.
    const scenesOfActor = new Map<number, number[]>();
    members.forEach((sceneIdx, local) => {
      for (const a of scenes[sceneIdx].cast) {
        const list = scenesOfActor.get(a);
        if (list) list.push(local);
        else scenesOfActor.set(a, [local]);
      }
    });
    const costs: number[] = [];
    const casts: number[][] = members.map(() => []);
    const actorByKey = new Map<string, number>();
    for (const [a, list] of scenesOfActor) {
      const key = list.join(",");
      const existing = actorByKey.get(key);
      if (existing !== undefined) {
        costs[existing] += inst.costs[a];
        continue;
      }
      const r = costs.length;
      actorByKey.set(key, r);
      costs.push(inst.costs[a]);
      for (const local of list) casts[local].push(r);
    }
    components.push({
      groups: members.map((i) => scenes[i].group),
      durations: members.map((i) => scenes[i].duration),
      costs,
      casts,
    });
  }
  return { fixedCost, leading, components };
}

/** The original order: leading scenes, then each component's reduced order expanded. */
export function expandOrder(red: TalentReduction, componentOrders: readonly number[][]): number[] {
  const order = [...red.leading];
  red.components.forEach((comp, k) => {
    for (const r of componentOrders[k]) order.push(...comp.groups[r]);
  });
  return order;
}
