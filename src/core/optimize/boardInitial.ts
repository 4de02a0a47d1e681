import { allowedOn, BoardProblem, BoardSolution, groupByLocation } from "./boardModel";

/**
 * A first feasible board. Locked strips go on their days; the others keep their current day when
 * it is allowed and has room, else go to the nearest day that does. Returns the strips that fit
 * nowhere (a member unavailable on every day, say) so the caller can say which.
 */
export function feasibleStart(p: BoardProblem, current: number[][]): { solution: BoardSolution; unplaced: number[] } {
  const days: number[][] = Array.from({ length: p.days }, () => []);
  const load = new Array<number>(p.days).fill(0);
  const put = (id: number, d: number) => {
    days[d].push(id);
    load[d] += p.strips[id].pages;
  };
  const fits = (id: number, d: number) => load[d] + p.strips[id].pages <= p.capacity || days[d].length === 0;
  const unplaced: number[] = [];
  // A locked strip whose cast is unavailable on its day has no place: the caller reports it.
  for (const s of p.strips) {
    if (s.lockDay === undefined) continue;
    if (s.lockDay < p.days && allowedOn(p, s, s.lockDay)) put(s.id, s.lockDay);
    else unplaced.push(s.id);
  }
  const currentDay = new Map<number, number>();
  current.forEach((ids, d) => ids.forEach((id) => currentDay.set(id, d)));
  for (const s of p.strips) {
    if (s.lockDay !== undefined) continue;
    const home = Math.min(currentDay.get(s.id) ?? 0, p.days - 1);
    let placed = false;
    for (let dist = 0; dist < p.days && !placed; dist++) {
      for (const d of dist === 0 ? [home] : [home + dist, home - dist]) {
        if (d < 0 || d >= p.days || !allowedOn(p, s, d) || !fits(s.id, d)) continue;
        put(s.id, d);
        placed = true;
        break;
      }
    }
    if (!placed) unplaced.push(s.id);
  }
  return { solution: { days: days.map((ids) => groupByLocation(p.strips, ids)) }, unplaced };
}

/**
 * The baseline a first AD might draw up by hand: strips sorted by location, then by who is in
 * them, filled into days in turn. The benchmark measures the optimizer against it.
 */
export function greedyBoard(p: BoardProblem): BoardSolution {
  const order = [...p.strips].sort(
    (a, b) => a.location.localeCompare(b.location) || a.cast.join(",").localeCompare(b.cast.join(",")) || a.id - b.id,
  );
  const days: number[][] = Array.from({ length: p.days }, () => []);
  const load = new Array<number>(p.days).fill(0);
  let d = 0;
  for (const s of order) {
    if (s.lockDay !== undefined) {
      days[s.lockDay].push(s.id);
      load[s.lockDay] += s.pages;
      continue;
    }
    let tries = 0;
    while (tries < p.days && (!allowedOn(p, s, d) || (load[d] + s.pages > p.capacity && days[d].length > 0))) {
      d = (d + 1) % p.days;
      tries++;
    }
    days[d].push(s.id);
    load[d] += s.pages;
  }
  return { days: days.map((ids) => groupByLocation(p.strips, ids)) };
}
