import { BudgetModel } from "../budget/model";
import { Cents } from "../money";
import { CellStyle, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { Grid, PERCENT_FORMAT, STYLE, currencyFormat, money, withSuffix } from "./styles";

export const TOP_SHEET = "Top Sheet";
const LAST_COL = 4; // Acct # | Category | Fringes | Total

/**
 * The top sheet: each section with its categories (accounts one level down), the section
 * subtotal, the fringes that the figures include, markups and the grand total. Figures are the
 * engine's rolled-up budgets (lines + fringes), so each subtotal is exactly its categories plus
 * anything posted straight to the section.
 */
export function topSheetLayout(b: BudgetModel, title: string): SheetLayout {
  const g = new Grid();
  const cur = currencyFormat(b.currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  g.heading(title, "Top Sheet", LAST_COL);
  g.set(2, 4, `Currency: ${b.currency}`, { ...STYLE.muted, hAlign: "right" });
  g.row(4, 1, ["Acct #", "Category", "Fringes", "Total"], STYLE.header, [undefined, undefined, { hAlign: "right" }, { hAlign: "right" }]);

  let r = 5;
  const byCode = b.byCode;
  for (const section of b.sections) {
    g.row(r, 1, [section.account.code, section.account.name], STYLE.section);
    g.pad(r, 3, LAST_COL, STYLE.section);
    r++;
    for (const code of section.account.children) {
      const cat = byCode.get(code);
      if (!cat) continue;
      g.row(r, 1, [cat.account.code, cat.account.name, money(cat.rolled.fringes), money(cat.rolled.budget)], undefined, [
        undefined,
        { indent: 1 },
        moneyStyle,
        moneyStyle,
      ]);
      r++;
    }
    // Lines posted to the section account itself belong to no category; show them so the subtotal adds up.
    if (section.own.budget !== 0 || section.account.children.length === 0) {
      const own = section.account.children.length === 0 ? section.rolled : section.own;
      g.row(r, 1, [section.account.code, `${section.account.name} (posted to the section)`, money(own.fringes), money(own.budget)], undefined, [
        undefined,
        { indent: 1, italic: true },
        moneyStyle,
        moneyStyle,
      ]);
      r++;
    }
    g.row(r, 1, ["", `Total ${section.account.name}`, money(section.rolled.fringes), money(section.rolled.budget)], STYLE.total, [
      undefined,
      undefined,
      moneyStyle,
      moneyStyle,
    ]);
    r += 2;
  }

  g.row(r, 1, ["", "Total before markups", money(b.totals.fringes), money(b.total)], STYLE.total, [undefined, undefined, moneyStyle, moneyStyle]);
  r += 2;

  if (b.fringes.length > 0) {
    g.row(r, 1, ["Fringes", "Included in the totals above", "Rate", "Amount"], STYLE.header, [undefined, undefined, { hAlign: "right" }, { hAlign: "right" }]);
    r++;
    for (const f of b.fringes) {
      const rate = f.type === "%" ? { v: f.rate, fmt: PERCENT_FORMAT } : { v: f.rate, fmt: withSuffix(cur, " /unit") };
      g.row(r, 1, [f.code, f.name, rate.v, money(b.fringeTotals.get(f.code) ?? 0)], undefined, [
        undefined,
        { indent: 1 },
        { numberFormat: rate.fmt },
        moneyStyle,
      ]);
      r++;
    }
    r++;
  }

  let markupSum: Cents = 0;
  if (b.markups.length > 0) {
    g.row(r, 1, ["Markups", "", "Percent", "Amount"], STYLE.header, [undefined, undefined, { hAlign: "right" }, { hAlign: "right" }]);
    r++;
    const all = b.sections.map((s) => s.account.code);
    for (const m of b.markups) {
      const applies =
        m.appliesTo.length === all.length && all.every((c) => m.appliesTo.includes(c))
          ? "all sections"
          : m.appliesTo.map((c) => byCode.get(c)?.account.name ?? c).join(", ");
      g.row(r, 1, ["", `${m.name} (on ${applies})`, m.percent, money(m.amount)], undefined, [
        undefined,
        { indent: 1, wrap: true },
        { numberFormat: PERCENT_FORMAT },
        moneyStyle,
      ]);
      markupSum += m.amount;
      r++;
    }
    g.row(r, 1, ["", "Total markups", "", money(markupSum)], STYLE.total, [undefined, undefined, undefined, moneyStyle]);
    r += 2;
  }

  g.row(r, 1, ["", "GRAND TOTAL", "", money(b.grandTotal)], STYLE.grandTotal, [undefined, undefined, undefined, moneyStyle]);

  const width = (c: number, min: number) => columnWidthFor(g.cells.filter((x) => x.c === c && x.r > 4), min);
  return fitRows({
    name: TOP_SHEET,
    kind: "top-sheet",
    cells: g.cells,
    merges: [{ r1: 1, c1: 1, r2: 1, c2: LAST_COL }],
    columnWidths: [10, 44, width(3, 16), width(4, 18)],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: [4, 4], area: `A1:D${r}` },
    tabColor: "#1F3864",
  });
}
