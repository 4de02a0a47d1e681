import { CellValue, RawTable, WorkbookInput } from "../src/core/cells";
import { runEngine } from "../src/core/engine";
import { budgetLayouts } from "../src/core/layout";

type Report = (bench: string, value: number, unit: string) => void;

function t(name: string, headers: string[], rows: CellValue[][]): RawTable {
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows };
}

const CURRENCIES: [string, number][] = [
  ["GBP", 1.27],
  ["EUR", 1.085],
  ["CAD", 0.73],
  ["AUD", 0.66],
  ["NZD", 0.6],
  ["JPY", 0.0067],
  ["CHF", 1.13],
  ["HUF", 0.0028],
  ["CZK", 0.043],
];

/**
 * Issue 12's size: 100,000 lines over 400 accounts, 5,000 payees (each on 20 lines, so every
 * wage base fills part-way through), ten currencies (USD and nine others), levels, contractual
 * charges with an Exclude and compounding, hourly P&H through Units, and an incentive with a cap.
 */
export function payrollBudget(lines: number, payees: number): WorkbookInput {
  const accounts: CellValue[][] = [];
  const levels = ["ATL", "BTL", "Post", "Other"];
  for (let s = 1; s <= 4; s++) {
    accounts.push([`${s}000`, `Section ${s}`, "", levels[s - 1]]);
    for (let c = 1; c <= 9; c++) {
      accounts.push([`${s}${c}00`, `Category ${s}${c}`, `${s}000`, null]);
      for (let a = 1; a <= 10; a++) accounts.push([`${s}${c}${String(a).padStart(2, "0")}`, `Account ${a}`, `${s}${c}00`, null]);
    }
  }
  const detail = accounts.filter((a) => !String(a[0]).endsWith("00"));
  const units = ["Days", "Weeks", "Hours", "Flat"];
  const budget: CellValue[][] = [];
  for (let i = 0; i < lines; i++) {
    const cur = i % 10 === 0 ? "USD" : CURRENCIES[i % 9][0];
    const u = units[i % 4];
    budget.push([
      detail[i % detail.length][0],
      `Line ${i}`,
      (i % 7) + 1,
      u,
      (i % 3) + 1,
      1000 + (i % 997) * 13.37,
      u === "Flat" ? "FICA, MED, FUI" : "FICA, MED, FUI, PH",
      `Payee ${i % payees}`,
      cur,
    ]);
  }
  return {
    name: "Bench.xlsx",
    tables: [
      t("Settings", ["Key", "Value"], [["Currency", "USD"], ["Hours Per Day", 12], ["Days Per Week", 5]]),
      t("Accounts", ["Code", "Name", "Parent", "Level"], accounts),
      t("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Payee", "Currency"], budget),
      t("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff", "Unit"], [
        ["FICA", "Social Security", "%", 0.062, 176100, null],
        ["MED", "Medicare", "%", 0.0145, null, null],
        ["FUI", "FUTA", "%", 0.006, 7000, null],
        ["PH", "P&H per hour", "Flat", 7.35, null, "Hour"],
      ]),
      t("Currencies", ["Code", "Rate"], CURRENCIES),
      t("Markups", ["Name", "Percent", "Applies To", "Type", "Amount", "Exclude", "Compound"], [
        ["Contingency", 0.1, "BTL", null, null, "3900", null],
        ["Completion bond", 0.02, null, null, null, "Contingency", "yes"],
        ["Legal", null, null, "Flat", 25000, null, null],
      ]),
      t("Incentives", ["Name", "Rate", "Applies To", "Cap", "Exclude"], [["State credit", 0.25, "BTL", 5_000_000, "2900"]]),
    ],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: Report): Promise<void> {
  const wb = payrollBudget(100_000, 5_000);
  runEngine(wb); // warm-up
  const engine: number[] = [];
  const cpu: number[] = [];
  const withSheets: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = runEngine(wb);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    budgetLayouts(r);
    const t2 = performance.now();
    engine.push(t1 - t0);
    withSheets.push(t2 - t0);
    if (r.problems.length) throw new Error(`bench workbook has problems: ${r.problems[0].message}`);
    if (r.budget!.currencies.length !== 9) throw new Error("bench workbook should have nine currencies besides the base");
  }
  report("budget.costReport.100k_lines_5k_payees_10_currencies", median(engine), "ms");
  // CPU time of the process (GC threads included): on a shared machine it says more than the wall clock.
  report("budget.costReport.100k_lines_5k_payees_10_currencies.cpu", median(cpu), "ms");
  report("budget.costReport.100k_lines_5k_payees_10_currencies.with_sheets", median(withSheets), "ms");
}
