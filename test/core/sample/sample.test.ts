import { WorkbookInput } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { sampleProduction } from "../../../src/core/sample";

function asInput(): WorkbookInput {
  return { name: "sample.xlsx", tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })) };
}

describe("the sample production", () => {
  const r = runEngine(asInput());

  test("computes without one problem", () => {
    expect(r.problems).toEqual([]);
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
