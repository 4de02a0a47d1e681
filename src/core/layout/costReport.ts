import { AccountFigures, BudgetModel, Status } from "../budget/model";
import { formatIso } from "../dates";
import { statusOf } from "../budget/costReport";
import { CellStyle, KeepBlock, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { COLORS, DATE_FORMAT, Grid, STYLE, currencyFormat, dateValue, money } from "./styles";
import { originalOf } from "../budget/versions";

export const COST_REPORT = "Cost Report";
export const COST_REPORT_HEADERS = [
  "Account",
  "Name",
  "Actual This Period",
  "Actual To Date",
  "Open Commitments",
  "Total Cost",
  "ETC",
  "EFC",
  "Budget",
  "Variance",
  "Status",
] as const;
/** First data row: title, subtitle, legend, blank, header above it. */
export const COST_REPORT_FIRST_ROW = 6;
const LAST_COL = COST_REPORT_HEADERS.length;
/** With a locked version (issue 11), two columns after Status: Original, and Original − EFC. */
export const COST_REPORT_ORIGINAL_HEADERS = ["Original", "Variance to Original"] as const;

/** Column letter of each heading, so formulas and tests follow the layout rather than fixed letters. */
export const COST_REPORT_COLUMN = Object.fromEntries(COST_REPORT_HEADERS.map((h, i) => [h, String.fromCharCode(65 + i)])) as Record<
  (typeof COST_REPORT_HEADERS)[number],
  string
>;
const COL = COST_REPORT_COLUMN;
/** 1-based numbers of the money columns (everything between Name and Status). */
const MONEY_COLS = COST_REPORT_HEADERS.map((_, i) => i + 1).filter((c) => c > 2 && c < LAST_COL);

/**
 * The Status cell as a formula on its own row's figures, with the engine's result cached: when
 * the user edits Budget, Total Cost or EFC, Excel recomputes it and the OVER / WATCH conditional
 * formats follow. The rule is the contract's: OVER when EFC > Budget × (1 + Over Tolerance),
 * WATCH when Budget > 0 and Actual + Committed (the Total Cost column) ≥ Budget × Watch At.
 */
export function statusFormula(row: number, overTolerance: number, watchAt: number): string {
  const tol = 1 + overTolerance;
  const [efc, budget, total] = [COL.EFC + row, COL.Budget + row, COL["Total Cost"] + row];
  return `IF(${efc}>${budget}*${num(tol)},"OVER",IF(AND(${budget}>0,${total}>=${budget}*${num(watchAt)}),"WATCH","OK"))`;
}

function num(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function figures(f: AccountFigures): number[] {
  return [f.period, f.actual, f.committed, f.actual + f.committed, f.etc, f.efc, f.budget, f.variance].map(money);
}

/**
 * The cost report as of the Report Date: every account in chart order, indented by depth, with
 * rolled-up Actual this period, Actual to date, Open commitments (POs less what invoices relieved),
 * Total cost, ETC, EFC, Budget, Variance and Status, and the production total.
 */
export function costReportLayout(b: BudgetModel, title: string): SheetLayout {
  const g = new Grid();
  const cur = currencyFormat(b.currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  const w = b.window;
  const orig = b.original;
  const lastCol = orig ? LAST_COL + COST_REPORT_ORIGINAL_HEADERS.length : LAST_COL;
  // Original and Variance to Original (Original − EFC: negative when the estimate is over the original).
  const originalCells = (row: number, code: string | undefined, efc: number, base: CellStyle | undefined) => {
    if (!orig) return;
    const o = code === undefined ? orig.total : (originalOf(orig, code) ?? 0);
    g.row(row, LAST_COL + 1, [money(o), money(o - efc)], base, [moneyStyle, moneyStyle]);
  };
  g.heading(title, "Cost Report", lastCol);
  // The report date as a real date beside the subtitle, and the period it covers.
  g.set(2, 3, "Report date", { ...STYLE.muted, hAlign: "right" });
  g.set(2, 4, dateValue(w.reportDate), { bold: true, numberFormat: DATE_FORMAT, hAlign: "right" });
  g.set(2, 5, `${w.kind === "Week" ? "Week" : "Month"}: ${formatIso(w.from)} to ${formatIso(w.to)}${b.reportDateGiven ? "" : " (no Report Date in Settings: today)"}`, {
    ...STYLE.muted,
  });
  g.set(2, lastCol, `Currency: ${b.currency}`, { ...STYLE.muted, hAlign: "right" });
  g.set(
    3,
    1,
    `Actual this period: dated in the ${w.kind === "Week" ? "seven days ending on" : "month up to"} the report date. Open commitments: POs and deal memos less the invoices against their PO. ` +
      `Total cost = Actual to date + Open commitments. ETC = Forecast, else Budget − Total cost (not below 0). EFC = Total cost + ETC. Variance = Budget − EFC. ` +
      `OVER: EFC above Budget${b.overTolerance ? ` + ${pct(b.overTolerance)}` : ""}; WATCH: Total cost at ${pct(b.watchAt)} of Budget or more.` +
      (orig ? ` Original: the budget locked as version "${orig.name}"${orig.locked ? ` on ${orig.locked.toISOString().slice(0, 10)}` : ""}; Variance to Original = Original − EFC.` : ""),
    { ...STYLE.muted, wrap: true, vAlign: "top" },
  );
  // Money headings right over right-aligned figures; Status centred like its values.
  g.row(
    COST_REPORT_FIRST_ROW - 1,
    1,
    [...COST_REPORT_HEADERS],
    { ...STYLE.header, wrap: true },
    COST_REPORT_HEADERS.map((_, i) => (MONEY_COLS.includes(i + 1) ? { hAlign: "right" } : i + 1 === LAST_COL ? { hAlign: "center" } : undefined)),
  );
  if (orig) g.row(COST_REPORT_FIRST_ROW - 1, LAST_COL + 1, [...COST_REPORT_ORIGINAL_HEADERS], { ...STYLE.header, wrap: true }, [{ hAlign: "right" }, { hAlign: "right" }]);
  const moneyStyles = MONEY_COLS.map(() => moneyStyle);

  let r = COST_REPORT_FIRST_ROW;
  // On paper: each account with what rolls up into it (a section, a category with its details).
  const keep: KeepBlock[] = [];
  const open: { depth: number; r1: number }[] = [];
  const close = (depth: number) => {
    while (open.length && open[open.length - 1].depth >= depth) {
      const o = open.pop()!;
      if (r - 1 > o.r1) keep.push({ r1: o.r1, r2: r - 1 });
    }
  };
  for (const a of b.accounts) {
    close(a.account.depth);
    if (a.account.children.length > 0) open.push({ depth: a.account.depth, r1: r });
    const isSection = a.account.depth === 0;
    const base: CellStyle | undefined = isSection ? STYLE.section : a.account.children.length > 0 ? STYLE.label : undefined;
    g.row(
      r,
      1,
      [a.account.code, a.account.name, ...figures(a.rolled), { formula: statusFormula(r, b.overTolerance, b.watchAt), result: a.status }],
      base,
      [undefined, { indent: Math.min(a.account.depth, 15), wrap: true }, ...moneyStyles, { hAlign: "center" }],
    );
    originalCells(r, a.account.code, a.rolled.efc, base);
    r++;
  }
  close(0);
  const last = r - 1;
  // The production total never alone at the top of a page.
  if (last >= COST_REPORT_FIRST_ROW) keep.push({ r1: last, r2: r });
  const t = b.totals;
  const totalStatus: Status = statusOf(t, b.overTolerance, b.watchAt);
  g.row(
    r,
    1,
    ["", "Total production", ...figures(t), { formula: statusFormula(r, b.overTolerance, b.watchAt), result: totalStatus }],
    STYLE.total,
    [undefined, undefined, ...moneyStyles, { hAlign: "center" }],
  );
  originalCells(r, undefined, t.efc, STYLE.total);

  const S = COL.Status;
  const status = `${S}${COST_REPORT_FIRST_ROW}:${S}${r}`;
  const first = COST_REPORT_FIRST_ROW;
  // Each money column as wide as its widest figure, so a nine-figure total never shows ###.
  // Column D also holds the report date in row 2.
  const moneyWidth = (c: number) => columnWidthFor(g.cells.filter((x) => x.c === c && (x.r >= COST_REPORT_FIRST_ROW || (x.r === 2 && c === 4))), 15);
  return fitRows({
    name: COST_REPORT,
    kind: "cost-report",
    cells: g.cells,
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: lastCol },
      { r1: 3, c1: 1, r2: 3, c2: lastCol },
    ],
    columnWidths: [10, 36, ...MONEY_COLS.map(moneyWidth), 10, ...(orig ? [moneyWidth(LAST_COL + 1), moneyWidth(LAST_COL + 2)] : [])],
    rowHeights: { 1: 28 },
    conditionalFormats:
      last >= first
        ? [
            // Strong colour on the Status cell, and the variance turns red with it.
            { range: status, formula: `$${S}${first}="OVER"`, style: { fill: COLORS.overFill, fontColor: COLORS.overFont, bold: true } },
            { range: status, formula: `$${S}${first}="WATCH"`, style: { fill: COLORS.watchFill, fontColor: COLORS.watchFont, bold: true } },
            { range: `${COL.Variance}${first}:${COL.Variance}${r}`, formula: `$${S}${first}="OVER"`, style: { fontColor: COLORS.overFont } },
          ]
        : [],
    freeze: { rows: COST_REPORT_FIRST_ROW - 1, columns: 2 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [COST_REPORT_FIRST_ROW - 1, COST_REPORT_FIRST_ROW - 1], area: `A1:${String.fromCharCode(64 + lastCol)}${r}`, keep },
    tabColor: "#C00000",
  });
}

function pct(n: number): string {
  return `${Number((n * 100).toPrecision(12))}%`;
}
