/**
 * The talent scheduling problem: order the scenes of a shoot so that the cast's paid days cost
 * least. An actor is paid every day from the start of their first scene to the end of their last,
 * waiting days included.
 */
export interface TalentInstance {
  name: string;
  /** Days each scene takes (positive integers). */
  durations: number[];
  /** Daily cost of each actor (non-negative integers, e.g. cents). */
  costs: number[];
  /** actorScenes[a][s]: actor a is in scene s. */
  actorScenes: boolean[][];
}

export interface OrderCost {
  /** Sum over actors of cost x days from their first scene's start to their last scene's end. */
  totalPaid: number;
  /** totalPaid minus what the actors' own scene days cost: the part the order can change. */
  idle: number;
}

/** Throws when the instance's arrays disagree in size or hold values the solver cannot use. */
export function validateInstance(inst: TalentInstance): void {
  const n = inst.durations.length;
  inst.durations.forEach((d, s) => {
    if (!Number.isSafeInteger(d) || d <= 0) {
      throw new Error(`scene ${s}: duration must be a positive integer, got ${d}`);
    }
  });
  if (inst.actorScenes.length !== inst.costs.length) {
    throw new Error(
      `${inst.costs.length} actor costs but ${inst.actorScenes.length} actor rows`,
    );
  }
  inst.costs.forEach((c, a) => {
    if (!Number.isSafeInteger(c) || c < 0) {
      throw new Error(`actor ${a}: cost must be a non-negative integer, got ${c}`);
    }
    if (inst.actorScenes[a].length !== n) {
      throw new Error(`actor ${a}: ${inst.actorScenes[a].length} scene flags for ${n} scenes`);
    }
  });
}

/** What the actors' own scene days cost: a constant that every order pays. */
export function ownSceneCost(inst: TalentInstance): number {
  let total = 0;
  inst.costs.forEach((c, a) => {
    inst.actorScenes[a].forEach((inScene, s) => {
      if (inScene) total += c * inst.durations[s];
    });
  });
  return total;
}

/** Throws unless order holds each scene index 0..n-1 exactly once. */
export function checkPermutation(order: readonly number[], n: number): void {
  if (order.length !== n) {
    throw new Error(`order has ${order.length} scenes, the instance ${n}`);
  }
  const seen = new Uint8Array(n);
  for (const s of order) {
    if (!Number.isInteger(s) || s < 0 || s >= n) throw new Error(`order: no scene ${s}`);
    if (seen[s]) throw new Error(`order: scene ${s} appears twice`);
    seen[s] = 1;
  }
}

export function evaluateOrder(inst: TalentInstance, order: readonly number[]): OrderCost {
  const n = inst.durations.length;
  checkPermutation(order, n);
  // Day each scene starts, in shooting order.
  const start = new Array<number>(n);
  let day = 0;
  for (const s of order) {
    start[s] = day;
    day += inst.durations[s];
  }
  let totalPaid = 0;
  inst.costs.forEach((c, a) => {
    let first = Infinity;
    let last = -Infinity;
    inst.actorScenes[a].forEach((inScene, s) => {
      if (!inScene) return;
      first = Math.min(first, start[s]);
      last = Math.max(last, start[s] + inst.durations[s]);
    });
    if (last > first) totalPaid += c * (last - first);
  });
  return { totalPaid, idle: totalPaid - ownSceneCost(inst) };
}

interface Line {
  no: number;
  tokens: string[];
}

/**
 * Reads Peter Stuckey's talent format: a name line; the number of scenes n and of actors m
 * (one line each, or both on one line); m actor rows of n 0/1 flags then the daily cost;
 * a row of n durations (which may wrap over several lines). Blank lines are ignored.
 */
export function parseTalentDat(text: string): TalentInstance {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed !== "") lines.push({ no: i + 1, tokens: trimmed.split(/\s+/) });
  });
  if (lines.length === 0) throw new Error("empty file: expected a name line");
  const name = lines[0].tokens.join(" ");

  let li = 1;
  // n and m: the next two numbers, however they are split over lines.
  const header: { value: number; line: number }[] = [];
  while (header.length < 2) {
    const line = lines[li];
    if (!line) throw new Error("file ends before the number of scenes and of actors");
    const expected = header.length === 0 ? "scenes and of actors" : "actors";
    if (header.length + line.tokens.length > 2) {
      const found = clip(line.tokens.join(" "));
      throw new Error(`line ${line.no}: expected the number of ${expected}, found "${found}"`);
    }
    for (const tok of line.tokens) {
      const what = header.length === 0 ? "scenes" : "actors";
      header.push({ value: parseCount(tok, line.no, what), line: line.no });
    }
    li++;
  }
  const n = header[0].value;
  const m = header[1].value;
  if (n === 0) throw new Error(`line ${header[0].line}: the number of scenes must be at least 1`);

  const costs: number[] = [];
  const actorScenes: boolean[][] = [];
  for (let a = 0; a < m; a++) {
    const line = lines[li++];
    if (!line) throw new Error(`file ends after ${a} of ${m} actor rows`);
    if (line.tokens.length !== n + 1) {
      throw new Error(
        `line ${line.no}: actor row ${a + 1} needs ${n + 1} numbers ` +
          `(${n} scene flags and a daily cost), found ${line.tokens.length}`,
      );
    }
    const flags = line.tokens.slice(0, n).map((tok, s) => {
      if (tok !== "0" && tok !== "1") {
        const found = clip(tok);
        throw new Error(`line ${line.no}: scene flag ${s + 1} of actor ${a + 1} must be 0 or 1, found "${found}"`);
      }
      return tok === "1";
    });
    actorScenes.push(flags);
    costs.push(parseNumber(line.tokens[n], line.no, `daily cost of actor ${a + 1}`, 0));
  }

  const durations: number[] = [];
  let lastLine = lines[li - 1].no;
  for (; li < lines.length; li++) {
    const line = lines[li];
    for (const tok of line.tokens) {
      if (durations.length === n) {
        throw new Error(`line ${line.no}: unexpected "${clip(tok)}" after the ${n} scene durations`);
      }
      durations.push(parseNumber(tok, line.no, `duration of scene ${durations.length + 1}`, 1));
    }
    lastLine = line.no;
  }
  if (durations.length < n) {
    throw new Error(
      `line ${lastLine}: expected ${n} scene durations after the actor rows, found ${durations.length}`,
    );
  }
  return { name, durations, costs, actorScenes };
}

/** Quotes of input in messages stay short. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function parseCount(tok: string, lineNo: number, what: string): number {
  if (!/^\d+$/.test(tok)) {
    throw new Error(`line ${lineNo}: the number of ${what} must be a whole number, found "${clip(tok)}"`);
  }
  return Number(tok);
}

function parseNumber(tok: string, lineNo: number, what: string, min: number): number {
  const v = /^\d+$/.test(tok) ? Number(tok) : NaN;
  if (!Number.isSafeInteger(v) || v < min) {
    const kind = min > 0 ? "a positive whole number" : "a whole number";
    throw new Error(`line ${lineNo}: ${what} must be ${kind}, found "${clip(tok)}"`);
  }
  return v;
}
