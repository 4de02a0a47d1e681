import { CellValue } from "../../../src/core/cells";
import { runEngine } from "../../../src/core/engine";
import { budgetLayouts, currencyFormat } from "../../../src/core/layout";
import { layoutOverflows } from "../../../src/core/layout/fit";
import { SheetLayout } from "../../../src/core/layout/types";
import { table, workbook } from "../../helpers/workbook";

/**
 * A feature budget by level, worked by hand:
 *   ATL   1000 Above-the-Line  1100 Cast: 40 days × 10,000 = 400,000.00 + SAG 25% = 100,000.00 → 500,000.00
 *   BTL   2000 Production      2100 Crew 800,000.00 + 2200 Equipment 400,000.00 = 1,200,000.00
 *   BTL   3000 Locations       3100 London: 78,740.16 GBP × 1.27 = 100,000.0032 → 100,000.00 USD
 *         Total Production (the BTL level, two sections) = 1,300,000.00
 *   Post  4000 Post            4100 Editorial 300,000.00
 *   Other 5000 Other           5100 Insurance 50,000.00 + 5900 Contingency 150,000.00 = 200,000.00
 *   Total Above-the-Line 500,000.00; Below-the-Line 1,300,000 + 300,000 + 200,000 = 1,800,000.00;
 *   Above and Below 2,300,000.00, fringes 100,000.00 (all above the line).
 * Charges: completion bond 2% of everything but the contingency: (2,300,000 − 150,000) × 2%
 *   = 2,150,000 × 2% = 43,000.00; legal fee flat 12,500.00. Grand total 2,300,000 + 55,500 = 2,355,500.00.
 * Incentive: 20% of Below-the-Line less the contingency: (1,800,000 − 150,000) × 20% = 330,000.00,
 *   capped at 300,000.00. Net cost 2,355,500 − 300,000 = 2,055,500.00.
 */
const ACCOUNTS: CellValue[][] = [
  ["1000", "Above-the-Line", "", "ATL"],
  ["1100", "Cast", "1000", null],
  ["2000", "Production", "", "BTL"],
  ["2100", "Crew", "2000", null],
  ["2200", "Equipment", "2000", null],
  ["3000", "Locations", "", "BTL"],
  ["3100", "London", "3000", null],
  ["4000", "Post", "", "Post"],
  ["4100", "Editorial", "4000", null],
  ["5000", "Other", "", "Other"],
  ["5100", "Insurance", "5000", null],
  ["5900", "Contingency", "5000", null],
];
const BUDGET: CellValue[][] = [
  ["1100", "Cast", 40, "Days", null, 10000, "SAG", null],
  ["2100", "Crew", 1, "Allow", null, 800000, null, null],
  ["2200", "Equipment", 1, "Allow", null, 400000, null, null],
  ["3100", "London unit", 1, "Allow", null, 78740.16, null, "GBP"],
  ["4100", "Editorial", 1, "Allow", null, 300000, null, null],
  ["5100", "Insurance", 1, "Allow", null, 50000, null, null],
  ["5900", "Contingency", 1, "Allow", null, 150000, null, null],
];

function topSheet(withExtras = true): SheetLayout {
  const tables = [
    table("Settings", ["Key", "Value"], [["Production", "Level Film"], ["Currency", "USD"]]),
    table("Accounts", ["Code", "Name", "Parent", "Level"], ACCOUNTS),
    table("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Currency"], BUDGET),
    table("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff"], [["SAG", "SAG-AFTRA pension & health", "%", 0.25, null]]),
    table("Currencies", ["Code", "Rate"], [["GBP", 1.27]]),
  ];
  if (withExtras) {
    tables.push(
      table(
        "Markups",
        ["Name", "Percent", "Applies To", "Type", "Amount", "Exclude"],
        [
          ["Completion bond", 0.02, null, "Percent", null, "5900"],
          ["Legal fee", null, null, "Flat", 12500, null],
        ],
      ),
      table("Incentives", ["Name", "Rate", "Applies To", "Cap", "Exclude"], [["State film credit", 0.2, "BTL", 300000, "5900"]]),
    );
  }
  const r = runEngine(workbook(...tables));
  expect(r.problems).toEqual([]);
  return budgetLayouts(r)[0];
}

/** Each row with anything in it: [Acct #, Category, Fringes/Base, Total/Amount]. */
function rows(l: SheetLayout): LayoutCellRow[] {
  const byRow = new Map<number, LayoutCellRow>();
  for (const c of l.cells) {
    if (c.r < 5 || c.c > 4) continue;
    const row = byRow.get(c.r) ?? [null, null, null, null];
    row[c.c - 1] = c.v as CellValue;
    byRow.set(c.r, row);
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v)
    .filter((v) => v.some((x) => x !== null && x !== ""));
}
type LayoutCellRow = [CellValue, CellValue, CellValue, CellValue];

describe("Top Sheet in Movie Magic's order", () => {
  const l = topSheet();

  test("levels, Above- and Below-the-Line, charges with base and excluded, grand total, incentive and net", () => {
    expect(rows(l)).toEqual([
      ["1000", "Above-the-Line", null, null],
      ["1100", "Cast", 100000, 500000],
      ["", "Total Above-the-Line", 100000, 500000],
      ["2000", "Production", null, null],
      ["2100", "Crew", 0, 800000],
      ["2200", "Equipment", 0, 400000],
      ["", "Total Production", 0, 1200000],
      ["3000", "Locations", null, null],
      ["3100", "London", 0, 100000],
      ["", "Total Locations", 0, 100000],
      // the BTL level holds two sections, so it has a total of its own
      ["", "Total Production", 0, 1300000],
      ["4000", "Post", null, null],
      ["4100", "Editorial", 0, 300000],
      ["", "Total Post", 0, 300000],
      ["5000", "Other", null, null],
      ["5100", "Insurance", 0, 50000],
      ["5900", "Contingency", 0, 150000],
      ["", "Total Other", 0, 200000],
      ["", "Total Above-the-Line", 100000, 500000],
      ["", "Total Below-the-Line", 0, 1800000],
      ["", "Total Above and Below the Line", 100000, 2300000],
      ["", "Contractual charges", "Base", "Amount"],
      [0.02, "Completion bond (on all sections)", 2150000, 43000],
      ["", "excluded from its base: 5900 Contingency", 150000, null],
      ["Flat", "Legal fee (fee)", null, 12500],
      ["", "Total contractual charges", null, 55500],
      ["", "GRAND TOTAL", null, 2355500],
      ["", "Incentives", "Qualifying", "Amount"],
      [0.2, "State film credit (on BTL; capped at 300,000 USD, reached)", 1650000, -300000],
      ["", "excluded from qualifying spend: 5900 Contingency", 150000, null],
      ["", "NET COST", null, 2055500],
      ["Fringes", "Included in the totals above", "Rate", "Amount"],
      ["SAG", "SAG-AFTRA pension & health", 0.25, 100000],
      ["Currency", "Lines in other currencies", "In its currency", "In USD"],
      ["GBP", "1 line at 1.27 USD each, rounded at the line", 78740.16, 100000],
    ]);
  });

  test("a line in another currency keeps its own currency's format; the rest is in the base currency", () => {
    const gbp = l.cells.find((c) => c.v === 78740.16)!;
    expect(gbp.s?.numberFormat).toBe(currencyFormat("GBP"));
    expect(gbp.s?.numberFormat).toContain('"£"');
    const grand = l.cells.find((c) => c.v === 2355500)!;
    expect(grand.s?.numberFormat).toBe(currencyFormat("USD"));
  });

  test("nothing shows as ### or is cut off, and the print area ends at the last block", () => {
    expect(layoutOverflows(l)).toEqual([]);
    const last = Math.max(...l.cells.map((c) => c.r));
    expect(l.print?.area).toBe(`A1:D${last}`);
  });

  test("without charges or incentives the grand total follows the levels and there is no net", () => {
    const plain = rows(topSheet(false));
    const labels = plain.map((x) => x[1]);
    expect(labels).not.toContain("NET COST");
    expect(labels).not.toContain("Contractual charges");
    expect(plain.find((x) => x[1] === "GRAND TOTAL")).toEqual(["", "GRAND TOTAL", null, 2300000]);
  });
});
