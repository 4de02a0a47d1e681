import { CallSheet, CallSheetScene } from "../schedule/model";
import { CellStyle, KeepBlock, LayoutValue, Merge, SheetLayout } from "./types";
import { fitRows } from "./fit";
import { COLORS, DATE_FORMAT, Grid, INTEGER_FORMAT, STYLE, TIME_FORMAT, dateValue, timeValue } from "./styles";

export const CALL_SHEET_COLS = 9;
const LAST = CALL_SHEET_COLS;
/** Title, day/date and calls: repeated at the top of every printed page. */
export const CALL_SHEET_REPEAT: [number, number] = [1, 3];

export function callSheetName(day: number): string {
  return `Call D${day}`;
}

const bar: CellStyle = { bold: true, fill: COLORS.titleFill, fontColor: COLORS.titleFont };
const sub: CellStyle = { ...STYLE.header, wrap: false };
const time: CellStyle = { numberFormat: TIME_FORMAT, hAlign: "left", bold: true };
const dept: CellStyle = { bold: true, fill: COLORS.sectionFill, border: { top: true } };
const flag: CellStyle = { bold: true, italic: true, fontColor: COLORS.overFont, wrap: true };

/**
 * One shooting day's call sheet, printable one page wide in portrait with the title rows repeated:
 * title, day n of N, date, crew call, shooting call and estimated wrap; meals, weather (blank,
 * for the AD), background and walkie channels; sunrise and sunset; key contacts and the
 * production office; the day's scenes with background; the cast called with DOOD code, makeup,
 * set call, pickup and transport, minors flagged, and who is holding by name; the crew by
 * department with each call; locations with address, parking and hospital; safety; notes; and
 * the advance schedule (the next shooting day's scenes).
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
  merge(2, 6, LAST);
  g.row(3, 1, ["Crew call", timeValue(cs.crewCall)], undefined, [{ bold: true }, { ...time, fontSize: 13, indent: 1 }]);
  g.row(3, 3, ["Shooting call", null, timeValue(cs.shootingCall)], undefined, [{ bold: true }, undefined, { ...time, fontSize: 13 }]);
  merge(3, 3, 4);
  g.row(3, 6, ["Est. wrap", null, timeValue(cs.wrap)], undefined, [{ bold: true }, undefined, { ...time, fontSize: 13 }]);
  merge(3, 6, 7);
  g.set(3, 9, `Pages: ${cs.pagesText}`, { bold: true, hAlign: "right" });
  g.pad(3, 1, LAST, { border: { bottom: true } });

  let r = 5;
  // On paper each block stays whole: times, sun, contacts, scenes, cast, each crew department,
  // locations, safety, notes, advance schedule.
  const keep: KeepBlock[] = [];
  let from = r;
  const block = (last: number) => {
    if (last > from) keep.push({ r1: from, r2: last });
  };
  /** Label across A:B, value across C:E; a second pair across F:G and H:I. */
  const pairs = (label: string, value: LayoutValue, vs?: CellStyle, label2?: string, value2?: LayoutValue, vs2?: CellStyle) => {
    g.set(r, 1, label, { bold: true, vAlign: "top" });
    merge(r, 1, 2);
    g.set(r, 3, value, { vAlign: "top", ...vs });
    merge(r, 3, label2 === undefined ? LAST : 5);
    if (label2 !== undefined) {
      g.set(r, 6, label2, { bold: true, vAlign: "top" });
      merge(r, 6, 7);
      g.set(r, 8, value2 ?? null, { vAlign: "top", ...vs2 });
      merge(r, 8, LAST);
    }
    r++;
  };

  from = r;
  section(r, "TIMES");
  r++;
  const secondMeal = cs.secondMeal !== undefined ? timeValue(cs.secondMeal) : "none due";
  pairs("First meal", timeValue(cs.firstMeal), time, "Second meal", secondMeal, cs.secondMeal !== undefined ? time : STYLE.muted);
  // Weather needs a network: a ruled blank the AD fills in.
  pairs("Weather", cs.weather || null, { border: { bottom: true } }, "Background", cs.background, { bold: true, hAlign: "left", numberFormat: INTEGER_FORMAT });
  if (cs.walkie) pairs("Walkie channels", cs.walkie, { wrap: true });
  block(r - 1);
  r++;

  if (cs.sun.length > 0) {
    from = r;
    g.row(r, 1, ["Sunrise", null, "Sunset", null, "Location", null, null, "Times in"], sub);
    g.pad(r, 1, LAST, sub);
    merge(r, 1, 2);
    merge(r, 3, 4);
    merge(r, 5, 7);
    merge(r, 8, 9);
    r++;
    for (const s of cs.sun) {
      g.set(r, 1, s.sunrise !== undefined ? timeValue(s.sunrise) : (s.polar ?? "none"), time);
      merge(r, 1, 2);
      g.set(r, 3, s.sunset !== undefined ? timeValue(s.sunset) : (s.polar ?? "none"), time);
      merge(r, 3, 4);
      g.set(r, 5, s.location);
      merge(r, 5, 7);
      g.set(r, 8, s.zone + (s.estimated ? " (estimated from longitude)" : ""), { ...STYLE.muted, wrap: true });
      merge(r, 8, 9);
      r++;
    }
    block(r - 1);
    r++;
  }

  if (cs.productionOffice || cs.contacts.length > 0) {
    from = r;
    section(r, "KEY CONTACTS");
    r++;
    if (cs.productionOffice) pairs("Production office", cs.productionOffice, { wrap: true });
    if (cs.contacts.length > 0) {
      g.row(r, 1, ["Role", null, "Name", null, null, "Phone", null, "Email"], sub);
      g.pad(r, 1, LAST, sub);
      merge(r, 1, 2);
      merge(r, 3, 5);
      merge(r, 6, 7);
      merge(r, 8, 9);
      r++;
      for (const c of cs.contacts) {
        g.row(r, 1, [c.role, null, c.name, null, null, c.phone, null, c.email], { wrap: true, vAlign: "top", border: { bottom: true } }, [{ bold: true }]);
        merge(r, 1, 2);
        merge(r, 3, 5);
        merge(r, 6, 7);
        merge(r, 8, 9);
        r++;
      }
    }
    block(r - 1);
    r++;
  }

  const scenesBlock = (scenes: CallSheetScene[], pagesText: string) => {
    g.row(r, 1, ["Scene", "Set", "I/E", "D/N", "Pages", "Cast", "Bkg", "Location", "Description"], sub, [{}, {}, {}, {}, { hAlign: "right" }, { indent: 1 }, { hAlign: "right" }]);
    r++;
    let background = 0;
    for (const sc of scenes) {
      background += sc.background ?? 0;
      // A count is a number; Extras text without one ("see AD") is shown as written.
      const bkg: LayoutValue = sc.background !== undefined ? sc.background : sc.extras || null;
      g.row(
        r,
        1,
        [sc.scene, sc.set, sc.intExt, sc.dayNight, sc.pagesText, sc.cast.join(", "), bkg, sc.location, sc.description],
        { vAlign: "top", border: { bottom: true } },
        // Pages right so fractions line up; cast indented so "2 3/8" and "1, 3" do not run together.
        [{ bold: true }, { wrap: true }, undefined, undefined, { hAlign: "right" }, { wrap: true, indent: 1 }, { hAlign: "right", wrap: true }, { wrap: true }, { wrap: true }],
      );
      r++;
    }
    g.row(r, 1, ["", "Total pages", "", "", pagesText, "", background], STYLE.total, [undefined, undefined, undefined, undefined, { hAlign: "right" }, undefined, { hAlign: "right" }]);
    g.pad(r, 8, LAST, STYLE.total);
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
  g.row(r, 1, ["ID", "Character", "Actor", null, "DOOD", "Makeup", "Set call", "Pickup", "Transport, notes"], sub, [
    {},
    {},
    {},
    {},
    { hAlign: "center" },
    { hAlign: "center" },
    { hAlign: "center" },
    { hAlign: "center" },
  ]);
  merge(r, 3, 4);
  r++;
  for (const c of cs.cast) {
    const notes = [c.transport ?? "", c.note ?? ""].filter(Boolean).join("; ");
    g.row(
      r,
      1,
      [c.id, c.character, c.actor, null, c.code || null, timeValue(c.makeupCall), timeValue(c.setCall), c.pickup !== undefined ? timeValue(c.pickup) : null, notes || null],
      { border: { bottom: !c.minor }, vAlign: "top" },
      [
        { bold: true },
        { wrap: true },
        { wrap: true },
        undefined,
        { hAlign: "center" },
        { numberFormat: TIME_FORMAT, hAlign: "center" },
        { numberFormat: TIME_FORMAT, hAlign: "center", bold: true },
        { numberFormat: TIME_FORMAT, hAlign: "center" },
        { wrap: true },
      ],
    );
    merge(r, 3, 4);
    r++;
    if (c.minor) {
      g.set(r, 2, "Minor: studio teacher required", { ...flag, border: { bottom: true } });
      g.pad(r, 1, LAST, { border: { bottom: true } });
      merge(r, 2, LAST);
      r++;
    }
  }
  if (cs.cast.length === 0) {
    g.set(r, 1, "No cast called", STYLE.muted);
    merge(r, 1, LAST);
    r++;
  }
  if (cs.holding.length > 0) {
    const names = cs.holding.map((h) => [h.id, h.actor, h.character ? `(${h.character})` : ""].filter(Boolean).join(" "));
    g.set(r, 1, `On hold (not called): ${names.join(", ")}`, { ...STYLE.muted, wrap: true });
    merge(r, 1, LAST);
    r++;
  }
  block(r - 1);
  r++;

  if (cs.crew.length > 0) {
    from = r;
    section(r, "CREW");
    r++;
    g.row(r, 1, ["Position", null, "Name", null, null, "Phone", null, "Call"], sub, [{}, {}, {}, {}, {}, {}, {}, { hAlign: "center" }]);
    g.pad(r, 1, LAST, sub);
    merge(r, 1, 2);
    merge(r, 3, 5);
    merge(r, 6, 7);
    r++;
    for (const d of cs.crew) {
      // The bar and header stay with the first department; each department prints whole.
      if (d !== cs.crew[0]) from = r;
      g.set(r, 1, d.department, dept);
      g.pad(r, 2, LAST, dept);
      merge(r, 1, LAST);
      r++;
      for (const p of d.people) {
        g.row(r, 1, [p.position, null, p.name, null, null, p.phone, null, timeValue(p.call)], { vAlign: "top", border: { bottom: true } }, [
          { wrap: true },
          undefined,
          { wrap: true },
          undefined,
          undefined,
          { wrap: true },
          undefined,
          { numberFormat: TIME_FORMAT, hAlign: "center", bold: p.call !== cs.crewCall },
        ]);
        g.pad(r, 9, LAST, { border: { bottom: true } });
        merge(r, 1, 2);
        merge(r, 3, 5);
        merge(r, 6, 7);
        r++;
      }
      block(r - 1);
    }
    r++;
  }

  from = r;
  section(r, "LOCATIONS");
  r++;
  // Name across Scene and Set, so "Angeles Crest Hwy" is not cut; the rest wrap in their merges.
  g.row(r, 1, ["Location", null, "Address", null, null, null, "Parking", null, "Nearest hospital"], sub);
  merge(r, 1, 2);
  merge(r, 3, 6);
  merge(r, 7, 8);
  r++;
  for (const l of cs.locations) {
    g.row(r, 1, [l.name, null, l.address, null, null, null, l.parking, null, l.hospital], { wrap: true, vAlign: "top", border: { bottom: true } }, [{ bold: true }]);
    merge(r, 1, 2);
    merge(r, 3, 6);
    merge(r, 7, 8);
    r++;
    if (l.notes) {
      g.set(r, 1, l.notes, { ...STYLE.muted, wrap: true, indent: 1, vAlign: "top" });
      merge(r, 1, LAST);
      r++;
    }
  }
  block(r - 1);
  r++;

  if (cs.safety.length > 0) {
    from = r;
    section(r, "SAFETY");
    r++;
    for (const note of cs.safety) {
      g.set(r, 1, note, { wrap: true, vAlign: "top" });
      merge(r, 1, LAST);
      r++;
    }
    block(r - 1);
    r++;
  }

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
    columnWidths: [9, 22, 6, 7, 7, 9, 8, 15, 25],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: CALL_SHEET_REPEAT, area: `A1:I${last}`, keep },
    tabColor: "#BF8F00",
  });
}
