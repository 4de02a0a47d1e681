import { Comparison } from "../budget/compare";
import { CellStyle, LayoutValue, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { COLORS, Grid, PERCENT_FORMAT, STYLE, currencyFormat, money } from "./styles";

export const COMPARE = "Compare";
const FIRST_ROW = 6;

/** Column letters from 1: 1 → A (the sheet never passes Z: 2 + 4 + 3 × 2 = 12 columns at most). */
const col = (c: number) => String.fromCharCode(64 + c);

/**
 * The Compare sheet: Acct # and Name, one column a budget, then for each later budget its
 * difference from the first and that as a percentage of the first. Sections bold, totals banded.
 */
export function compareLayout(c: Comparison, title: string, currency: string): SheetLayout {
  const g = new Grid();
  const cur = currencyFormat(currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  const pctStyle: CellStyle = { numberFormat: PERCENT_FORMAT };
  const n = c.budgets.length;
  const first = c.budgets[0].label;
  const headers: string[] = ["Acct #", "Name", ...c.budgets.map((b) => b.label)];
  for (const b of c.budgets.slice(1)) headers.push(`${b.label} − ${first}`, "%");
  const lastCol = headers.length;
  g.heading(title, COMPARE, lastCol);
  g.set(2, lastCol, `Currency: ${currency}`, { ...STYLE.muted, hAlign: "right" });
  g.set(
    3,
    1,
    `Each budget's rolled-up account totals (lines + fringes). Differences are each budget less ${first}; % is that difference over ${first} (blank when ${first} is 0). A blank figure: that budget has no such account.` +
      (c.notes.length ? ` ${c.notes.join(". ")}.` : ""),
    { ...STYLE.muted, wrap: true, vAlign: "top" },
  );
  g.row(FIRST_ROW - 1, 1, headers, { ...STYLE.header, wrap: true }, headers.map((_, i) => (i >= 2 ? { hAlign: "right" } : undefined)));
  let r = FIRST_ROW;
  for (const x of c.rows) {
    if (x.kind === "total" || x.kind === "grand") r++;
    const base = x.kind === "section" ? STYLE.section : x.kind === "total" ? STYLE.total : x.kind === "grand" || x.kind === "net" ? STYLE.grandTotal : undefined;
    const values: LayoutValue[] = [x.code, x.name, ...x.values.map((v) => (v === undefined ? null : money(v)))];
    const styles: (CellStyle | undefined)[] = [{ numberFormat: "@" }, { indent: Math.min(x.depth, 15), wrap: true }, ...x.values.map(() => moneyStyle)];
    x.differences.forEach((d, j) => {
      values.push(money(d), x.shares[j] === undefined ? null : x.shares[j]!);
      styles.push(moneyStyle, pctStyle);
    });
    g.row(r, 1, values, base, styles);
    if (base) g.pad(r, 1, lastCol, base);
    r++;
  }
  const last = r - 1;
  // A negative difference (the later budget is smaller) in red, as overspend is elsewhere.
  const diffCols = c.budgets.slice(1).map((_, j) => 3 + n + 2 * j);
  const width = (cc: number, min: number) => columnWidthFor(g.cells.filter((x) => x.c === cc && x.r >= FIRST_ROW - 1), min);
  return fitRows({
    name: COMPARE,
    kind: "compare",
    cells: g.cells,
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: lastCol },
      { r1: 3, c1: 1, r2: 3, c2: lastCol },
    ],
    columnWidths: [10, 40, ...headers.slice(2).map((h, i) => (h === "%" ? 9 : width(i + 3, 15)))],
    rowHeights: { 1: 28, 3: 30 },
    conditionalFormats: diffCols.map((dc) => ({ range: `${col(dc)}${FIRST_ROW}:${col(dc)}${last}`, formula: `$${col(dc)}${FIRST_ROW}<0`, style: { fontColor: COLORS.overFont } })),
    freeze: { rows: FIRST_ROW - 1, columns: 2 },
    print: { orientation: n > 2 ? "landscape" : "portrait", fitToWidth: 1, repeatRows: [FIRST_ROW - 1, FIRST_ROW - 1], area: `A1:${col(lastCol)}${last}` },
    tabColor: "#2E75B6",
  });
}
