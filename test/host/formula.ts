/**
 * A small Excel formula evaluator for the in-memory host: enough for the formulas Prodbook
 * writes (SUM of ranges, arithmetic, comparisons in conditional formats) to read back as values.
 * Relative references shift by (dr, dc), as a conditional format's formula does across its range.
 */
import type { CellScalar, SheetModel, WorkbookModel } from "./model";

export type FormulaValue = CellScalar | CellScalar[][];

export interface EvalContext {
  wb: WorkbookModel;
  sheet: SheetModel;
  depth: number;
  /** Offset applied to relative (non-$) references. */
  dr: number;
  dc: number;
}

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string } | { t: "op"; v: string } | { t: "fn"; v: string };

const REF = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let m = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest);
    if (m) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    m = /^([A-Za-z_][A-Za-z0-9_.]*)\(/.exec(rest);
    if (m) {
      out.push({ t: "fn", v: m[1].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = REF.exec(rest);
    if (m) {
      out.push({ t: "ref", v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(TRUE|FALSE)\b/i.exec(rest);
    if (m) {
      out.push({ t: "str", v: `\u0000${m[0].toUpperCase()}` }); // a boolean literal
      i += m[0].length;
      continue;
    }
    m = /^(<=|>=|<>|[-+*/^&=<>(),%])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    throw new Error(`#NAME?`);
  }
  return out;
}

export function evaluateFormula(formula: string, ctx: EvalContext): FormulaValue {
  try {
    const toks = tokenize(formula.replace(/^=/, ""));
    const p = new Parser(toks, ctx);
    const v = p.expr();
    if (p.pos !== toks.length) return "#NAME?";
    return v;
  } catch (e) {
    const msg = (e as Error).message;
    return msg.startsWith("#") ? msg : "#NAME?";
  }
}

class Parser {
  pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly ctx: EvalContext,
  ) {}

  private peekOp(...ops: string[]): string | undefined {
    const t = this.toks[this.pos];
    return t && t.t === "op" && ops.includes(t.v) ? t.v : undefined;
  }

  expr(): FormulaValue {
    let a = this.concat();
    for (let op = this.peekOp("=", "<>", "<", ">", "<=", ">="); op; op = this.peekOp("=", "<>", "<", ">", "<=", ">=")) {
      this.pos++;
      const b = this.concat();
      a = compare(scalar(a), scalar(b), op);
    }
    return a;
  }

  private concat(): FormulaValue {
    let a = this.additive();
    while (this.peekOp("&")) {
      this.pos++;
      a = text(scalar(a)) + text(scalar(this.additive()));
    }
    return a;
  }

  private additive(): FormulaValue {
    let a = this.term();
    for (let op = this.peekOp("+", "-"); op; op = this.peekOp("+", "-")) {
      this.pos++;
      const b = num(scalar(this.term()));
      a = op === "+" ? num(scalar(a)) + b : num(scalar(a)) - b;
    }
    return a;
  }

  private term(): FormulaValue {
    let a = this.power();
    for (let op = this.peekOp("*", "/"); op; op = this.peekOp("*", "/")) {
      this.pos++;
      const b = num(scalar(this.power()));
      if (op === "/" && b === 0) throw new Error("#DIV/0!");
      a = op === "*" ? num(scalar(a)) * b : num(scalar(a)) / b;
    }
    return a;
  }

  private power(): FormulaValue {
    let a = this.unary();
    while (this.peekOp("^")) {
      this.pos++;
      a = Math.pow(num(scalar(a)), num(scalar(this.unary())));
    }
    return a;
  }

  private unary(): FormulaValue {
    if (this.peekOp("-")) {
      this.pos++;
      return -num(scalar(this.unary()));
    }
    if (this.peekOp("+")) {
      this.pos++;
      return this.unary();
    }
    let v = this.primary();
    while (this.peekOp("%")) {
      this.pos++;
      v = num(scalar(v)) / 100;
    }
    return v;
  }

  private primary(): FormulaValue {
    const t = this.toks[this.pos++];
    if (!t) throw new Error("#NAME?");
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v.startsWith("\u0000") ? t.v.slice(1) === "TRUE" : t.v;
    if (t.t === "ref") return this.ref(t.v);
    if (t.t === "op" && t.v === "(") {
      const v = this.expr();
      if (!this.peekOp(")")) throw new Error("#NAME?");
      this.pos++;
      return v;
    }
    if (t.t === "fn") {
      const args: FormulaValue[] = [];
      if (!this.peekOp(")")) {
        args.push(this.expr());
        while (this.peekOp(",")) {
          this.pos++;
          args.push(this.expr());
        }
      }
      if (!this.peekOp(")")) throw new Error("#NAME?");
      this.pos++;
      return call(t.v, args);
    }
    throw new Error("#NAME?");
  }

  private ref(src: string): FormulaValue {
    const bang = src.lastIndexOf("!");
    let sheet = this.ctx.sheet;
    let local = src;
    if (bang >= 0) {
      let name = src.slice(0, bang);
      if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
      const s = this.ctx.wb.sheetByName(name);
      if (!s) throw new Error("#REF!");
      sheet = s;
      local = src.slice(bang + 1);
    }
    const ends = local.split(":").map((p) => {
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(p)!;
      let c = 0;
      for (const ch of m[2].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
      return { r: Number(m[4]) + (m[3] ? 0 : this.ctx.dr), c: c + (m[1] ? 0 : this.ctx.dc) };
    });
    const [a, b] = [ends[0], ends[1] ?? ends[0]];
    if (a.r < 1 || a.c < 1 || b.r < 1 || b.c < 1) throw new Error("#REF!");
    const rows: CellScalar[][] = [];
    for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++) {
      const row: CellScalar[] = [];
      for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) row.push(this.ctx.wb.valueAt(sheet, r, c, this.ctx.depth));
      rows.push(row);
    }
    return ends.length === 1 ? rows[0][0] : rows;
  }
}

function scalar(v: FormulaValue): CellScalar {
  if (Array.isArray(v)) throw new Error("#VALUE!");
  if (typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v)) throw new Error(v);
  return v;
}

function num(v: CellScalar): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error("#VALUE!");
  return n;
}

function text(v: CellScalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: CellScalar, b: CellScalar, op: string): boolean {
  let d: number;
  if (typeof a === "string" && typeof b === "string") d = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  else if (typeof a === typeof b || (a === "" || b === "")) d = num(a === "" && typeof b === "string" ? 0 : a) - num(b === "" && typeof a === "string" ? 0 : b);
  else d = typeof a === "string" ? 1 : -1; // Excel orders text above numbers
  if (a === "" && typeof b === "string") d = b === "" ? 0 : -1;
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}

function numbersIn(args: FormulaValue[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const row of a) for (const v of row) if (typeof v === "number") out.push(v);
    } else out.push(num(scalar(a)));
  }
  return out;
}

function call(fn: string, args: FormulaValue[]): FormulaValue {
  switch (fn) {
    case "SUM":
      return numbersIn(args).reduce((s, x) => s + x, 0);
    case "MIN":
      return numbersIn(args).length ? Math.min(...numbersIn(args)) : 0;
    case "MAX":
      return numbersIn(args).length ? Math.max(...numbersIn(args)) : 0;
    case "ABS":
      return Math.abs(num(scalar(args[0])));
    case "ROUND": {
      const f = Math.pow(10, num(scalar(args[1] ?? 0)));
      const x = num(scalar(args[0]));
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case "IF":
      return num(scalar(args[0])) !== 0 ? (args[1] ?? true) : (args[2] ?? false);
    case "AND":
      return args.every((a) => num(scalar(a)) !== 0);
    case "OR":
      return args.some((a) => num(scalar(a)) !== 0);
    case "NOT":
      return num(scalar(args[0])) === 0;
    default:
      throw new Error("#NAME?");
  }
}
