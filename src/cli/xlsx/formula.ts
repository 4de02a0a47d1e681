/**
 * Computes a formula that a file holds without its result (openpyxl, pandas and most scripts
 * write formulas that way). It covers what production tables use: numbers, text, arithmetic and
 * comparison, cell and range references on any sheet, the common math, logic and text
 * functions, and the =PROD.* functions through the same code as the add-in's. Anything else is
 * `Unsupported`, which the reader reports naming the cell: never a silent 0.
 */
import { colNumber } from "./sheetData";

export interface FError {
  error: string;
}
export type Scalar = number | string | boolean | null | FError;
/** A range's values, row-major. */
export interface Matrix {
  rows: Scalar[][];
}
export type FValue = Scalar | Matrix;

export class Unsupported extends Error {}

export interface Here {
  sheet: string;
  r: number;
  c: number;
}

/** Where references are looked up. `cell` returns a value already computed (formulas included). */
export interface Cells {
  cell(sheet: string, r: number, c: number): Scalar;
  /** The last used row of a sheet, for whole-column references such as A:A. */
  lastRow(sheet: string): number;
  lastColumn(sheet: string): number;
  hasSheet(sheet: string): boolean;
  /** An =PROD.* function by its name without the namespace, or undefined. */
  prodFunction?(name: string): ((args: FValue[]) => FValue) | undefined;
  /**
   * Where a structured reference points: `Cast[#All]`, `Cast[#Data]`, `Cast[#Headers]`,
   * `Cast[Daily Rate]` (spec is what is inside the brackets); undefined for an unknown table.
   */
  tableRange?(table: string, spec: string): { sheet: string; r1: number; c1: number; r2: number; c2: number } | undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; sheet?: string; a: RefPart; b?: RefPart }
  | { k: "tref"; table: string; spec: string }
  | { k: "fn"; name: string }
  | { k: "op"; v: string }
  | { k: "("; }
  | { k: ")"; }
  | { k: ","; }
  | { k: "name"; v: string };

/** One end of a reference: a row or column may be missing (A:A, 1:1). */
interface RefPart {
  r?: number;
  c?: number;
  rAbs: boolean;
  cAbs: boolean;
}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const s = src.trim().replace(/^=/, "");
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= s.length) throw new Unsupported("a text in quotes is not closed");
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      out.push({ k: "str", v });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const e = ERRORS.find((x) => s.toUpperCase().startsWith(x, i));
      if (!e) throw new Unsupported(`unknown error value at "${s.slice(i, i + 8)}"`);
      out.push({ k: "err", v: e });
      i += e.length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ k: ch } as Tok);
      i++;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(ch)) {
      out.push({ k: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "{" || ch === "[" || ch === ";") throw new Unsupported(`${ch === "[" ? "references to other workbooks or this row's cells" : "array constants"} are not computed here`);
    // A sheet prefix: 'My sheet'!A1 or Sheet1!A1.
    let sheet: string | undefined;
    let j = i;
    if (ch === "'") {
      let v = "";
      j = i + 1;
      for (;;) {
        if (j >= s.length) throw new Unsupported("a quoted sheet name is not closed");
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            v += "'";
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      if (s[j + 1] !== "!") throw new Unsupported(`'${v}' is not followed by !`);
      sheet = v;
      j += 2;
    } else {
      const m = /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/.exec(s.slice(i));
      if (m) {
        sheet = m[1];
        j = i + m[0].length;
      }
    }
    const rest = s.slice(j);
    const ref = /^(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?(?![\w(.!])/.exec(rest);
    if (ref) {
      const a = refPart(ref[1]);
      const b = ref[2] ? refPart(ref[2]) : undefined;
      // A lone column or row (A, 12) is only a reference as part of a range.
      const whole = (p: RefPart) => p.r !== undefined && p.c !== undefined;
      if (b || whole(a)) {
        if (!b && !whole(a)) throw new Unsupported(`"${ref[0]}" is not a reference`);
        if (b && whole(a) !== whole(b) && !(a.r === undefined && b.r === undefined) && !(a.c === undefined && b.c === undefined)) throw new Unsupported(`"${ref[0]}" is not a reference`);
        out.push({ k: "ref", sheet, a, b });
        i = j + ref[0].length;
        continue;
      }
    }
    if (sheet !== undefined) throw new Unsupported(`"${s.slice(i, i + 20)}" is not a reference Prodbook can follow`);
    const num = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(rest);
    if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_\\][\w.]*/.exec(rest);
    if (word) {
      const w = word[0];
      i += w.length;
      if (s[i] === "[") {
        // A structured reference: Table[#All], Table[Column], Table[[#All],[Column]].
        let depth = 0;
        let j = i;
        for (; j < s.length; j++) {
          if (s[j] === "'" && j + 1 < s.length) {
            j++;
            continue;
          }
          if (s[j] === "[") depth++;
          else if (s[j] === "]" && --depth === 0) break;
        }
        if (depth !== 0) throw new Unsupported(`the structured reference ${w}[… is not closed`);
        out.push({ k: "tref", table: w, spec: s.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
      if (s[i] === "(") out.push({ k: "fn", name: w.toUpperCase().replace(/^_XLFN\./, "").replace(/^_XLWS\./, "") });
      else if (/^(TRUE|FALSE)$/i.test(w)) out.push({ k: "bool", v: w.toUpperCase() === "TRUE" });
      else out.push({ k: "name", v: w });
      continue;
    }
    throw new Unsupported(`unexpected "${ch}"`);
  }
  return out;
}

function refPart(t: string): RefPart {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(t)!;
  const hasCol = m[2] !== undefined;
  const hasRow = m[4] !== undefined;
  if (!hasCol) {
    // "$12" or "12": a row alone; the $ belongs to the row.
    return { r: Number(m[4]), rAbs: m[1] === "$", cAbs: false };
  }
  return { c: colNumber(m[2]), r: hasRow ? Number(m[4]) : undefined, cAbs: m[1] === "$", rAbs: m[3] === "$" };
}

// ---------------------------------------------------------------------------------------------
// Syntax tree

type Node =
  | { t: "lit"; v: Scalar }
  | { t: "ref"; sheet?: string; a: RefPart; b?: RefPart }
  | { t: "tref"; table: string; spec: string }
  | { t: "un"; op: string; x: Node }
  | { t: "bin"; op: string; x: Node; y: Node }
  | { t: "pct"; x: Node }
  | { t: "call"; name: string; args: Node[] };

const PRECEDENCE: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

/** Parses a formula once; `at` shifts relative references (a shared formula's other cells). */
export function parseFormula(src: string): Parsed {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const expr = (minPrec: number): Node => {
    let x = unary();
    for (;;) {
      const t = peek();
      if (!t || t.k !== "op" || t.v === "%") break;
      const prec = PRECEDENCE[t.v];
      if (prec === undefined || prec < minPrec) break;
      p++;
      // ^ is left-associative in Excel too.
      const y = expr(prec + 1);
      x = { t: "bin", op: t.v, x, y };
    }
    return x;
  };
  const unary = (): Node => {
    const t = peek();
    if (t && t.k === "op" && (t.v === "-" || t.v === "+")) {
      p++;
      // Excel binds unary minus tighter than ^: =-2^2 is 4.
      return { t: "un", op: t.v, x: unary() };
    }
    return postfix(primary());
  };
  const postfix = (x: Node): Node => {
    let n = x;
    while (peek()?.k === "op" && (peek() as { v: string }).v === "%") {
      p++;
      n = { t: "pct", x: n };
    }
    return n;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Unsupported("the formula ends too early");
    switch (t.k) {
      case "num":
        return { t: "lit", v: t.v };
      case "str":
        return { t: "lit", v: t.v };
      case "bool":
        return { t: "lit", v: t.v };
      case "err":
        return { t: "lit", v: { error: t.v } };
      case "ref":
        return { t: "ref", sheet: t.sheet, a: t.a, b: t.b };
      case "tref":
        return { t: "tref", table: t.table, spec: t.spec };
      case "(": {
        const x = expr(1);
        if (toks[p++]?.k !== ")") throw new Unsupported("a bracket is not closed");
        return x;
      }
      case "fn": {
        if (toks[p++]?.k !== "(") throw new Unsupported(`${t.name} needs brackets`);
        const args: Node[] = [];
        if (peek()?.k === ")") {
          p++;
          return { t: "call", name: t.name, args };
        }
        for (;;) {
          if (peek()?.k === "," || peek()?.k === ")") args.push({ t: "lit", v: null });
          else args.push(expr(1));
          const sep = toks[p++];
          if (sep?.k === ")") break;
          if (sep?.k !== ",") throw new Unsupported(`${t.name}'s arguments are not separated by commas`);
        }
        return { t: "call", name: t.name, args };
      }
      case "name":
        throw new Unsupported(`it uses the name ${t.v}, which Prodbook does not look up`);
      default:
        throw new Unsupported(`unexpected ${t.k}`);
    }
  };
  const root = expr(1);
  if (p < toks.length) throw new Unsupported("there is more after the end of the formula");
  return { root };
}

export interface Parsed {
  root: Node;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

const isErr = (v: unknown): v is FError => typeof v === "object" && v !== null && "error" in v;
const isMatrix = (v: unknown): v is Matrix => typeof v === "object" && v !== null && "rows" in v;

/**
 * Evaluates a parsed formula at cell `here`; `origin` is the cell the formula text was written
 * for (a shared formula's first cell), so relative references move by the difference.
 */
export function evaluate(parsed: Parsed, here: Here, cells: Cells, origin: { r: number; c: number } = here): FValue {
  const dr = here.r - origin.r;
  const dc = here.c - origin.c;
  const shift = (p: RefPart): RefPart => ({
    ...p,
    r: p.r === undefined ? undefined : p.rAbs ? p.r : p.r + dr,
    c: p.c === undefined ? undefined : p.cAbs ? p.c : p.c + dc,
  });
  const ev = (n: Node): FValue => {
    switch (n.t) {
      case "lit":
        return n.v;
      case "tref": {
        const at = cells.tableRange?.(n.table, n.spec);
        if (!at) throw new Unsupported(`the structured reference ${n.table}[${n.spec}] names no table and column Prodbook can find`);
        return ev({
          t: "ref",
          sheet: at.sheet,
          a: { r: at.r1, c: at.c1, rAbs: true, cAbs: true },
          b: { r: at.r2, c: at.c2, rAbs: true, cAbs: true },
        });
      }
      case "ref": {
        const sheet = n.sheet ?? here.sheet;
        if (!cells.hasSheet(sheet)) return { error: "#REF!" };
        const a = shift(n.a);
        if (!n.b) {
          if (a.r! < 1 || a.c! < 1) return { error: "#REF!" };
          return cells.cell(sheet, a.r!, a.c!);
        }
        const b = shift(n.b);
        const r1 = Math.min(a.r ?? 1, b.r ?? 1);
        const r2 = a.r === undefined || b.r === undefined ? cells.lastRow(sheet) : Math.max(a.r, b.r);
        const c1 = Math.min(a.c ?? 1, b.c ?? 1);
        const c2 = a.c === undefined || b.c === undefined ? cells.lastColumn(sheet) : Math.max(a.c, b.c);
        if (r1 < 1 || c1 < 1) return { error: "#REF!" };
        if ((r2 - r1 + 1) * (c2 - c1 + 1) > 1_000_000) throw new Unsupported("it sums a range of more than a million cells");
        const rows: Scalar[][] = [];
        for (let r = r1; r <= r2; r++) {
          const line: Scalar[] = [];
          for (let c = c1; c <= c2; c++) line.push(cells.cell(sheet, r, c));
          rows.push(line);
        }
        return { rows };
      }
      case "un": {
        const x = num(scalar(ev(n.x)));
        if (isErr(x)) return x;
        return n.op === "-" ? -x : x;
      }
      case "pct": {
        const x = num(scalar(ev(n.x)));
        return isErr(x) ? x : x / 100;
      }
      case "bin":
        return binary(n.op, scalar(ev(n.x)), scalar(ev(n.y)));
      case "call":
        return call(n.name, n.args, ev, cells);
    }
  };
  return ev(parsed.root);
}

/** A single value from a range used where one value is wanted (its first cell, as Excel's implicit intersection would not guess better). */
function scalar(v: FValue): Scalar {
  if (!isMatrix(v)) return v;
  if (v.rows.length === 1 && v.rows[0].length === 1) return v.rows[0][0];
  throw new Unsupported("it uses a range where one value is wanted");
}

function num(v: Scalar): number | FError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t === "") return { error: "#VALUE!" };
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : { error: "#VALUE!" };
}

function text(v: Scalar): string | FError {
  if (isErr(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function binary(op: string, x: Scalar, y: Scalar): Scalar {
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === "&") return (text(x) as string) + (text(y) as string);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const cmp = compare(x, y);
    return op === "=" ? cmp === 0 : op === "<>" ? cmp !== 0 : op === "<" ? cmp < 0 : op === ">" ? cmp > 0 : op === "<=" ? cmp <= 0 : cmp >= 0;
  }
  const a = num(x);
  const b = num(y);
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  let r: number;
  switch (op) {
    case "+":
      r = a + b;
      break;
    case "-":
      r = a - b;
      break;
    case "*":
      r = a * b;
      break;
    case "/":
      if (b === 0) return { error: "#DIV/0!" };
      r = a / b;
      break;
    case "^":
      r = Math.pow(a, b);
      break;
    default:
      throw new Unsupported(`operator ${op}`);
  }
  return Number.isFinite(r) ? r : { error: "#NUM!" };
}

/** Excel's order: numbers < text < booleans; text compares case-insensitively. */
function compare(x: Scalar, y: Scalar): number {
  const rank = (v: Scalar) => (v === null ? -1 : typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const a = x === null ? (typeof y === "string" ? "" : typeof y === "boolean" ? false : 0) : x;
  const b = y === null ? (typeof x === "string" ? "" : typeof x === "boolean" ? false : 0) : y;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const p = a.toLowerCase();
    const q = (b as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Every value of the arguments, ranges flattened; `fromRange` tells SUM to skip text in ranges. */
function flatten(values: FValue[]): { v: Scalar; fromRange: boolean }[] {
  const out: { v: Scalar; fromRange: boolean }[] = [];
  for (const a of values) {
    if (isMatrix(a)) for (const row of a.rows) for (const v of row) out.push({ v, fromRange: true });
    else out.push({ v: a, fromRange: false });
  }
  return out;
}

/** The numbers SUM, MIN, MAX, AVERAGE see: text and booleans in ranges are skipped, typed ones counted. */
function numbers(values: FValue[]): number[] | FError {
  const out: number[] = [];
  for (const { v, fromRange } of flatten(values)) {
    if (isErr(v)) return v;
    if (v === null) continue;
    if (fromRange && typeof v !== "number") continue;
    const n = num(v);
    if (isErr(n)) return n;
    out.push(n);
  }
  return out;
}

/** ROUND as Excel does it: half away from zero on the decimal digits, so 1.005 → 1.01. */
export function excelRound(x: number, digits: number, mode: "half" | "up" | "down" = "half"): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // Shift through the decimal text (15 significant digits, as Excel shows numbers) to avoid binary drift.
  const shifted = Number(`${Number(abs.toPrecision(15))}e${d}`);
  const whole = mode === "half" ? Math.floor(shifted + 0.5) : mode === "up" ? Math.ceil(shifted - 1e-9) : Math.floor(shifted + 1e-9);
  const r = Number(`${whole}e${-d}`);
  return r === 0 ? 0 : sign * r;
}

function call(name: string, argNodes: Node[], ev: (n: Node) => FValue, cells: Cells): FValue {
  const lazy = name === "IF" || name === "IFERROR" || name === "IFNA";
  if (lazy) {
    if (name === "IF") {
      const c = scalar(ev(argNodes[0] ?? { t: "lit", v: false }));
      if (isErr(c)) return c;
      const truth = typeof c === "string" ? undefined : Boolean(typeof c === "number" ? c !== 0 : c);
      if (truth === undefined) return { error: "#VALUE!" };
      const branch = truth ? argNodes[1] : argNodes[2];
      if (!branch) return truth;
      return ev(branch);
    }
    const v = ev(argNodes[0]);
    const s = isMatrix(v) ? v : v;
    if (isErr(s) && (name === "IFERROR" || s.error === "#N/A")) return argNodes[1] ? ev(argNodes[1]) : null;
    return v;
  }
  const args = argNodes.map(ev);
  const one = (i: number): Scalar => scalar(args[i] ?? null);
  const n = (i: number): number | FError => num(one(i));
  const withNums = (f: (xs: number[]) => Scalar): Scalar => {
    const xs = numbers(args);
    return isErr(xs) ? xs : f(xs);
  };
  const rounding = (mode: "half" | "up" | "down"): Scalar => {
    const x = n(0);
    const d = args.length > 1 ? n(1) : 0;
    if (isErr(x)) return x;
    if (isErr(d)) return d;
    return excelRound(x, d, mode);
  };
  switch (name) {
    case "SUM":
      return withNums((xs) => xs.reduce((a, b) => a + b, 0));
    case "PRODUCT":
      return withNums((xs) => xs.reduce((a, b) => a * b, 1));
    case "MIN":
      return withNums((xs) => (xs.length ? Math.min(...xs) : 0));
    case "MAX":
      return withNums((xs) => (xs.length ? Math.max(...xs) : 0));
    case "AVERAGE":
      return withNums((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : { error: "#DIV/0!" }));
    case "COUNT":
      return flatten(args).filter(({ v }) => typeof v === "number").length;
    case "COUNTA":
      return flatten(args).filter(({ v }) => v !== null && v !== "").length;
    case "ROUND":
      return rounding("half");
    case "ROUNDUP":
      return rounding("up");
    case "ROUNDDOWN":
    case "TRUNC":
      return rounding("down");
    case "INT": {
      const x = n(0);
      return isErr(x) ? x : Math.floor(x);
    }
    case "ABS": {
      const x = n(0);
      return isErr(x) ? x : Math.abs(x);
    }
    case "MOD": {
      const x = n(0);
      const y = n(1);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      if (y === 0) return { error: "#DIV/0!" };
      return x - y * Math.floor(x / y);
    }
    case "AND":
    case "OR": {
      const vs = flatten(args).filter(({ v, fromRange }) => !(fromRange && typeof v === "string") && v !== null);
      for (const { v } of vs) if (isErr(v)) return v;
      const bools = vs.map(({ v }) => (typeof v === "number" ? v !== 0 : v === true || (typeof v === "string" && v.toUpperCase() === "TRUE")));
      if (bools.length === 0) return { error: "#VALUE!" };
      return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "NOT": {
      const x = one(0);
      if (isErr(x)) return x;
      return !(typeof x === "number" ? x !== 0 : Boolean(x));
    }
    case "CONCATENATE":
    case "CONCAT": {
      let out = "";
      for (const { v } of flatten(args)) {
        const t = text(v);
        if (isErr(t)) return t;
        out += t;
      }
      return out;
    }
    case "LEN": {
      const t = text(one(0));
      return isErr(t) ? t : t.length;
    }
    case "UPPER":
    case "LOWER":
    case "TRIM": {
      const t = text(one(0));
      if (isErr(t)) return t;
      return name === "UPPER" ? t.toUpperCase() : name === "LOWER" ? t.toLowerCase() : t.trim().replace(/ +/g, " ");
    }
    case "VALUE": {
      return n(0);
    }
    case "DATE": {
      const y = n(0);
      const m = n(1);
      const d = n(2);
      if (isErr(y)) return y;
      if (isErr(m)) return m;
      if (isErr(d)) return d;
      const year = y < 1900 ? y + 1900 : y;
      const ms = Date.UTC(Math.trunc(year), Math.trunc(m) - 1, Math.trunc(d));
      const serial = ms / 86_400_000 + 25569;
      return serial < 1 ? { error: "#NUM!" } : serial;
    }
    default: {
      if (name.startsWith("PROD.") || name.startsWith("_XLUDF.PROD.")) {
        const fn = cells.prodFunction?.(name.replace(/^_XLUDF\./, "").slice(5));
        if (!fn) throw new Unsupported(`=${name} is not a Prodbook function`);
        return fn(args);
      }
      if (["TODAY", "NOW", "RAND", "RANDBETWEEN", "OFFSET", "INDIRECT"].includes(name)) throw new Unsupported(`${name} changes each time it is calculated`);
      throw new Unsupported(`${name} is not one of the functions Prodbook computes`);
    }
  }
}
