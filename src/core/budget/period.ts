import { EpochDay, formatIso, fromYmd, toYmd } from "../dates";

/** Settings `Period`: the span of "Actual this period" on the cost report. */
export type PeriodKind = "Week" | "Month";

/** The days of the report period, both included. */
export interface PeriodWindow {
  kind: PeriodKind;
  from: EpochDay;
  to: EpochDay;
  reportDate: EpochDay;
}

/**
 * The period that ends on the Report Date: a Week is the seven days ending on it (the Report Date
 * is the "week ending" date of a weekly cost report, whatever weekday it falls on); a Month is the
 * calendar month of the Report Date up to and including it.
 */
export function periodWindow(reportDate: EpochDay, kind: PeriodKind): PeriodWindow {
  if (kind === "Month") {
    const { y, m } = toYmd(reportDate);
    return { kind, from: fromYmd(y, m, 1), to: reportDate, reportDate };
  }
  return { kind, from: reportDate - 6, to: reportDate, reportDate };
}

export function inWindow(w: PeriodWindow, day: EpochDay): boolean {
  return day >= w.from && day <= w.to;
}

/** "Week ending 2026-03-08 (2026-03-02 to 2026-03-08)" for headings. */
export function describePeriod(w: PeriodWindow): string {
  const span = `${formatIso(w.from)} to ${formatIso(w.to)}`;
  return w.kind === "Week" ? `Week ending ${formatIso(w.reportDate)} (${span})` : `Month to ${formatIso(w.reportDate)} (${span})`;
}

/** Today's calendar date where the user is (the machine's local date), as an epoch day. */
export function localToday(now: Date = new Date()): EpochDay {
  return fromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
