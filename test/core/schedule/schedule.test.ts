import fc from "fast-check";
import { CellValue, RawTable } from "../../../src/core/cells";
import { fromYmd } from "../../../src/core/dates";
import { Problems } from "../../../src/core/problems";
import { readSettings } from "../../../src/core/settings";
import { buildSchedule, scheduleReportJson } from "../../../src/core/schedule";
import { WORK_CODES } from "../../../src/core/schedule/dood";
import { localSunTimes, parseTimeZone } from "../../../src/core/schedule/sun";
import { CAST_HEADERS, board, marker, settingsTable, strip, table, workbook } from "./helpers";

const CAST = table("Cast", CAST_HEADERS, [
  ["1", "ANNA", "Ann Actor", 1000, 90, "555-0101"],
  [2, "BEN", "Ben Player", 750.5, 60, ""],
  ["3", "CORA", "Cora Lee", 500, 45, ""],
  ["4", "DAN", "Dan Extra", 400, 30, ""],
]);
const LOCATIONS = table("Locations", ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"], [
  ["House", "12 Elm St", "Street parking", "St Mary's", 37.7749, -122.4194, "", "America/Los_Angeles"],
  ["Park", "Golden Gate Park", "Lot B", "SF General", 37.7694, -122.4862, "Bring layers", ""],
]);
const HOLIDAYS = table("Holidays", ["Date", "Name"], [["2026-03-04", "Founders Day"]]);
const CALLS = table("Calls", ["Day", "Crew Call", "Notes"], [[2, "07:30", "Rain cover standing by"]]);
const BOARD = board([
  strip(1, "INT", "DAY", "Kitchen", "House", "1 3/8", "1, 2", "Anna cooks", "Practical stove"), // row 2
  marker("Banner: Company move to Park"), // row 3
  strip(2, "EXT", "NIGHT", "Park", "Park", "3/8", "1"), // row 4
  marker("End of Day 1 -- 1 6/8 pgs"), // row 5
  strip(3, "EXT", "DAY", "Street", "Park", 2, 2), // row 6
  marker("End of Day 2"), // row 7
  strip(4, "INT", "DAY", "Kitchen", "House", 0.5, "1, 3"), // row 8
  marker("End of Day 3"), // row 9
  marker("Banner: Wrap"), // row 10
]);

function run(...tables: RawTable[]) {
  const wb = workbook(...tables);
  const problems = new Problems();
  const settings = readSettings(wb, problems);
  const model = buildSchedule(wb, settings, problems);
  return { model, problems };
}

const sample = () => run(settingsTable([["Production", "Night Train"], ["Start Date", "2026-03-02"]]), CAST, LOCATIONS, HOLIDAYS, CALLS, BOARD);

describe("buildSchedule on a hand-worked production", () => {
  it("numbers and dates the days, skipping the weekend and the holiday", () => {
    const { model, problems } = sample();
    expect(problems.list).toEqual([]);
    const days = model!.days;
    // Mon 03-02 day 1, Tue 03-03 day 2, Wed 03-04 holiday, Thu 03-05 day 3.
    expect(days.map((d) => d.date)).toEqual([fromYmd(2026, 3, 2), fromYmd(2026, 3, 3), fromYmd(2026, 3, 5)]);
    expect(days.map((d) => d.strips.map((s) => s.scene))).toEqual([["1", "2"], ["3"], ["4"]]);
    // Day 1: 1 3/8 + 3/8 = 11 + 3 = 14 eighths = 1 6/8; day 2: 2; day 3: 0.5 = 4/8.
    expect(days.map((d) => d.pagesText)).toEqual(["1 6/8", "2", "4/8"]);
    // The banner inside day 1 sits between its strips; the one after the last day break forms no day.
    expect(days[0].items.map((i) => (i.kind === "strip" ? i.strip.scene : `[${i.banner.text}]`))).toEqual(["1", "[Company move to Park]", "2"]);
    expect(model!.board.trailingBanners.map((b) => b.text)).toEqual(["Wrap"]);
    expect(days[0].dayBreak).toEqual(expect.objectContaining({ row: 5, text: "1 -- 1 6/8 pgs" }));
    expect(days[0].strips[0]).toEqual(expect.objectContaining({ row: 2, cast: ["1", "2"], color: "#FFFFFF" }));
    expect(days[0].strips[1].color).toBe("#B7DDA8"); // EXT NIGHT green
    expect(days[1].strips[0].color).toBe("#FFF2A8"); // EXT DAY yellow
  });

  it("reports schedule and dood exactly as report --json shows them", () => {
    const { model } = sample();
    // Anna works days 1 and 3, held on day 2 at $1,000; Ben days 1–2; Cora is a one-day player on
    // day 3; Dan never works.
    expect(scheduleReportJson(model!)).toEqual({
      schedule: {
        days: [
          { day: 1, date: "2026-03-02", scenes: ["1", "2"], pages: "1 6/8" },
          { day: 2, date: "2026-03-03", scenes: ["3"], pages: "2" },
          { day: 3, date: "2026-03-05", scenes: ["4"], pages: "4/8" },
        ],
      },
      dood: {
        cast: [
          { id: "1", codes: ["SW", "H", "WF"], work: 2, hold: 1, drop: 0, start: "2026-03-02", finish: "2026-03-05", holdCost: 1000 },
          { id: "2", codes: ["SW", "WF", ""], work: 2, hold: 0, drop: 0, start: "2026-03-02", finish: "2026-03-03", holdCost: 0 },
          { id: "3", codes: ["", "", "SWF"], work: 1, hold: 0, drop: 0, start: "2026-03-05", finish: "2026-03-05", holdCost: 0 },
          { id: "4", codes: ["", "", ""], work: 0, hold: 0, drop: 0, start: "", finish: "", holdCost: 0 },
        ],
      },
    });
  });

  it("builds a call sheet for every day with every section", () => {
    const { model } = sample();
    const [d1, d2, d3] = model!.callSheets;
    expect(model!.callSheets).toHaveLength(3);
    expect([d1.production, d1.day, d1.days, d1.date]).toEqual(["Night Train", 1, 3, fromYmd(2026, 3, 2)]);
    // Crew call 07:00 (Settings default), shooting call an hour later; set call = shooting call.
    expect([d1.crewCall, d1.shootingCall]).toEqual([420, 480]);
    expect(d1.cast).toEqual([
      // Dismissed at camera wrap: 07:00 + 12 h = 19:00 wrap, less the hour's lead before the shooting call = 18:00.
      { id: "1", character: "ANNA", actor: "Ann Actor", code: "SW", makeupCall: 390, setCall: 480, dismiss: 1080 }, // 08:00 − 90 min = 06:30
      { id: "2", character: "BEN", actor: "Ben Player", code: "SW", makeupCall: 420, setCall: 480, dismiss: 1080 }, // 08:00 − 60 = 07:00
    ]);
    expect(d1.scenes.map((s) => [s.scene, s.set, s.intExt, s.dayNight, s.pagesText, s.cast.join(","), s.location, s.description])).toEqual([
      ["1", "Kitchen", "INT", "DAY", "1 3/8", "1,2", "House", "Anna cooks"],
      ["2", "Park", "EXT", "NIGHT", "3/8", "1", "Park", ""],
    ]);
    expect(d1.locations.map((l) => [l.name, l.address, l.parking, l.hospital])).toEqual([
      ["House", "12 Elm St", "Street parking", "St Mary's"],
      ["Park", "Golden Gate Park", "Lot B", "SF General"],
    ]);
    expect(d1.notes).toEqual(["Company move to Park", "Sc. 1: Practical stove"]);
    expect(d1.advance).toEqual(expect.objectContaining({ day: 2, date: fromYmd(2026, 3, 3), pagesText: "2" }));
    expect(d1.advance!.scenes.map((s) => s.scene)).toEqual(["3"]);

    // Sunrise/sunset: House in its own zone; Park has none, so its zone is estimated from longitude.
    expect(d1.sun.map((s) => [s.location, s.zone, s.estimated])).toEqual([
      ["House", "America/Los_Angeles", false],
      ["Park", "UTC-08:00 est.", true],
    ]);
    const la = localSunTimes(fromYmd(2026, 3, 2), 37.7749, -122.4194, parseTimeZone("America/Los_Angeles")!);
    expect([d1.sun[0].sunrise, d1.sun[0].sunset]).toEqual([la.sunrise, la.sunset]);
    // Near USNO's 2012 San Francisco table for Mar 2 (06:39 / 18:05 PST); a leap-year phase apart.
    expect(Math.abs(d1.sun[0].sunrise! - (6 * 60 + 39))).toBeLessThanOrEqual(3);
    expect(Math.abs(d1.sun[0].sunset! - (18 * 60 + 5))).toBeLessThanOrEqual(3);

    // Day 2: the Calls row moves crew call to 07:30 and adds its note; Anna is on hold.
    expect([d2.crewCall, d2.shootingCall]).toEqual([450, 510]);
    expect(d2.cast.map((c) => [c.id, c.code, c.makeupCall])).toEqual([["2", "WF", 450]]);
    expect(d2.holding).toEqual([{ id: "1", character: "ANNA", actor: "Ann Actor" }]);
    expect(d2.notes).toEqual(["Rain cover standing by"]);
    expect(d3.cast.map((c) => [c.id, c.code])).toEqual([["1", "WF"], ["3", "SWF"]]);
    expect(d3.advance).toBeUndefined();
  });

  it("uses Settings Shooting Call Offset and Time Zone", () => {
    const { model, problems } = run(
      settingsTable([["Start Date", "2026-03-02"], ["Crew Call", "06:00"], ["Shooting Call Offset", 45], ["Time Zone", "-08:00"]]),
      CAST,
      LOCATIONS,
      BOARD,
    );
    expect(problems.list).toEqual([]);
    const d1 = model!.callSheets[0];
    expect([d1.crewCall, d1.shootingCall]).toEqual([360, 405]); // 06:00 + 45 min
    expect(d1.sun.map((s) => s.zone)).toEqual(["America/Los_Angeles", "UTC-08:00"]);
  });

  it("reports a bad Shooting Call Offset or Time Zone on its Settings row", () => {
    const { problems } = run(settingsTable([["Start Date", "2026-03-02"], ["Shooting Call Offset", "soon"], ["Time Zone", "Moon/Base"]]), CAST, BOARD);
    expect(problems.errors.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["Settings", 3, "Value"],
      ["Settings", 4, "Value"],
    ]);
    expect(problems.errors[0].message).toContain('"soon"');
  });
});

describe("stripboard rules and problems", () => {
  const withStart = settingsTable([["Start Date", "2026-03-02"]]);

  it("returns undefined without a Stripboard", () => {
    expect(run(withStart, CAST).model).toBeUndefined();
  });

  it("an empty stripboard is an error", () => {
    const { problems } = run(withStart, CAST, board([]));
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0]).toEqual(expect.objectContaining({ sheet: "Stripboard", table: "Stripboard", row: 1 }));
    expect(problems.errors[0].message).toMatch(/empty/);
    const only = run(withStart, CAST, board([marker("Banner: nothing yet"), marker("End of Day")]));
    expect(only.problems.errors.map((p) => p.message)).toEqual(["Stripboard has no strips, only day breaks and banners"]);
  });

  it("a strip without a scene number is an error naming its row and column", () => {
    const { model, problems } = run(withStart, CAST, board([strip(1, "INT", "DAY", "A", "", 1, ""), strip("", "INT", "DAY", "B", "", 1, "1")]));
    expect(problems.errors).toEqual([
      expect.objectContaining({ sheet: "Stripboard", row: 3, column: "Scene", cell: "A3", message: expect.stringMatching(/no scene number/) }),
    ]);
    expect(model!.days[0].strips).toHaveLength(1);
  });

  it("an unknown cast ID is an error at the strip's Cast cell", () => {
    const { model, problems } = run(withStart, CAST, board([strip(1, "INT", "DAY", "A", "", 1, "1, 9, 2a")]));
    expect(problems.errors.map((p) => [p.row, p.column, p.cell, p.message])).toEqual([
      [2, "Cast", "G2", 'Cast ID "9" is not an ID in Cast'],
      [2, "Cast", "G2", 'Cast ID "2a" is not an ID in Cast'],
    ]);
    expect(model!.days[0].strips[0].cast).toEqual(["1"]);
  });

  it("cast IDs match Cast case-insensitively and take Cast's spelling", () => {
    const cast = table("Cast", CAST_HEADERS, [["1A", "Twin", "", 0, 0, ""]]);
    const { model, problems } = run(withStart, cast, board([strip(1, "INT", "DAY", "A", "", 1, " 1a ,1A")]));
    expect(problems.list).toEqual([]);
    expect(model!.days[0].strips[0].cast).toEqual(["1A"]);
  });

  it("strips with cast but no Cast table: one error", () => {
    const { problems } = run(withStart, board([strip(1, "INT", "DAY", "A", "", 1, "1"), strip(2, "INT", "DAY", "A", "", 1, "2")]));
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0].message).toMatch(/no Cast table/);
  });

  it("a repeated scene number is a warning and is listed twice", () => {
    const { model, problems } = run(withStart, CAST, board([strip("12", "INT", "DAY", "A", "", 1, ""), marker("End of Day"), strip(12, "INT", "DAY", "A", "", "2/8", "")]));
    expect(problems.errors).toEqual([]);
    expect(problems.list).toEqual([expect.objectContaining({ severity: "warning", row: 4, column: "Scene", message: expect.stringMatching(/also on row 2/) })]);
    expect(scheduleReportJson(model!).schedule.days.map((d) => d.scenes)).toEqual([["12"], ["12"]]);
  });

  it("an empty day break still ends a day, with a warning", () => {
    const { model, problems } = run(withStart, CAST, board([strip(1, "INT", "DAY", "A", "", 1, "1"), marker("End of Day 1"), marker("End of Day 2"), strip(2, "INT", "DAY", "A", "", 1, "1")]));
    expect(problems.list).toEqual([expect.objectContaining({ severity: "warning", row: 4, message: expect.stringMatching(/Day 2 has no strips/) })]);
    // Day 2 is an empty shooting day on Tue 03-03; the last strip is day 3 on Wed 03-04.
    expect(scheduleReportJson(model!).schedule.days).toEqual([
      { day: 1, date: "2026-03-02", scenes: ["1"], pages: "1" },
      { day: 2, date: "2026-03-03", scenes: [], pages: "0" },
      { day: 3, date: "2026-03-04", scenes: ["2"], pages: "1" },
    ]);
    expect(model!.dood.cast[0].codes).toEqual(["SW", "H", "WF"]);
  });

  it("strips after the last day break form the last day; banners alone form none", () => {
    const a = run(withStart, CAST, board([strip(1, "INT", "DAY", "A", "", 1, ""), marker("END OF DAY1"), strip(2, "INT", "DAY", "A", "", 1, "")]));
    expect(a.model!.days).toHaveLength(2);
    expect(a.model!.days[1].dayBreak).toBeUndefined();
    const b = run(withStart, CAST, board([strip(1, "INT", "DAY", "A", "", 1, ""), marker("End of Day"), marker("Banner: Travel day"), marker("BANNER: end")]));
    expect(b.model!.days).toHaveLength(1);
    expect(b.model!.board.trailingBanners.map((x) => x.text)).toEqual(["Travel day", "end"]);
    expect(b.problems.list).toEqual([]);
  });

  it("bad page counts are errors on the Pages cell; blank and 0 count as 1/8 with a warning", () => {
    const { model, problems } = run(
      withStart,
      CAST,
      board([strip(1, "INT", "DAY", "A", "", "3/9", ""), strip(2, "INT", "DAY", "A", "", "abc", ""), strip(3, "INT", "DAY", "A", "", 1.3, ""), strip(4, "INT", "DAY", "A", "", null, ""), strip(5, "INT", "DAY", "A", "", 0, "")]),
    );
    expect(problems.errors.map((p) => [p.row, p.column, p.cell])).toEqual([
      [2, "Pages", "F2"],
      [3, "Pages", "F3"],
      [4, "Pages", "F4"],
    ]);
    expect(problems.errors[0].message).toContain('"3/9"');
    expect(problems.list.filter((p) => p.severity === "warning").map((p) => p.row)).toEqual([5, 6]);
    expect(model!.days[0].strips.slice(3).map((s) => s.pages)).toEqual([1, 1]);
  });

  it("normalises Int/Ext and Day/Night and colours strips, with a Strip Colors override", () => {
    const rows = [
      strip(1, "Int.", "d", "A", "", 1, ""),
      strip(2, "ext", "N", "A", "", 1, ""),
      strip(3, "I/E", "Day", "A", "", 1, ""),
      strip(4, "INT", "night", "A", "", 1, ""),
      strip(5, "EXT", "dusk", "A", "", 1, ""),
      strip(6, "ROOF", "LATER", "A", "", 1, ""),
    ];
    const { model, problems } = run(withStart, CAST, board(rows));
    const strips = model!.days[0].strips;
    expect(strips.map((s) => `${s.intExt} ${s.dayNight}`)).toEqual(["INT DAY", "EXT NIGHT", "INT/EXT DAY", "INT NIGHT", "EXT DUSK", "ROOF LATER"]);
    expect(strips.map((s) => s.color)).toEqual(["#FFFFFF", "#B7DDA8", "#D9D9D9", "#A9CCEB", "#D9D9D9", "#D9D9D9"]);
    expect(problems.list.map((p) => [p.severity, p.row, p.column])).toEqual([
      ["warning", 7, "Int/Ext"],
      ["warning", 7, "Day/Night"],
    ]);
    const colors = table("Strip Colors", ["Int/Ext", "Day/Night", "Color"], [
      ["EXT", "NIGHT", "blue"],
      ["INT", "NIGHT", "#0f0"],
      ["", "DUSK", "pink"],
    ]);
    const over = run(withStart, CAST, colors, board(rows)).model!.days[0].strips;
    expect(over.map((s) => s.color)).toEqual(["#FFFFFF", "#A9CCEB", "#D9D9D9", "#00FF00", "#F6C9D6", "#D9D9D9"]);
    const bad = run(withStart, CAST, table("Strip Colors", ["Int/Ext", "Day/Night", "Color"], [["INT", "DAY", "plaid"]]), board(rows));
    expect(bad.problems.errors.map((p) => [p.table, p.row, p.column])).toEqual([["Strip Colors", 2, "Color"]]);
  });

  it("reports rows as Excel numbers when the table starts lower on its sheet", () => {
    const raw: RawTable = { ...board([strip(1, "INT", "DAY", "A", "", "3/9", "")]), headerRow: 4, firstColumn: 2 };
    const { problems } = run(withStart, CAST, raw);
    expect(problems.errors.map((p) => [p.row, p.cell])).toEqual([[5, "G5"]]);
  });

  it("a missing Start Date is one error; days are still numbered, undated, with no drops", () => {
    const rows: CellValue[][] = [];
    for (let d = 1; d <= 12; d++) rows.push(strip(d, "INT", "DAY", "A", "", 1, d === 1 || d === 12 ? "1" : ""), marker("End of Day"));
    const { model, problems } = run(CAST, board(rows));
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0].message).toMatch(/Start Date is not set.*12 shooting days are numbered/);
    const json = scheduleReportJson(model!);
    expect(json.schedule.days.map((d) => [d.day, d.date])).toEqual(rows.filter((_, i) => i % 2 === 0).map((_, i) => [i + 1, ""]));
    // Days 1 and 12 would be more than 10 calendar days apart on any calendar, but undated gaps are held.
    expect(json.dood.cast[0]).toEqual({ id: "1", codes: ["SW", ...new Array(10).fill("H"), "WF"], work: 2, hold: 10, drop: 0, start: "", finish: "", holdCost: 10000 });
    expect(model!.callSheets[0].date).toBeUndefined();
    expect(model!.callSheets[0].sun).toEqual([]);
  });

  it("a drop and pick-up over a long gap, with its dates", () => {
    // 12 days from Mon 2026-03-02 (Mon–Fri): day 1 Mar 2, day 12 Tue Mar 17: 15 days apart > 10.
    const rows: CellValue[][] = [];
    for (let d = 1; d <= 12; d++) rows.push(strip(d, "INT", "DAY", "A", "", 1, d === 1 || d === 12 ? "1" : d <= 3 ? "2" : ""), marker("End of Day"));
    const { model, problems } = run(withStart, CAST, board(rows));
    expect(problems.list).toEqual([]);
    expect(scheduleReportJson(model!).dood.cast[0]).toEqual({
      id: "1",
      codes: ["SWD", ...new Array(10).fill(""), "PWF"],
      work: 2,
      hold: 0,
      drop: 10,
      start: "2026-03-02",
      finish: "2026-03-17",
      holdCost: 0,
    });
  });

  it("matches Calls rows by day number or date, and warns on rows for no shooting day", () => {
    const calls = table("Calls", ["Day", "Crew Call", "Shooting Call", "Notes"], [
      ["Day 1", "06:00", "06:30", ""],
      ["2026-03-03", 0.25, null, "By date"], // Excel time 0.25 = 06:00
      [7, "08:00", null, ""],
      ["D1", "09:00", null, ""],
    ]);
    const { model, problems } = run(withStart, CAST, calls, BOARD);
    expect(model!.callSheets.map((c) => [c.crewCall, c.shootingCall])).toEqual([
      [360, 390],
      [360, 420],
      [420, 480],
    ]);
    expect(problems.list.map((p) => [p.severity, p.table, p.row])).toEqual([
      ["warning", "Calls", 4],
      ["warning", "Calls", 5],
    ]);
  });

  it("checks Cast, Locations and Calls rows", () => {
    const cast = table("Cast", CAST_HEADERS, [["1", "A", "", -5, 20, ""], ["1", "B", "", 0, 0, ""], ["2", "", "", "lots", "1:30", ""], ["3", "", "", 0, 2.5, ""]]);
    const locs = table("Locations", ["Location", "Latitude", "Longitude", "Time Zone"], [["X", 95, 10, "Nowhere/Land"], ["Y", 10, null, ""]]);
    const calls = table("Calls", ["Day", "Crew Call"], [["tomorrow", "07:00"], [1, "seven"]]);
    const { model, problems } = run(withStart, cast, locs, calls, board([strip(1, "INT", "DAY", "A", "Z", 1, "")]));
    expect(problems.list.map((p) => [p.severity, p.table, p.row, p.column])).toEqual([
      ["error", "Cast", 2, "Daily Rate"],
      ["error", "Cast", 3, "ID"],
      ["error", "Cast", 4, "Daily Rate"],
      ["error", "Cast", 5, "Makeup"],
      ["error", "Locations", 2, "Latitude"],
      ["error", "Locations", 2, "Time Zone"],
      ["warning", "Locations", 3, "Longitude"],
      ["error", "Calls", 2, "Day"],
      ["error", "Calls", 3, "Crew Call"],
      ["warning", "Stripboard", 2, "Location"],
    ]);
    expect(model!.cast.map((c) => c.makeup)).toEqual([20, 90, 0]); // "1:30" = 90 minutes
  });
});

describe("schedule properties", () => {
  it("DOOD work days are exactly the days on which the member has a strip", () => {
    const ids = ["1", "2", "3", "4", "5"];
    const cast = table("Cast", CAST_HEADERS, ids.map((id) => [id, `C${id}`, "", 100, 0, ""]));
    const dayArb = fc.array(fc.subarray(ids), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (days, dated, closeLast) => {
        const rows: CellValue[][] = [];
        let scene = 0;
        days.forEach((strips, i) => {
          for (const c of strips) rows.push(strip(++scene, "INT", "DAY", "A", "", 1, c.join(", ")));
          if (i < days.length - 1 || closeLast) rows.push(marker("End of Day"));
        });
        const settings = settingsTable(dated ? [["Start Date", "2026-01-05"], ["Drop Days", 3]] : []);
        const { model } = run(settings, cast, board(rows));
        const dayCount = model!.days.length;
        for (const [m, id] of ids.entries()) {
          const codes = model!.dood.cast[m].codes;
          expect(codes).toHaveLength(dayCount);
          const worked = codes.map((c, i) => (WORK_CODES.has(c) ? i : -1)).filter((i) => i >= 0);
          const withStrip = model!.days.map((d, i) => (d.strips.some((s) => s.cast.includes(id)) ? i : -1)).filter((i) => i >= 0);
          expect(worked).toEqual(withStrip);
          expect(model!.dood.cast[m].work).toBe(withStrip.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
