/**
 * What a command's result comes to, in the trade's words: one summary the CLI's `report` prints
 * and the task pane shows, so both say the same. Figures stay in cents and eighths here; the
 * sentences are made by `budgetSummaryText` / `scheduleSummaryText`.
 */
import type { BudgetModel, Status } from "./budget/model";
import { formatIso } from "./dates";
import { COST_REPORT, COST_REPORT_FIRST_ROW } from "./layout/costReport";
import { Cents, formatCents } from "./money";
import { formatEighths } from "./schedule/eighths";
import type { ScheduleModel } from "./schedule/model";
import { totalHoldCost } from "./schedule/dood";
import type { EpochDay } from "./dates";
import type { SheetLayout } from "./layout/types";

/** An account flagged OVER or WATCH, with where its row is on the Cost Report. */
export interface FlaggedAccount {
  code: string;
  name: string;
  status: Extract<Status, "OVER" | "WATCH">;
  budget: Cents;
  efc: Cents;
  variance: Cents;
  /** The Cost Report sheet and the Excel row of this account (the layout writes accounts in chart order). */
  sheet: string;
  row: number;
}

/** A top-level section's budget against its EFC: one bar pair of the pane's chart. */
export interface SectionFigures {
  code: string;
  name: string;
  budget: Cents;
  efc: Cents;
}

export interface BudgetSummary {
  currency: string;
  /** Sections' lines and fringes. */
  total: Cents;
  /** total + contractual charges. */
  grandTotal: Cents;
  efc: Cents;
  /** Budget − EFC of the whole production; negative is over. */
  variance: Cents;
  /** Detail and parent accounts flagged, in chart order. */
  over: FlaggedAccount[];
  watch: FlaggedAccount[];
  sections: SectionFigures[];
}

export interface ScheduleSummary {
  days: number;
  /** Pages of the shooting days, in eighths (the boneyard is not shot, so not counted). */
  eighths: number;
  first?: EpochDay;
  last?: EpochDay;
  /** Cast hold days × Daily Rate over the DOOD. */
  holdCost: Cents;
  holdDays: number;
  /** Strips below the Boneyard row, on no day. */
  boneyard: number;
}

export function budgetSummary(b: BudgetModel): BudgetSummary {
  const over: FlaggedAccount[] = [];
  const watch: FlaggedAccount[] = [];
  b.accounts.forEach((a, i) => {
    if (a.status !== "OVER" && a.status !== "WATCH") return;
    const f: FlaggedAccount = {
      code: a.account.code,
      name: a.account.name,
      status: a.status,
      budget: a.rolled.budget,
      efc: a.rolled.efc,
      variance: a.rolled.variance,
      sheet: COST_REPORT,
      // costReportLayout writes b.accounts one a row from COST_REPORT_FIRST_ROW.
      row: COST_REPORT_FIRST_ROW + i,
    };
    (a.status === "OVER" ? over : watch).push(f);
  });
  return {
    currency: b.currency,
    total: b.total,
    grandTotal: b.grandTotal,
    efc: b.totals.efc,
    variance: b.totals.variance,
    over,
    watch,
    sections: b.sections.map((s) => ({ code: s.account.code, name: s.account.name, budget: s.rolled.budget, efc: s.rolled.efc })),
  };
}

export function scheduleSummary(s: ScheduleModel): ScheduleSummary {
  const dated = s.days.map((d) => d.date).filter((d): d is EpochDay => d !== undefined);
  return {
    days: s.days.length,
    eighths: s.days.reduce((n, d) => n + d.pages, 0),
    first: dated.length ? dated[0] : undefined,
    last: dated.length ? dated[dated.length - 1] : undefined,
    holdCost: totalHoldCost(s.dood),
    holdDays: s.dood.cast.reduce((n, r) => n + r.hold, 0),
    boneyard: s.board.boneyard.length,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "EFC 1,823,940.19, variance -4,016.45; 10 accounts OVER, 3 on WATCH" (the CLI's report line). */
export function budgetSummaryText(s: BudgetSummary): string {
  return `EFC ${formatCents(s.efc)}, variance ${formatCents(s.variance)}; ${plural(s.over.length, "account")} OVER, ${s.watch.length} on WATCH`;
}

/** "12 shooting days, 41 3/8 pages, 2027-05-24 to 2027-06-09; 6 hold days, hold cost 9,600.00". */
export function scheduleSummaryText(s: ScheduleSummary): string {
  const pages = `${formatEighths(s.eighths)} page${s.eighths === 8 ? "" : "s"}`;
  const dates = s.first !== undefined && s.last !== undefined ? `, ${formatIso(s.first)} to ${formatIso(s.last)}` : ", no dates (add a Start Date to Settings)";
  const boneyard = s.boneyard ? `; ${plural(s.boneyard, "strip")} in the boneyard` : "";
  return `${plural(s.days, "shooting day")}, ${pages}${dates}; ${plural(s.holdDays, "hold day")}, hold cost ${formatCents(s.holdCost)}${boneyard}`;
}

/**
 * The flagged accounts' rows as the written Cost Report layout has them (codes in column A), so a
 * click lands on the right row whatever rows the layout puts above; `sheet` is the tab it went to
 * (`Cost Report (2)` when the user's own was kept).
 */
export function locateAccounts(s: BudgetSummary, layout: SheetLayout | undefined, sheet = COST_REPORT): BudgetSummary {
  if (!layout) return s;
  const rows = new Map<string, number>();
  for (const c of layout.cells) if (c.c === 1 && c.r >= COST_REPORT_FIRST_ROW && typeof c.v === "string" && !rows.has(c.v)) rows.set(c.v, c.r);
  const at = (f: FlaggedAccount): FlaggedAccount => ({ ...f, sheet, row: rows.get(f.code) ?? f.row });
  return { ...s, over: s.over.map(at), watch: s.watch.map(at) };
}
