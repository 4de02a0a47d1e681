import { BudgetModel } from "../budget/model";
import { ScheduleModel } from "../schedule/model";
import { Settings } from "../settings";
import { callSheetLayout } from "./callSheet";
import { costReportLayout } from "./costReport";
import { doodLayout } from "./dood";
import { scheduleLayout } from "./schedule";
import { topSheetLayout } from "./topSheet";
import { scheduleVsBudgetLayout } from "./scheduleVsBudget";
import { SheetLayout } from "./types";
import { withPrint } from "./print";
import { EpochDay } from "../dates";
import { elementsDoodLayout, scheduleElementsLayout, withCallSheetBreakdown } from "./breakdown";

export * from "./types";
export { TOP_SHEET } from "./topSheet";
export { COST_REPORT, COST_REPORT_COLUMN, COST_REPORT_HEADERS, COST_REPORT_FIRST_ROW, statusFormula } from "./costReport";
export { SCHEDULE_VS_BUDGET, SCHEDULE_VS_BUDGET_HEADERS } from "./scheduleVsBudget";
export { SCHEDULE, SCHEDULE_HEADERS } from "./schedule";
export { DOOD, DOOD_HEADER_ROW, DOOD_DATE_ROW, DOOD_WEEKDAY_ROW, DOOD_FIRST_DAY_COL, DOOD_TOTAL_HEADERS } from "./dood";
export { callSheetName, CALL_SHEET_COLS, CALL_SHEET_REPEAT } from "./callSheet";
export { currencyFormat } from "./styles";
export { PAGE_MARGINS, localDay, headerFooterCode, headerFooterSections, numericTextRanges, pageBreaks, printedPages, tableColumnWidths } from "./print";
export { ELEMENTS_DOOD, SCHEDULE_ELEMENTS } from "./breakdown";

/** What the layouts need from an engine run (EngineResult satisfies it). */
export interface LayoutInput {
  settings: Settings;
  budget?: BudgetModel;
  schedule?: ScheduleModel;
  /** The day of the build, printed as the sheets' "as of" date (the Cost Report prints its Report Date). */
  builtOn?: EpochDay;
}

/** Header, footer and page breaks on every sheet (print.ts), from what the run knows. */
function printed(r: LayoutInput, layouts: SheetLayout[]): SheetLayout[] {
  const version = r.settings.extra.get("version");
  const b = r.budget;
  return layouts.map((l) =>
    withPrint(l, {
      production: r.settings.production,
      builtOn: r.builtOn,
      version: typeof version === "string" || typeof version === "number" ? String(version) : undefined,
      dated: l.kind === "cost-report" && b?.reportDateGiven ? { label: "Report date", day: b.window.reportDate } : undefined,
    }),
  );
}

/** Top Sheet and Cost Report, when the workbook has a budget. */
export function budgetLayouts(r: LayoutInput): SheetLayout[] {
  if (!r.budget) return [];
  const title = r.settings.production;
  const out = [topSheetLayout(r.budget, title), costReportLayout(r.budget, title)];
  // Schedule vs Budget once a line is tied to a cast member (issue 11).
  if (r.budget.lines.some((l) => l.cast)) {
    const svb = scheduleVsBudgetLayout(r.budget, title);
    if (svb) out.push(svb);
  }
  return printed(r, out);
}

/** Schedule, DOOD and one call sheet a shooting day (`Call D1` …), when the workbook has a stripboard. */
export function scheduleLayouts(r: LayoutInput): SheetLayout[] {
  if (!r.schedule) return [];
  const title = r.settings.production;
  const s = r.schedule;
  const elements = [elementsDoodLayout(s, title), scheduleElementsLayout(s, title)].filter((l): l is SheetLayout => l !== undefined);
  return printed(r, [
    scheduleLayout(s, title),
    doodLayout(s, title, r.settings.currency),
    ...elements,
    ...s.callSheets.map((cs) => withCallSheetBreakdown(callSheetLayout(cs, title), cs, s)),
  ]);
}

/** Every generated sheet, in tab order. */
export function allLayouts(r: LayoutInput): SheetLayout[] {
  return [...budgetLayouts(r), ...scheduleLayouts(r)];
}
