import fc from "fast-check";
import { Expr, ExprError, evalExpr, exprNames, parseExpr } from "../../src/core/expr";

const G: Record<string, number> = { SHOOT_WEEKS: 2.2, SHOOT_DAYS: 11, PREP_WEEKS: 4, HOLIDAYS: 1, ZERO: 0 };
const lookup = (n: string) => G[n.toUpperCase()];
const ev = (s: string) => evalExpr(parseExpr(s), lookup);
const err = (s: string): string => {
  try {
    ev(s);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${s}`);
};

describe("budget expressions", () => {
  it("worked by hand: precedence, brackets, unary minus, percent, names case-insensitively", () => {
    expect(ev("SHOOT_WEEKS + 2")).toBe(4.2);
    expect(ev("2 + 3 * 4")).toBe(14);
    expect(ev("(2 + 3) * 4")).toBe(20);
    expect(ev("10 - 4 - 3")).toBe(3); // left-associative
    expect(ev("48 / 4 / 2")).toBe(6);
    expect(ev("-2 * -3")).toBe(6);
    expect(ev("--5")).toBe(5);
    expect(ev("10%")).toBe(0.1);
    expect(ev("200 * 10%")).toBe(20);
    expect(ev("(shoot_days - holidays) / 5")).toBe(2);
    expect(ev("prep_weeks*5+Shoot_Days")).toBe(31);
    expect(ev("=SHOOT_DAYS")).toBe(11);
    expect(ev(".5 + 1.25e1")).toBe(13);
    expect(ev("0.1 + 0.2")).toBe(0.3); // as Excel shows it, to 15 digits
    expect(ev("3 × 4")).toBe(12);
  });

  it("names the problem and where it is", () => {
    expect(err("")).toBe("is empty");
    expect(err("SHOOT_WEEKS +")).toBe("ends where a number or a name is expected");
    expect(err("(SHOOT_DAYS + 2")).toBe('has a "(" at character 1 that is never closed');
    expect(err("SHOOT_DAYS + 2)")).toBe('has a ")" at character 15 with no "(" before it');
    expect(err("2 SHOOT_DAYS")).toBe("has the name SHOOT_DAYS at character 3 where an operator is expected");
    expect(err("2WEEKS")).toBe("has a number run into a name at character 2 (write 2 * WEEKS, not 2WEEKS)");
    expect(err("SHOOT_DAYS ^ 2")).toBe('has "^" at character 12, which is not a number, a name, + - * / % or a bracket');
    expect(err("ROUNDUP(SHOOT_WEEKS)")).toMatch(/^calls ROUNDUP\(…\)/);
    expect(err("SHOOT_WEEK + 2")).toBe("uses SHOOT_WEEK, which is not in Globals nor computed from the schedule");
    expect(err("SHOOT_DAYS / ZERO")).toBe("divides by zero");
    expect(err("1e308 * 10")).toBe("gives a number too large");
    expect(err("1 + * 2")).toBe('has "*" at character 5 where a number or a name is expected');
  });

  it("lists the names it uses once each", () => {
    expect(exprNames(parseExpr("PREP_WEEKS * 5 + prep_weeks - SHOOT_DAYS"))).toEqual(["PREP_WEEKS", "SHOOT_DAYS"]);
  });

  // An expression tree with its value computed independently, printed fully bracketed and then
  // printed with only the brackets precedence needs.
  type Node = { text: string; min: string; value: number; prec: number };
  const leaf: fc.Arbitrary<Node> = fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map((n) => ({ text: String(n), min: String(n), value: n, prec: 3 })),
    fc.constantFrom(...Object.keys(G).filter((k) => k !== "ZERO")).map((k) => ({ text: k, min: k.toLowerCase(), value: G[k], prec: 3 })),
  );
  const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(tie("node"), fc.constantFrom("+", "-", "*"), tie("node")).map(([a, op, b]) => {
        const prec = op === "*" ? 2 : 1;
        // Left operand needs brackets only when looser; right when looser or equal (left-assoc).
        const l = a.prec < prec ? `(${a.min})` : a.min;
        const r = b.prec <= prec ? `(${b.min})` : b.min;
        const value = op === "+" ? a.value + b.value : op === "-" ? a.value - b.value : a.value * b.value;
        return { text: `(${a.text} ${op} ${b.text})`, min: `${l}${op}${r}`, value, prec };
      }),
      tie("node").map((a) => ({ text: `-(${a.text})`, min: `-(${a.min})`, value: -a.value, prec: 3 })),
    ),
  })).node;

  it("property: evaluates to the independently computed value, with or without redundant brackets and spaces", () => {
    fc.assert(
      fc.property(tree, (n) => {
        const want = Number(n.value.toPrecision(15));
        expect(ev(n.text)).toBeCloseTo(want, 6);
        expect(ev(n.min)).toBeCloseTo(want, 6);
        expect(ev(` ( ${n.text} ) `)).toBe(ev(n.text));
      }),
      { numRuns: 300 },
    );
  });

  it("property: any text either parses or fails with an ExprError, never anything else", () => {
    const alphabet = fc.constantFrom(..."0123456789.+-*/%() _ABCSHOOT_DAYSe=,^$x".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join("")), (s) => {
        let e: Expr | undefined;
        try {
          e = parseExpr(s);
        } catch (x) {
          expect(x).toBeInstanceOf(ExprError);
          return;
        }
        try {
          const v = evalExpr(e, lookup);
          expect(Number.isFinite(v)).toBe(true);
        } catch (x) {
          expect(x).toBeInstanceOf(ExprError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("property: a plain decimal reads as itself", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        const s = String(x);
        expect(ev(s)).toBe(Number(x.toPrecision(15)));
      }),
    );
  });

  it("refuses very long and very deep text", () => {
    expect(() => parseExpr("1+".repeat(300) + "1")).toThrow(/longer than 500/);
    expect(() => parseExpr("(".repeat(60) + "1" + ")".repeat(60))).toThrow(/nested too deep/);
  });
});
