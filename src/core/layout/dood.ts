import { CastDayCode, ScheduleModel, DoodCode } from "../schedule/model";
import { CellStyle, LayoutValue, SheetLayout } from "./types";
import { fitRows, columnWidthFor, textWidth } from "./fit";
import { Grid, INTEGER_FORMAT, SHORT_DATE_FORMAT, STYLE, currencyFormat, dateValue, money } from "./styles";
import { columnLetters } from "../cells";
import { paidDays } from "../globals";
import { CAST_DAYS_LEGEND, DOOD_LEGEND, WORK_CODES, offSpanShortText, offSpanText } from "../schedule/dood";

export const DOOD = "DOOD";
/** Rows: title, legend, days off, date, weekday, shooting day (the header), then the cast. */
export const DOOD_OFF_ROW = 3;
export const DOOD_DATE_ROW = 4;
export const DOOD_WEEKDAY_ROW = 5;
export const DOOD_HEADER_ROW = 6;
export const DOOD_FIRST_DAY_COL = 4;
/** Day columns: room for "PWF" and a 9 pt "24-May". */
const DAY_WIDTH = 6.5;
/** Start and finish: the date without the weekday, so the column stays narrow. */
const TOTAL_DATE_FORMAT = "d mmm yyyy";
/**
 * Landscape pages the printed DOOD spans: one for a short shoot; for a long one, as many as keep
 * the print at about 60 % (some 200 characters a page), since one page wide would shrink a
 * 300-day board past reading.
 */
export function doodPagesWide(columnWidths: number[]): number {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(total / 200));
}
/**
 * Paid is work + hold, the figure CAST_<id>_PAID and the budget's cast lines use (issue 14); it
 * comes last so the columns before it stay where readers of the sheet expect them.
 */
export const DOOD_TOTAL_HEADERS = ["Work", "Hold", "Drop", "Start", "Finish", "Hold Cost", "Paid"] as const;
/**
 * With a Cast Days table, its paid days are counted before Paid (which adds them): a travel day
 * before day 1 or a fitting on a weekend has no column of its own. One narrow column a code that
 * occurs, headed by the code the legend spells out (Holiday in full, as H is the hold), so a short
 * shoot's DOOD still prints one page wide.
 */
export const DOOD_CAST_DAYS_HEADERS: Readonly<Record<CastDayCode, string>> = { TR: "TR", R: "R", FT: "FT", H: "Holiday" };
const CAST_DAY_KEYS: readonly CastDayCode[] = ["TR", "R", "FT", "H"];

/** Code fills in the usual DOOD colours: starts green, finishes red, holds grey, drop/pick-up amber. */
const CODE_FILL: Partial<Record<DoodCode, string>> = {
  SW: "#C6EFCE",
  SWF: "#C6EFCE",
  SWD: "#C6EFCE",
  W: "#FFFFFF",
  WF: "#F8CBAD",
  PWF: "#F8CBAD",
  H: "#D9D9D9",
  WD: "#FFE699",
  PW: "#FFE699",
  TR: "#DDEBF7",
  R: "#DDEBF7",
  FT: "#DDEBF7",
};

/**
 * Day Out of Days: every cast member (Cast order) by shooting day, with the date and weekday of
 * each day above, the codes, and totals for work, hold, drop, paid, start, finish and hold cost.
 */
export function doodLayout(s: ScheduleModel, title: string, currency: string): SheetLayout {
  const g = new Grid();
  const dood = s.dood;
  const n = dood.days;
  const firstTotal = DOOD_FIRST_DAY_COL + n;
  const codesUsed = dood.castDays ? CAST_DAY_KEYS.filter((k) => dood.cast.some((m) => (m.castDays?.[k] ?? 0) > 0)) : [];
  const extra = codesUsed.map((k) => DOOD_CAST_DAYS_HEADERS[k]);
  const headers: readonly string[] = [...DOOD_TOTAL_HEADERS.slice(0, 6), ...extra, "Paid"];
  const lastCol = firstTotal + headers.length - 1;
  const count: CellStyle = { numberFormat: INTEGER_FORMAT, hAlign: "center" };
  const cur = currencyFormat(currency);
  g.heading(title, "Day Out of Days", Math.max(lastCol, 8));
  g.set(
    2,
    4,
    [...DOOD_LEGEND, ...(dood.castDays ? CAST_DAYS_LEGEND : [])].map(([code, text]) => `${code} ${text}`).join(" · ") +
      (dood.castDays ? " (Cast Days: travel, rehearsal, fitting and holidays inside the run are paid)" : "") + (dood.dropsJudged ? "" : " (days have no dates, so no drops are judged)"),
    STYLE.muted,
  );
  // Days off inside the shoot have no column (WORKBOOK.md), so the day after each run carries a
  // mark above its date and a rule on its left: the calendar jump is shown, holidays named.
  // The mark spills right over the blank row until the next mark; where that is too close (a
  // weekend then a holiday week) it shortens, holiday name kept, rather than be cut off.
  const afterOff = new Set<number>();
  const spans = dood.offSpans ?? [];
  spans.forEach((span, k) => {
    const c = DOOD_FIRST_DAY_COL + span.afterDay;
    afterOff.add(c);
    const next = k + 1 < spans.length ? DOOD_FIRST_DAY_COL + spans[k + 1].afterDay : lastCol + 1;
    const style: CellStyle = { ...STYLE.muted, fontSize: 8, ...(span.holidays.length ? { bold: true } : {}) };
    const names = span.holidays.map((h) => h.name).join(", ");
    const candidates = [`◂ ${offSpanText(span)}`, `◂ ${offSpanShortText(span)}`, names ? `◂ ${names}` : "◂ off", "◂"];
    const room = (next - c) * DAY_WIDTH - 1;
    g.set(DOOD_OFF_ROW, c, candidates.find((t) => textWidth(t, style) <= room) ?? "◂", style);
  });

  const head: CellStyle = { ...STYLE.header, hAlign: "center" };
  g.set(DOOD_DATE_ROW, 3, "Date", { ...head, hAlign: "right" });
  g.set(DOOD_WEEKDAY_ROW, 3, "Weekday", { ...head, hAlign: "right" });
  g.row(DOOD_HEADER_ROW, 1, ["ID", "Character", "Actor"], STYLE.header);
  g.pad(DOOD_DATE_ROW, 1, 2, STYLE.header);
  g.pad(DOOD_WEEKDAY_ROW, 1, 2, STYLE.header);
  for (let i = 0; i < n; i++) {
    const c = DOOD_FIRST_DAY_COL + i;
    const day = dood.dates[i];
    // 9 pt so "24-May" fits a day column that is sized for the codes.
    const h: CellStyle = afterOff.has(c) ? { ...head, border: { ...head.border, left: true } } : head;
    g.set(DOOD_DATE_ROW, c, day === undefined ? null : dateValue(day), { ...h, numberFormat: SHORT_DATE_FORMAT, fontSize: 9 });
    g.set(DOOD_WEEKDAY_ROW, c, day === undefined ? null : dateValue(day), { ...h, numberFormat: "ddd" });
    g.set(DOOD_HEADER_ROW, c, i + 1, h);
  }
  // Counts are centred under their headings; dates and money right-aligned, headings with them.
  headers.forEach((h, i) => {
    g.set(DOOD_DATE_ROW, firstTotal + i, null, head);
    g.set(DOOD_WEEKDAY_ROW, firstTotal + i, null, head);
    g.set(DOOD_HEADER_ROW, firstTotal + i, h, { ...head, hAlign: i < 3 || i >= 6 ? "center" : "right" });
  });

  let r = DOOD_HEADER_ROW + 1;
  let holdCost = 0;
  const working = new Array<number>(n).fill(0);
  for (const m of dood.cast) {
    g.row(r, 1, [m.id, m.character, m.actor], undefined, [{ bold: true }]);
    m.codes.forEach((code, i) => {
      const fill = CODE_FILL[code];
      g.set(r, DOOD_FIRST_DAY_COL + i, code === "" ? null : code, { hAlign: "center", border: { left: true, right: true }, ...(fill ? { fill } : {}) });
      if (WORK_CODES.has(code)) working[i]++;
    });
    const startEnd = (date: number | undefined, day: number | undefined): [LayoutValue, CellStyle] =>
      date !== undefined
        ? [dateValue(date), { numberFormat: TOTAL_DATE_FORMAT, hAlign: "right" }]
        : day !== undefined
          ? [day, { numberFormat: '"Day "0', hAlign: "right" }]
          : [null, {}];
    const [sv, ss] = startEnd(m.start, m.startDay);
    const [fv, fs] = startEnd(m.finish, m.finishDay);
    const extraCounts = codesUsed.map((k) => m.castDays?.[k] ?? 0);
    g.row(r, firstTotal, [m.work, m.hold, m.drop, sv, fv, money(m.holdCost), ...extraCounts, paidDays(m)], undefined, [
      count,
      count,
      count,
      ss,
      fs,
      { numberFormat: cur },
      ...extraCounts.map(() => count),
      count,
    ]);
    holdCost += m.holdCost;
    r++;
  }
  // Who works each day, and the hold cost of the whole cast.
  g.row(r, 1, ["", "Cast working", ""], STYLE.total);
  working.forEach((w, i) => g.set(r, DOOD_FIRST_DAY_COL + i, w, { ...STYLE.total, hAlign: "center" }));
  const sum = (k: "work" | "hold" | "drop") => dood.cast.reduce((t, m) => t + m[k], 0);
  const extraSums = codesUsed.map((k) => dood.cast.reduce((t, m) => t + (m.castDays?.[k] ?? 0), 0));
  const paidSum = dood.cast.reduce((t, m) => t + paidDays(m), 0);
  g.row(r, firstTotal, [sum("work"), sum("hold"), sum("drop"), null, null, money(holdCost), ...extraSums, paidSum], STYLE.total, [
    count,
    count,
    count,
    undefined,
    undefined,
    { numberFormat: cur },
    ...extraSums.map(() => count),
    count,
  ]);

  // Totals columns as wide as their widest figure (a hold cost in the millions, a date).
  const totalsWidth = (i: number, min: number) => columnWidthFor(g.cells.filter((c) => c.c === firstTotal + i && c.r > DOOD_HEADER_ROW), min);
  const widths = [
    6,
    columnWidthFor(g.cells.filter((c) => c.c === 2 && c.r > DOOD_HEADER_ROW), 18),
    columnWidthFor(g.cells.filter((c) => c.c === 3 && c.r > DOOD_HEADER_ROW), 18),
    ...new Array<number>(n).fill(DAY_WIDTH),
    ...[6, 6, 6, 13, 13, 13, ...extra.map((h) => Math.max(5, h.length + 1)), 6].map((w, i) => totalsWidth(i, w)),
  ];
  return fitRows({
    name: DOOD,
    kind: "dood",
    cells: g.cells,
    merges: [],
    columnWidths: widths,
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: DOOD_HEADER_ROW, columns: 3 },
    print: {
      orientation: "landscape",
      fitToWidth: doodPagesWide(widths),
      repeatRows: [(dood.offSpans ?? []).length ? DOOD_OFF_ROW : DOOD_DATE_ROW, DOOD_HEADER_ROW],
      // A DOOD printed several pages wide keeps who each row is on every page.
      repeatColumns: doodPagesWide(widths) > 1 ? [1, 3] : undefined,
      area: `A1:${columnLetters(lastCol)}${r}`,
      // The cast with its Cast working row.
      keep: [{ r1: DOOD_HEADER_ROW + 1, r2: r }],
    },
    tabColor: "#7030A0",
  });
}
