import { CallSheet, CallSheetScene } from "../schedule/model";
import { CellStyle, KeepBlock, Merge, SheetLayout } from "./types";
import { fitRows } from "./fit";
import { COLORS, DATE_FORMAT, Grid, STYLE, TIME_FORMAT, dateValue, timeValue } from "./styles";

export const CALL_SHEET_COLS = 8;
const LAST = CALL_SHEET_COLS;
/** Title, day/date and calls: repeated at the top of every printed page. */
export const CALL_SHEET_REPEAT: [number, number] = [1, 3];

export function callSheetName(day: number): string {
  return `Call D${day}`;
}

const bar: CellStyle = { bold: true, fill: COLORS.titleFill, fontColor: COLORS.titleFont };
const sub: CellStyle = { ...STYLE.header, wrap: false };
const time: CellStyle = { numberFormat: TIME_FORMAT, hAlign: "left", bold: true };

/**
 * One shooting day's call sheet, printable one page wide in portrait with the title rows repeated:
 * title, day n of N, date, crew and shooting call, sunrise and sunset, the day's scenes, the cast
 * called with DOOD code, makeup and set call, locations with address, parking and hospital, notes,
 * and the advance schedule (the next shooting day's scenes).
 */
export function callSheetLayout(cs: CallSheet, title: string): SheetLayout {
  const g = new Grid();
  const merges: Merge[] = [];
  const merge = (r: number, c1: number, c2: number) => {
    if (c2 > c1) merges.push({ r1: r, c1, r2: r, c2 });
  };
  const section = (r: number, text: string) => {
    g.set(r, 1, text, bar);
    g.pad(r, 2, LAST, bar);
    merge(r, 1, LAST);
  };

  g.set(1, 1, title, { ...STYLE.title, hAlign: "center" });
  g.pad(1, 2, LAST, STYLE.title);
  merge(1, 1, LAST);
  g.set(2, 1, "CALL SHEET", { bold: true, fontSize: 13 });
  merge(2, 1, 2);
  g.set(2, 3, `Day ${cs.day} of ${cs.days}`, { bold: true, fontSize: 13, hAlign: "center" });
  merge(2, 3, 5);
  if (cs.date !== undefined) g.set(2, 6, dateValue(cs.date), { bold: true, fontSize: 13, numberFormat: DATE_FORMAT, hAlign: "right" });
  merge(2, 6, 8);
  g.row(3, 1, ["Crew call", timeValue(cs.crewCall)], undefined, [{ bold: true }, { ...time, fontSize: 13, indent: 1 }]);
  g.row(3, 3, ["Shooting call", null, timeValue(cs.shootingCall)], undefined, [{ bold: true }, undefined, { ...time, fontSize: 13 }]);
  merge(3, 3, 4);
  g.set(3, 6, `Pages: ${cs.pagesText}`, { bold: true, hAlign: "right" });
  merge(3, 6, 8);
  g.pad(3, 1, LAST, { border: { bottom: true } });

  let r = 5;
  // On paper each block stays whole: sun times, scenes, cast, locations, notes, advance schedule.
  const keep: KeepBlock[] = [];
  let from = r;
  const block = (last: number) => {
    if (last > from) keep.push({ r1: from, r2: last });
  };
  if (cs.sun.length > 0) {
    g.row(r, 1, ["Sunrise", null, "Sunset", null, "Location", null, "Times in"], sub);
    g.pad(r, 1, LAST, sub);
    merge(r, 1, 2);
    merge(r, 3, 4);
    merge(r, 5, 6);
    merge(r, 7, 8);
    r++;
    for (const s of cs.sun) {
      g.set(r, 1, s.sunrise !== undefined ? timeValue(s.sunrise) : (s.polar ?? "none"), time);
      merge(r, 1, 2);
      g.set(r, 3, s.sunset !== undefined ? timeValue(s.sunset) : (s.polar ?? "none"), time);
      merge(r, 3, 4);
      g.set(r, 5, s.location);
      merge(r, 5, 6);
      g.set(r, 7, s.zone + (s.estimated ? " (estimated from longitude)" : ""), STYLE.muted);
      merge(r, 7, 8);
      r++;
    }
    block(r - 1);
    r++;
  }

  const scenesBlock = (scenes: CallSheetScene[], pagesText: string) => {
    g.row(r, 1, ["Scene", "Set", "I/E", "D/N", "Pages", "Cast", "Location", "Description"], sub, [{}, {}, {}, {}, { hAlign: "right" }, { indent: 1 }]);
    r++;
    for (const sc of scenes) {
      g.row(
        r,
        1,
        [sc.scene, sc.set, sc.intExt, sc.dayNight, sc.pagesText, sc.cast.join(", "), sc.location, sc.description],
        { vAlign: "top", border: { bottom: true } },
        // Pages right so fractions line up; cast indented so "2 3/8" and "1, 3" do not run together.
        [{ bold: true }, { wrap: true }, undefined, undefined, { hAlign: "right" }, { wrap: true, indent: 1 }, { wrap: true }, { wrap: true }],
      );
      r++;
    }
    g.row(r, 1, ["", "Total pages", "", "", pagesText], STYLE.total, [undefined, undefined, undefined, undefined, { hAlign: "right" }]);
    g.pad(r, 6, LAST, STYLE.total);
    r += 2;
  };

  from = r;
  section(r, "SCENES");
  r++;
  scenesBlock(cs.scenes, cs.pagesText);
  block(r - 2);

  from = r;
  section(r, "CAST");
  r++;
  g.row(r, 1, ["ID", "Character", "Actor", null, "DOOD", "Makeup", "Set call", "Notes"], sub, [{}, {}, {}, {}, { hAlign: "center" }, { hAlign: "center" }, { hAlign: "center" }]);
  merge(r, 3, 4);
  r++;
  for (const c of cs.cast) {
    g.row(r, 1, [c.id, c.character, c.actor, null, c.code || null, timeValue(c.makeupCall), timeValue(c.setCall), null], { border: { bottom: true } }, [
      { bold: true },
      { wrap: true },
      { wrap: true },
      undefined,
      { hAlign: "center" },
      { numberFormat: TIME_FORMAT, hAlign: "center" },
      { numberFormat: TIME_FORMAT, hAlign: "center", bold: true },
      undefined,
    ]);
    merge(r, 3, 4);
    r++;
  }
  if (cs.cast.length === 0) {
    g.set(r, 1, "No cast called", STYLE.muted);
    merge(r, 1, LAST);
    r++;
  }
  if (cs.holding.length > 0) {
    g.set(r, 1, `On hold (not called): ${cs.holding.join(", ")}`, { ...STYLE.muted, wrap: true });
    merge(r, 1, LAST);
    r++;
  }
  block(r - 1);
  r++;

  from = r;
  section(r, "LOCATIONS");
  r++;
  // Name across Scene and Set, so "Angeles Crest Hwy" is not cut; the rest wrap in their merges.
  g.row(r, 1, ["Location", null, "Address", null, null, "Parking", null, "Nearest hospital"], sub);
  merge(r, 1, 2);
  merge(r, 3, 5);
  merge(r, 6, 7);
  r++;
  for (const l of cs.locations) {
    g.row(r, 1, [l.name, null, l.address, null, null, l.parking, null, l.hospital], { wrap: true, vAlign: "top", border: { bottom: true } }, [{ bold: true }]);
    merge(r, 1, 2);
    merge(r, 3, 5);
    merge(r, 6, 7);
    r++;
    if (l.notes) {
      g.set(r, 1, l.notes, { ...STYLE.muted, wrap: true, indent: 1, vAlign: "top" });
      merge(r, 1, LAST);
      r++;
    }
  }
  block(r - 1);
  r++;

  from = r;
  section(r, "NOTES");
  r++;
  for (const note of cs.notes.length > 0 ? cs.notes : ["No notes for this day."]) {
    g.set(r, 1, note, { wrap: true, vAlign: "top" });
    merge(r, 1, LAST);
    r++;
  }
  block(r - 1);
  r++;

  from = r;
  if (cs.advance) {
    const a = cs.advance;
    // The next day's date sits in the bar, as a real date.
    g.set(r, 1, `ADVANCE SCHEDULE: DAY ${a.day}`, bar);
    if (a.date !== undefined) g.set(r, 6, dateValue(a.date), { ...bar, numberFormat: DATE_FORMAT, hAlign: "right" });
    g.pad(r, 2, LAST, bar);
    merge(r, 1, 5);
    merge(r, 6, LAST);
    r++;
    scenesBlock(a.scenes, a.pagesText);
    block(r - 2);
  } else {
    section(r, "ADVANCE SCHEDULE: last shooting day, nothing to follow");
    r++;
  }
  const last = r - 1;

  return fitRows({
    name: callSheetName(cs.day),
    kind: "call-sheet",
    cells: g.cells,
    merges,
    // 108 characters: one portrait page wide at about 95 %.
    columnWidths: [9, 24, 6, 8, 8, 9, 16, 28],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: CALL_SHEET_REPEAT, area: `A1:H${last}`, keep },
    tabColor: "#BF8F00",
  });
}
