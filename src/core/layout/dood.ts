import { ScheduleModel, DoodCode } from "../schedule/model";
import { CellStyle, LayoutValue, SheetLayout } from "./types";
import { DATE_FORMAT, Grid, INTEGER_FORMAT, SHORT_DATE_FORMAT, STYLE, currencyFormat, dateValue, money } from "./styles";
import { columnLetters } from "../cells";

export const DOOD = "DOOD";
/** Rows: title, subtitle, blank, date, weekday, shooting day (the header), then the cast. */
export const DOOD_DATE_ROW = 4;
export const DOOD_WEEKDAY_ROW = 5;
export const DOOD_HEADER_ROW = 6;
export const DOOD_FIRST_DAY_COL = 4;
export const DOOD_TOTAL_HEADERS = ["Work", "Hold", "Drop", "Start", "Finish", "Hold Cost"] as const;

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
};

/**
 * Day Out of Days: every cast member (Cast order) by shooting day, with the date and weekday of
 * each day above, the codes, and totals for work, hold, drop, start, finish and hold cost.
 */
export function doodLayout(s: ScheduleModel, title: string, currency: string): SheetLayout {
  const g = new Grid();
  const dood = s.dood;
  const n = dood.days;
  const firstTotal = DOOD_FIRST_DAY_COL + n;
  const lastCol = firstTotal + DOOD_TOTAL_HEADERS.length - 1;
  const cur = currencyFormat(currency);
  g.set(1, 1, title, STYLE.title);
  g.pad(1, 2, Math.max(lastCol, 8), STYLE.title);
  g.set(2, 1, "Day Out of Days", STYLE.subtitle);
  g.set(
    2,
    4,
    "SW start · W work · WF finish · SWF start and finish · H hold · WD drop · PW pick-up" + (dood.dropsJudged ? "" : " (days have no dates, so no drops are judged)"),
    STYLE.muted,
  );

  const head: CellStyle = { ...STYLE.header, hAlign: "center" };
  g.set(DOOD_DATE_ROW, 3, "Date", { ...head, hAlign: "right" });
  g.set(DOOD_WEEKDAY_ROW, 3, "Weekday", { ...head, hAlign: "right" });
  g.row(DOOD_HEADER_ROW, 1, ["ID", "Character", "Actor"], STYLE.header);
  g.pad(DOOD_DATE_ROW, 1, 2, STYLE.header);
  g.pad(DOOD_WEEKDAY_ROW, 1, 2, STYLE.header);
  for (let i = 0; i < n; i++) {
    const c = DOOD_FIRST_DAY_COL + i;
    const day = dood.dates[i];
    g.set(DOOD_DATE_ROW, c, day === undefined ? null : dateValue(day), { ...head, numberFormat: SHORT_DATE_FORMAT });
    g.set(DOOD_WEEKDAY_ROW, c, day === undefined ? null : dateValue(day), { ...head, numberFormat: "ddd" });
    g.set(DOOD_HEADER_ROW, c, i + 1, head);
  }
  DOOD_TOTAL_HEADERS.forEach((h, i) => {
    g.set(DOOD_DATE_ROW, firstTotal + i, null, head);
    g.set(DOOD_WEEKDAY_ROW, firstTotal + i, null, head);
    g.set(DOOD_HEADER_ROW, firstTotal + i, h, head);
  });

  let r = DOOD_HEADER_ROW + 1;
  let holdCost = 0;
  const working = new Array<number>(n).fill(0);
  for (const m of dood.cast) {
    g.row(r, 1, [m.id, m.character, m.actor], undefined, [{ bold: true }]);
    m.codes.forEach((code, i) => {
      const fill = CODE_FILL[code];
      g.set(r, DOOD_FIRST_DAY_COL + i, code === "" ? null : code, { hAlign: "center", border: { left: true, right: true }, ...(fill ? { fill } : {}) });
      if (code && code !== "H") working[i]++;
    });
    const startEnd = (date: number | undefined, day: number | undefined): [LayoutValue, CellStyle] =>
      date !== undefined
        ? [dateValue(date), { numberFormat: DATE_FORMAT }]
        : day !== undefined
          ? [day, { numberFormat: '"Day "0' }]
          : [null, {}];
    const [sv, ss] = startEnd(m.start, m.startDay);
    const [fv, fs] = startEnd(m.finish, m.finishDay);
    g.row(r, firstTotal, [m.work, m.hold, m.drop, sv, fv, money(m.holdCost)], undefined, [
      { numberFormat: INTEGER_FORMAT },
      { numberFormat: INTEGER_FORMAT },
      { numberFormat: INTEGER_FORMAT },
      ss,
      fs,
      { numberFormat: cur },
    ]);
    holdCost += m.holdCost;
    r++;
  }
  // Who works each day, and the hold cost of the whole cast.
  g.row(r, 1, ["", "Cast working", ""], STYLE.total);
  working.forEach((w, i) => g.set(r, DOOD_FIRST_DAY_COL + i, w, { ...STYLE.total, hAlign: "center" }));
  const sum = (k: "work" | "hold" | "drop") => dood.cast.reduce((t, m) => t + m[k], 0);
  g.row(r, firstTotal, [sum("work"), sum("hold"), sum("drop"), null, null, money(holdCost)], STYLE.total, [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    { numberFormat: cur },
  ]);

  return {
    name: DOOD,
    kind: "dood",
    cells: g.cells,
    merges: [],
    columnWidths: [6, 18, 18, ...new Array<number>(n).fill(6.5), 6, 6, 6, 12, 12, 13],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: DOOD_HEADER_ROW, columns: 3 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [DOOD_DATE_ROW, DOOD_HEADER_ROW], area: `A1:${columnLetters(lastCol)}${r}` },
    tabColor: "#7030A0",
  };
}
