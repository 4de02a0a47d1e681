import fc from "fast-check";
import { formatEighths, parseEighths, parsePages } from "../../../src/core/schedule/eighths";

const ok = (v: Parameters<typeof parseEighths>[0]) => {
  const r = parseEighths(v);
  if (!r.ok) throw new Error(r.message);
  return r.eighths;
};

describe("eighths", () => {
  it("reads every form WORKBOOK.md lists", () => {
    expect(ok("1 3/8")).toBe(11); // 8 + 3
    expect(ok("3/8")).toBe(3);
    expect(ok("2")).toBe(16);
    expect(ok(2)).toBe(16);
    expect(ok(1.375)).toBe(11); // 1.375 × 8 = 11
    expect(ok("1.375")).toBe(11);
    expect(ok("1-3/8")).toBe(11);
    expect(ok("1/2")).toBe(4); // a whole number of eighths, written reduced
    expect(ok("9/8")).toBe(9);
    expect(ok("2 4/8 pgs")).toBe(20);
  });

  it("refuses what is not a whole number of eighths", () => {
    for (const v of ["3/9", "abc", 1.3, "1.3", "1 3/9", -1, "3/0", true]) {
      const r = parseEighths(v as never);
      expect(r.ok).toBe(false);
    }
    const r = parseEighths("3/9");
    expect(!r.ok && r.message).toContain("not a whole number of eighths");
  });

  it("explains a page count Excel turned into a date", () => {
    const r = parseEighths(new Date(Date.UTC(2026, 2, 8))); // typed 3/8 → 8 March
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe("Pages shows 8 March: Excel turned 3/8 into a date; type '3/8 or 0.375");
  });

  it("counts blank and 0 as 1/8 with a warning", () => {
    for (const v of [null, "", 0, "0"]) {
      const r = parsePages(v);
      expect(r.ok && r.eighths).toBe(1);
      expect(r.ok && r.warning).toMatch(/less than 1\/8/);
    }
    const r = parsePages("1 1/8");
    expect(r.ok && r.eighths).toBe(9);
    expect(r.ok && r.warning).toBeUndefined();
  });

  it("prints eighths never reduced", () => {
    expect(formatEighths(20)).toBe("2 4/8");
    expect(formatEighths(3)).toBe("3/8");
    expect(formatEighths(16)).toBe("2");
    expect(formatEighths(0)).toBe("0");
    expect(formatEighths(58)).toBe("7 2/8"); // 7 × 8 + 2
  });

  it("parse(print(n)) == n and print(parse(s)) == s for canonical s", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (n) => {
        const s = formatEighths(n);
        expect(ok(s)).toBe(n);
        expect(formatEighths(ok(s))).toBe(s);
        expect(ok(n / 8)).toBe(n); // the decimal form Excel stores
      }),
    );
  });
});
