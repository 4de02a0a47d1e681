import { CellValue, RawTable } from "../../../src/core/cells";
import { reportJson, runEngine } from "../../../src/core/engine";
import { table, workbook } from "../../helpers/workbook";

/**
 * A feature budget by level, worked by hand:
 *   ATL  1000  500,000.00
 *   BTL  2000  1,200,000.00 (2100 800,000.00 + 2200 400,000.00)
 *   Post 4000  300,000.00
 *   Other 5000 200,000.00 (5100 insurance 50,000.00 + 5900 contingency 150,000.00)
 *   Above-the-Line 500,000.00; Below-the-Line 1,700,000.00; Above and Below 2,200,000.00
 */
const ACCOUNTS: CellValue[][] = [
  ["1000", "Above-the-Line", "", "ATL"],
  ["1100", "Cast", "1000", null],
  ["2000", "Production", "", "BTL"],
  ["2100", "Crew", "2000", null],
  ["2200", "Equipment", "2000", null],
  ["4000", "Post", "", "Post"],
  ["4100", "Editorial", "4000", null],
  ["5000", "Other", "", "Other"],
  ["5100", "Insurance", "5000", null],
  ["5900", "Contingency", "5000", null],
];
const BUDGET: CellValue[][] = [
  ["1100", "Cast", 1, "Allow", null, 500000],
  ["2100", "Crew", 1, "Allow", null, 800000],
  ["2200", "Equipment", 1, "Allow", null, 400000],
  ["4100", "Editorial", 1, "Allow", null, 300000],
  ["5100", "Insurance", 1, "Allow", null, 50000],
  ["5900", "Contingency", 1, "Allow", null, 150000],
];
const MARKUP_HEADERS = ["Name", "Percent", "Applies To", "Type", "Amount", "Exclude", "Compound"];

function tables(markups: CellValue[][], incentives?: CellValue[][], accounts = ACCOUNTS): RawTable[] {
  const t = [
    table("Accounts", ["Code", "Name", "Parent", "Level"], accounts),
    table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], BUDGET),
    table("Markups", MARKUP_HEADERS, markups),
  ];
  if (incentives) t.push(table("Incentives", ["Name", "Rate", "Applies To", "Cap", "Exclude"], incentives));
  return t;
}

describe("levels: Above-the-Line, Below-the-Line", () => {
  test("totals by level, in Movie Magic's order", () => {
    const r = runEngine(workbook(...tables([])));
    expect(r.problems).toEqual([]);
    const j = reportJson(r).budget;
    expect(j.levels).toEqual([
      { level: "ATL", name: "Above-the-Line", aboveTheLine: true, sections: ["1000"], total: 500000 },
      { level: "BTL", name: "Production", aboveTheLine: false, sections: ["2000"], total: 1200000 },
      { level: "Post", name: "Post-Production", aboveTheLine: false, sections: ["4000"], total: 300000 },
      { level: "Other", name: "Other", aboveTheLine: false, sections: ["5000"], total: 200000 },
    ]);
    expect([j.aboveTheLine, j.belowTheLine, j.total]).toEqual([500000, 1700000, 2200000]);
  });

  test("a Level below a section is a warning; a section without one is counted in Other", () => {
    const acc = ACCOUNTS.map((a) => [...a]);
    acc[1][3] = "ATL"; // 1100
    acc[7][3] = null; // 5000
    const r = runEngine(workbook(...tables([], undefined, acc)));
    expect(r.problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      ["warning", 3, "Level", 'Level "ATL" is read on top-level sections only; account "1100" takes its section\'s level'],
      ["warning", 9, "Level", 'Section "5000" has no Level while other sections do; it is counted below the line, in Other'],
    ]);
    expect(reportJson(r).budget.belowTheLine).toBe(1700000);
  });

  test("without a Level column there are no levels, as before", () => {
    const r = runEngine(workbook(table("Accounts", ["Code", "Name", "Parent"], ACCOUNTS.map((a) => a.slice(0, 3))), table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], BUDGET)));
    const j = reportJson(r).budget;
    expect(j.levels).toEqual([]);
    expect(j.aboveTheLine).toBeNull();
    expect(j.grandTotal).toBe(2200000);
    expect(j.net).toBe(2200000);
  });
});

describe("contractual charges", () => {
  const markups: CellValue[][] = [
    // 2% of everything but the contingency: (2,200,000 − 150,000) × 2% = 41,000.00
    ["Completion bond", 0.02, null, "Percent", null, "5900", null],
    // 1.5% of Below-the-Line (Production, Post, Other): 1,700,000 × 1.5% = 25,500.00
    ["Production insurance", 0.015, "BTL", null, null, null, ""],
    ["Legal fee", null, null, "Flat", 12500, null, null],
    // compounds on the charges above except Legal: (2,200,000 + 41,000 + 25,500 + 12,500) − 12,500
    // = 2,266,500 × 3% = 67,995.00
    ["Production fee", 0.03, "ATL, BTL", null, null, "Legal fee", "yes"],
    // Post only, less Editorial's sub-tree: 300,000 − 300,000 = 0
    ["Post contingency", 0.1, "Post", null, null, "4100", null],
  ];

  test("percent of levels or sections less exclusions, a flat fee, and compounding only when asked", () => {
    const r = runEngine(workbook(...tables(markups)));
    expect(r.problems).toEqual([]);
    const j = reportJson(r).budget;
    expect(j.charges).toEqual([
      { name: "Completion bond", type: "percent", percent: 0.02, appliesTo: ["1000", "2000", "4000", "5000"], exclude: ["5900"], compound: false, base: 2050000, excluded: 150000, amount: 41000 },
      { name: "Production insurance", type: "percent", percent: 0.015, appliesTo: ["2000", "4000", "5000"], exclude: [], compound: false, base: 1700000, excluded: 0, amount: 25500 },
      { name: "Legal fee", type: "flat", percent: null, appliesTo: ["1000", "2000", "4000", "5000"], exclude: [], compound: false, base: 0, excluded: 0, amount: 12500 },
      { name: "Production fee", type: "percent", percent: 0.03, appliesTo: ["1000", "2000", "4000", "5000"], exclude: ["Legal fee"], compound: true, base: 2266500, excluded: 12500, amount: 67995 },
      { name: "Post contingency", type: "percent", percent: 0.1, appliesTo: ["4000"], exclude: ["4100"], compound: false, base: 0, excluded: 300000, amount: 0 },
    ]);
    // markups keeps the contract's shape
    expect(j.markups.map((m) => m.amount)).toEqual([41000, 25500, 12500, 67995, 0]);
    expect(j.grandTotal).toBe(2200000 + 41000 + 25500 + 12500 + 67995);
  });

  test("problems name the cell", () => {
    const r = runEngine(
      workbook(
        ...tables([
          ["Bond", 0.02, "Posty", null, null, null, null],
          ["Fee", null, null, "Flat", null, null, null],
          ["Odd", 0.01, null, "Sliding", null, "9999", null],
          ["Outside", 0.01, "2000", null, null, "4100", null],
        ]),
      ),
    );
    expect(r.problems.map((p) => `${p.severity} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      'error 2 Applies To: Applies To names "Posty", which is neither a Code in Accounts nor a Level (ATL, BTL or one of the sections\' Levels)',
      "error 3 Amount: Amount is required",
      'error 4 Type: Type must be Percent or Flat, not "Sliding"',
      'error 4 Exclude: Exclude names "9999", which is neither a Code in Accounts nor a charge on a row above',
      'warning 5 Exclude: Exclude names "4100", which is not in this charge\'s base; it takes nothing off',
    ]);
  });
});

describe("incentives", () => {
  test("a share of qualifying spend, capped; the net is the grand total less incentives", () => {
    const r = runEngine(
      workbook(
        ...tables(
          [["Completion bond", 0.02, null, null, null, "5900", null]],
          [
            // 25% of Production and Post: 1,500,000 × 25% = 375,000.00, under the cap
            ["State production credit", 0.25, "2000, 4000", 400000, null],
            // 30% of Below-the-Line less contingency: 1,550,000 × 30% = 465,000 → capped at 300,000.00
            ["Labour rebate", 0.3, "BTL", 300000, "5900"],
            // one account, no cap: 2100 800,000 × 12.5% = 100,000.00
            ["Crew credit", "12.5%", "2100", null, null],
          ],
        ),
      ),
    );
    expect(r.problems).toEqual([]);
    const j = reportJson(r).budget;
    expect(j.incentives).toEqual([
      { name: "State production credit", rate: 0.25, appliesTo: ["2000", "4000"], exclude: [], qualifying: 1500000, excluded: 0, cap: 400000, capped: false, amount: 375000 },
      { name: "Labour rebate", rate: 0.3, appliesTo: ["BTL"], exclude: ["5900"], qualifying: 1550000, excluded: 150000, cap: 300000, capped: true, amount: 300000 },
      { name: "Crew credit", rate: 0.125, appliesTo: ["2100"], exclude: [], qualifying: 800000, excluded: 0, cap: null, capped: false, amount: 100000 },
    ]);
    // gross 2,200,000 + bond 41,000 = 2,241,000; net 2,241,000 − 775,000 = 1,466,000.00
    expect(j.grandTotal).toBe(2241000);
    expect(j.net).toBe(1466000);
  });

  test("an unknown account or level is an error naming the cell", () => {
    const r = runEngine(workbook(...tables([], [["Credit", 0.2, "ATL, 7777", null, "8888"]])));
    expect(r.problems.map((p) => `${p.table} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      'Incentives 2 Applies To: Applies To names "7777", which is neither a Code in Accounts nor a Level',
      'Incentives 2 Exclude: Exclude names "8888", which is not a Code in Accounts',
    ]);
  });
});

describe("currencies", () => {
  const accounts: CellValue[][] = [
    ["2000", "Production", ""],
    ["2100", "London unit", "2000"],
    ["2200", "Paris unit", "2000"],
    ["2300", "Home", "2000"],
  ];
  const fringes: CellValue[][] = [["FICA", "Social Security", "%", 0.062, null]];
  const run = (budget: CellValue[][], currencies: CellValue[][], base = "USD") =>
    runEngine(
      workbook(
        table("Settings", ["Key", "Value"], [["Currency", base]]),
        table("Accounts", ["Code", "Name", "Parent"], accounts),
        table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Currency"], budget),
        table("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff"], fringes),
        table("Currencies", ["Code", "Rate"], currencies),
      ),
    );

  test("each line is converted to the base currency and rounded to the cent at the line", () => {
    const r = run(
      [
        // 1,234.565 GBP → 1,234.57 GBP (half away) × 1.27 = 1,567.9039 → 1,567.90 USD; FICA 6.2% of it = 97.2098 → 97.21
        ["2100", "Location manager", 1, "Allow", null, 1234.565, "FICA", "GBP"],
        // 3 × 999.99 = 2,999.97 EUR × 1.085 = 3,254.96745 → 3,254.97 USD
        ["2200", "Van hire", 3, "Days", null, 999.99, null, "eur"],
        // 2 × 0.005 GBP = 0.01 GBP × 1.27 = 0.0127 → 0.01 USD: each line rounds, not the currency's sum
        ["2100", "Tape", 2, "Rolls", null, 0.005, null, "GBP"],
        ["2300", "Home office", 1, "Allow", null, 1000, null, "USD"],
        ["2300", "No currency: the base", 1, "Allow", null, 500, null, null],
      ],
      [
        ["GBP", 1.27],
        ["EUR", 1.085],
        ["USD", 1],
      ],
    );
    expect(r.problems).toEqual([]);
    const j = reportJson(r).budget;
    const acct = (c: string) => j.accounts.find((a) => a.code === c)!;
    expect(acct("2100")).toMatchObject({ budget: 1665.12, fringes: 97.21 });
    expect(acct("2200").budget).toBe(3254.97);
    expect(acct("2300").budget).toBe(1500);
    expect(j.total).toBe(6420.09); // 1,665.12 + 3,254.97 + 1,500.00
    expect(j.currencies).toEqual([
      { code: "GBP", rate: 1.27, lines: 2, total: 1234.58, baseTotal: 1567.91 },
      { code: "EUR", rate: 1.085, lines: 1, total: 2999.97, baseTotal: 3254.97 },
    ]);
    const line = r.budget!.lines[0];
    expect(line.currency).toEqual({ code: "GBP", rate: 1.27, total: 123457 });
    expect(line.total).toBe(156790);
  });

  test("an unknown currency, a bad rate or the base at a rate other than 1 is an error naming the cell", () => {
    const r = run(
      [["2100", "Crew", 1, "Allow", null, 100, null, "CHF"]],
      [
        ["GBP", 0],
        ["USD", 1.1],
        ["EURO", 1],
      ],
    );
    expect(r.problems.map((p) => `${p.table} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      "Currencies 2 Rate: Rate must be more than 0 (units of USD for one GBP), not 0",
      "Currencies 3 Rate: USD is the base currency (Settings Currency), so its Rate is 1, not 1.1",
      'Currencies 4 Code: Code must be an ISO 4217 currency code like EUR, not "EURO"',
      'Budget 2 Currency: Currency "CHF" is neither the base currency USD nor a Code in Currencies',
    ]);
  });
});
