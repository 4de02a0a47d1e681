import fc from "fast-check";
import { efc, eighths, fringe, overrun, pages, rollup, status, variance } from "../../src/functions/functions";
import { clearRollupCache } from "../../src/functions/rollup";

/** The Office runtime's error type, as the functions see it in Excel. */
class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
});

function excelError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeCfError) return { code: e.code, message: e.message };
    throw new Error(`threw a raw exception: ${String(e)}`);
  }
  throw new Error("did not fail");
}

describe("PROD.EFC, VARIANCE, OVERRUN", () => {
  it("follow the cost report rules on single values", () => {
    // budget 1,000, actual 600, committed 300: ETC = 100, EFC 1,000
    expect(efc([[1000]], [[600]], [[300]])).toEqual([[1000]]);
    expect(overrun([[1000]], [[600]], [[300]])).toEqual([[0]]);
    // ETC given 250: EFC 1,150; overrun 150; variance −150
    expect(efc([[1000]], [[600]], [[300]], [[250]])).toEqual([[1150]]);
    expect(overrun([[1000]], [[600]], [[300]], [[250]])).toEqual([[150]]);
    expect(variance([[1000]], [[600]], [[300]], [[250]])).toEqual([[-150]]);
    // spent past budget with no ETC: ETC 0, EFC = spend
    expect(overrun([[1000]], [[1200.5]])).toEqual([[200.5]]);
    // a blank etc cell is "not given"; 0 is a real ETC
    expect(efc([[1000]], [[100]], [[""]], [[""]])).toEqual([[1000]]);
    expect(efc([[1000]], [[100]], undefined, [[0]])).toEqual([[100]]);
  });

  it("are exact to the cent", () => {
    expect(efc([[0.3]], [[0.1]], [[0.2]], [[0]])).toEqual([[0.3]]);
    expect(overrun([[0.1]], [[0.1]], [[0.2]])).toEqual([[0.2]]);
  });

  it("spill over ranges, a single value standing for every row", () => {
    expect(overrun([[100], [200], [300]], [[150], [150], [400]], [[0]])).toEqual([[50], [0], [100]]);
  });

  it("return #VALUE! with a message on bad input, never a raw exception", () => {
    expect(excelError(() => efc([["abc"]], [[1]]))).toEqual({ code: "#VALUE!", message: 'budget must be a number, not "abc"' });
    expect(excelError(() => efc([[1], [2]], [[1], [2], [3]]))).toEqual({
      code: "#VALUE!",
      message: "actual is 3×1 but budget is 2×1: ranges must be the same size",
    });
  });

  it("OVERRUN is max(0, −VARIANCE) for any figures", () => {
    const money = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(money, money, money, (b, a, c) => {
        expect(overrun([[b]], [[a]], [[c]])[0][0]).toBe(Math.max(0, -variance([[b]], [[a]], [[c]])[0][0]) || 0);
      }),
    );
  });
});

describe("PROD.STATUS", () => {
  it("OVER, WATCH and OK by the cost report's rules", () => {
    expect(status([[1000]], [[1000.01]])).toEqual([["OVER"]]);
    expect(status([[1000]], [[900]])).toEqual([["WATCH"]]); // 900 ≥ 90% × 1,000
    expect(status([[1000]], [[899.99]])).toEqual([["OK"]]);
    expect(status([[1000]], [[1040]], [[0]], [[0]], [["5%"]])).toEqual([["WATCH"]]); // 1,040 ≤ 1,050
    expect(status([[1000]], [[500]], [[0]], [[0]], [[0]], [[0.5]])).toEqual([["WATCH"]]);
    expect(status([[0]], [[0.01]])).toEqual([["OVER"]]); // any spend with no budget
    expect(status([[0]], [[0]])).toEqual([["OK"]]);
  });
});

describe("PROD.FRINGE", () => {
  it("rounds rate × base to the cent with the base capped at cutoff", () => {
    expect(fringe([[1234.56]], [[0.0765]])).toEqual([[94.44]]); // 94.44384
    expect(fringe([[200000]], [[0.062]], [[176100]])).toEqual([[10918.2]]); // 6.2% of 176,100
    expect(fringe([[100.005]], [[1]])).toEqual([[100.01]]); // the base is the line rounded to the cent
    expect(fringe([[-500]], [[0.062]], [[100]])).toEqual([[-6.2]]); // a credit's base capped at −cutoff
    expect(excelError(() => fringe([[1]], [[""]]))).toEqual({ code: "#VALUE!", message: "rate is blank" });
  });
});

describe("PROD.ROLLUP", () => {
  beforeEach(() => clearRollupCache());
  const codes = [["1000"], ["1100"], ["1110"], ["1200"], ["2000"], ["2100"]];
  const amounts = [[0], [100], [10.5], [200], [0], [7]];
  const parents = [[""], ["1000"], ["1100"], ["1000"], [""], ["2000"]];

  it("totals an account and its descendants by the parents column", () => {
    expect(rollup(codes, amounts, [["1000"]], parents)).toEqual([[310.5]]);
    expect(rollup(codes, amounts, [["1100"]], parents)).toEqual([[110.5]]);
    expect(rollup(codes, amounts, [["2000"], ["1200"]], parents)).toEqual([[7], [200]]);
  });

  it("totals by code prefix without parents", () => {
    expect(rollup(codes, amounts, [["11"]])).toEqual([[110.5]]);
    expect(rollup(codes, amounts, [["1"]])).toEqual([[310.5]]);
    expect(rollup(codes, amounts, [[2100]])).toEqual([[7]]);
  });

  it("gives #N/A for a code that is not there, and #VALUE! for a cycle", () => {
    expect(excelError(() => rollup(codes, amounts, [["3000"]], parents))).toEqual({ code: "#N/A", message: "account 3000 is not in codes or parents" });
    expect(excelError(() => rollup(codes, amounts, [["3"]]))).toEqual({ code: "#N/A", message: "no code in codes starts with 3" });
    const cyc = [["1000"], ["1100"]];
    expect(excelError(() => rollup(cyc, [[1], [2]], [["1000"]], [["1100"], ["1000"]])).message).toMatch(/cycle/);
  });

  it("with Excel's range addresses, still sees an edit made between recalculations", async () => {
    const addr = ["Accounts!A2:A7", "Accounts!B2:B7", "Accounts!C2", "Accounts!D2:D7"];
    const call = (amts: unknown[][]) => rollup(codes, amts, [["1100"]], parents, { parameterAddresses: addr } as never);
    expect(call(amounts)).toEqual([[110.5]]);
    expect(call(amounts.map((r) => [...r]))).toEqual([[110.5]]); // same batch, same address: from the index
    await Promise.resolve(); // the next recalculation is a new task
    const edited = amounts.map((r) => [...r]);
    edited[1][0] = 200; // 1100's own amount
    expect(call(edited)).toEqual([[210.5]]);
  });

  it("sees a changed range as a new range", () => {
    expect(rollup(codes, amounts, [["1100"]], parents)).toEqual([[110.5]]);
    const changed = amounts.map((r) => [...r]);
    changed[2][0] = 20;
    expect(rollup(codes, changed, [["1100"]], parents)).toEqual([[120]]);
  });
});

describe("PROD.PAGES and PROD.EIGHTHS", () => {
  it("read and write eighths", () => {
    expect(pages([["2 3/8"]])).toEqual([[2.375]]);
    expect(pages([["3/8"], [2]])).toEqual([[0.375], [2]]);
    expect(eighths([[2.375]])).toEqual([["2 3/8"]]);
    expect(eighths([[2.5]])).toEqual([["2 4/8"]]);
    expect(excelError(() => eighths([[2.3]])).code).toBe("#VALUE!");
    expect(excelError(() => pages([["3/9"]])).code).toBe("#VALUE!");
  });
});
