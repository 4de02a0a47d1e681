import { BudgetModel } from "../budget/model";
import { CellStyle, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { COLORS, Grid, INTEGER_FORMAT, STYLE, currencyFormat, money } from "./styles";

export const SCHEDULE_VS_BUDGET = "Schedule vs Budget";
export const SCHEDULE_VS_BUDGET_HEADERS = ["ID", "Character", "Actor", "Work", "Hold", "Drop", "Paid", "Budgeted", "Difference (days)", "Day Rate", "Difference", "Budget Lines"] as const;
const FIRST_ROW = 6;
const LAST_COL = SCHEDULE_VS_BUDGET_HEADERS.length;
/** Days may be fractional on a weekly line (1.4 weeks × 5). */
const DAYS_FORMAT = "#,##0.##;-#,##0.##;0";

/**
 * Each cast member's DOOD days (work, hold, drop, paid = work + hold) beside the days the
 * Budget's lines tied to them by Cast ID pay for; Difference = Budgeted − Paid in days and at
 * the line's day rate, negative when the budget is short of the schedule.
 */
export function scheduleVsBudgetLayout(b: BudgetModel, title: string): SheetLayout | undefined {
  const svb = b.scheduleVsBudget;
  if (!svb) return undefined;
  const g = new Grid();
  const cur = currencyFormat(b.currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  const days: CellStyle = { numberFormat: DAYS_FORMAT };
  g.heading(title, SCHEDULE_VS_BUDGET, LAST_COL);
  g.set(2, LAST_COL, `Currency: ${b.currency}`, { ...STYLE.muted, hAlign: "right" });
  g.set(
    3,
    1,
    `Paid = work + hold days on the DOOD (drop days are not paid). Budgeted = days on the Budget lines with this Cast ID (a week counts ${b.daysPerWeek} days). ` +
      `Difference = Budgeted − Paid: negative is short of the schedule.`,
    { ...STYLE.muted, wrap: true, vAlign: "top" },
  );
  g.row(
    FIRST_ROW - 1,
    1,
    [...SCHEDULE_VS_BUDGET_HEADERS],
    STYLE.header,
    SCHEDULE_VS_BUDGET_HEADERS.map((_, i) => (i >= 3 && i <= 10 ? { hAlign: "right" } : undefined)),
  );
  let r = FIRST_ROW;
  for (const x of svb.rows) {
    g.row(
      r,
      1,
      [x.id, x.character, x.actor, x.work, x.hold, x.drop, x.paid, x.budgeted, x.difference, x.dayRate, money(x.differenceCost), x.lines.length ? x.lines.map((n) => `row ${n}`).join(", ") : "no tied line"],
      undefined,
      [{ numberFormat: "@" }, undefined, undefined, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, days, days, moneyStyle, moneyStyle, x.lines.length ? undefined : STYLE.muted],
    );
    r++;
  }
  const t = svb.totals;
  g.row(r, 1, ["", "Total cast", "", t.work, t.hold, t.drop, t.paid, t.budgeted, t.difference, "", money(t.differenceCost), ""], STYLE.total, [
    undefined, undefined, undefined, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, { numberFormat: INTEGER_FORMAT }, days, days, undefined, moneyStyle, undefined,
  ]);
  const width = (c: number, min: number) => columnWidthFor(g.cells.filter((x) => x.c === c && x.r >= FIRST_ROW - 1), min);
  return fitRows({
    name: SCHEDULE_VS_BUDGET,
    kind: "schedule-vs-budget",
    cells: g.cells,
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: LAST_COL },
      { r1: 3, c1: 1, r2: 3, c2: LAST_COL },
    ],
    columnWidths: [8, width(2, 14), width(3, 14), 8, 8, 8, 8, 10, 12, width(10, 12), width(11, 14), width(12, 14)],
    rowHeights: { 1: 28 },
    conditionalFormats:
      r > FIRST_ROW
        ? [
            { range: `I${FIRST_ROW}:I${r}`, formula: `$I${FIRST_ROW}<0`, style: { fontColor: COLORS.overFont, bold: true } },
            { range: `K${FIRST_ROW}:K${r}`, formula: `$K${FIRST_ROW}<0`, style: { fontColor: COLORS.overFont, bold: true } },
          ]
        : [],
    freeze: { rows: FIRST_ROW - 1, columns: 2 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [FIRST_ROW - 1, FIRST_ROW - 1], area: `A1:${String.fromCharCode(64 + LAST_COL)}${r}`, keep: [{ r1: FIRST_ROW, r2: r }] },
    tabColor: "#7030A0",
  });
}
