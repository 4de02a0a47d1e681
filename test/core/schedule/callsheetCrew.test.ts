/** Issue 14: call-sheet times, crew, contacts, minors and turnaround, worked by hand. */
import fc from "fast-check";
import { WorkbookInput } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { scheduleLayouts } from "../../../src/core/layout";
import { sampleProduction } from "../../../src/core/sample";
import { parseClock, parseHours, resolveClock, resolveLater, formatOffset } from "../../../src/core/schedule/clock";

function wb(tables: Record<string, [string[], (string | number | null)[][]]>): WorkbookInput {
  return { name: "t.xlsx", tables: Object.entries(tables).map(([name, [headers, rows]]) => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows })) };
}

const BASE = {
  Settings: [["Key", "Value"], [["Start Date", "2027-03-01"]]] as [string[], (string | number | null)[][]],
  Cast: [["ID", "Character", "Actor", "Daily Rate", "Makeup", "Minor"], [["1", "ANNA", "Ann", 500, 60, "no"], ["2", "KID", "Kit", 300, 30, "yes"]]] as [string[], (string | number | null)[][]],
  Stripboard: [["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras"], [
    ["1", "INT", "NIGHT", "BAR", "", "1", "1", "", "", 12],
    ["End of Day 1", null, null, null, null, null, null, null, null, null],
    ["2", "INT", "DAY", "BAR", "", "1", "1, 2", "", "", "20 drinkers"],
  ]] as [string[], (string | number | null)[][]],
};

describe("time or offset", () => {
  test("hand-worked: -0:30 on a 07:00 crew call is 06:30; +1:00 is 08:00; 06:00 stays 06:00", () => {
    expect(resolveClock(parseClock("-0:30") as never, 420)).toBe(390);
    expect(resolveClock(parseClock("+1:00") as never, 420)).toBe(480);
    expect(resolveClock(parseClock("06:00") as never, 420)).toBe(360);
    // A 15:00 call wrapping at 03:00 wraps the next morning: 27:00.
    expect(resolveLater(parseClock("03:00") as never, 900)).toBe(1620);
    expect(parseClock("banana")).toBe("bad");
    expect(parseHours("12:00")).toBe(720);
    expect(parseHours(10.5)).toBe(630);
  });

  test("property: every offset written h:mm reads back to itself, and every hh:mm is a time", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1439, max: 1439 }), (m) => {
        expect(parseClock(formatOffset(m))).toEqual({ kind: "offset", minutes: m === 0 ? 0 : m });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        expect(parseClock(text)).toEqual({ kind: "time", minutes: h * 60 + m });
      }),
    );
  });
});

describe("call sheets and turnaround", () => {
  test("a 15:00 call + 12 h = 03:00 wrap, next call 07:00: 4 h, flagged naming both days; crew calls by offset; a bad Crew Call is named", () => {
    const r = runEngine(
      wb({
        ...BASE,
        Calls: [["Day", "Crew Call"], [[1, "15:00"]]],
        Crew: [["Department", "Position", "Name", "Phone", "Call"], [["Camera", "1st AC", "Ben", "555", "-0:30"], [null, "DP", "Lee", "556", null], ["Grip", "Key Grip", "Sal", "557", "banana"]]],
      }),
    );
    const warns = r.problems.filter((p) => /^Turnaround:/.test(p.message));
    expect(warns.map((p) => p.message)).toEqual([
      "Turnaround: Day 1 (Mon 1 Mar 2027) wraps at 03:00 the next day (15:00 crew call + 12 h day) and Day 2 (Tue 2 Mar 2027) calls the crew at 07:00: 4 h of rest, under the 12 h turnaround",
    ]);
    expect(warns[0]).toMatchObject({ sheet: "Calls", row: 2, column: "Crew Call", cell: "B2" });
    // Ann: dismissed at camera wrap 02:00 (03:00 less the hour before shooting call), makeup 07:00 (08:00 − 60): 5 h.
    expect(r.problems.find((p) => /cast 1/.test(p.message))?.message).toMatch(/wrapped at 02:00 the next day on Day 1 .*makeup call 07:00 on Day 2 .*: 5 h of rest/);
    expect(r.problems.find((p) => p.severity === "error")).toMatchObject({ sheet: "Crew", row: 4, column: "Call", cell: "E4", message: 'Call must be a time like 06:00 or an offset from crew call like -0:30 or +1:00, not "banana"' });
    const d2 = r.schedule!.callSheets[1];
    expect(d2.crew.map((d) => [d.department, d.people.map((p) => [p.name, p.call])])).toEqual([["Camera", [["Ben", 390], ["Lee", 420]]], ["Grip", [["Sal", 420]]]]);
    // 07:00 + 6 h = 13:00 first meal; 12 h day wraps 19:00, before the second meal would be due (19:30).
    expect([d2.firstMeal, d2.secondMeal, d2.wrap, d2.background]).toEqual([780, undefined, 1140, 20]);
    expect(d2.cast.find((c) => c.id === "2")?.minor).toBe(true);
  });

  test("Settings Turnaround 4 h: 4 h of rest is enough", () => {
    const r = runEngine(wb({ ...BASE, Settings: [["Key", "Value"], [["Start Date", "2027-03-01"], ["Turnaround", 4]]], Calls: [["Day", "Crew Call"], [[1, "15:00"]]] }));
    expect(r.problems.filter((p) => /^Turnaround:/.test(p.message))).toEqual([]);
  });
});

describe("the sample's Day 5 call sheet", () => {
  const r = runEngine({ name: "s.xlsx", tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })) });
  const cs = r.schedule!.callSheets[4];
  const layout = scheduleLayouts(r).find((l) => l.name === "Call D5")!;
  const texts = layout.cells.map((c) => c.v).filter((v): v is string => typeof v === "string");

  test("background per scene (40 + 30 + 20 + 15) and in total 105", () => {
    expect(cs.scenes.map((s) => s.background)).toEqual([40, 30, 20, 15]);
    expect(cs.background).toBe(105);
    expect(layout.cells.filter((c) => c.v === 105).length).toBeGreaterThanOrEqual(2);
  });

  test("departments, contacts, meal and wrap, staggered calls, holding by name", () => {
    expect(cs.crew.map((d) => d.department)).toEqual(["Production", "Camera", "Grip", "Electric", "Sound", "Art", "Costume", "Hair & Make-up", "Locations", "Transport", "Catering"]);
    for (const t of ["CREW", "KEY CONTACTS", "SAFETY", "Production office", "Marcus Bell", "Weather", "Walkie channels", "Hair & Make-up"]) expect(texts).toContain(t);
    // Calls Day 5: Meal 13:00, Wrap 19:00; Theo Marsh's Set Call 14:00 − 60 min makeup = 13:00, pickup −0:45 = 12:15.
    expect([cs.firstMeal, cs.wrap]).toEqual([780, 1140]);
    expect(cs.cast.find((c) => c.id === "2")).toMatchObject({ setCall: 840, makeupCall: 780, pickup: 735, transport: "Car 2 with Carmen Ortiz" });
    // 1st AD's -0:30 on the 07:00 crew call.
    expect(cs.crew[0].people.find((p) => p.name === "Marcus Bell")?.call).toBe(390);
    expect(texts).toContain("On hold (not called): 8 Ray Dubois (TRUCKER)");
  });

  test("the minor on Day 2 is flagged", () => {
    const d2 = scheduleLayouts(r).find((l) => l.name === "Call D2")!;
    expect(d2.cells.some((c) => c.v === "Minor: studio teacher required")).toBe(true);
  });
});
