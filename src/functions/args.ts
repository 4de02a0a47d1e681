import { parseDecimalText } from "../core/money";
import { showValue } from "../core/problems";
import { FunctionInputError } from "./errors";

/** A worksheet argument: Excel hands a matrix for a range, and [[v]] for a single value. */
export type Arg = unknown[][] | unknown | null | undefined;

export function isBlankArg(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Normalises an argument to a matrix; an omitted optional argument is undefined. */
export function asMatrix(a: Arg): unknown[][] | undefined {
  if (a === undefined || a === null) return undefined;
  if (Array.isArray(a)) {
    if (a.length === 0) return [[null]];
    return Array.isArray(a[0]) ? (a as unknown[][]) : [a as unknown[]];
  }
  return [[a]];
}

export function numberArg(v: unknown, name: string, blank?: number): number {
  if (isBlankArg(v)) {
    if (blank !== undefined) return blank;
    throw new FunctionInputError(`${name} is blank`);
  }
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean") throw new FunctionInputError(`${name} must be a number, not ${v ? "TRUE" : "FALSE"}`);
  if (typeof v === "string") {
    const t = v.trim();
    const pct = t.endsWith("%") ? parseDecimalText(t.slice(0, -1)) : undefined;
    if (pct !== undefined) return pct / 100;
    const n = parseDecimalText(t);
    if (n !== undefined) return n;
  }
  throw new FunctionInputError(`${name} must be a number, not ${showValue(v)}`);
}

/**
 * Applies `fn` cell by cell over arguments of one shape; a single value stands for every cell,
 * so =PROD.EFC(B2:B100, C2:C100) spills a column and =PROD.EFC(B2, C2) gives one value.
 */
export function broadcast<T>(args: { name: string; value: Arg }[], fn: (cells: unknown[], row: number, col: number) => T): T[][] {
  const ms = args.map((a) => asMatrix(a.value));
  let rows = 1;
  let cols = 1;
  let shapeOf = "";
  ms.forEach((m, i) => {
    if (!m) return;
    const r = m.length;
    const c = m[0]?.length ?? 1;
    if (r === 1 && c === 1) return;
    if ((rows !== 1 || cols !== 1) && (r !== rows || c !== cols)) {
      throw new FunctionInputError(`${args[i].name} is ${r}×${c} but ${shapeOf} is ${rows}×${cols}: ranges must be the same size`);
    }
    rows = r;
    cols = c;
    shapeOf = args[i].name;
  });
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) {
      const cells = ms.map((m) => {
        if (!m) return undefined;
        if (m.length === 1 && (m[0]?.length ?? 1) === 1) return m[0][0];
        return m[r][c];
      });
      line.push(fn(cells, r, c));
    }
    out.push(line);
  }
  return out;
}

/** Flattens a one-column or one-row range (or a single value) to a list. */
export function vectorArg(a: Arg, name: string): unknown[] {
  const m = asMatrix(a);
  if (!m) throw new FunctionInputError(`${name} is required`);
  if (m.length === 1) return m[0];
  if (m.every((r) => r.length === 1)) return m.map((r) => r[0]);
  throw new FunctionInputError(`${name} must be one column or one row, not ${m.length}×${m[0].length}`);
}
