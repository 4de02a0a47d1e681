/**
 * =PROD.CASTDAYS and =PROD.GLOBAL on hand-worked boards: moving a strip changes the figures, and
 * they agree with what `prodbook report` computes from the same tables.
 */
import { castDays, globalValue } from "../../src/functions/globalFunctions";
import { FunctionInputError } from "../../src/functions/errors";
import { runEngine } from "../../src/core/engine";
import { RawTable } from "../../src/core/cells";

const HEAD = ["Scene", "I/E", "D/N", "Set", "Pages", "Cast"];
const s = (scene: string, cast: string): unknown[] => [scene, "INT", "DAY", "Room", "1", cast];
const eod: unknown[] = ["End of Day", "", "", "", "", ""];
const CAST = [
  ["ID", "Character", "Daily Rate"],
  ["1", "ANNA", 1000],
  ["2", "BEN", 800],
];
// Board A: day 1 scene 1 (cast 1, 2); day 2 scene 2 (1); day 3 scene 3 (1); day 4 scene 4 (1, 2).
// Cast 1 works all 4 days. Cast 2 works days 1 and 4 and is held on days 2 and 3:
// work 2, hold 2, paid 4; a run of 4 days (day 1 to day 4); weeks = 4 ÷ 5 = 0.8, at least 1 → 1.
const BOARD_A = [HEAD, s("1", "1, 2"), eod, s("2", "1"), eod, s("3", "1"), eod, s("4", "1, 2")];
// Board B: the AD moves scene 4 up to day 2. Cast 2 now works days 1 and 2 and is never held:
// work 2, hold 0, paid 2, run 2.
const BOARD_B = [HEAD, s("1", "1, 2"), eod, s("4", "1, 2"), eod, s("2", "1"), eod, s("3", "1")];

function thrown(f: () => unknown): FunctionInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof FunctionInputError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

const table = (name: string, m: unknown[][]): RawTable => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers: m[0].map(String), rows: m.slice(1) as RawTable["rows"] });

describe("PROD.CASTDAYS", () => {
  it("counts a member's DOOD days, and moving a strip changes them", () => {
    expect(castDays(BOARD_A, CAST, "2")).toEqual([[4]]);
    expect(castDays(BOARD_A, CAST, [["1"], ["2"]], "Work")).toEqual([[4], [2]]);
    expect(castDays(BOARD_A, CAST, "2", "Hold")).toEqual([[2]]);
    expect(castDays(BOARD_A, CAST, "2", "Drop")).toEqual([[0]]);
    expect(castDays(BOARD_A, CAST, "2", "Run")).toEqual([[4]]);
    expect(castDays(BOARD_A, CAST, "2", "Weeks")).toEqual([[1]]);
    // After the move: Ben's two holds are gone.
    expect(castDays(BOARD_B, CAST, "2")).toEqual([[2]]);
    expect(castDays(BOARD_B, CAST, "2", "hold")).toEqual([[0]]);
    expect(castDays(BOARD_B, CAST, "2", "Run")).toEqual([[2]]);
    // A member on no strip: zero.
    expect(castDays(BOARD_A, [...CAST, ["3", "CARL", 500]], "3")).toEqual([[0]]);
  });

  it("counts the Cast Days table's paid days (issue 14) when it is given", () => {
    // Start Mon 1 Mar 2027: days 1–4 are Mon 1 – Thu 4 Mar. Ben is SW H H WF (work 2, hold 2).
    // A fitting Fri 26 Feb (before day 1) is one more paid day: 2 + 2 + 1 = 5. A rehearsal on
    // Tue 2 Mar (day 2, held) takes that hold's place: hold 1, paid still 5. Anna's travel day on
    // Wed 3 Mar, a day she shoots, is ignored (work wins): her paid stays 4.
    const settings = [["Key", "Value"], ["Start Date", "2027-03-01"]];
    const cd = [["Cast ID", "Date", "Code"], ["2", "2027-02-26", "FT"], ["2", "2027-03-02", "r"], ["1", "2027-03-03", "TR"]];
    expect(castDays(BOARD_A, CAST, [["1"], ["2"]], "Paid", settings, undefined, undefined, cd)).toEqual([[4], [5]]);
    expect(castDays(BOARD_A, CAST, "2", "Hold", settings, undefined, undefined, cd)).toEqual([[1]]);
    expect(castDays(BOARD_A, CAST, "2", "Weeks", settings, undefined, undefined, cd)).toEqual([[1]]); // 5 ÷ 5
    // Without the table, as before: 2 work + 2 hold.
    expect(castDays(BOARD_A, CAST, "2", "Paid", settings)).toEqual([[4]]);
    const e = thrown(() => castDays(BOARD_A, CAST, "2", "Paid", settings, undefined, undefined, [["Cast ID", "Date", "Code"], ["2", "2027-02-26", "Wardrobe"]]));
    expect(e.message).toContain(`Code must be TR (travel), R (rehearsal), FT (fitting) or H (holiday), not "Wardrobe"`);
    expect(e.message).toContain("Cast Days");
  });

  it("judges drops with Settings, and takes DAYS_PER_WEEK from Globals", () => {
    // Start Mon 2027-03-01: day 1 Mon 1 Mar, day 4 Thu 4 Mar, 3 calendar days apart. With Drop
    // Days 1 that gap is a drop: Ben is dropped after day 1 and picked up on day 4, so days 2
    // and 3 are drop days, not holds: work 2, hold 0, drop 2, paid 2; the run still counts 4.
    const settings = [["Key", "Value"], ["Start Date", "2027-03-01"], ["Drop Days", 1]];
    expect(castDays(BOARD_A, CAST, "2", "Drop", settings)).toEqual([[2]]);
    expect(castDays(BOARD_A, CAST, "2", "Paid", settings)).toEqual([[2]]);
    expect(castDays(BOARD_A, CAST, "2", "Run", settings)).toEqual([[4]]);
    // DAYS_PER_WEEK 2: 4 paid days are 2 weeks; 3 days would be 1.5.
    const globals = [["Name", "Value"], ["DAYS_PER_WEEK", 2]];
    expect(castDays(BOARD_A, CAST, "2", "Weeks", undefined, undefined, globals)).toEqual([[2]]);
  });

  it("agrees with the engine's CAST_2_PAID on the same tables", () => {
    const r = runEngine({ tables: [table("Stripboard", BOARD_A), table("Cast", CAST), table("Accounts", [["Code", "Name", "Parent"], ["1000", "Cast", null]]), table("Budget", [["Account", "Description", "Amount", "Units", "X", "Rate", "Cast ID"], ["1000", "Ben", null, "Days", 1, null, "2"]])] });
    // The tied line pays Ben's 4 paid days at his 800 Daily Rate: 3,200.00.
    expect(r.budget!.total).toBe(320_000);
    expect(r.budget!.globals.byKey.get("CAST_2_PAID")!.value).toBe(castDays(BOARD_A, CAST, "2")[0][0]);
  });

  it("bad input is an error with a message naming the table, row and value", () => {
    expect(thrown(() => castDays(BOARD_A, CAST, "9"))).toMatchObject({ code: "na", message: 'Cast ID "9" is not an ID in Cast' });
    expect(thrown(() => castDays(BOARD_A, CAST, "2", "Months")).message).toMatch(/kind must be Paid, Work, Hold, Drop, Weeks or Run, not "Months"/);
    expect(thrown(() => castDays(BOARD_A, CAST, "")).message).toMatch(/castId is blank/);
    const bad = [HEAD, ["1", "INT", "DAY", "Room", "lots", "1"]];
    expect(thrown(() => castDays(bad, CAST, "1")).message).toMatch(/^Stripboard.*row 2.*Pages.*lots/);
    expect(thrown(() => castDays(undefined, CAST, "1")).message).toMatch(/stripboard is required/);
    expect(thrown(() => castDays(BOARD_A, CAST, "1", "Paid", [["Key", "Value"], ["Drop Days", -1]])).message).toMatch(/Drop Days must be a whole number/);
  });
});

describe("PROD.GLOBAL", () => {
  const GLOBALS = [
    ["Name", "Value", "Description"],
    ["PREP_WEEKS", 2, "Prep"],
    ["TOTAL_WEEKS", "PREP_WEEKS + SHOOT_WEEKS", "Prep and shoot"],
  ];
  it("gives typed and computed globals, and expressions of them", () => {
    expect(globalValue("PREP_WEEKS", GLOBALS)).toEqual([[2]]);
    // Board A has 4 shooting days: SHOOT_WEEKS = 4 ÷ 5 = 0.8, TOTAL_WEEKS = 2 + 0.8 = 2.8.
    expect(globalValue("SHOOT_DAYS", GLOBALS, BOARD_A, CAST)).toEqual([[4]]);
    expect(globalValue("total_weeks", GLOBALS, BOARD_A, CAST)).toEqual([[2.8]]);
    expect(globalValue("SHOOT_DAYS * 2 + PREP_WEEKS", GLOBALS, BOARD_A, CAST)).toEqual([[10]]);
    expect(globalValue([["CAST_2_PAID"], ["CAST_2_HOLD"]], GLOBALS, BOARD_A, CAST)).toEqual([[4], [2]]);
    expect(globalValue("CAST_2_PAID", GLOBALS, BOARD_B, CAST)).toEqual([[2]]);
    expect(globalValue("DAYS_PER_WEEK")).toEqual([[5]]);
  });

  it("an unknown name is #N/A, a bad expression #VALUE!, each with a message", () => {
    expect(thrown(() => globalValue("PREP_WEKS", GLOBALS))).toMatchObject({ code: "na", message: expect.stringMatching(/PREP_WEKS is not in Globals nor computed from the schedule/) });
    expect(thrown(() => globalValue("PREP_WEEKS +", GLOBALS))).toMatchObject({ code: "value", message: expect.stringMatching(/"PREP_WEEKS \+" ends where a number or a name is expected/) });
    expect(thrown(() => globalValue("X", [["Name", "Value"], ["X", "Y"], ["Y", "X"]])).message).toMatch(/cycle: X → Y → X/);
    // Without a board TOTAL_WEEKS cannot be worked out: its row's problem is the cell's error.
    expect(thrown(() => globalValue("TOTAL_WEEKS", GLOBALS)).message).toMatch(/^Globals!B3 \(row 3, Value\).*uses SHOOT_WEEKS/);
  });
});
