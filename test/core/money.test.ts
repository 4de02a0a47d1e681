import fc from "fast-check";
import { roundCents, shareOf, parseDecimalText, formatCents } from "../../src/core/money";

describe("roundCents (Excel ROUND to 2 places, half away from zero)", () => {
  it("rounds the decimal the user typed, not the double", () => {
    expect(roundCents(1.005)).toBe(101); // the double 1.005 is 1.00499999…; Excel gives 1.01
    expect(roundCents(-1.005)).toBe(-101);
    expect(roundCents(2.675)).toBe(268);
    expect(roundCents(1.0049)).toBe(100);
    expect(roundCents(0.125)).toBe(13);
    expect(roundCents(-0.125)).toBe(-13);
  });
  it("multiplies factors exactly before rounding", () => {
    expect(roundCents(3, 1, 0.335)).toBe(101); // 1.005
    expect(roundCents(10, 5, 1234.5)).toBe(6172500);
    expect(roundCents(0.1, 0.1)).toBe(1); // 0.01
    expect(roundCents(1.15, 1.5)).toBe(173); // 1.725 -> 1.73
    expect(roundCents(0)).toBe(0);
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
  });
  it("shares of cents round like ROUND(amount*rate,2)", () => {
    expect(shareOf(123456, 0.0765)).toBe(9444); // 1234.56 * 7.65% = 94.44384
    expect(shareOf(100, 0.005)).toBe(1); // 0.005 -> 0.01
  });
  it("agrees with integer arithmetic on whole-cent amounts times whole percents", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 10000 }), (cents, bp) => {
        // cents × bp / 10000 in exact integers, rounded half away from zero
        const num = BigInt(cents) * BigInt(bp);
        const abs = num < 0n ? -num : num;
        let q = abs / 10000n;
        if ((abs % 10000n) * 2n >= 10000n) q += 1n;
        const want = Number(num < 0n ? -q : q);
        expect(shareOf(cents, bp / 10000)).toBe(want === 0 ? 0 : want);
      }),
    );
  });
});

describe("parseDecimalText", () => {
  it("reads numbers written as text", () => {
    expect(parseDecimalText("1,200.50")).toBe(1200.5);
    expect(parseDecimalText("$40")).toBe(40);
    expect(parseDecimalText("(40.00)")).toBe(-40);
    expect(parseDecimalText(" -3 ")).toBe(-3);
    expect(parseDecimalText("abc")).toBeUndefined();
    expect(parseDecimalText("1,2")).toBeUndefined();
    expect(parseDecimalText("")).toBeUndefined();
  });
  it("formats cents for messages", () => {
    expect(formatCents(-123456)).toBe("-1,234.56");
    expect(formatCents(5)).toBe("0.05");
  });
});
