import fc from "fast-check";
import { CellValue } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { payeeBase } from "../../../src/core/budget/lines";
import { lineUnit, fringeUnit } from "../../../src/core/budget/units";
import { roundProduct } from "../../../src/core/money";
import { table, workbook } from "../../helpers/workbook";

const ACCOUNTS: CellValue[][] = [
  ["1000", "Above-the-Line", ""],
  ["1300", "Director", "1000"],
  ["2000", "Production", ""],
  ["2700", "Camera", "2000"],
  ["2800", "Electrical", "2000"],
];

const BUDGET_HEADERS = ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Payee"];

function run(budget: CellValue[][], fringes: CellValue[][], settings: CellValue[][] = []) {
  const tables = [
    table("Accounts", ["Code", "Name", "Parent"], ACCOUNTS),
    table("Budget", BUDGET_HEADERS, budget),
    table("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff", "Unit"], fringes),
  ];
  if (settings.length) tables.push(table("Settings", ["Key", "Value"], settings));
  const r = runEngine(workbook(...tables));
  const fringe = (row: number, code: string) => r.budget!.lines.find((l) => l.row === row)!.fringes.find((f) => f.code === code)?.amount;
  return { r, fringe };
}

describe("fringe units: a Flat fringe per hour, day, week or line", () => {
  // Producer contributions are per hour worked or guaranteed; an on-call weekly employee is
  // credited "Five day week - sixty (60) hours" (Teamsters Local 399 Agreement, Art. 13(d), the
  // Motion Picture Industry Health Plan Retired Employees Fund at $0.30 an hour): 12 hours a day
  // × 5 days, Movie Magic's defaults for Hours Per Day and Days Per Week.
  const fringes: CellValue[][] = [
    ["REF", "MPI Retired Employees Fund", "Flat", 0.3, null, "per hour"],
    ["PH", "IATSE pension & health", "Flat", 7.35, null, "Hr"],
    ["KIT", "Kit allowance", "Flat", 25, null, "Day"],
    ["WK", "Weekly box rental", "Flat", 100, null, "Wk"],
    ["ONCE", "Start paperwork fee", "Flat", 40, null, "per line"],
    ["OLD", "Flat per unit", "Flat", 10, null, null],
  ];

  test("an hourly P&H on a weekly line pays Rate × hours a day × days a week × weeks", () => {
    const { r, fringe } = run(
      [
        ["2700", "Camera operator, on-call weekly", 6, "Weeks", 1, 3200, "REF, PH"], // row 2
        ["2700", "Camera assistants", 6, "Wks", 2, 2100, "PH"], // row 3
      ],
      fringes,
    );
    expect(r.problems).toEqual([]);
    // 0.30 × 12 × 5 × 6 = 108.00 (60 hours a week for 6 weeks = 360 hours)
    expect(fringe(2, "REF")).toBe(10800);
    // 7.35 × 360 = 2,646.00; two assistants: 5,292.00
    expect(fringe(2, "PH")).toBe(264600);
    expect(fringe(3, "PH")).toBe(529200);
    // account 2700: 19,200 + 25,200 lines, 108 + 2,646 + 5,292 fringes
    expect(r.budget!.byCode.get("2700")!.own).toMatchObject({ lines: 4440000, fringes: 804600, budget: 5244600 });
  });

  test("Hours Per Day and Days Per Week come from Settings", () => {
    const { r, fringe } = run([["2700", "Operator", 6, "Weeks", 1, 3200, "REF"]], fringes, [
      ["Hours Per Day", 10],
      ["Days Per Week", 6],
    ]);
    expect(r.problems).toEqual([]);
    expect(fringe(2, "REF")).toBe(10800); // 0.30 × 10 × 6 × 6 = 108.00
    const { fringe: f2 } = run([["2700", "Operator", 6, "Weeks", 1, 3200, "REF"]], fringes, [["Hours Per Day", 11]]);
    expect(f2(2, "REF")).toBe(9900); // 0.30 × 11 × 5 × 6 = 99.00
  });

  test("the line's units convert to the fringe's, to the cent", () => {
    const { r, fringe } = run(
      [
        ["2800", "Rigging electrician, hourly", 10, "Hours", 1, 52.5, "KIT"], // 25 × 10/12 = 20.833… → 20.83
        ["2800", "Gaffer", 7, "Days", 1, 560, "WK"], // 100 × 7/5 = 140.00
        ["2800", "Electricians", 11, "Day", 4, 480, "ONCE, KIT"], // 40 × 4 = 160.00; 25 × 11 × 4 = 1,100.00
        ["2800", "Best boy", 3, "Days", 1, 500, "OLD"], // per unit of the line: 10 × 3 = 30.00
        ["2800", "Genny op", 30, "Hr", 1, 45, "WK"], // 100 × 30 / 60 = 50.00
        ["2800", "Dimmer op", 1, "Hours", 1, 45, "KIT"], // 25 / 12 = 2.0833… → 2.08
        ["2800", "Half-hour", 6, "Hours", 1, 45, "KIT"], // 25 × 6/12 = 12.50
      ],
      fringes,
    );
    expect(r.problems).toEqual([]);
    expect(fringe(2, "KIT")).toBe(2083);
    expect(fringe(3, "WK")).toBe(14000);
    expect(fringe(4, "ONCE")).toBe(16000);
    expect(fringe(4, "KIT")).toBe(110000);
    expect(fringe(5, "OLD")).toBe(3000);
    expect(fringe(6, "WK")).toBe(5000);
    expect(fringe(7, "KIT")).toBe(208);
    expect(fringe(8, "KIT")).toBe(1250);
  });

  test("a per-time fringe on a line with no length is an error naming the cell", () => {
    const { r } = run([["2800", "Expendables", 1, "Allow", null, 2500, "PH"]], fringes);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        table: "Budget",
        row: 2,
        column: "Units",
        message: 'Fringe PH is per hour, so this line\'s Units must be Hours, Days or Weeks (Hr, Day, Wk), not "Allow"',
      }),
    ]);
  });

  test("a bad Unit or Hours Per Day is an error naming the cell", () => {
    const { r } = run([["2800", "Gaffer", 1, "Days", null, 500, null]], [["X", "X", "Flat", 1, null, "fortnight"]], [["Hours Per Day", 30]]);
    const msgs = r.problems.map((p) => `${p.table}!${p.row} ${p.column}: ${p.message}`);
    expect(msgs).toContain('Fringes!2 Unit: Unit must be hour, day, week or line (per unit of the line when blank), not "fortnight"');
    expect(msgs).toContain("Settings!2 Value: Hours Per Day must be more than 0 and at most 24, not 30");
  });

  test("Units as producers type them", () => {
    expect(["Hr", "hrs", "Hours", "HOUR"].map(lineUnit)).toEqual(["hour", "hour", "hour", "hour"]);
    expect(["Day", "days", "Wk", "Wks.", "Weeks"].map(lineUnit)).toEqual(["day", "day", "week", "week", "week"]);
    expect(["Flat", "Allow", "Run", "Run of Show"].map(lineUnit)).toEqual(["lump", "lump", "lump", "lump"]);
    expect(["Trips", "Nights", ""].map(lineUnit)).toEqual(["other", "other", "other"]);
    expect(["per hour", "/hr", "Day", "a week", "per line", ""].map(fringeUnit)).toEqual(["hour", "hour", "day", "week", "line", "unit"]);
  });

  test("unit conversion rounds the exact product, as Excel's ROUND of the decimal", () => {
    // 0.125 × 1 × 1 = 0.125 → 0.13 (half away); 1.005 / 1 → 1.01; 25 × 6 / 12 = 12.5 exactly
    expect(roundProduct([0.125])).toBe(13);
    expect(roundProduct([1.005])).toBe(101);
    expect(roundProduct([-1.005])).toBe(-101);
    expect(roundProduct([0.25], [2])).toBe(13); // 0.125
    expect(roundProduct([7.35, 6, 12, 5])).toBe(264600);
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 24 }), (cents, d) => {
        // cents/100 ÷ d in exact integers, half away from zero
        const q = Math.floor((Math.abs(cents) * 2 + d) / (2 * d));
        const want = cents < 0 ? -q : q;
        return roundProduct([cents / 100], [d]) === (want === 0 ? 0 : want);
      }),
    );
  });
});

describe("cutoffs per payee: FICA and FUTA count one person's wages across their lines", () => {
  // 2026 figures: Social Security (OASDI) 6.2% on wages up to the $184,500 wage base (SSA, 2026
  // COLA fact sheet); FUTA 0.6% after the state credit on the first $7,000 (IRS Publication 15
  // and Form 940 instructions: at most $42.00 a worker).
  const fringes: CellValue[][] = [
    ["FICA", "Social Security", "%", 0.062, 184500, null],
    ["FUI", "FUTA", "%", 0.006, 7000, null],
    ["MED", "Medicare", "%", 0.0145, null, null],
  ];
  const budget: CellValue[][] = [
    ["1300", "Director, prep (4 weeks)", 4, "Weeks", 1, 15000, "FICA, FUI, MED", "Alex Rivera"], // row 2: 60,000
    ["2700", "DP, prep", 2, "Weeks", 1, 5000, "FICA, FUI", "Sam Okafor"], // row 3: 10,000
    ["1300", "Director, shoot (6 weeks)", 6, "Weeks", 1, 15000, "FICA, FUI, MED", "alex  rivera"], // row 4: 90,000
    ["1300", "Director, post (10 weeks)", 10, "Weeks", 1, 5000, "FICA, FUI, MED", "Alex Rivera"], // row 5: 50,000
    ["2700", "Loader (no payee: per line)", 1, "Weeks", 1, 190000, "FICA, FUI", null], // row 6
  ];

  test("the wage base fills in budget order over the payee's three lines", () => {
    const { r, fringe } = run(budget, fringes);
    expect(r.problems).toEqual([]);
    // cumulative 60,000 → 150,000 → 200,000: FICA bases 60,000, 90,000, 34,500
    expect(fringe(2, "FICA")).toBe(372000); // 3,720.00
    expect(fringe(4, "FICA")).toBe(558000); // 5,580.00
    expect(fringe(5, "FICA")).toBe(213900); // 2,139.00
    // 3,720 + 5,580 + 2,139 = 11,439.00 = 6.2% × 184,500, the most one worker's employer pays
    // FUTA: the first $7,000 is all on the first line: 42.00, then nothing
    expect([fringe(2, "FUI"), fringe(4, "FUI"), fringe(5, "FUI")]).toEqual([4200, 0, 0]);
    // Medicare has no cutoff: 1.45% of each line
    expect([fringe(2, "MED"), fringe(4, "MED"), fringe(5, "MED")]).toEqual([87000, 130500, 72500]);
    // another payee counts on their own: 10,000 → FICA 620.00, FUTA 42.00
    expect([fringe(3, "FICA"), fringe(3, "FUI")]).toEqual([62000, 4200]);
    // no payee: capped per line, as before: 184,500 × 6.2% = 11,439.00; 7,000 × 0.6% = 42.00
    expect([fringe(6, "FICA"), fringe(6, "FUI")]).toEqual([1143900, 4200]);
    expect(r.budget!.byCode.get("1300")!.own.fringes).toBe(372000 + 558000 + 213900 + 4200 + 87000 + 130500 + 72500);
  });

  test("a credit gives back the wage base it takes off", () => {
    const { r, fringe } = run(
      [...budget.slice(0, 4), ["1300", "Director, post reduced", -1, "Allow", 1, 30000, "FICA, FUI, MED", "Alex Rivera"]],
      fringes,
    );
    expect(r.problems).toEqual([]);
    // wages to date 200,000 − 30,000 = 170,000, below the base: FICA totals 6.2% × 170,000 = 10,540.00
    expect(fringe(6, "FICA")).toBe(-89900); // 170,000 − 184,500 = −14,500 × 6.2%
    expect(fringe(2, "FICA")! + fringe(4, "FICA")! + fringe(5, "FICA")! + fringe(6, "FICA")!).toBe(1054000);
    expect(fringe(6, "FUI")).toBe(0); // still over 7,000
  });

  test("a payee's bases always sum to their wages capped at the cutoff", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000_000, max: 20_000_000 }), { maxLength: 30 }), fc.integer({ min: 0, max: 30_000_000 }), (totals, cap) => {
        let toDate = 0;
        let bases = 0;
        for (const t of totals) {
          const b = payeeBase(toDate, t, cap);
          // a line never adds more than itself, nor takes back more than it reverses
          if (t >= 0 ? b < 0 || b > t : b > 0 || b < t) return false;
          bases += b;
          toDate += t;
        }
        return bases === Math.min(Math.max(toDate, 0), cap);
      }),
    );
  });
});

describe("2025 payroll figures across one payee's three lines, in budget order", () => {
  // Published 2025 figures: Social Security (OASDI) 6.2% of wages up to the $176,100 wage base,
  // at most $10,918.20 a worker (SSA, "2025 Social Security Changes" fact sheet); Medicare 1.45%
  // with no wage base; FUTA 0.6% (6.0% less the 5.4% state credit) of the first $7,000, at most
  // $42.00 a worker (IRS Publication 15 (2025) and the Form 940 instructions).
  const fringes: CellValue[][] = [
    ["FICA", "Social Security", "%", 0.062, 176100, null],
    ["MED", "Medicare", "%", 0.0145, null, null],
    ["FUI", "FUTA", "%", 0.006, 7000, null],
  ];
  const ALL = "FICA, MED, FUI";
  const budget: CellValue[][] = [
    ["1300", "Director, prep", 1, "Weeks", 1, 5000, ALL, "Jordan Lee"], // row 2: 5,000.00, to date 5,000
    ["2700", "Gaffer, another payee", 10, "Weeks", 1, 3000, ALL, "Pat Moreno"], // row 3: 30,000.00, their own
    ["1300", "Director, shoot", 10, "Weeks", 1, 15000, ALL, "Jordan Lee"], // row 4: 150,000.00, to date 155,000
    ["1300", "Director, post", 8, "Weeks", 1, 4012.5, ALL, "Jordan Lee"], // row 5: 32,100.00, to date 187,100
  ];

  test("FICA fills the $176,100 base and FUTA the $7,000 base line by line; Medicare has none", () => {
    const { r, fringe } = run(budget, fringes);
    expect(r.problems).toEqual([]);
    // FUTA: row 2 takes 5,000 of the 7,000 → 5,000 × 0.6% = 30.00; row 4 the other 2,000 → 12.00; row 5 nothing
    expect([fringe(2, "FUI"), fringe(4, "FUI"), fringe(5, "FUI")]).toEqual([3000, 1200, 0]);
    // 30.00 + 12.00 = 42.00, FUTA's most for one worker
    // FICA: 5,000 × 6.2% = 310.00; 150,000 × 6.2% = 9,300.00; row 5's base is 176,100 − 155,000 = 21,100 → 1,308.20
    expect([fringe(2, "FICA"), fringe(4, "FICA"), fringe(5, "FICA")]).toEqual([31000, 930000, 130820]);
    // 310.00 + 9,300.00 + 1,308.20 = 10,918.20, the published 2025 maximum
    expect(fringe(2, "FICA")! + fringe(4, "FICA")! + fringe(5, "FICA")!).toBe(1091820);
    // Medicare on every dollar: 72.50, 2,175.00, 32,100 × 1.45% = 465.45
    expect([fringe(2, "MED"), fringe(4, "MED"), fringe(5, "MED")]).toEqual([7250, 217500, 46545]);
    // the gaffer's 30,000 is counted on its own: FICA 1,860.00, Medicare 435.00, FUTA 42.00
    expect([fringe(3, "FICA"), fringe(3, "MED"), fringe(3, "FUI")]).toEqual([186000, 43500, 4200]);
    // account 1300: lines 5,000 + 150,000 + 32,100 = 187,100.00; fringes 42.00 + 10,918.20 + (72.50 + 2,175.00 + 465.45 = 2,712.95) = 13,673.15
    expect(r.budget!.byCode.get("1300")!.own).toMatchObject({ lines: 18710000, fringes: 1367315, budget: 20077315 });
  });

  test("budget order decides which line the cutoff falls on", () => {
    // the post line first: 32,100 fills FUTA (42.00) and takes 32,100 of the FICA base; the prep
    // line then has 176,100 − 32,100 = 144,000 left, all of its 5,000 (310.00); the shoot line
    // gets the remaining 139,000 → 8,618.00. The payee's FICA still totals 10,918.20.
    const { r, fringe } = run([budget[3], budget[0], budget[2]], fringes);
    expect(r.problems).toEqual([]);
    expect([fringe(2, "FICA"), fringe(3, "FICA"), fringe(4, "FICA")]).toEqual([199020, 31000, 861800]);
    expect([fringe(2, "FUI"), fringe(3, "FUI"), fringe(4, "FUI")]).toEqual([4200, 0, 0]);
  });
});
