/**
 * What the Breakdown feeds, laid out once: the Elements DOOD (any category, and locations), the
 * Schedule with each strip's elements underneath, and a call sheet's background count and
 * department elements by scene (added below a call sheet, so the call sheet layout stays its own).
 */
import { CallSheet, DoodCode, ScheduleModel } from "../schedule/model";
import { formatEighths } from "../schedule/eighths";
import { dayBreakdown, elementDoods, sceneKey } from "../schedule/breakdown";
import { CellStyle, KeepBlock, Merge, SheetLayout } from "./types";
import { fitRows, columnWidthFor } from "./fit";
import { COLORS, DATE_FORMAT, Grid, SHORT_DATE_FORMAT, STYLE, dateValue } from "./styles";
import { CALL_SHEET_COLS } from "./callSheet";
import { columnLetters } from "../cells";

export const ELEMENTS_DOOD = "Elements DOOD";
export const SCHEDULE_ELEMENTS = "Schedule + Elements";

const CODE_FILL: Partial<Record<DoodCode, string>> = { SW: "#C6EFCE", SWF: "#C6EFCE", WF: "#F8CBAD", H: "#D9D9D9" };
const bar: CellStyle = { bold: true, fill: COLORS.titleFill, fontColor: COLORS.titleFont };
const section: CellStyle = { bold: true, fill: COLORS.sectionFill, border: { top: true } };

/**
 * Day Out of Days by element: one block a category (Background, Vehicles, Animals, Props …, and
 * Locations), a row an element, the codes as the cast DOOD writes them (SW, W, WF, SWF, H), and
 * for counted elements (background) the most needed on any day.
 */
export function elementsDoodLayout(s: ScheduleModel, title: string): SheetLayout | undefined {
  // Only a workbook with a Breakdown has element sheets: a board without one builds as before.
  if (!s.breakdown) return undefined;
  const doods = elementDoods(s.days, s.breakdown);
  if (doods.length === 0) return undefined;
  const n = s.days.length;
  const first = 2;
  const totals = ["Work", "Hold", "Start", "Finish", "Most"];
  const lastCol = first + n + totals.length - 1;
  const g = new Grid();
  const merges: Merge[] = [{ r1: 1, c1: 1, r2: 1, c2: Math.max(lastCol, 6) }];
  g.heading(title, "Day Out of Days: elements", Math.max(lastCol, 6));
  g.set(3, 1, "SW start · W work · WF finish · SWF start and finish · H hold (no drops for elements)", STYLE.muted);
  const head: CellStyle = { ...STYLE.header, hAlign: "center" };
  g.set(4, 1, "Date", { ...STYLE.header });
  g.set(5, 1, "Element", { ...STYLE.header });
  s.days.forEach((d, i) => {
    g.set(4, first + i, d.date === undefined ? null : dateValue(d.date), { ...head, numberFormat: SHORT_DATE_FORMAT, fontSize: 9 });
    g.set(5, first + i, `D${d.number}`, head);
  });
  totals.forEach((t, i) => {
    g.set(4, first + n + i, null, head);
    g.set(5, first + n + i, t, head);
  });
  let r = 6;
  const nameCells: { v: string; s?: CellStyle }[] = [{ v: "Element" }];
  // On paper: each category with its elements.
  const keep: KeepBlock[] = [];
  for (const cat of doods) {
    const catFrom = r;
    g.set(r, 1, cat.category, section);
    g.pad(r, 2, lastCol, section);
    merges.push({ r1: r, c1: 1, r2: r, c2: Math.min(lastCol, first + Math.max(0, n - 1)) });
    nameCells.push({ v: cat.category, s: section });
    r++;
    for (const row of cat.rows) {
      g.set(r, 1, row.character, { border: { bottom: true } });
      nameCells.push({ v: row.character });
      row.codes.forEach((c, i) => g.set(r, first + i, c || null, { hAlign: "center", border: { bottom: true, left: true }, fill: CODE_FILL[c] }));
      const most = row.quantity.length ? Math.max(0, ...row.quantity) : 0;
      g.row(r, first + n, [row.work, row.hold, row.start === undefined ? null : dateValue(row.start), row.finish === undefined ? null : dateValue(row.finish), most > 1 ? most : null], { border: { bottom: true } }, [
        { hAlign: "right" },
        { hAlign: "right" },
        { numberFormat: "d mmm yyyy" },
        { numberFormat: "d mmm yyyy" },
        { hAlign: "right" },
      ]);
      r++;
    }
    keep.push({ r1: catFrom, r2: r - 1 });
  }
  const last = r - 1;
  const widths = [Math.min(40, columnWidthFor(nameCells, 16)), ...new Array<number>(n).fill(6.5), 7, 7, 12, 12, 7];
  return fitRows({
    name: ELEMENTS_DOOD,
    kind: "elements-dood",
    cells: g.cells,
    merges,
    columnWidths: widths,
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: 5, columns: 1 },
    print: { orientation: "landscape", fitToWidth: Math.max(1, Math.ceil(widths.reduce((a, b) => a + b, 0) / 200)), repeatRows: [4, 5], repeatColumns: [1, 1], area: `A1:${columnLetters(lastCol)}${last}`, keep },
    tabColor: "#548235",
  });
}

/** The shooting schedule with each strip's breakdown elements listed under it, by department. */
export function scheduleElementsLayout(s: ScheduleModel, title: string): SheetLayout | undefined {
  const bd = s.breakdown;
  if (!bd || bd.elements.length === 0) return undefined;
  const LAST = 6;
  const g = new Grid();
  const merges: Merge[] = [{ r1: 1, c1: 1, r2: 1, c2: LAST }];
  g.heading(title, "Shooting Schedule with Elements", LAST);
  g.row(4, 1, ["Scene", "I/E", "D/N", "Set", "Pages", "Cast"], STYLE.header);
  const castById = new Map(s.cast.map((c) => [c.id.toUpperCase(), c]));
  let r = 5;
  // On paper: each day with its End of Day row.
  const keep: KeepBlock[] = [];
  for (const day of s.days) {
    const dayFrom = r;
    const dayStyle: CellStyle = { bold: true, fill: COLORS.dayHeaderFill, border: { top: true } };
    g.set(r, 1, `Day ${day.number} of ${s.days.length}`, dayStyle);
    merges.push({ r1: r, c1: 1, r2: r, c2: 3 });
    if (day.date !== undefined) g.set(r, 4, dateValue(day.date), { ...dayStyle, numberFormat: DATE_FORMAT, hAlign: "left" });
    g.set(r, 5, day.pagesText, { ...dayStyle, hAlign: "right" });
    g.pad(r, 1, LAST, dayStyle);
    r++;
    for (const st of day.strips) {
      const fill: CellStyle = { fill: st.color, border: { top: true }, vAlign: "top" };
      const cast = st.cast.map((id) => `${id}. ${castById.get(id.toUpperCase())?.character ?? ""}`.trim()).join(", ");
      g.row(r, 1, [st.scene, st.intExt, st.dayNight, st.set, formatEighths(st.pages), cast], fill, [{ bold: true }, {}, {}, { wrap: true }, { hAlign: "right" }, { wrap: true }]);
      r++;
      if (st.description) {
        g.set(r, 2, st.description, { italic: true, wrap: true });
        merges.push({ r1: r, c1: 2, r2: r, c2: LAST });
        r++;
      }
      const byCat = new Map<string, string[]>();
      for (const e of bd.byScene.get(sceneKey(st.scene)) ?? []) {
        const list = byCat.get(e.category) ?? [];
        list.push(e.quantity > 1 ? `${e.element} (${e.quantity})` : e.element);
        byCat.set(e.category, list);
      }
      for (const [cat, items] of byCat) {
        g.set(r, 2, cat, { bold: true, fontColor: COLORS.muted });
        merges.push({ r1: r, c1: 2, r2: r, c2: 3 });
        g.set(r, 4, items.join(", "), { wrap: true });
        merges.push({ r1: r, c1: 4, r2: r, c2: LAST });
        r++;
      }
    }
    const brk: CellStyle = { bold: true, fill: COLORS.dayBreakFill, fontColor: COLORS.dayBreakFont };
    g.set(r, 1, `End of Day ${day.number}`, brk);
    merges.push({ r1: r, c1: 1, r2: r, c2: 3 });
    g.set(r, 5, day.pagesText, { ...brk, hAlign: "right" });
    g.pad(r, 1, LAST, brk);
    keep.push({ r1: dayFrom, r2: r });
    r++;
  }
  return fitRows({
    name: SCHEDULE_ELEMENTS,
    kind: "schedule-elements",
    cells: g.cells,
    merges,
    columnWidths: [9, 14, 9, 40, 8, 40],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: [4, 4], area: `A1:F${Math.max(4, r - 1)}`, keep },
    tabColor: "#548235",
  });
}

/**
 * A call sheet with the day's breakdown below it: the background count, then each department's
 * elements by scene. Left as it is when the day has none.
 */
export function withCallSheetBreakdown(layout: SheetLayout, cs: CallSheet, s: ScheduleModel): SheetLayout {
  const day = dayBreakdown(
    cs.scenes.map((x) => x.scene),
    s.breakdown,
  );
  if (day.departments.length === 0) return layout;
  const LAST = CALL_SHEET_COLS;
  const cells = [...layout.cells];
  const merges = [...layout.merges];
  let r = cells.reduce((m, c) => Math.max(m, c.r), 0) + 2;
  const put = (c: number, v: string | number | null, st?: CellStyle) => cells.push(st ? { r, c, v, s: st } : { r, c, v });
  const barRow = r;
  put(1, "BACKGROUND AND DEPARTMENTS", bar);
  for (let c = 2; c <= LAST; c++) put(c, null, bar);
  merges.push({ r1: r, c1: 1, r2: r, c2: LAST });
  r++;
  put(1, "Background", { bold: true });
  merges.push({ r1: r, c1: 1, r2: r, c2: 2 });
  put(3, day.background, { bold: true, hAlign: "left" });
  r++;
  const sub: CellStyle = { ...STYLE.header, wrap: false };
  put(1, "Department", sub);
  put(2, null, sub);
  put(3, "Scene", sub);
  put(4, "Elements", sub);
  for (let c = 5; c <= LAST; c++) put(c, null, sub);
  merges.push({ r1: r, c1: 1, r2: r, c2: 2 }, { r1: r, c1: 4, r2: r, c2: LAST });
  r++;
  for (const d of day.departments) {
    d.scenes.forEach((sc, i) => {
      put(1, i === 0 ? d.category : null, { bold: i === 0, vAlign: "top" });
      merges.push({ r1: r, c1: 1, r2: r, c2: 2 });
      put(3, sc.scene, { vAlign: "top" });
      put(4, sc.elements.join(", "), { wrap: true, vAlign: "top" });
      merges.push({ r1: r, c1: 4, r2: r, c2: LAST });
      r++;
    });
  }
  const area = layout.print?.area?.replace(/\d+$/, String(r - 1));
  const keep = [...(layout.print?.keep ?? []), { r1: barRow, r2: r - 1 }];
  return fitRows({ ...layout, cells, merges, print: layout.print ? { ...layout.print, area, keep } : undefined });
}
