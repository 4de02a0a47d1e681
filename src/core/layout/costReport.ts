import { BudgetModel, Status } from "../budget/model";
import { statusOf } from "../budget/costReport";
import { CellStyle, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { COLORS, Grid, STYLE, currencyFormat, money } from "./styles";

export const COST_REPORT = "Cost Report";
export const COST_REPORT_HEADERS = ["Account", "Name", "Budget", "Actual", "Committed", "ETC", "EFC", "Variance", "Status"] as const;
/** First data row: title, subtitle, legend, blank, header above it. */
export const COST_REPORT_FIRST_ROW = 6;
const LAST_COL = COST_REPORT_HEADERS.length;

/**
 * The Status cell as a formula on its own row's figures, with the engine's result cached: when
 * the user edits Budget, Actual, Committed or EFC, Excel recomputes it and the OVER / WATCH
 * conditional formats follow. The rule is the contract's: OVER when EFC > Budget × (1 + Over
 * Tolerance), WATCH when Budget > 0 and Actual + Committed ≥ Budget × Watch At.
 */
export function statusFormula(row: number, overTolerance: number, watchAt: number): string {
  const tol = 1 + overTolerance;
  return `IF(G${row}>C${row}*${num(tol)},"OVER",IF(AND(C${row}>0,D${row}+E${row}>=C${row}*${num(watchAt)}),"WATCH","OK"))`;
}

function num(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * The cost report: every account in chart order, indented by depth, with rolled-up Budget,
 * Actual, Committed, ETC, EFC, Variance and Status, and the production total.
 */
export function costReportLayout(b: BudgetModel, title: string): SheetLayout {
  const g = new Grid();
  const cur = currencyFormat(b.currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  g.heading(title, "Cost Report", LAST_COL);
  g.set(2, LAST_COL, `Currency: ${b.currency}`, { ...STYLE.muted, hAlign: "right" });
  g.set(
    3,
    1,
    `ETC = Forecast, else Budget − Actual − Committed (not below 0). EFC = Actual + Committed + ETC. Variance = Budget − EFC. ` +
      `OVER: EFC above Budget${b.overTolerance ? ` + ${pct(b.overTolerance)}` : ""}; WATCH: Actual + Committed at ${pct(b.watchAt)} of Budget or more.`,
    { ...STYLE.muted, wrap: true, vAlign: "top" },
  );
  // Money headings right over right-aligned figures; Status centred like its values.
  g.row(
    COST_REPORT_FIRST_ROW - 1,
    1,
    [...COST_REPORT_HEADERS],
    STYLE.header,
    COST_REPORT_HEADERS.map((_, i) => (i >= 2 && i < 8 ? { hAlign: "right" } : i === 8 ? { hAlign: "center" } : undefined)),
  );

  let r = COST_REPORT_FIRST_ROW;
  for (const a of b.accounts) {
    const f = a.rolled;
    const isSection = a.account.depth === 0;
    const base: CellStyle | undefined = isSection ? STYLE.section : a.account.children.length > 0 ? STYLE.label : undefined;
    g.row(
      r,
      1,
      [
        a.account.code,
        a.account.name,
        money(f.budget),
        money(f.actual),
        money(f.committed),
        money(f.etc),
        money(f.efc),
        money(f.variance),
        { formula: statusFormula(r, b.overTolerance, b.watchAt), result: a.status },
      ],
      base,
      [undefined, { indent: Math.min(a.account.depth, 15), wrap: true }, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, { hAlign: "center" }],
    );
    r++;
  }
  const last = r - 1;
  const t = b.totals;
  const totalStatus: Status = statusOf(t, b.overTolerance, b.watchAt);
  g.row(
    r,
    1,
    ["", "Total production", money(t.budget), money(t.actual), money(t.committed), money(t.etc), money(t.efc), money(t.variance), { formula: statusFormula(r, b.overTolerance, b.watchAt), result: totalStatus }],
    STYLE.total,
    [undefined, undefined, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, moneyStyle, { hAlign: "center" }],
  );

  const status = `I${COST_REPORT_FIRST_ROW}:I${r}`;
  const first = COST_REPORT_FIRST_ROW;
  // Each money column as wide as its widest figure, so a nine-figure total never shows ###.
  const moneyWidth = (c: number) => columnWidthFor(g.cells.filter((x) => x.c === c && x.r >= COST_REPORT_FIRST_ROW), 15);
  return fitRows({
    name: COST_REPORT,
    kind: "cost-report",
    cells: g.cells,
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: LAST_COL },
      { r1: 3, c1: 1, r2: 3, c2: LAST_COL },
    ],
    columnWidths: [10, 40, ...[3, 4, 5, 6, 7, 8].map(moneyWidth), 10],
    rowHeights: { 1: 28 },
    conditionalFormats:
      last >= first
        ? [
            // Strong colour on the Status cell, and the variance turns red with it.
            { range: status, formula: `$I${first}="OVER"`, style: { fill: COLORS.overFill, fontColor: COLORS.overFont, bold: true } },
            { range: status, formula: `$I${first}="WATCH"`, style: { fill: COLORS.watchFill, fontColor: COLORS.watchFont, bold: true } },
            { range: `H${first}:H${r}`, formula: `$I${first}="OVER"`, style: { fontColor: COLORS.overFont } },
          ]
        : [],
    freeze: { rows: COST_REPORT_FIRST_ROW - 1, columns: 2 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [COST_REPORT_FIRST_ROW - 1, COST_REPORT_FIRST_ROW - 1], area: `A1:I${r}` },
    tabColor: "#C00000",
  });
}

function pct(n: number): string {
  return `${Number((n * 100).toPrecision(12))}%`;
}
