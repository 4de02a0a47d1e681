/**
 * The short arithmetic a budget cell may hold instead of a number, as in Movie Magic Budgeting:
 * `SHOOT_WEEKS + 2`, `PREP_WEEKS * 5`, `(SHOOT_DAYS - HOLIDAYS) / 5`, `10%`.
 *
 * Grammar (precedence low to high, left-associative):
 *   expr    := term (("+" | "-") term)*
 *   term    := unary (("*" | "/") unary)*
 *   unary   := ("-" | "+") unary | postfix
 *   postfix := primary "%"*
 *   primary := number | name | "(" expr ")"
 * Numbers are decimal (`12`, `1.5`, `.5`, `2e3`); names are letters, digits and `_`, starting
 * with a letter or `_`, matched case-insensitively. A leading `=` is allowed, so text copied from
 * a formula reads. No functions, no powers: anything longer belongs in a worksheet formula.
 */

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "name"; name: string; at: number }
  | { kind: "neg"; arg: Expr }
  | { kind: "pct"; arg: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };

/** A bad expression or a failed evaluation; `at` is the 0-based character position, when known. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly at?: number,
  ) {
    super(message);
    this.name = "ExprError";
  }
}

/** Longest text accepted: a budget cell, not a program. */
export const MAX_EXPR_LENGTH = 500;

type Token =
  | { t: "num"; value: number; at: number }
  | { t: "name"; name: string; at: number }
  | { t: "op"; op: "+" | "-" | "*" | "/" | "%" | "(" | ")"; at: number }
  | { t: "end"; at: number };

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  if (src.length > MAX_EXPR_LENGTH) throw new ExprError(`is longer than ${MAX_EXPR_LENGTH} characters`);
  const lead = /^\s*=/.exec(src);
  if (lead) i = lead[0].length;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ExprError(`has a stray "." at character ${i + 1}`, i);
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new ExprError(`has a number too large: ${m[0]}`, i);
      out.push({ t: "num", value, at: i });
      i += m[0].length;
      if (i < src.length && NAME_START.test(src[i])) throw new ExprError(`has a number run into a name at character ${i + 1} (write 2 * WEEKS, not 2WEEKS)`, i);
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < src.length && NAME_PART.test(src[j])) j++;
      out.push({ t: "name", name: src.slice(i, j), at: i });
      i = j;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "*" || ch === "/" || ch === "%" || ch === "(" || ch === ")") {
      out.push({ t: "op", op: ch, at: i });
      i++;
      continue;
    }
    if (ch === "×") {
      out.push({ t: "op", op: "*", at: i });
      i++;
      continue;
    }
    throw new ExprError(`has ${JSON.stringify(ch)} at character ${i + 1}, which is not a number, a name, + - * / % or a bracket`, i);
  }
  out.push({ t: "end", at: src.length });
  return out;
}

/** Parses an expression; throws ExprError naming what is wrong and where. */
export function parseExpr(src: string): Expr {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (op: string) => {
    const t = toks[p];
    return t.t === "op" && t.op === op;
  };
  const describe = (t: Token) => (t.t === "end" ? "the end" : t.t === "num" ? `the number ${t.value}` : t.t === "name" ? `the name ${t.name}` : `"${t.op}"`);
  let depth = 0;

  function expr(): Expr {
    let left = term();
    while (isOp("+") || isOp("-")) {
      const op = (toks[p++] as { op: "+" | "-" }).op;
      left = { kind: "bin", op, left, right: term() };
    }
    return left;
  }
  function term(): Expr {
    let left = unary();
    while (isOp("*") || isOp("/")) {
      const op = (toks[p++] as { op: "*" | "/" }).op;
      left = { kind: "bin", op, left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp("-")) {
      p++;
      return { kind: "neg", arg: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    let e = primary();
    while (isOp("%")) {
      p++;
      e = { kind: "pct", arg: e };
    }
    return e;
  }
  function primary(): Expr {
    const t = peek();
    if (t.t === "num") {
      p++;
      return { kind: "num", value: t.value };
    }
    if (t.t === "name") {
      p++;
      if (isOp("(")) throw new ExprError(`calls ${t.name}(…), but only names, numbers and + - * / % are allowed here; use a worksheet formula for functions`, t.at);
      return { kind: "name", name: t.name, at: t.at };
    }
    if (t.t === "op" && t.op === "(") {
      p++;
      if (++depth > 50) throw new ExprError("has brackets nested too deep", t.at);
      const e = expr();
      depth--;
      const close = peek();
      if (!(close.t === "op" && close.op === ")")) throw new ExprError(`has a "(" at character ${t.at + 1} that is never closed`, t.at);
      p++;
      return e;
    }
    if (t.t === "end") throw new ExprError(p === 0 ? "is empty" : "ends where a number or a name is expected", t.at);
    throw new ExprError(`has ${describe(t)} at character ${t.at + 1} where a number or a name is expected`, t.at);
  }

  const e = expr();
  const rest = peek();
  if (rest.t !== "end") {
    if (rest.t === "op" && rest.op === ")") throw new ExprError(`has a ")" at character ${rest.at + 1} with no "(" before it`, rest.at);
    throw new ExprError(`has ${describe(rest)} at character ${rest.at + 1} where an operator is expected`, rest.at);
  }
  return e;
}

/** The names an expression uses, in order of first use, as written. */
export function exprNames(e: Expr): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case "name":
        if (!seen.has(x.name.toUpperCase())) {
          seen.add(x.name.toUpperCase());
          out.push(x.name);
        }
        return;
      case "neg":
      case "pct":
        return walk(x.arg);
      case "bin":
        walk(x.left);
        walk(x.right);
        return;
      case "num":
        return;
    }
  };
  walk(e);
  return out;
}

/**
 * Evaluates with `lookup` giving each name's value (undefined: unknown name, an ExprError).
 * Division by zero and overflow are ExprErrors, never Infinity or NaN.
 */
export function evalExpr(e: Expr, lookup: (name: string) => number | undefined): number {
  const go = (x: Expr): number => {
    switch (x.kind) {
      case "num":
        return x.value;
      case "name": {
        const v = lookup(x.name);
        if (v === undefined) throw new ExprError(`uses ${x.name}, which is not in Globals nor computed from the schedule`, x.at);
        return v;
      }
      case "neg":
        return -go(x.arg);
      case "pct":
        return go(x.arg) / 100;
      case "bin": {
        const a = go(x.left);
        const b = go(x.right);
        let r: number;
        if (x.op === "+") r = a + b;
        else if (x.op === "-") r = a - b;
        else if (x.op === "*") r = a * b;
        else {
          if (b === 0) throw new ExprError("divides by zero");
          r = a / b;
        }
        if (!Number.isFinite(r)) throw new ExprError("gives a number too large");
        return r;
      }
    }
  };
  const r = go(e);
  // Decimal arithmetic as a user reads it: 0.1 + 0.2 is 0.3, as Excel shows it (15 digits).
  const clean = Number(r.toPrecision(15));
  return clean === 0 ? 0 : clean;
}
