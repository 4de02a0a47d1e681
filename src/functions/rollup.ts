import { Cents, fromUnits, toUnits } from "../core/money";
import { showValue } from "../core/problems";
import { Arg, asMatrix, broadcast, isBlankArg, numberArg, vectorArg } from "./args";
import { FunctionInputError } from "./errors";

/**
 * PROD.ROLLUP indexes its ranges once: a column of 1,000 rollup formulas over one 10,000-row
 * range builds one index and answers each call from it.
 *
 * Knowing it is "the same range" must not cost a scan per call (touching 10,000 fresh cells is
 * already ~0.15 ms). Where Excel passes the ranges' addresses (CustomFunctionsRuntime 1.3), an
 * index is keyed by them and fully re-verified once per JavaScript task: Excel hands the runtime
 * a calculation batch as one message whose invocations run back to back in one task, all seeing
 * one state of the workbook, so within a task an address stands for one content. The first call
 * of each later task compares the values in full, so an edit between recalculations is always
 * seen. Without addresses every call compares the values in full (no allocation, no rebuild).
 */
interface RollupIndex {
  /** The ranges as the first call received them (Excel never changes a call's arguments). */
  codes: unknown[][];
  amounts: unknown[][];
  parents?: unknown[][];
  /** Parent mode: code → rolled total. */
  totals?: Map<string, Cents>;
  /** Prefix mode: sorted codes and cumulative sums. */
  sorted?: string[];
  cumulative?: Cents[];
  /** Addresses of codes, amounts and parents when Excel gave them. */
  key?: string;
  /** The task in which the values were last compared in full. */
  verifiedTask: number;
}

let task = 0;
let inTask = false;
/** A number that changes with each JavaScript task (a microtask ends the current one). */
function currentTask(): number {
  if (!inTask) {
    inTask = true;
    task++;
    queueMicrotask(() => {
      inTask = false;
    });
  }
  return task;
}

const CACHE_SIZE = 8;
const cache: RollupIndex[] = [];

function codeText(v: unknown): string {
  if (isBlankArg(v)) return "";
  return String(v).trim();
}

/** Are two ranges, as Excel hands them, the same values? A tight loop: no allocation. */
function sameRange(a: unknown[][] | undefined, b: unknown[][] | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

function buildIndex(codes: unknown[], amounts: unknown[], parents?: unknown[]): RollupIndex {
  if (amounts.length !== codes.length) {
    throw new FunctionInputError(`amounts has ${amounts.length} cells but codes has ${codes.length}: ranges must be the same size`);
  }
  if (parents && parents.length !== codes.length) {
    throw new FunctionInputError(`parents has ${parents.length} cells but codes has ${codes.length}: ranges must be the same size`);
  }
  const own = new Map<string, Cents>();
  codes.forEach((c, i) => {
    const code = codeText(c);
    if (!code) return;
    const amt = fromUnits(numberArg(amounts[i], `amounts (item ${i + 1}, code ${code})`, 0));
    own.set(code, (own.get(code) ?? 0) + amt);
  });
  const idx: RollupIndex = { codes: [], amounts: [], verifiedTask: 0 };
  if (parents) {
    const parentOf = new Map<string, string>();
    codes.forEach((c, i) => {
      const code = codeText(c);
      const p = codeText(parents[i]);
      if (!code || !p) return;
      const prior = parentOf.get(code);
      if (prior !== undefined && prior !== p) throw new FunctionInputError(`code ${code} has two parents, ${prior} and ${p}`);
      parentOf.set(code, p);
    });
    const totals = new Map<string, Cents>();
    for (const code of own.keys()) totals.set(code, 0);
    for (const p of parentOf.values()) if (!totals.has(p)) totals.set(p, 0);
    // Add each code's own amount to itself and every ancestor; a cycle is an error.
    for (const [code, amt] of own) {
      let cur: string | undefined = code;
      const seen = new Set<string>();
      while (cur !== undefined) {
        if (seen.has(cur)) throw new FunctionInputError(`parents form a cycle: ${[...seen, cur].join(" → ")}`);
        seen.add(cur);
        totals.set(cur, (totals.get(cur) ?? 0) + amt);
        cur = parentOf.get(cur);
      }
    }
    idx.totals = totals;
  } else {
    const sorted = [...own.keys()].sort();
    const cumulative: Cents[] = [0];
    for (const code of sorted) cumulative.push(cumulative[cumulative.length - 1] + own.get(code)!);
    idx.sorted = sorted;
    idx.cumulative = cumulative;
  }
  return idx;
}

function indexFor(codes: unknown[][], amounts: unknown[][], parents: unknown[][] | undefined, key: string | undefined): RollupIndex {
  const now = currentTask();
  for (let i = 0; i < cache.length; i++) {
    const c = cache[i];
    if (key !== undefined && c.key === key && c.verifiedTask === now && c.codes.length === codes.length) return c;
    if (sameRange(codes, c.codes) && sameRange(amounts, c.amounts) && sameRange(parents, c.parents)) {
      if (i > 0) cache.unshift(...cache.splice(i, 1));
      c.key = key;
      c.verifiedTask = now;
      return c;
    }
  }
  const idx = buildIndex(vectorArg(codes, "codes"), vectorArg(amounts, "amounts"), parents && vectorArg(parents, "parents"));
  idx.codes = codes;
  idx.amounts = amounts;
  idx.parents = parents;
  idx.key = key;
  idx.verifiedTask = now;
  cache.unshift(idx);
  if (cache.length > CACHE_SIZE) cache.pop();
  return idx;
}

/** First position in `sorted` not less than `key`. */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lookup(idx: RollupIndex, code: string): Cents {
  if (idx.totals) {
    const t = idx.totals.get(code);
    if (t === undefined) throw new FunctionInputError(`account ${code} is not in codes or parents`, "na");
    return t;
  }
  const sorted = idx.sorted!;
  const lo = lowerBound(sorted, code);
  let hi = lo;
  // Codes with this prefix are contiguous in sort order.
  const end = lowerBound(sorted, code + "\uffff");
  hi = end;
  if (hi === lo) throw new FunctionInputError(`no code in codes starts with ${code}`, "na");
  return idx.cumulative![hi] - idx.cumulative![lo];
}

/**
 * The total of an account and all its descendants: by the parents column when given, else every
 * code that starts with `code` ("21" takes 2100, 2110, 2199).
 */
export function rollup(codes: Arg, amounts: Arg, code: Arg, parents?: Arg, addresses?: string[]): number[][] {
  const codeM = asMatrix(codes);
  const amountM = asMatrix(amounts);
  if (!codeM) throw new FunctionInputError("codes is required");
  if (!amountM) throw new FunctionInputError("amounts is required");
  let parentM = asMatrix(parents);
  // An omitted or blank parents argument means prefix mode.
  if (parentM && parentM.length === 1 && parentM[0].length === 1 && isBlankArg(parentM[0][0])) parentM = undefined;
  const key = addresses && addresses[0] && addresses[1] ? `${addresses[0]}|${addresses[1]}|${parentM ? addresses[3] ?? "" : ""}` : undefined;
  const idx = indexFor(codeM, amountM, parentM, key);
  return broadcast([{ name: "code", value: code }], (c) => {
    const k = codeText(c[0]);
    if (!k) throw new FunctionInputError(`code is blank: give an account code such as 2100, not ${showValue(c[0])}`);
    return toUnits(lookup(idx, k));
  });
}

/** For tests: forget the indexes. */
export function clearRollupCache(): void {
  cache.length = 0;
}
