/**
 * Money in whole cents (safe integers). Rounding is half away from zero on the decimal value the
 * user typed, as Excel's ROUND does: 1.005 rounds to 1.01 although the double 1.005 is a hair
 * below it. Sums of cents are exact integer additions.
 */
export type Cents = number;

/** Decimal value as digits × 10^-scale. */
interface Decimal {
  digits: bigint;
  scale: number;
}

/** The decimal a double stands for, to Excel's 15 significant digits. */
function toDecimal(n: number): Decimal {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return { digits: BigInt(n), scale: 0 };
  const s = n.toPrecision(15); // "1.00500000000000" or "1.23450000000000e+20"
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new Error(`Not a finite number: ${n}`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  let digits = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: m[1] ? -digits : digits, scale };
}

/** Exact product of decimal factors over decimal divisors, rounded to cents half away from zero. */
function exactCents(factors: number[], divisors: number[] = []): Cents {
  let digits = 100n;
  let scale = 0;
  for (const f of factors) {
    const d = toDecimal(f);
    digits *= d.digits;
    scale += d.scale;
  }
  let div = 1n;
  for (const f of divisors) {
    const d = toDecimal(f);
    // x / (m × 10^-s) = x × 10^s / m
    div *= d.digits < 0n ? -d.digits : d.digits;
    if (d.digits < 0n) digits = -digits;
    scale -= d.scale;
  }
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (scale === 0 && div === 1n) return Number(digits);
  div *= 10n ** BigInt(scale);
  const neg = digits < 0n;
  const abs = neg ? -digits : digits;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return Number(neg ? -q : q);
}

/**
 * round(a × b × c, 2) in cents. The float product decides when it is clearly away from a
 * half-cent; only near a tie is the exact decimal product worked out.
 */
/**
 * The largest money figure Prodbook holds to the cent: 10 trillion (10^15 cents), far beyond any
 * production and well inside the integers a double holds exactly (2^53 ≈ 9 × 10^15 cents).
 */
export const MAX_CENTS = 1e15;

export function roundCents(a: number, b = 1, c = 1): Cents {
  const p = a * b * c * 100;
  if (!Number.isFinite(p)) throw new RangeError(`Amount out of range: ${a} × ${b} × ${c}`);
  const abs = Math.abs(p);
  const floor = Math.floor(abs);
  const frac = abs - floor;
  let r: number;
  if (abs < 1e13 && Math.abs(frac - 0.5) > abs * 1e-14 + 1e-9) {
    r = frac > 0.5 ? floor + 1 : floor;
    if (r === 0) return 0; // no -0
    return p < 0 ? -r : r;
  }
  r = exactCents([a, b, c]);
  return r === 0 ? 0 : r;
}

/**
 * round(product of `factors` ÷ product of `divisors`, 2) in cents, exact in decimal like
 * `roundCents` (a per-hour fringe on a weekly line multiplies five factors; per-day on an hourly
 * line divides by the hours per day). Divisors must not be 0.
 */
export function roundProduct(factors: number[], divisors: number[] = []): Cents {
  let p = 100;
  for (const f of factors) p *= f;
  for (const f of divisors) p /= f;
  if (!Number.isFinite(p)) throw new RangeError(`Amount out of range: ${factors.join(" × ")}`);
  const abs = Math.abs(p);
  const floor = Math.floor(abs);
  const frac = abs - floor;
  if (abs < 1e13 && Math.abs(frac - 0.5) > abs * 1e-13 + 1e-8) {
    const r = frac > 0.5 ? floor + 1 : floor;
    if (r === 0) return 0;
    return p < 0 ? -r : r;
  }
  const r = exactCents(factors, divisors);
  return r === 0 ? 0 : r;
}

/**
 * Exact test of a > b × factor (a, b in cents; factor a decimal share such as 1.05 or 0.9):
 * tolerances are compared exactly, never after rounding.
 */
export function exceeds(a: Cents, b: Cents, factor: number): boolean {
  return compareScaled(a, b, factor) > 0;
}

/** Exact test of a ≥ b × factor. */
export function atLeast(a: Cents, b: Cents, factor: number): boolean {
  return compareScaled(a, b, factor) >= 0;
}

function compareScaled(a: Cents, b: Cents, factor: number): number {
  const d = toDecimal(factor);
  const lhs = BigInt(a) * 10n ** BigInt(d.scale);
  const rhs = BigInt(b) * d.digits;
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}

/** 1 + share, exactly in decimal (for "budget × (1 + Over Tolerance)"). */
export function onePlus(share: number): number {
  return Number((1 + share).toPrecision(15));
}

/** A cents amount of a share (fringe, markup): round(cents/100 × rate, 2). */
export function shareOf(cents: Cents, rate: number): Cents {
  return roundCents(cents / 100, rate);
}

/** Cents as a number of currency units for JSON and cells (the nearest double to the decimal). */
export function toUnits(c: Cents): number {
  return c / 100;
}

/** Dollars (a cell value) to cents, rounded half away from zero. */
export function fromUnits(n: number): Cents {
  return roundCents(n);
}

/** "1,234.50" style for messages; the sheets format numbers themselves. */
export function formatCents(c: Cents): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}${whole}.${cents}`;
}

/**
 * A number written as text: "1200", "1,200.50", "$40", "(40.00)" for a credit, " -3 ".
 * Returns undefined for anything else.
 */
export function parseDecimalText(s: string): number | undefined {
  let t = s.trim();
  if (!t) return undefined;
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1).trim();
  }
  t = t.replace(/^[$€£¥]\s*/, "").replace(/^(-)\s*[$€£¥]\s*/, "$1");
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/.test(t) || !/\d/.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return undefined;
  return neg ? -n : n;
}
