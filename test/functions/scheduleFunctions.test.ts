import { doodGrid, shootDate } from "../../src/functions/scheduleFunctions";
import { FunctionInputError } from "../../src/functions/errors";

// Excel serials: 2026-03-02 is 46083 (25569 + 20514 days since 1970-01-01).
const MAR_2_2026 = 46083;

const HEAD = ["Scene", "I/E", "D/N", "Set", "Pages", "Cast"];
const s = (scene: string | number, pages: string | number, cast: string | number): unknown[] => [scene, "INT", "DAY", "Room", pages, cast];
const eod: unknown[] = ["End of Day", "", "", "", "", ""];

function thrown(f: () => unknown): FunctionInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof FunctionInputError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("PROD.SHOOTDATE", () => {
  it("dates shooting day n from start, skipping days off and holidays", () => {
    expect(shootDate(1, MAR_2_2026)).toBe(MAR_2_2026); // Monday
    expect(shootDate(6, MAR_2_2026)).toBe(MAR_2_2026 + 7); // Mon–Fri, then next Monday
    // Holiday Wed 03-04 (46085): day 3 moves to Thu 03-05.
    expect(shootDate(3, "2026-03-02", "Sat, Sun", [[46085]])).toBe(MAR_2_2026 + 3);
    expect(shootDate(3, MAR_2_2026, "Sat, Sun", [["2026-03-04"], [""]])).toBe(MAR_2_2026 + 3);
    // Six-day week: day 6 is Saturday 03-07.
    expect(shootDate(6, MAR_2_2026, "Sun")).toBe(MAR_2_2026 + 5);
    expect(shootDate(7, MAR_2_2026, "None")).toBe(MAR_2_2026 + 6);
    // A start on Saturday shoots first on Monday.
    expect(shootDate(1, MAR_2_2026 - 2)).toBe(MAR_2_2026);
  });

  it("throws #VALUE! with a message on bad input", () => {
    expect(thrown(() => shootDate(0, MAR_2_2026)).code).toBe("value");
    expect(thrown(() => shootDate(1.5, MAR_2_2026)).message).toMatch(/day must be/);
    expect(thrown(() => shootDate(1, "next week")).message).toMatch(/start must be a date/);
    expect(thrown(() => shootDate(1, MAR_2_2026, "Caturday")).message).toMatch(/daysOff/);
    expect(thrown(() => shootDate(1, MAR_2_2026, "Mon Tue Wed Thu Fri Sat Sun")).message).toMatch(/no weekday/);
    expect(thrown(() => shootDate(1, MAR_2_2026, "", [["soon"]])).message).toMatch(/holidays must be dates/);
  });
});

describe("PROD.DOOD", () => {
  const board = [HEAD, s(1, "1", "1, 2"), eod, s(2, "3/8", "2"), eod, s(3, 1, "1, 3")];

  it("gives one row a cast ID and one column a shooting day", () => {
    expect(doodGrid(board, [["1"], ["2"], ["3"], ["4"]])).toEqual([
      ["SW", "H", "WF"],
      ["SW", "WF", ""],
      ["", "", "SWF"],
      ["", "", ""],
    ]);
    // A row of IDs works too, and numbers match text IDs.
    expect(doodGrid(board, [[2, 1]])).toEqual([
      ["SW", "WF", ""],
      ["SW", "H", "WF"],
    ]);
  });

  it("judges drops only when start is given", () => {
    // 12 days: cast 1 on days 1 and 12. From Mon 2026-03-02: Mar 2 → Tue Mar 17 = 15 days > 10.
    const rows: unknown[][] = [HEAD];
    for (let d = 1; d <= 12; d++) rows.push(s(d, 1, d === 1 || d === 12 ? "1" : ""), eod);
    expect(doodGrid(rows, [["1"]])).toEqual([["SW", ...new Array(10).fill("H"), "WF"]]);
    expect(doodGrid(rows, [["1"]], MAR_2_2026)).toEqual([["SWD", ...new Array(10).fill(""), "PWF"]]);
    // Drop Days 20: 15 days is not more than 20, so held.
    expect(doodGrid(rows, [["1"]], MAR_2_2026, null, null, 20)).toEqual([["SW", ...new Array(10).fill("H"), "WF"]]);
  });

  it("throws with the stripboard problem's row and column", () => {
    const bad = [HEAD, s(1, "3/9", "1")];
    const e = thrown(() => doodGrid(bad, [["1"]]));
    expect(e.code).toBe("value");
    expect(e.message).toBe('stripboard (row 2, Pages): Pages "3/9" is not a whole number of eighths');
    expect(thrown(() => doodGrid([["Set", "Cast"], ["A", "1"]], [["1"]])).message).toMatch(/no column Scene/);
    expect(thrown(() => doodGrid([["Scene", "Pages"], ["1", "1"]], [["1"]])).message).toMatch(/no Cast column/);
    expect(thrown(() => doodGrid([HEAD], [["1"]])).message).toMatch(/empty/);
    expect(thrown(() => doodGrid(board, [[""]])).message).toMatch(/castIds is empty/);
    expect(thrown(() => doodGrid(board, [["1"]], MAR_2_2026, null, null, -1)).message).toMatch(/dropDays/);
  });
});
