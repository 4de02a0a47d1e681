import { WorkbookInput } from "../../../src/core/cells";
import { reportJson, runEngine } from "../../../src/core/engine";
import { budgetLayouts } from "../../../src/core/layout";
import { sampleProduction } from "../../../src/core/sample";

function asInput(): WorkbookInput {
  return { name: "sample.xlsx", tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })) };
}

describe("the sample production", () => {
  const r = runEngine(asInput());

  test("computes with no error, only the two short turnarounds (crew and the actors called on both days)", () => {
    // Day 4: 15:00 call + 12 h = 03:00 wrap; Day 5 calls at 07:00: 4 h. Day 8: 15:30 + 12 h = 03:30, Day 9 07:00: 3 h 30.
    // Cast are dismissed at camera wrap, an hour before (the lead from crew to shooting call):
    // Nora Vance 02:00 to a 06:30 makeup call (08:00 − 90 min) = 4 h 30; Priya Raman to 07:15 = 5 h 15;
    // after Day 8, 02:30 to 06:30 = 4 h and Theo Marsh to 07:00 (08:00 − 60) = 4 h 30.
    expect(r.problems.map((p) => [p.severity, p.sheet, p.cell, p.message.replace(/:.*?: (\d[^,]*) of rest.*/, " $1")])).toEqual([
      ["warning", "Calls", "B2", "Turnaround 4 h"],
      ["warning", "Cast", "A2", "Turnaround for cast 1 Nora Vance (MAGGIE HALE) 4 h 30 min"],
      ["warning", "Cast", "A6", "Turnaround for cast 5 Priya Raman (LENA) 5 h 15 min"],
      ["warning", "Calls", "B4", "Turnaround 3 h 30 min"],
      ["warning", "Cast", "A2", "Turnaround for cast 1 Nora Vance (MAGGIE HALE) 4 h"],
      ["warning", "Cast", "A3", "Turnaround for cast 2 Theo Marsh (DANNY HALE) 4 h 30 min"],
    ]);
    expect(r.problems[0].message).toBe(
      "Turnaround: Day 4 (Thu 27 May 2027) wraps at 03:00 the next day (15:00 crew call + 12 h day) and Day 5 (Fri 28 May 2027) calls the crew at 07:00: 4 h of rest, under the 12 h turnaround",
    );
  });

  test("has what the issue asks for", () => {
    const b = r.budget!;
    expect(b.sections.map((s) => s.account.name)).toEqual(["Above-the-Line", "Production", "Post", "Other"]);
    expect(b.accounts.length).toBeGreaterThanOrEqual(90);
    expect(b.markups.map((m) => m.name)).toEqual(["Contingency", "Production insurance"]);
    expect(b.fringes.map((f) => f.code)).toEqual(expect.arrayContaining(["FICA", "MED", "FUI", "SUI", "WC", "IAPH"]));
    expect(b.fringes.find((f) => f.code === "FICA")).toMatchObject({ type: "%", rate: 0.062, cutoff: 184500 });
    expect(b.fringes.find((f) => f.code === "IAPH")?.type).toBe("Flat");
    const over = b.accounts.filter((a) => a.status === "OVER" && a.account.depth === 2).map((a) => a.account.code);
    const watch = b.accounts.filter((a) => a.status === "WATCH").map((a) => a.account.code);
    expect(over).toEqual(["1403", "2603", "3402", "4401"]);
    expect(watch).toEqual(["1101", "2703", "3404"]);
    const s = r.schedule!;
    const strips = s.days.reduce((n, d) => n + d.strips.length, 0);
    expect(strips).toBeGreaterThanOrEqual(40);
    expect(strips).toBeLessThanOrEqual(60);
    expect(s.days).toHaveLength(11);
    expect(s.cast.length).toBeGreaterThanOrEqual(8);
    expect(s.locations.every((l) => l.latitude !== undefined && l.longitude !== undefined)).toBe(true);
    expect(r.settings.startDate).toBe(Date.UTC(2027, 4, 24) / 86_400_000);
  });

  test("Top Sheet figures: Above- and Below-the-Line, charges, and the net after the state credit", () => {
    const b = r.budget!;
    const j = reportJson(r).budget;
    // Sections by Level: ATL 1000; BTL 2000, Post 4000 and Other 5000 below the line.
    expect(j.levels.map((l) => [l.level, l.sections, l.total])).toEqual([
      ["ATL", ["1000"], 620058.97],
      ["BTL", ["2000"], 817905.08],
      ["Post", ["4000"], 301275.7],
      ["Other", ["5000"], 111809.3],
    ]);
    // Below the line: 817,905.08 + 301,275.70 + 111,809.30 = 1,230,990.08; with ATL 1,851,049.05
    expect([j.aboveTheLine, j.belowTheLine, j.total]).toEqual([620058.97, 1230990.08, 1851049.05]);
    // Contingency 10% of BTL 1,230,990.08 = 123,099.008 → 123,099.01; insurance 2% of
    // 1,851,049.05 = 37,020.981 → 37,020.98; grand total 1,851,049.05 + 160,119.99 = 2,011,169.04
    expect(j.charges.map((c) => [c.name, c.base, c.amount])).toEqual([
      ["Contingency", 1230990.08, 123099.01],
      ["Production insurance", 1851049.05, 37020.98],
    ]);
    expect(j.grandTotal).toBe(2011169.04);
    // The credit: Production + Post 817,905.08 + 301,275.70 = 1,119,180.78 less music licensing
    // (4202: 4 songs × 6,000 = 24,000.00) = 1,095,180.78 × 20% = 219,036.16, over the 200,000 cap.
    expect(j.incentives).toEqual([
      { name: "California film tax credit", rate: 0.2, appliesTo: ["2000", "4000"], exclude: ["4202"], qualifying: 1095180.78, excluded: 24000, cap: 200000, capped: true, amount: 200000 },
    ]);
    expect(j.net).toBe(1811169.04); // 2,011,169.04 − 200,000.00
    const top = budgetLayouts(r)[0];
    const figure = (label: string) => top.cells.find((c) => c.c === 4 && c.r === top.cells.find((x) => x.c === 2 && x.v === label)?.r)?.v;
    expect(["Total Above-the-Line", "Total Below-the-Line", "Total Above and Below the Line", "GRAND TOTAL", "NET COST"].map(figure)).toEqual([
      620058.97, 1230990.08, 1851049.05, 2011169.04, 1811169.04,
    ]);
    expect(b.lines.filter((l) => l.payee).map((l) => l.payee)).toEqual(["Jonah Reyes", "Jonah Reyes", "Dana Whitcomb", "Dana Whitcomb"]);
  });

  test("payroll as US payroll counts it: one payee's FUTA and SUI base once, hourly P&H through a 12-hour day", () => {
    const b = r.budget!;
    const fr = (desc: string, code: string) => b.lines.find((l) => l.description.startsWith(desc))!.fringes.find((f) => f.code === code)!.amount;
    // The director's 80,000 prep-and-shoot line takes all of the $7,000: FUTA 0.6% = 42.00, SUI 3.4% = 238.00;
    // the 30,000 post line, the same payee, pays none.
    expect([fr("Director fee, prep", "FUI"), fr("Director fee, prep", "SUI")]).toEqual([4200, 23800]);
    expect([fr("Director fee, post", "FUI"), fr("Director fee, post", "SUI")]).toEqual([0, 0]);
    // FICA on both (110,000 is under the wage base): 4,960.00 and 1,860.00
    expect([fr("Director fee, prep", "FICA"), fr("Director fee, post", "FICA")]).toEqual([496000, 186000]);
    // IATSE P&H 7.35 an hour × 12 hours (HOURS_PER_DAY) × 30 days = 2,646.00 on the production designer;
    // construction, 10 days × 4 crew: 7.35 × 12 × 40 = 3,528.00
    expect(fr("Production designer", "IAPH")).toBe(264600);
    expect(fr("Construction crew", "IAPH")).toBe(352800);
    // Teamsters 7.95 an hour × 12 × 11 shoot days × 6 drivers = 6,296.40
    expect(fr("Drivers", "TEAM")).toBe(629640);
  });

  test("the sheriff is dropped and picked up (day 1 to day 11 is 15 calendar days, more than Drop Days 10)", () => {
    const sheriff = r.schedule!.dood.cast.find((c) => c.id === "4")!;
    expect(sheriff.codes[0]).toBe("SWD");
    expect(sheriff.codes[10]).toBe("PWF");
  });

  test("cast lines follow the schedule: each tied line pays the DOOD's paid days, holds included", () => {
    const b = r.budget!;
    const line = (desc: string) => b.lines.find((l) => l.description.startsWith(desc))!;
    // Danny: 6 work + 4 hold = 10 days at 2,000; Ruth: 5 work + 6 hold = 11 days at 1,800.
    expect([line("Danny Hale").amount, line("Danny Hale").total]).toEqual([10, 2_000_000]);
    expect([line("Ruth Hale").amount, line("Ruth Hale").total]).toEqual([11, 1_980_000]);
    // The sheriff is dropped for 9 days and paid 2; the trucker held 5 days between his 2.
    expect(line("Sheriff Cole").amount).toBe(2);
    expect(line("Trucker").amount).toBe(7);
    const svb = b.scheduleVsBudget!;
    expect(svb.rows.every((x) => x.difference === 0 && x.lines.length === 1)).toBe(true);
    // Every hold the DOOD costs is on a budget line: Σ holds × Daily Rate = 25,030.
    const holdCost = r.schedule!.dood.cast.reduce((s, c) => s + c.holdCost, 0);
    expect(holdCost).toBe(2_503_000);
    const heldOnLines = svb.rows.reduce((s, x) => s + x.hold * x.dayRate * 100, 0);
    expect(heldOnLines).toBe(holdCost);
    // Crew lines use globals: SHOOT_DAYS is 11, PREP_WEEKS + 2 is 6.
    expect(line("Set production assistants").amount).toBe(11);
    expect(line("First assistant director").amount).toBe(6);
  });

  test("returns fresh copies each call", () => {
    const a = sampleProduction();
    a[0].rows[0][1] = "changed";
    expect(sampleProduction()[0].rows[0][1]).toBe("The Long Way Home");
  });
});
