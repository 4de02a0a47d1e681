import fc from "fast-check";
import { CellValue } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { BoardProblem, BoardSolution, evaluateBoard, violations } from "../../../src/core/optimize/boardModel";
import { feasibleStart, greedyBoard } from "../../../src/core/optimize/boardInitial";
import { optimizeBoard } from "../../../src/core/optimize/boardSearch";
import { optimizeStripboard } from "../../../src/core/optimize/stripboardOptimizer";
import { table } from "../../helpers/workbook";

const HEADERS = ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Lock"];
const strip = (scene: string, loc: string, pages: string, cast: string, lock: CellValue = null): CellValue[] => [scene, "INT", "DAY", "Set", loc, pages, cast, "", lock];
const eod = (): CellValue[] => ["End of Day", null, null, null, null, null, null, null, null];

describe("board objective", () => {
  // Cast 0 ($100) works days 1 and 4, cast 1 ($50) works days 2 and 3: cast 0 holds 2 days (200),
  // cast 1 none. Day 1 has two locations: one company move at $1,000.
  const p: BoardProblem = {
    strips: [
      { id: 0, pages: 8, cast: [0], location: "a" },
      { id: 1, pages: 8, cast: [1], location: "a" },
      { id: 2, pages: 8, cast: [1], location: "a" },
      { id: 3, pages: 8, cast: [0], location: "a" },
      { id: 4, pages: 4, cast: [], location: "b" },
    ],
    rates: [10000, 5000],
    days: 4,
    capacity: 16,
    unavailable: [[false, false, false, false], [false, false, false, false]],
    moveCost: 100000,
  };

  it("counts hold days at the daily rate and company moves within a day", () => {
    const sol: BoardSolution = { days: [[0, 4], [1], [2], [3]] };
    expect(evaluateBoard(p, sol)).toMatchObject({ holdDays: 2, holdCost: 20000, moves: 1, total: 120000, daysUsed: 4 });
    expect(violations(p, sol)).toEqual([]);
  });

  it("finds the order without holds or moves", () => {
    const r = optimizeBoard(p, { days: [[0, 4], [1], [2], [3]] }, { timeLimitMs: 200 });
    expect(r.cost.total).toBe(0);
    expect(violations(p, r.solution)).toEqual([]);
  });
});

/** Random boards with locks, unavailable days and a capacity. */
const boardArb = fc
  .record({
    nCast: fc.integer({ min: 1, max: 6 }),
    nStrips: fc.integer({ min: 2, max: 25 }),
    days: fc.integer({ min: 2, max: 8 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .chain(({ nCast, nStrips, days, seed }) =>
    fc.record({
      strips: fc.array(
        fc.record({
          pages: fc.integer({ min: 1, max: 16 }),
          cast: fc.subarray([...Array(nCast).keys()]),
          location: fc.constantFrom("a", "b", "c"),
          lock: fc.option(fc.integer({ min: 0, max: days - 1 }), { freq: 5 }),
        }),
        { minLength: nStrips, maxLength: nStrips },
      ),
      rates: fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: nCast, maxLength: nCast }),
      unavailable: fc.array(fc.array(fc.integer({ min: 0, max: 99 }).map((x) => x < 15), { minLength: days, maxLength: days }), { minLength: nCast, maxLength: nCast }),
      capacity: fc.integer({ min: 8, max: 60 }),
      moveCost: fc.integer({ min: 0, max: 50000 }),
      days: fc.constant(days),
      seed: fc.constant(seed),
    }),
  );

describe("the optimizer never breaks a rule", () => {
  it("keeps locks, availability and capacity in every schedule it returns, and never does worse than its start", () => {
    fc.assert(
      fc.property(boardArb, (b) => {
        const p: BoardProblem = {
          strips: b.strips.map((s, id) => ({ id, pages: s.pages, cast: s.cast, location: s.location, lockDay: s.lock ?? undefined })),
          rates: b.rates,
          days: b.days,
          capacity: b.capacity,
          unavailable: b.unavailable,
          moveCost: b.moveCost,
        };
        const current = Array.from({ length: b.days }, (_, d) => p.strips.filter((s) => s.id % b.days === d).map((s) => s.id));
        const { solution: start, unplaced } = feasibleStart(p, current);
        fc.pre(unplaced.length === 0);
        expect(violations(p, start)).toEqual([]);
        const r = optimizeBoard(p, start, { timeLimitMs: 15, seed: b.seed });
        expect(violations(p, r.solution)).toEqual([]);
        expect(r.cost.total).toBeLessThanOrEqual(evaluateBoard(p, start).total);
      }),
      { numRuns: 150 },
    );
  });

  it("the greedy baseline keeps capacity on an unconstrained board", () => {
    const p: BoardProblem = {
      strips: Array.from({ length: 40 }, (_, id) => ({ id, pages: 1 + (id % 12), cast: [id % 5], location: `l${id % 4}` })),
      rates: [1, 2, 3, 4, 5],
      days: 10,
      capacity: 40,
      unavailable: Array.from({ length: 5 }, () => new Array(10).fill(false)),
      moveCost: 0,
    };
    expect(violations(p, greedyBoard(p))).toEqual([]);
  });
});

describe("optimizing a workbook's Stripboard", () => {
  // Three days; actor 1 ($1,000) is in scenes 1 and 5, on days 1 and 3: a hold day.
  // Scene 3 is locked to day 2. Actor 2 is unavailable on the first shooting date.
  const wb = (extra: CellValue[][] = []) => ({
    name: "Opt.xlsx",
    tables: [
      table("Settings", ["Key", "Value"], [["Start Date", "2027-03-01"], ["Drop Days", 30]]),
      table("Cast", ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], [
        ["1", "Ann", "A. Actor", 1000, 30, ""],
        ["2", "Bob", "B. Actor", 500, 30, ""],
      ]),
      table("Stripboard", HEADERS, [
        strip("1", "Loft", "1", "1"),
        strip("2", "Loft", "1", "2"),
        eod(),
        strip("3", "Park", "1", "", "x"),
        strip("4", "Park", "1", "2"),
        eod(),
        strip("5", "Loft", "1", "1"),
        eod(),
        ...extra,
      ]),
      table("Unavailable", ["Cast ID", "From", "To"], [["2", "2027-03-01", null]]),
    ],
  });

  it("removes the hold, keeps the lock and the unavailable date, and rewrites the board with day breaks", () => {
    const { plan, problems } = optimizeStripboard(wb(), { timeLimitMs: 200 });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(plan!.before).toMatchObject({ holdDays: 1, holdCost: 100000, days: 3 });
    expect(plan!.after).toMatchObject({ holdDays: 0, holdCost: 0, days: 3 });
    expect(plan!.improved).toBe(true);
    // Read the rewritten board back through the engine.
    const base = wb();
    const rewritten = { ...base, tables: base.tables.map((t) => (t.name === "Stripboard" ? { ...t, rows: plan!.rows.rows } : t)) };
    const r = runEngine(rewritten);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    const days = r.schedule!.days.map((d) => d.strips.map((s) => s.scene));
    expect(days[1]).toContain("3"); // the locked strip stays on day 2
    expect(days[0]).not.toContain("2"); // actor 2 is unavailable on day 1
    expect(days[0]).not.toContain("4");
    expect(days.flat().sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(r.schedule!.dood.cast.map((c) => c.hold)).toEqual([0, 0]);
    const breaks = plan!.rows.rows.filter((row) => String(row[0]).startsWith("End of Day")).map((row) => String(row[0]));
    expect(breaks).toHaveLength(3);
    expect(breaks[0]).toMatch(/^End of Day 1 — 2027-03-01 — (1 page|2 pages)$/);
    expect(breaks[2]).toMatch(/^End of Day 3 — 2027-03-03 — /);
  });

  it("reports a strip that fits nowhere", () => {
    const base = wb();
    base.tables[3] = table("Unavailable", ["Cast ID", "From", "To"], [["2", "2027-03-01", "2027-03-31"]]);
    const { plan, problems } = optimizeStripboard(base, { timeLimitMs: 50 });
    expect(plan).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: "Stripboard", row: 3, message: expect.stringMatching(/Scene "2" fits on no shooting day/) }));
  });

  it("names an unknown cast ID in Unavailable", () => {
    const base = wb();
    base.tables[3] = table("Unavailable", ["Cast ID", "From", "To"], [["9", "2027-03-01", null]]);
    const { problems } = optimizeStripboard(base, { timeLimitMs: 50 });
    expect(problems).toContainEqual(expect.objectContaining({ severity: "error", table: "Unavailable", row: 2, column: "Cast ID", message: 'Cast ID "9" is not an ID in Cast' }));
  });
});

describe("a published talent instance as a stripboard", () => {
  // MobStory and film118 have one-day scenes only: as a board of one-page strips at Pages Per
  // Day 1, each strip needs a day of its own, so the board is the instance itself. Published
  // optimal idle (hold) cost: MobStory 146, film118 156 (Qin et al. 2016, Table 10).
  const { readFileSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
  const { join } = jest.requireActual<typeof import("node:path")>("node:path");
  const { parseTalentDat } = jest.requireActual<typeof import("../../../src/core/optimize/talentInstance")>("../../../src/core/optimize/talentInstance");
  const dir = join(__dirname, "../../../../shared/data/talent");

  it.each([
    ["MobStory", 146],
    ["film118", 156],
  ])("%s reaches and proves the published optimum %i", (name, idle) => {
    const inst = parseTalentDat(readFileSync(join(dir, `${name}.dat`), "utf8"));
    const cast = inst.costs.map((c, a) => [String(a + 1), `Actor ${a + 1}`, "", c, 0, ""] as CellValue[]);
    const board: CellValue[][] = [];
    inst.durations.forEach((_, s) => {
      const ids = inst.actorScenes.map((row, a) => (row[s] ? String(a + 1) : null)).filter(Boolean).join(", ");
      board.push(strip(String(s + 1), "Set", "1", ids), eod());
    });
    const wb = {
      name: `${name}.xlsx`,
      tables: [
        table("Settings", ["Key", "Value"], [["Start Date", "2027-03-01"], ["Pages Per Day", 1], ["Drop Days", 1000]]),
        table("Cast", ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], cast),
        table("Stripboard", HEADERS, board),
      ],
    };
    const { plan, problems } = optimizeStripboard(wb, { timeLimitMs: 5000 });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(plan!.after.holdCost).toBe(idle * 100); // Daily Rate in dollars, hold cost in cents
    expect(plan!.optimal).toBe(true);
    // The rewritten board reads back with the same hold cost in its DOOD.
    const rewritten = { ...wb, tables: wb.tables.map((t) => (t.name === "Stripboard" ? { ...t, rows: plan!.rows.rows } : t)) };
    const r = runEngine(rewritten);
    expect(r.schedule!.dood.cast.reduce((s, c) => s + c.holdCost, 0)).toBe(idle * 100);
  });
});
