/**
 * Page counts in eighths of a page, the unit every stripboard uses. Counts are whole numbers of
 * eighths (11 = 1 3/8) and are printed never reduced: `2 4/8`, not `2 1/2`.
 */
import { CellValue, isBlank } from "../cells";
import { showValue } from "../problems";
import { typedDateMessage } from "../dates";

export type Eighths = number;

/** `2 4/8`, `3/8`, `2`, `0`. */
export function formatEighths(n: Eighths): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a count of eighths: ${n}`);
  const whole = Math.floor(n / 8);
  const rest = n % 8;
  if (rest === 0) return String(whole);
  return whole === 0 ? `${rest}/8` : `${whole} ${rest}/8`;
}

export type EighthsResult = { ok: true; eighths: Eighths } | { ok: false; message: string };

const FRACTION = /^(?:(\d+)(?:\s+|\s*-\s*))?(\d+)\s*\/\s*(\d+)$/;
const SUFFIX = /\s*(?:pages?|pgs?\.?|p\.?)$/i;

/**
 * Exact reading of a page count: a whole number, `1 3/8`, `1-3/8`, `3/8`, `4/8` (or `1/2`, which
 * is 4 eighths), decimal text `1.375`, or the number 1.375. Anything not a whole number of
 * eighths is refused, as is a negative count. Blank and 0 read as 0 here; see `parsePages`.
 */
export function parseEighths(v: CellValue): EighthsResult {
  if (isBlank(v)) return { ok: true, eighths: 0 };
  if (typeof v === "number") return fromNumber(v, showValue(v));
  if (typeof v === "boolean") return { ok: false, message: `Pages must be eighths like 1 3/8, not ${showValue(v)}` };
  if (v instanceof Date) return { ok: false, message: typedDateMessage("Pages", v, { fraction: true }) };
  const s = String(v).trim().replace(SUFFIX, "");
  const m = FRACTION.exec(s);
  if (m) {
    const whole = m[1] === undefined ? 0 : Number(m[1]);
    const num = Number(m[2]);
    const den = Number(m[3]);
    if (den === 0) return { ok: false, message: `Pages ${showValue(v)} divides by zero` };
    if ((num * 8) % den !== 0) return { ok: false, message: `Pages ${showValue(v)} is not a whole number of eighths` };
    // "1 9/8" is a typo, not 2 1/8: the fraction of a mixed number is less than one.
    if (m[1] !== undefined && num >= den) return { ok: false, message: `Pages ${showValue(v)} has a fraction of ${num}/${den}, one page or more: write it as ${formatEighths(whole * 8 + (num * 8) / den)} if that is meant` };
    return { ok: true, eighths: whole * 8 + (num * 8) / den };
  }
  if (/^\d+(?:\.\d+)?$|^\.\d+$/.test(s)) return fromNumber(Number(s), showValue(v));
  return { ok: false, message: `Pages must be eighths like 1 3/8, 3/8, 2 or 1.375, not ${showValue(v)}` };
}

function fromNumber(n: number, shown: string): EighthsResult {
  if (!Number.isFinite(n) || n < 0) return { ok: false, message: `Pages must be a count of pages of 0 or more, not ${shown}` };
  const e = Math.round(n * 8);
  // 1.375 × 8 is exactly 11; allow only float noise from a computed cell, not 1.3.
  if (Math.abs(n * 8 - e) > 1e-9) return { ok: false, message: `Pages ${shown} is not a whole number of eighths (1/8 = 0.125)` };
  return { ok: true, eighths: e };
}

export type PagesResult = { ok: true; eighths: Eighths; warning?: string } | { ok: false; message: string };

/** A strip's pages: as `parseEighths`, but a scene of less than 1/8 (blank or 0) counts as 1/8, with a warning. */
export function parsePages(v: CellValue): PagesResult {
  const r = parseEighths(v);
  if (!r.ok) return r;
  if (r.eighths === 0) {
    return { ok: true, eighths: 1, warning: `Pages ${showValue(v)} is less than 1/8; the scene counts as 1/8` };
  }
  return r;
}
