import { ScheduleModel, Strip, Banner } from "../schedule/model";
import { formatEighths } from "../schedule/eighths";
import { CellStyle, KeepBlock, Merge, SheetLayout } from "./types";
import { COLORS, DATE_FORMAT, Grid, STYLE, dateValue } from "./styles";
import { fitRows } from "./fit";
import { REVISION_FILLS } from "../script/categories";

export const SCHEDULE = "Schedule";
export const SCHEDULE_HEADERS = ["Scene", "I/E", "D/N", "Set", "Location", "Pages", "Cast", "Extras", "Description", "Script Day", "Notes"] as const;
const LAST_COL = SCHEDULE_HEADERS.length;
const HEADER_ROW = 4;
/** Where a day header and a day break put their date and page total. */
export const SCHEDULE_DATE_COL = 4;
const DATE_COL = SCHEDULE_DATE_COL;
const PAGES_COL = 6;

/**
 * Alignment shared by the header and the strips, so each heading sits over its column: pages
 * right (fractions line up), cast set off from them by an indent, extras centred.
 */
const COLUMN_ALIGN: CellStyle[] = [{}, {}, {}, {}, {}, { hAlign: "right" }, { indent: 1 }, { hAlign: "center" }, {}, {}, {}];
/** Strip cells: the scene number bold; names and free text wrap rather than being cut. */
const STRIP_CELL: CellStyle[] = [{ bold: true }, {}, {}, { wrap: true }, { wrap: true }, {}, { wrap: true }, {}, { wrap: true }, {}, { wrap: true }];

/**
 * The shooting schedule as a printed stripboard: for each day a header with its date and page
 * total, the strips in board order coloured by the strip convention, banners across the row, and a
 * black day-break row "End of Day n", its date and pages.
 */
export function scheduleLayout(s: ScheduleModel, title: string): SheetLayout {
  const g = new Grid();
  const merges: Merge[] = [{ r1: 1, c1: 1, r2: 1, c2: LAST_COL }];
  g.heading(title, "Shooting Schedule", LAST_COL);
  const totalPages = s.days.reduce((n, d) => n + d.pages, 0);
  g.set(2, 5, `${s.days.length} shooting day${s.days.length === 1 ? "" : "s"}, ${formatEighths(totalPages)} pages`, STYLE.muted);
  g.row(HEADER_ROW, 1, [...SCHEDULE_HEADERS], STYLE.header, COLUMN_ALIGN);

  const dayHeader: CellStyle = { bold: true, fill: COLORS.dayHeaderFill, border: { top: true } };
  const dayBreak: CellStyle = { bold: true, fill: COLORS.dayBreakFill, fontColor: COLORS.dayBreakFont };
  const banner: CellStyle = { bold: true, italic: true, fill: COLORS.bannerFill };
  const n = s.days.length;
  let r = HEADER_ROW + 1;

  const bannerRow = (b: Banner) => {
    g.set(r, 1, b.text, { ...banner, wrap: true });
    g.pad(r, 2, LAST_COL, banner);
    merges.push({ r1: r, c1: 1, r2: r, c2: LAST_COL });
    r++;
  };
  const stripRow = (st: Strip) => {
    const fill: CellStyle = { fill: st.color, border: { bottom: true }, vAlign: "top" };
    // A revised scene shows its revision colour on the scene number, as revision pages do.
    const rev = st.revision && st.revision.toLowerCase() !== "white" ? REVISION_FILLS[st.revision.charAt(0).toUpperCase() + st.revision.slice(1).toLowerCase()] : undefined;
    g.row(
      r,
      1,
      [st.scene, st.intExt, st.dayNight, st.set, st.location, formatEighths(st.pages), st.cast.join(", "), st.extras, st.description, st.scriptDay, st.notes],
      fill,
      COLUMN_ALIGN.map((a, i) => ({ ...a, ...STRIP_CELL[i], ...(i === 0 && rev ? { fill: rev } : {}) })),
    );
    r++;
  };

  // Day header and day break: the label across Scene..D/N, the date under Set, the page total
  // under Pages (so it lines up with the strips' pages), the rest from Cast on.
  const dayRow = (label: string, date: number | undefined, pagesText: string, rest: string, style: CellStyle) => {
    g.set(r, 1, label, style);
    merges.push({ r1: r, c1: 1, r2: r, c2: 3 });
    if (date !== undefined) g.set(r, DATE_COL, dateValue(date), { ...style, numberFormat: DATE_FORMAT, hAlign: "left" });
    g.set(r, PAGES_COL - 1, "Pages", { ...style, hAlign: "right" });
    g.set(r, PAGES_COL, pagesText, { ...style, hAlign: "right" });
    if (rest) {
      g.set(r, PAGES_COL + 1, rest, { ...style, indent: 1 });
      merges.push({ r1: r, c1: PAGES_COL + 1, r2: r, c2: LAST_COL });
    }
    g.pad(r, 1, LAST_COL, style);
    r++;
  };

  // On paper: each day from its header to its End of Day row; the boneyard with its strips.
  const keep: KeepBlock[] = [];
  for (const day of s.days) {
    const first = r;
    dayRow(`Day ${day.number} of ${n}`, day.date, day.pagesText, `${day.strips.length} scene${day.strips.length === 1 ? "" : "s"}`, dayHeader);
    for (const item of day.items) {
      if (item.kind === "strip") stripRow(item.strip);
      else bannerRow(item.banner);
    }
    // The break row's own text ("End of Day 3 — wrap by 19:00"), unless it only repeats the number.
    const extra = (day.dayBreak?.text ?? "").replace(/^[\s:#—–-]+/, "").trim();
    dayRow(`End of Day ${day.number}`, day.date, day.pagesText, extra && extra !== String(day.number) ? extra : "", dayBreak);
    keep.push({ r1: first, r2: r - 1 });
  }
  for (const b of s.board.trailingBanners) bannerRow(b);
  const boneyard = s.board.boneyard ?? [];
  if (boneyard.length > 0) {
    // Strips on no day (new scenes of a revised script), shown apart for the AD to place.
    const pages = boneyard.reduce((n, st) => n + st.pages, 0);
    r++;
    const first = r;
    dayRow("Boneyard", undefined, formatEighths(pages), `${boneyard.length} strip${boneyard.length === 1 ? "" : "s"} on no shooting day`, dayBreak);
    for (const st of boneyard) stripRow(st);
    keep.push({ r1: first, r2: r - 1 });
  }
  const last = Math.max(r - 1, HEADER_ROW);

  return fitRows({
    name: SCHEDULE,
    kind: "schedule",
    cells: g.cells,
    merges,
    columnWidths: [9, 7, 9, 30, 20, 8, 14, 7, 44, 10, 28],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { orientation: "landscape", fitToWidth: 1, repeatRows: [HEADER_ROW, HEADER_ROW], area: `A1:K${last}`, keep },
    tabColor: "#548235",
  });
}
