import { runEngine, reportJson } from "../../../src/core/engine";
import { table } from "../../helpers/workbook";
import { budgetWorkbook } from "./fixture";

/**
 * Hand computation of the fixture (see fixture.ts):
 *  1100 Writer: 1 × 50,000.00 = 50,000.00; FICA 6.2% of min(50,000, cutoff 1,000) = 62.00;
 *       MED 1.45% × 50,000 = 725.00 → budget 50,787.00 (fringes 787.00)
 *  1200 Producer: 10 × 1 × 3,333.335 = 33,333.35; MED 33,333.35 × 1.45% = 483.333575 → 483.33;
 *       PH flat 25 × 10 × 1 = 250.00 → budget 34,066.68 (fringes 733.33)
 *  2110 Camera rentals: 5 × 2 × 1,234.567 = 12,345.67
 *  2200 Grip: 3 × 1 × 100.005 = 300.015 → 300.02 (half away); PH 25 × 3 = 75.00;
 *       credit −1 × 50.125 = −50.125 → −50.13; MED −50.13 × 1.45% = −0.726885 → −0.73
 *       → lines 249.89, fringes 74.27, budget 324.16
 *  2100 Camera own line 500.00 → rolled 12,845.67
 *  5100 Insurance 10,000.00; 5200 Misc 0
 *  Sections: 1000 = 84,853.68; 2000 = 12,845.67 + 324.16 = 13,169.83; 5000 = 10,000.00
 *  Total 108,023.51; Contingency 10% = 10,802.351 → 10,802.35; Insurance 3% of (84,853.68 +
 *  13,169.83 = 98,023.51) = 2,940.7053 → 2,940.71; Grand total 121,766.57.
 */
describe("budget rollup", () => {
  const r = runEngine(budgetWorkbook());
  const json = reportJson(r).budget!;
  const acct = (code: string) => json.accounts.find((a) => a.code === code)!;

  it("has no problems", () => {
    expect(r.problems).toEqual([]);
  });

  it("computes line totals and fringes to the cent", () => {
    expect(acct("1100")).toMatchObject({ budget: 50787, fringes: 787 });
    expect(acct("1200")).toMatchObject({ budget: 34066.68, fringes: 733.33 });
    expect(acct("2110")).toMatchObject({ budget: 12345.67, fringes: 0 });
    expect(acct("2200")).toMatchObject({ budget: 324.16, fringes: 74.27 });
  });

  it("rolls accounts up a tree of any depth, lines on parents included", () => {
    expect(acct("2100").budget).toBe(12845.67);
    expect(json.sections).toEqual([
      { code: "1000", name: "Above-the-Line", total: 84853.68 },
      { code: "2000", name: "Production", total: 13169.83 },
      { code: "5000", name: "Other", total: 10000 },
    ]);
    expect(json.total).toBe(108023.51);
  });

  it("applies markups to section totals without compounding", () => {
    expect(json.markups).toEqual([
      { name: "Contingency", amount: 10802.35 },
      { name: "Insurance", amount: 2940.71 },
    ]);
    expect(json.grandTotal).toBe(121766.57);
    expect(json.currency).toBe("USD");
  });

  it("lists every account in table order", () => {
    expect(json.accounts.map((a) => a.code)).toEqual(["1000", "1100", "1200", "2000", "2100", "2110", "2200", "5000", "5100", "5200"]);
  });
});

/**
 * Cost report, by hand:
 *  1100: actual 30,000 + committed 20,000; ETC = 50,787 − 50,000 = 787; EFC 50,787; variance 0;
 *        spent 50,000 ≥ 90% × 50,787 = 45,708.30 → WATCH
 *  2110: actual 13,000; ETC max(0, 12,345.67 − 13,000) = 0; EFC 13,000; variance −654.33 → OVER
 *  2100: own ETC 500 (its own line, no spend); rolled EFC 13,500; variance −654.33 → OVER
 *        (a rollup of ETC on the summed figures would give max(0, 12,845.67 − 13,000) = 0 and
 *        hide 500 of cost: the contract sums each account's own ETC instead)
 *  2200: committed 100; ETC 224.16; EFC 324.16 → OK (100 < 291.744)
 *  5100: Forecast ETC 12,000 replaces 9,500; EFC 12,500; variance −2,500 → OVER
 *  5200: no budget, 0.01 spent → EFC 0.01 > 0 → OVER
 *  1000: ETC 787 + 34,066.68 = 34,853.68; EFC 84,853.68; variance 0; spent 50,000 < 76,368.31 → OK
 *  2000: EFC 13,000 + 100 + 500 + 0 + 224.16 = 13,824.16; variance −654.33 → OVER
 *  5000: EFC 500.01 + 12,000 = 12,500.01; variance −2,500.01 → OVER
 */
describe("cost report", () => {
  const json = reportJson(runEngine(budgetWorkbook())).budget!;
  const acct = (code: string) => json.accounts.find((a) => a.code === code)!;

  it("works ETC, EFC and variance on each account's own lines, then sums them", () => {
    expect(acct("1100")).toMatchObject({ actual: 30000, committed: 20000, etc: 787, efc: 50787, variance: 0, status: "WATCH" });
    expect(acct("2110")).toMatchObject({ actual: 13000, committed: 0, etc: 0, efc: 13000, variance: -654.33, status: "OVER" });
    expect(acct("2100")).toMatchObject({ actual: 13000, etc: 500, efc: 13500, variance: -654.33, status: "OVER" });
    expect(acct("2200")).toMatchObject({ committed: 100, etc: 224.16, efc: 324.16, variance: 0, status: "OK" });
    expect(acct("2000")).toMatchObject({ actual: 13000, committed: 100, etc: 724.16, efc: 13824.16, variance: -654.33, status: "OVER" });
  });

  it("uses the Forecast ETC for that account's own lines only", () => {
    expect(acct("5100")).toMatchObject({ budget: 10000, actual: 500, etc: 12000, efc: 12500, variance: -2500, status: "OVER" });
    expect(acct("5000")).toMatchObject({ etc: 12000, efc: 12500.01, variance: -2500.01, status: "OVER" });
  });

  it("flags any spend on an account with no budget as OVER", () => {
    expect(acct("5200")).toMatchObject({ budget: 0, actual: 0.01, etc: 0, efc: 0.01, variance: -0.01, status: "OVER" });
  });

  it("judges status on the rolled-up figures", () => {
    expect(acct("1000")).toMatchObject({ etc: 34853.68, efc: 84853.68, variance: 0, status: "OK" });
  });
});

describe("tolerances are exact", () => {
  const settings = (rows: [string, unknown][]) => table("Settings", ["Key", "Value"], rows as never);
  const oneAccount = (amount: number, spent: number, extra: [string, unknown][]) =>
    runEngine(
      budgetWorkbook(
        {
          Accounts: [["1000", "Section", ""]],
          Budget: [["1000", "x", 1, "", null, amount, ""]],
          Ledger: [["", "1000", "", "", spent, "Actual"]],
          Markups: [],
          Forecast: [],
        },
        [settings(extra)],
      ),
    );
  const status = (amount: number, spent: number, extra: [string, unknown][]) =>
    reportJson(oneAccount(amount, spent, extra)).budget!.accounts[0].status;

  it("Over Tolerance: EFC must exceed Budget × (1 + tolerance)", () => {
    // 100 × 1.15 is 114.99999999999999 in floating point; exactly 115.00 is not over.
    expect(status(100, 115, [["Over Tolerance", 0.15]])).toBe("WATCH");
    expect(status(100, 115.01, [["Over Tolerance", 0.15]])).toBe("OVER");
    expect(status(100, 100.01, [])).toBe("OVER");
    expect(status(100, 100, [])).toBe("WATCH");
  });

  it("Watch At: spent at or past Budget × Watch At", () => {
    // 100 × 0.57 is 56.99999999999999 in floating point.
    expect(status(100, 56.99, [["Watch At", 0.57]])).toBe("OK");
    expect(status(100, 57, [["Watch At", "57%"]])).toBe("WATCH");
  });
});
