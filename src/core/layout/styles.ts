import { CellStyle, DateValue, LayoutCell, LayoutValue } from "./types";
import { Cents, toUnits } from "../money";
import { EpochDay } from "../dates";

/** One palette for every generated sheet, so the add-in and the command line look the same. */
export const COLORS = {
  titleFill: "#1F3864",
  titleFont: "#FFFFFF",
  headerFill: "#D9E1F2",
  sectionFill: "#EDEDED",
  totalFill: "#FFF2CC",
  grandTotalFill: "#1F3864",
  overFill: "#F8CBAD",
  overFont: "#9C0006",
  watchFill: "#FFE699",
  watchFont: "#7F6000",
  dayBreakFill: "#000000",
  dayBreakFont: "#FFFFFF",
  bannerFill: "#FCE4D6",
  dayHeaderFill: "#B4C6E7",
  muted: "#595959",
} as const;

export const DATE_FORMAT = "ddd d mmm yyyy";
export const SHORT_DATE_FORMAT = "d-mmm";
export const TIME_FORMAT = "hh:mm";
export const PERCENT_FORMAT = "0.0#%";
export const INTEGER_FORMAT = "#,##0";
export const TEXT_FORMAT = "@";

const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: "$",
  CAD: "CA$",
  AUD: "A$",
  NZD: "NZ$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  INR: "₹",
  KRW: "₩",
  CHF: "CHF ",
};

/** Currencies without minor units in everyday use. */
const NO_DECIMALS = new Set(["JPY", "KRW", "ISK", "CLP", "VND"]);

/**
 * Number format for money in the Settings currency: `"$"#,##0.00` with negatives in red and
 * parentheses, as accountants read them; unknown codes are written after the figure.
 */
export function currencyFormat(currency: string): string {
  const code = (currency || "USD").toUpperCase();
  const digits = NO_DECIMALS.has(code) ? "#,##0" : "#,##0.00";
  const symbol = CURRENCY_SYMBOLS[code];
  const pos = symbol !== undefined ? `"${symbol}"${digits}` : `${digits} "${code}"`;
  return `${pos};[Red](${pos})`;
}

/** `fmt` with literal text after the figure in every section (positive and negative alike). */
export function withSuffix(fmt: string, suffix: string): string {
  const text = `"${suffix.replace(/"/g, "")}"`;
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      parts.push(cur + text);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur + text);
  return parts.join(";");
}

/** Money cell value: currency units, exactly the cents the engine computed. */
export function money(c: Cents): number {
  return toUnits(c);
}

export function dateValue(day: EpochDay): DateValue {
  return { date: day };
}

/** Excel time fraction of a day from minutes after midnight. */
export function timeValue(minutes: number): number {
  return (((minutes % 1440) + 1440) % 1440) / 1440;
}

export const STYLE = {
  title: { bold: true, fontSize: 16, fill: COLORS.titleFill, fontColor: COLORS.titleFont, vAlign: "middle" } as CellStyle,
  subtitle: { bold: true, fontSize: 12, fontColor: COLORS.muted } as CellStyle,
  header: { bold: true, fill: COLORS.headerFill, border: { bottom: true }, vAlign: "middle", wrap: true } as CellStyle,
  section: { bold: true, fill: COLORS.sectionFill } as CellStyle,
  total: { bold: true, fill: COLORS.totalFill, border: { top: true } } as CellStyle,
  grandTotal: { bold: true, fontSize: 12, fill: COLORS.grandTotalFill, fontColor: COLORS.titleFont } as CellStyle,
  label: { bold: true } as CellStyle,
  muted: { italic: true, fontColor: COLORS.muted } as CellStyle,
} as const;

/** Collects cells row by row; a style passed to `row` applies to every cell it writes. */
export class Grid {
  readonly cells: LayoutCell[] = [];
  private readonly used = new Map<number, Set<number>>();

  set(r: number, c: number, v: LayoutValue, s?: CellStyle): void {
    this.cells.push(s ? { r, c, v, s } : { r, c, v });
    let cols = this.used.get(r);
    if (!cols) this.used.set(r, (cols = new Set()));
    cols.add(c);
  }

  /** Writes values from column `c0` on; `styles[i]` adds to `base` for the i-th value. */
  row(r: number, c0: number, values: LayoutValue[], base?: CellStyle, styles?: (CellStyle | undefined)[]): void {
    values.forEach((v, i) => {
      const s = base || styles?.[i] ? { ...base, ...styles?.[i] } : undefined;
      this.set(r, c0 + i, v, s);
    });
  }

  /** The heading every generated sheet opens with: the production's title band, then the sheet's name. */
  heading(title: string, sheet: string, lastCol: number): void {
    this.set(1, 1, title, STYLE.title);
    this.pad(1, 2, lastCol, STYLE.title);
    this.set(2, 1, sheet, STYLE.subtitle);
  }

  /** Fills blank cells of a row so a fill or border spans the whole width. */
  pad(r: number, c1: number, c2: number, s: CellStyle): void {
    for (let c = c1; c <= c2; c++) if (!this.used.get(r)?.has(c)) this.set(r, c, null, s);
  }
}
