import fc from "fast-check";
import { columnWidthFor, displayText, fitRows, layoutOverflows, lineHeight, textWidth, wrapLines } from "../../../src/core/layout/fit";
import { currencyFormat, withSuffix } from "../../../src/core/layout/styles";
import { SheetLayout } from "../../../src/core/layout/types";

function sheet(cells: SheetLayout["cells"], columnWidths: number[], merges: SheetLayout["merges"] = []): SheetLayout {
  return { name: "T", kind: "schedule", cells, merges, columnWidths, conditionalFormats: [] };
}

describe("textWidth (Calibri advances in widths of the digit 0)", () => {
  test("digits are one unit each; letters and weight as Calibri draws them", () => {
    expect(textWidth("0000")).toBe(4);
    // C 1.05 + r .69 + e .98 + w 1.41 + space .45 + c .83 + a .95 + l .45 + l .45 = 7.26
    expect(textWidth("Crew call")).toBeCloseTo(7.26, 2);
    // bold 0 0 : 0 0 = 4 × 1 + .54 = 4.54, at 13 pt × 13/11 = 5.365
    expect(textWidth("07:00", { bold: true, fontSize: 13 })).toBeCloseTo(5.365, 3);
  });

  test("bold no narrower than regular (but for Calibri's bold C, 0.01 narrower), in proportion to the font size", () => {
    expect(textWidth("C", { bold: true })).toBeCloseTo(1.04, 9); // regular C is 1.05
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 6, max: 30 }), (s, size) => {
        // Calibri's bold glyphs are as wide or wider, except C, which is 0.01 narrower.
        const cs = [...s].filter((c) => c === "C").length;
        expect(textWidth(s, { bold: true })).toBeGreaterThanOrEqual(textWidth(s) - 0.01 * cs - 1e-9);
        expect(textWidth(s, { fontSize: size })).toBeCloseTo((textWidth(s) * size) / 11, 9);
      }),
    );
  });
});

describe("wrapLines", () => {
  test("greedy word wrap, long words broken, paragraphs kept", () => {
    // "0000 0000" = 4 + .45 + 4 = 8.45 fits 9.5; adding " 0000" makes 12.9: two lines
    expect(wrapLines("0000 0000 0000", 9.5)).toBe(2);
    expect(wrapLines("0000 0000 0000", 13)).toBe(1);
    // an 8-unit word in 3-unit lines: 3 + 3 + 2
    expect(wrapLines("00000000", 3)).toBe(3);
    expect(wrapLines("0\n0", 10)).toBe(2);
  });

  test("never fewer lines than the text's width over the line's", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/), { minLength: 1, maxLength: 20 }), fc.integer({ min: 5, max: 60 }), (words, width) => {
        const text = words.join(" ");
        expect(wrapLines(text, width)).toBeGreaterThanOrEqual(Math.ceil(textWidth(text) / width - 1e-9));
      }),
    );
  });
});

describe("displayText: what Excel shows under the layouts' number formats", () => {
  test("money, negatives in parentheses, suffixes on every section", () => {
    expect(displayText(-1234.5, currencyFormat("USD"))).toBe("($1,234.50)");
    expect(displayText(1234567.891, currencyFormat("USD"))).toBe("$1,234,567.89");
    expect(displayText(1234, currencyFormat("JPY"))).toBe("¥1,234");
    expect(displayText(88, withSuffix(currencyFormat("USD"), " /unit"))).toBe("$88.00 /unit");
    expect(displayText(-88, withSuffix(currencyFormat("USD"), " /unit"))).toBe("($88.00) /unit");
  });

  test("dates from EpochDay, times from day fractions, percents and counts", () => {
    // 2027-03-01 is day 20,878; 20,878 = 7 × 2,982 + 4 and 1970-01-01 was a Thursday: a Monday
    expect(displayText({ date: 20878 }, "ddd d mmm yyyy")).toBe("Mon 1 Mar 2027");
    expect(displayText({ date: 20878 }, "d-mmm")).toBe("1-Mar");
    expect(displayText({ date: 20878 }, "d mmm yyyy")).toBe("1 Mar 2027");
    expect(displayText({ date: 20878 })).toBe("2027-03-01");
    // 07:30 = 450 min = 0.3125 of a day
    expect(displayText(0.3125, "hh:mm")).toBe("07:30");
    expect(displayText(0.175, "0.0#%")).toBe("17.5%");
    expect(displayText(0.0145, "0.0#%")).toBe("1.45%");
    expect(displayText(0.06, "0.0#%")).toBe("6.0%");
    expect(displayText(12, '"Day "0')).toBe("Day 12");
    expect(displayText(12345, "#,##0")).toBe("12,345");
    expect(displayText({ formula: "IF(1,2)", result: "OVER" })).toBe("OVER");
  });
});

describe("fitRows", () => {
  test("a wrapped cell sets its row's height from its lines; short rows are left alone", () => {
    // column 10 less 0.75 padding = 9.25: "0000 0000 0000" wraps to 2 lines of 15 pt (+1)
    const l = fitRows(
      sheet(
        [
          { r: 1, c: 1, v: "0000 0000 0000", s: { wrap: true } },
          { r: 2, c: 1, v: "0000", s: { wrap: true } },
          { r: 3, c: 1, v: "Big", s: { fontSize: 16 } },
        ],
        [10],
      ),
    );
    expect(l.rowHeights).toEqual({ 1: 31, 3: lineHeight(16) });
    expect(lineHeight(16)).toBe(22); // 15 × 16/11 = 21.8, up to the quarter point
  });

  test("a merge gives the text the width of all its columns, and an explicit taller height stays", () => {
    const cells = [{ r: 1, c: 1, v: "0000 0000 0000", s: { wrap: true } }];
    expect(fitRows(sheet(cells, [5, 10], [{ r1: 1, c1: 1, r2: 1, c2: 2 }])).rowHeights).toEqual({});
    expect(fitRows({ ...sheet(cells, [10]), rowHeights: { 1: 40 } }).rowHeights).toEqual({ 1: 40 });
  });
});

describe("layoutOverflows", () => {
  test("a figure wider than its column is ###; columnWidthFor makes room", () => {
    const cells = [{ r: 1, c: 1, v: 1234567.89, s: { numberFormat: currencyFormat("USD") } }];
    expect(layoutOverflows(sheet(cells, [10]))).toEqual([expect.stringContaining('T!A1: "$1,234,567.89" shows as ###')]);
    expect(layoutOverflows(sheet(cells, [columnWidthFor(cells, 10)]))).toEqual([]);
  });

  test("columnWidthFor stops at Excel's widest column, 255 characters", () => {
    // 60 Budget lines named in one cell, as Schedule vs Budget lists them at 600 shooting days:
    // "row 2, …, row 61" is 8 × 5 + 52 × 6 characters and 59 ", " = 470, and Excel refuses a column over 255.
    const lines = Array.from({ length: 60 }, (_, i) => `row ${i + 2}`).join(", ");
    expect(lines.length).toBe(470);
    expect(columnWidthFor([{ v: lines }], 14)).toBe(255);
    expect(columnWidthFor([{ v: "row 2" }], 14)).toBe(14);
  });

  test("text may spill over empty cells only, the way its alignment runs", () => {
    const long = { r: 1, c: 1, v: "End of Day 1", s: { bold: true } };
    expect(layoutOverflows(sheet([long], [9, 9]))).toEqual([]);
    expect(layoutOverflows(sheet([long, { r: 1, c: 2, v: { date: 20878 } }], [9, 12]))).toEqual([expect.stringContaining("is cut off")]);
    const right = { r: 1, c: 2, v: "Shooting call", s: { hAlign: "right" as const } };
    expect(layoutOverflows(sheet([{ r: 1, c: 1, v: "x" }, right], [9, 6]))).toEqual([expect.stringContaining("T!B1")]);
    expect(layoutOverflows(sheet([right], [9, 6]))).toEqual([]);
  });

  test("a wrapped word wider than its cell is cut mid-word", () => {
    expect(layoutOverflows(sheet([{ r: 1, c: 1, v: "Hospital", s: { wrap: true, bold: true } }], [6]))).toEqual([expect.stringContaining("is cut")]);
  });
});
