import { CellValue, RawTable, WorkbookInput } from "../src/core/cells";
import { runEngine } from "../src/core/engine";
import { rollup } from "../src/functions/rollup";

type Report = (bench: string, value: number, unit: string) => void;

function t(name: string, headers: string[], rows: CellValue[][]): RawTable {
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows };
}

/** A production of `lines` detail lines and `entries` ledger entries over 400 accounts. */
export function bigBudget(lines: number, entries: number): WorkbookInput {
  const accounts: CellValue[][] = [];
  for (let s = 1; s <= 4; s++) {
    accounts.push([`${s}000`, `Section ${s}`, ""]);
    for (let c = 1; c <= 9; c++) {
      accounts.push([`${s}${c}00`, `Category ${s}${c}`, `${s}000`]);
      for (let a = 1; a <= 10; a++) accounts.push([`${s}${c}${String(a).padStart(2, "0")}`, `Account ${a}`, `${s}${c}00`]);
    }
  }
  const detail = accounts.filter((a) => !String(a[0]).endsWith("00"));
  const budget: CellValue[][] = [];
  for (let i = 0; i < lines; i++) {
    budget.push([detail[i % detail.length][0], `Line ${i}`, (i % 7) + 1, "Days", (i % 3) + 1, 100 + (i % 997) * 1.37, i % 2 ? "FICA, MED" : "PH"]);
  }
  const ledger: CellValue[][] = [];
  for (let i = 0; i < entries; i++) {
    ledger.push([45000 + (i % 300), detail[(i * 7) % detail.length][0], "Vendor", "Entry", 10 + (i % 500) * 0.37, i % 3 ? "Actual" : "Committed"]);
  }
  return {
    name: "Bench.xlsx",
    tables: [
      t("Accounts", ["Code", "Name", "Parent"], accounts),
      t("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], budget),
      t("Fringes", ["Code", "Name", "Type", "Rate", "Cutoff"], [
        ["FICA", "Social Security", "%", 0.062, 176100],
        ["MED", "Medicare", "%", 0.0145, null],
        ["PH", "P&H", "Flat", 25.5, null],
      ]),
      t("Markups", ["Name", "Percent", "Applies To"], [["Contingency", 0.1, ""], ["Insurance", 0.025, "2000, 3000"]]),
      t("Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type"], ledger),
    ],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: Report): Promise<void> {
  const wb = bigBudget(100_000, 100_000);
  runEngine(wb); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = runEngine(wb);
    times.push(performance.now() - t0);
    if (r.problems.length) throw new Error(`bench workbook has problems: ${r.problems[0].message}`);
  }
  report("budget.costReport.100k_lines_100k_ledger", median(times), "ms");

  // 1,000 ROLLUP formulas over one 10,000-row range. Excel hands each call its own freshly
  // deserialised copy of the range, so each call here gets a fresh copy too; the time to make the
  // copies (Excel's marshalling, not ours) is measured alone and taken off.
  const codes: unknown[][] = [];
  const amounts: unknown[][] = [];
  const parents: unknown[][] = [];
  for (let i = 0; i < 10_000; i++) {
    const cat = `${1 + (i % 40)}00`;
    codes.push([`${cat}-${i}`]);
    amounts.push([(i % 1000) * 1.01]);
    parents.push([cat]);
  }
  const fresh = (m: unknown[][]) => m.map((r) => [typeof r[0] === "string" ? (" " + r[0]).slice(1) : r[0]]);
  const addresses = ["Accounts!A2:A10001", "Accounts!B2:B10001", "Report!A1", "Accounts!C2:C10001"];
  // Excel passes the ranges' addresses (CustomFunctionsRuntime 1.3) and sends a recalculation's
  // invocations as one batch, run back to back in one task: that is what `withAddresses` models.
  // Without addresses (older hosts) each call compares the ranges' values in full.
  for (const withAddresses of [true, false]) {
    for (const [label, withParents] of [["parents", true], ["prefix", false]] as const) {
      const runs: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        await new Promise((r) => setTimeout(r, 0)); // a new recalculation: a new task
        let total = 0;
        for (let k = 0; k < 1000; k++) {
          const c = fresh(codes);
          const a = fresh(amounts);
          const p = withParents ? fresh(parents) : undefined;
          const t1 = performance.now();
          rollup(c, a, [[withParents ? `${1 + (k % 40)}00` : `${1 + (k % 40)}00-`]], p, withAddresses ? addresses : undefined);
          total += performance.now() - t1;
        }
        runs.push(total);
      }
      report(`budget.rollup.1000calls_10k_rows.${label}${withAddresses ? "" : ".noAddresses"}`, median(runs), "ms");
    }
  }
}
