import { RawTable, WorkbookInput } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { allLayouts, budgetLayouts, scheduleLayouts, statusFormula, currencyFormat } from "../../../src/core/layout";
import { SheetLayout, LayoutCell } from "../../../src/core/layout/types";
import { sampleProduction } from "../../../src/core/sample";
import { displayText, layoutOverflows, textWidth } from "../../../src/core/layout/fit";
import { longProduction, sampleInput } from "./longProduction";

function input(tables: Record<string, { headers: string[]; rows: RawTable["rows"] }>): WorkbookInput {
  return { name: "t.xlsx", tables: Object.entries(tables).map(([name, t]) => ({ name, sheet: name, headerRow: 1, firstColumn: 1, ...t })) };
}

const SMALL = input({
  Settings: { headers: ["Key", "Value"], rows: [["Production", "Test Film"], ["Start Date", "2027-03-01"], ["Currency", "EUR"]] },
  Accounts: { headers: ["Code", "Name", "Parent"], rows: [["1000", "ATL", null], ["1100", "Cast", "1000"], ["1110", "Leads", "1100"]] },
  Budget: { headers: ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], rows: [["1110", "=SUM(A1)", 2, "Days", 1.5, 100.005, null]] },
  Ledger: { headers: ["Date", "Account", "Vendor", "Description", "Amount", "Type"], rows: [["2027-02-01", "1110", "V", "D", 10, "Actual"]] },
  Cast: { headers: ["ID", "Character", "Actor", "Daily Rate", "Makeup"], rows: [["1", "ANNA", "Ann", 500, 60]] },
  Stripboard: {
    headers: ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description"],
    rows: [["1", "INT", "DAY", "KITCHEN", "", "1 2/8", "1", "-starts with a minus"], ["End of Day 1"], ["Banner: Company move"], ["2", "EXT", "DAWN", "ROAD", "", "3/8", "1", "@night"]],
  },
});

function at(l: SheetLayout, r: number, c: number): LayoutCell | undefined {
  return l.cells.filter((x) => x.r === r && x.c === c).pop();
}

function find(l: SheetLayout, text: string): LayoutCell {
  const c = l.cells.find((x) => x.v === text);
  if (!c) throw new Error(`${l.name}: no cell ${text}`);
  return c;
}

describe("layouts", () => {
  const r = runEngine(SMALL);
  const layouts = allLayouts(r);

  test("the engine has no errors on the fixture", () => {
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  test("sheet names and kinds, in tab order", () => {
    expect(layouts.map((l) => [l.name, l.kind])).toEqual([
      ["Top Sheet", "top-sheet"],
      ["Cost Report", "cost-report"],
      ["Schedule", "schedule"],
      ["DOOD", "dood"],
      ["Call D1", "call-sheet"],
      ["Call D2", "call-sheet"],
    ]);
    expect(budgetLayouts(r)).toHaveLength(2);
    expect(scheduleLayouts(r)).toHaveLength(4);
    expect(budgetLayouts({ settings: r.settings })).toEqual([]);
  });

  test("every sheet has the production title in A1", () => {
    for (const l of layouts) expect(at(l, 1, 1)?.v).toBe("Test Film");
  });

  test("money is exact cents with the Settings currency format", () => {
    // 2 × 1.5 × 100.005 = 300.015 → ROUND half away from zero → 300.02
    const top = layouts[0];
    const leads = top.cells.find((c) => c.v === "1100")!;
    expect(at(top, leads.r, 4)?.v).toBe(300.02);
    expect(at(top, leads.r, 4)?.s?.numberFormat).toBe(currencyFormat("EUR"));
    for (const l of layouts)
      for (const c of l.cells)
        if (typeof c.v === "number" && c.s?.numberFormat?.includes("#,##0.00")) expect(Math.round(c.v * 100) / 100).toBe(c.v);
  });

  test("user text stays a plain string, never a formula", () => {
    const sched = layouts[2];
    expect(find(sched, "-starts with a minus").v).toBe("-starts with a minus");
    expect(find(sched, "@night").v).toBe("@night");
    for (const l of layouts) for (const c of l.cells) if (c.v && typeof c.v === "object" && "formula" in c.v) expect(l.kind).toBe("cost-report");
  });

  test("cost report status is a live formula with the engine's result, coloured by conditional formats", () => {
    const cr = layouts[1];
    // 1110: budget 300.02, actual 10 → 3.3% spent, EFC 300.02 → OK
    const row = cr.cells.find((c) => c.v === "1110")!.r;
    expect(at(cr, row, 11)?.v).toEqual({ formula: statusFormula(row, 0, 0.9), result: "OK" });
    expect(at(cr, row, 2)?.s?.indent).toBe(2);
    expect(cr.conditionalFormats.map((f) => [f.range.split(":")[0], f.formula])).toEqual([
      ["K6", '$K6="OVER"'],
      ["K6", '$K6="WATCH"'],
      ["J6", '$K6="OVER"'],
    ]);
  });

  test("statusFormula follows the contract's rule", () => {
    // EFC in H, Budget in I, Total Cost (Actual to date + Open commitments) in F.
    expect(statusFormula(7, 0.05, 0.9)).toBe('IF(H7>I7*1.05,"OVER",IF(AND(I7>0,F7>=I7*0.9),"WATCH","OK"))');
  });

  test("schedule: day header, banner across the row, black day break with date and pages", () => {
    const s = layouts[2];
    const d1 = find(s, "Day 1 of 2");
    expect(at(s, d1.r, 4)?.v).toEqual({ date: 20878 }); // 2027-03-01 = day 20,878 since 1970-01-01
    expect(at(s, d1.r, 6)?.v).toBe("1 2/8");
    const eod = find(s, "End of Day 1");
    expect(eod.s?.fill).toBe("#000000");
    expect(eod.s?.fontColor).toBe("#FFFFFF");
    expect(at(s, eod.r, 4)?.v).toEqual({ date: 20878 });
    const banner = find(s, "Company move");
    expect(s.merges).toContainEqual({ r1: banner.r, c1: 1, r2: banner.r, c2: 11 });
    // DAWN is neither DAY nor NIGHT: grey by the convention
    expect(at(s, find(s, "2").r, 1)?.s?.fill).toBe("#D9D9D9");
  });

  test("DOOD: date row, weekday row, day numbers, codes and totals", () => {
    const d = layouts[3];
    expect(at(d, 4, 4)?.v).toEqual({ date: 20878 });
    expect(at(d, 5, 4)?.s?.numberFormat).toBe("ddd");
    expect(at(d, 6, 5)?.v).toBe(2);
    const anna = find(d, "1");
    expect([4, 5].map((c) => at(d, anna.r, c)?.v)).toEqual(["SW", "WF"]);
    expect(at(d, anna.r, 6)?.v).toBe(2); // work
  });

  test("call sheets: one page wide, portrait, header rows repeated, print area", () => {
    const c1 = layouts[4];
    expect(c1.print).toMatchObject({ orientation: "portrait", fitToWidth: 1, repeatRows: [1, 3], area: expect.stringMatching(/^A1:I\d+$/) });
    expect(at(c1, 2, 3)?.v).toBe("Day 1 of 2");
    for (const s of ["SCENES", "CAST", "LOCATIONS", "NOTES", "ADVANCE SCHEDULE: DAY 2"]) find(c1, s);
    find(layouts[5], "ADVANCE SCHEDULE: last shooting day, nothing to follow");
  });

  test("the sample production's layouts: no two cells on one address, merges inside the print area", () => {
    const tables = sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows }));
    const res = runEngine({ name: "demo.xlsx", tables });
    for (const l of allLayouts(res)) {
      const seen = new Set<string>();
      for (const c of l.cells) {
        const k = `${c.r},${c.c}`;
        expect(seen.has(k) ? `${l.name} ${k}` : "").toBe("");
        seen.add(k);
      }
      const lastRow = Number(/\d+$/.exec(l.print!.area!)![0]);
      for (const m of l.merges) expect(m.r2).toBeLessThanOrEqual(lastRow);
    }
  });
});

describe("currencyFormat", () => {
  test("symbol, two decimals, negatives red in parentheses", () => {
    expect(currencyFormat("USD")).toBe('"$"#,##0.00;[Red]("$"#,##0.00)');
    expect(currencyFormat("GBP")).toBe('"£"#,##0.00;[Red]("£"#,##0.00)');
    expect(currencyFormat("JPY")).toBe('"¥"#,##0;[Red]("¥"#,##0)');
    expect(currencyFormat("SEK")).toBe('#,##0.00 "SEK";[Red](#,##0.00 "SEK")');
  });
});

describe("layouts look right at 100 % (no ###, nothing cut, wrapped text with room)", () => {
  const sample = allLayouts(runEngine(sampleInput()));
  const long = allLayouts(runEngine(longProduction()));

  test("the sample production and a 299-day shoot with nine- and ten-figure totals: every cell shows whole", () => {
    expect(sample.flatMap(layoutOverflows)).toEqual([]);
    expect(long.flatMap(layoutOverflows)).toEqual([]);
  });

  test("a DOOD printed several pages wide repeats ID, Character and Actor on each page", () => {
    const longDood = long.find((l) => l.name === "DOOD")!;
    expect(longDood.print!.fitToWidth).toBeGreaterThan(1);
    expect(longDood.print!.repeatColumns).toEqual([1, 3]);
    const shortDood = sample.find((l) => l.name === "DOOD")!;
    expect(shortDood.print!.fitToWidth).toBe(1);
    expect(shortDood.print!.repeatColumns).toBeUndefined();
  });

  test("schedule day header and day break: label across Scene..D/N, date under Set, pages under Pages, the rest from Cast on", () => {
    const s = sample.find((l) => l.name === "Schedule")!;
    const d1 = find(s, "Day 1 of 11");
    expect(s.merges).toContainEqual({ r1: d1.r, c1: 1, r2: d1.r, c2: 3 });
    expect(at(s, d1.r, 5)?.v).toBe("Pages");
    expect(at(s, d1.r, 6)?.v).toBe("5 5/8"); // scenes 1, 3, 5, 7: 2 3/8 + 1 2/8 + 1 4/8 + 4/8 = 45/8
    expect(at(s, d1.r, 7)).toMatchObject({ v: "4 scenes", s: { indent: 1 } });
    expect(s.merges).toContainEqual({ r1: d1.r, c1: 7, r2: d1.r, c2: 11 });
    const eod = find(s, "End of Day 1");
    expect(s.merges).toContainEqual({ r1: eod.r, c1: 1, r2: eod.r, c2: 3 });
    // Pages right-aligned, cast indented: "2 3/8" and "1, 3" never run together; headings the same.
    const strip = s.cells.find((c) => c.r === d1.r + 1 && c.c === 7)!;
    expect(strip.s).toMatchObject({ indent: 1, wrap: true });
    expect(at(s, 4, 6)?.s?.hAlign).toBe("right");
    expect(at(s, 4, 7)?.s?.indent).toBe(1);
  });

  test("wrapped strips get the height of their lines", () => {
    const s = sample.find((l) => l.name === "Schedule")!;
    // Scene 31's note "Child labor hours: wrap young Maggie by 15:30" is wider than Notes (28 − 0.75): 2 lines
    const row = s.cells.find((c) => c.c === 1 && c.v === "31")!.r;
    expect(s.rowHeights?.[row]).toBe(31);
    expect(s.rowHeights?.[row + 1]).toBeUndefined(); // scene 8, one line each
  });

  test("DOOD: dates that fit their day columns, start and finish without the weekday, pages wide by length", () => {
    const d = sample.find((l) => l.name === "DOOD")!;
    expect(at(d, 4, 4)?.s).toMatchObject({ numberFormat: "d-mmm", fontSize: 9 });
    const maggie = find(d, "MAGGIE HALE").r;
    expect(displayText(at(d, maggie, 4 + 11 + 3)!.v, at(d, maggie, 4 + 11 + 3)!.s?.numberFormat)).toBe("24 May 2027");
    expect(d.print?.fitToWidth).toBe(1);
    // 300 days at 6.5 plus names and totals ≈ 2,060 characters: 11 pages of ~200
    expect(long.find((l) => l.name === "DOOD")!.print?.fitToWidth).toBe(11);
  });

  test("call sheet: 108 characters wide (one portrait page), Crew call whole, locations named across two columns", () => {
    const c = sample.find((l) => l.name === "Call D1")!;
    expect(c.columnWidths.reduce((a, b) => a + b, 0)).toBe(108);
    expect(at(c, 3, 1)?.v).toBe("Crew call");
    expect(textWidth("Crew call", { bold: true })).toBeLessThan(c.columnWidths[0] - 0.75);
    const loc = c.cells.find((x) => x.v === "Hale House" && x.c === 1)!;
    expect(c.merges).toContainEqual({ r1: loc.r, c1: 1, r2: loc.r, c2: 2 });
    expect(c.rowHeights?.[loc.r]).toBeGreaterThanOrEqual(45); // the hospital's name and address wrap to 3 lines
  });

  test("top sheet: a flat fringe's rate reads per the unit its Unit names", () => {
    const top = sample[0];
    // The sample's IATSE P&H is 7.35 an hour (Fringes Unit "Hour").
    const iaph = find(top, "IAPH");
    expect(displayText(at(top, iaph.r, 3)!.v, at(top, iaph.r, 3)!.s?.numberFormat)).toBe("$7.35 /hour");
  });
});
