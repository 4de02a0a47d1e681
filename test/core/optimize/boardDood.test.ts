/**
 * One cost: what the optimizer says a board costs is what the DOOD charges for it, holds at the
 * Daily Rate with the drop and pick-up rule applied, before and after, on random boards.
 */
import fc from "fast-check";
import { CellValue, WorkbookInput } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { BoardProblem, evaluateBoard, violations } from "../../../src/core/optimize/boardModel";
import { feasibleStart } from "../../../src/core/optimize/boardInitial";
import { boardProblem } from "../../../src/core/optimize/boardProblem";
import { Problems } from "../../../src/core/problems";
import { BoardSearch } from "../../../src/core/optimize/boardSearch";
import { optimizeStripboard } from "../../../src/core/optimize/stripboardOptimizer";
import { table } from "../../helpers/workbook";

const HEADERS = ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description"];
const CAST_HEADERS = ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"];

const boardArb = fc.record({
  rates: fc.array(fc.integer({ min: 0, max: 300000 }).map((c) => c / 100), { minLength: 1, maxLength: 6 }),
  strips: fc.array(
    fc.record({
      cast: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      location: fc.constantFrom("Loft", "Park", "Pier"),
      eighths: fc.integer({ min: 1, max: 24 }),
      endsDay: fc.boolean(),
    }),
    { minLength: 2, maxLength: 14 },
  ),
  startDay: fc.integer({ min: 1, max: 28 }),
  dropDays: fc.integer({ min: 0, max: 14 }),
  daysOff: fc.constantFrom("Sat, Sun", "Sun", ""),
  pagesPerDay: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 3 }),
  moveCost: fc.option(fc.integer({ min: 1, max: 5000 }), { freq: 3 }),
  seed: fc.integer({ min: 1, max: 1000 }),
});

type Board = typeof boardArb extends fc.Arbitrary<infer T> ? T : never;

function workbookOf(b: Board): WorkbookInput {
  const settings: CellValue[][] = [["Drop Days", b.dropDays], ["Days Off", b.daysOff]];
  settings.push(["Start Date", `2027-03-${String(b.startDay).padStart(2, "0")}`]);
  if (b.pagesPerDay !== null) settings.push(["Pages Per Day", b.pagesPerDay]);
  if (b.moveCost !== null) settings.push(["Company Move Cost", b.moveCost]);
  const rows: CellValue[][] = [];
  b.strips.forEach((s, i) => {
    const ids = [...new Set(s.cast.filter((c) => c < b.rates.length))].map((c) => String(c + 1)).join(", ");
    const pages = `${Math.floor(s.eighths / 8) || ""}${s.eighths % 8 ? ` ${s.eighths % 8}/8` : ""}`.trim();
    rows.push([String(i + 1), "INT", "DAY", "Set", s.location, pages, ids, ""]);
    if (s.endsDay) rows.push(["End of Day", null, null, null, null, null, null, null]);
  });
  return {
    name: "Random.xlsx",
    tables: [
      table("Settings", ["Key", "Value"], settings),
      table("Cast", CAST_HEADERS, b.rates.map((r, c) => [String(c + 1), `Role ${c + 1}`, `Actor ${c + 1}`, r, 0, ""])),
      table("Stripboard", HEADERS, rows),
    ],
  };
}

function doodTotals(wb: WorkbookInput) {
  const r = runEngine(wb, { budget: false, schedule: true });
  expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  const cast = r.schedule!.dood.cast;
  return {
    holdDays: cast.reduce((a, c) => a + c.hold, 0),
    holdCost: cast.reduce((a, c) => a + c.holdCost, 0),
    perMember: cast.map((c) => [c.hold, c.holdCost]),
    days: r.schedule!.days.length,
  };
}

/**
 * Company moves on the board the optimizer starts from: the current board when it keeps every
 * rule (then no more moves than now), else the current board with the strips that break Pages
 * Per Day moved to the nearest day with room (a repair may force a move; see the test below).
 */
function repairMoves(wb: WorkbookInput): number {
  const r = runEngine(wb, { budget: false, schedule: true });
  const setup = boardProblem(wb, r.settings, r.schedule!, new Problems())!;
  const keepsRules = setup.current.days.length === setup.problem.days && violations(setup.problem, setup.current).length === 0;
  return keepsRules ? evaluateBoard(setup.problem, setup.current).moves : evaluateBoard(setup.problem, setup.start).moves;
}

describe("the optimizer's figures are the DOOD's", () => {
  it("before and after, per member and in total, on random boards with drops, days off and capacities", () => {
    fc.assert(
      fc.property(boardArb, (b) => {
        const wb = workbookOf(b);
        const { plan, problems } = optimizeStripboard(wb, { timeLimitMs: 15, seed: b.seed });
        expect(problems.filter((p) => p.severity === "error")).toEqual([]);
        const before = doodTotals(wb);
        expect({ holdDays: plan!.before.holdDays, holdCost: plan!.before.holdCost, days: plan!.before.days }).toEqual({
          holdDays: before.holdDays,
          holdCost: before.holdCost,
          days: before.days,
        });
        expect(plan!.before.holds.map((h) => [h.holdDays, h.holdCost])).toEqual(before.perMember);
        const rewritten = { ...wb, tables: wb.tables.map((t) => (t.name === "Stripboard" ? { ...t, rows: plan!.rows.rows } : t)) };
        const after = doodTotals(rewritten);
        expect({ holdDays: plan!.after.holdDays, holdCost: plan!.after.holdCost, days: plan!.after.days }).toEqual({
          holdDays: after.holdDays,
          holdCost: after.holdCost,
          days: after.days,
        });
        expect(plan!.after.holds.map((h) => [h.holdDays, h.holdCost])).toEqual(after.perMember);
        // Without a price on company moves, none is added to save holds: no more moves than the
        // board has now, or, when the board now breaks Pages Per Day, than its repair needs.
        if (b.moveCost === null) expect(plan!.after.moves).toBeLessThanOrEqual(Math.max(plan!.before.moves, repairMoves(wb)));
      }),
      { numRuns: 80 },
    );
  });

  it("a board over Pages Per Day is repaired with the one company move its days force, not more", () => {
    // fast-check seed 1252752020 found it. Day 1: scene 1 (Loft, 1/8). Day 2: scenes 2 and 3
    // (Park, 4/8 + 2 5/8 = 3 1/8 pages), over Pages Per Day 3. Total 3 2/8 pages: two days of 3.
    // Any split of the three scenes over two days of at most 3 pages puts scene 3 (2 5/8) with
    // at most 3/8 more, so with scene 1 (Loft) and not scene 2: Loft and Park share a day, one
    // move; all three on one day is 3 2/8, over. So the repaired board has exactly 1 move.
    const rows: CellValue[][] = [
      ["1", "INT", "DAY", "Set", "Loft", "1/8", "", ""],
      ["End of Day", null, null, null, null, null, null, null],
      ["2", "INT", "DAY", "Set", "Park", "4/8", "", ""],
      ["3", "INT", "DAY", "Set", "Park", "2 5/8", "", ""],
    ];
    const wb: WorkbookInput = {
      name: "Over.xlsx",
      tables: [
        table("Settings", ["Key", "Value"], [["Start Date", "2027-03-01"], ["Pages Per Day", 3]]),
        table("Cast", CAST_HEADERS, [["1", "Ann", "A", 0, 0, ""]]),
        table("Stripboard", HEADERS, rows),
      ],
    };
    const { plan } = optimizeStripboard(wb, { timeLimitMs: 30, seed: 1 });
    expect(plan!.before).toMatchObject({ moves: 0, days: 2 });
    expect(plan!.after).toMatchObject({ moves: 1, days: 2 });
    expect(repairMoves(wb)).toBe(1);
    // Every day of the plan is within 3 pages (24 eighths), as the schedule reads it back.
    const rewritten = { ...wb, tables: wb.tables.map((t) => (t.name === "Stripboard" ? { ...t, rows: plan!.rows.rows } : t)) };
    const days = runEngine(rewritten, { budget: false, schedule: true }).schedule!.days;
    const loads = days.map((d) => d.strips.reduce((a, s) => a + s.pages, 0));
    expect(loads.length).toBe(2);
    expect(Math.max(...loads)).toBeLessThanOrEqual(24);
  });

  it("a drop saves the days between drop and pick-up, so the optimizer no longer pays for them", () => {
    // Actor 1 ($1,000) works days 1 and 5; with Drop Days 2 and Mon-Fri dates (2027-03-01 is a
    // Monday) the gap is 4 calendar days: dropped, no holds. Drop Days 10: three holds.
    const rows: CellValue[][] = [];
    for (let d = 1; d <= 5; d++) rows.push([String(d), "INT", "DAY", "Set", "Loft", "1", d === 1 || d === 5 ? "1" : "2", ""], ["End of Day", null, null, null, null, null, null, null]);
    const wb = (drop: number): WorkbookInput => ({
      name: "Drop.xlsx",
      tables: [
        table("Settings", ["Key", "Value"], [["Start Date", "2027-03-01"], ["Drop Days", drop]]),
        table("Cast", CAST_HEADERS, [["1", "Ann", "A", 1000, 0, ""], ["2", "Bob", "B", 10, 0, ""]]),
        table("Stripboard", HEADERS, rows),
      ],
    });
    expect(optimizeStripboard(wb(2), { timeLimitMs: 50 }).plan!.before).toMatchObject({ holdDays: 0, holdCost: 0 });
    expect(optimizeStripboard(wb(10), { timeLimitMs: 50 }).plan!.before).toMatchObject({ holdDays: 3, holdCost: 300000 });
  });
});

describe("the search keeps the DOOD's figures incrementally", () => {
  it("its running hold cost equals a fresh evaluation after every step", () => {
    fc.assert(
      fc.property(
        fc.record({
          days: fc.integer({ min: 2, max: 12 }),
          strips: fc.array(fc.record({ cast: fc.subarray([0, 1, 2, 3]), pages: fc.integer({ min: 1, max: 8 }), location: fc.constantFrom("a", "b") }), { minLength: 2, maxLength: 20 }),
          gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }),
          dropDays: fc.integer({ min: 0, max: 8 }),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (b) => {
          const dates: number[] = [];
          for (let d = 0, t = 20000; d < b.days; d++, t += b.gaps[d]) dates.push(t);
          const p: BoardProblem = {
            strips: b.strips.map((s, id) => ({ id, ...s })),
            rates: [100, 250, 7, 1000],
            days: b.days,
            capacity: 160,
            unavailable: [0, 1, 2, 3].map(() => new Array<boolean>(b.days).fill(false)),
            moveCost: 0,
            dates,
            dropDays: b.dropDays,
          };
          const current = Array.from({ length: b.days }, (_, d) => p.strips.filter((s) => s.id % b.days === d).map((s) => s.id));
          const search = new BoardSearch(p, feasibleStart(p, current).solution, b.seed);
          for (let k = 0; k < 5; k++) {
            search.step(1, 5);
            const now = search.current();
            const fresh = evaluateBoard(p, now.solution);
            expect(now.holdCost).toBe(fresh.holdCost);
            expect(now.moves).toBe(fresh.moves);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the sample production", () => {
  const { sampleProduction } = jest.requireActual<typeof import("../../../src/core/sample")>("../../../src/core/sample");
  const input = (): WorkbookInput => ({
    name: "sample.xlsx",
    tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })),
  });

  it("is optimized without an added company move, and its figures are its DOOD's", () => {
    const wb = input();
    const { plan } = optimizeStripboard(wb, { timeLimitMs: 1500, seed: 1 });
    // The DOOD sheet of the sample: 15 holds, $25,030.00 (Sheriff Cole and Young Maggie are
    // dropped and picked up, so the days between are not holds).
    expect(plan!.before).toMatchObject({ holdDays: 15, holdCost: 2_503_000, moves: 1, days: 11 });
    expect(plan!.after.moves).toBeLessThanOrEqual(plan!.before.moves);
    expect(plan!.after.holdCost).toBeLessThan(plan!.before.holdCost);
    const rewritten = { ...wb, tables: wb.tables.map((t) => (t.name === "Stripboard" ? { ...t, rows: plan!.rows.rows } : t)) };
    expect(doodTotals(rewritten)).toMatchObject({ holdDays: plan!.after.holdDays, holdCost: plan!.after.holdCost });
    expect(plan!.moved.length).toBeGreaterThan(0);
  });
});
