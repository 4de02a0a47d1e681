import { runEngine } from "../../../src/core/engine";
import { allLayouts } from "../../../src/core/layout";
import {
  HEADER_FOOTER_MAX,
  PAGE_FILL,
  columnWidthPoints,
  headerFooterCode,
  headerFooterSections,
  looksNumeric,
  numericTextRanges,
  pageBreaks,
  pageCapacity,
  printedPages,
  tableColumnWidths,
} from "../../../src/core/layout/print";
import { displayText, textWidth } from "../../../src/core/layout/fit";
import { KeepBlock, LayoutCell, SheetLayout } from "../../../src/core/layout/types";
import { sampleProduction } from "../../../src/core/sample";
import { fromYmd } from "../../../src/core/dates";
import { longProduction, sampleInput } from "./longProduction";

/** `rows` rows of 15 pt, one narrow column: printed at 100 %, never shrunk to fit. */
function rowsLayout(rows: number, keep: KeepBlock[] = [], heights: Record<number, number> = {}): SheetLayout {
  const cells: LayoutCell[] = [];
  for (let r = 1; r <= rows; r++) cells.push({ r, c: 1, v: `row ${r}` });
  return {
    name: "T",
    kind: "schedule",
    cells,
    merges: [],
    columnWidths: [10],
    rowHeights: heights,
    conditionalFormats: [],
    print: { orientation: "portrait", fitToWidth: 1, area: `A1:A${rows}`, keep },
  };
}

describe("page capacity", () => {
  test("portrait at 100 %: Letter's 11 in less 0.6 in margins top and bottom is the shorter page", () => {
    // Letter: (11 − 1.2) × 72 = 705.6 pt; A4: (11.69 − 1.2) × 72 = 755.28 pt. The column is
    // 10 characters = (70 + 5) px × 0.75 = 56.25 pt wide, so no zoom: 705.6 × PAGE_FILL.
    expect(columnWidthPoints(10)).toBe(56.25);
    expect(pageCapacity(rowsLayout(10))).toBeCloseTo(705.6 * PAGE_FILL, 6);
  });

  test("landscape, fit to one page wide: A4's shorter height at its own zoom", () => {
    // 1,200 characters wide = (8,400 + 5) px × 0.75 = 6,303.75 pt. Letter landscape prints
    // 10 in = 720 pt wide → zoom 0.11422, 7.3 in = 525.6 pt high → 4,601.6 pt of sheet;
    // A4 landscape prints 10.69 in = 769.68 pt → zoom 0.12210, 7.07 in = 509.04 pt → 4,169.1 pt.
    const l = { ...rowsLayout(10), columnWidths: [1200] };
    l.print = { ...l.print!, orientation: "landscape" };
    expect(pageCapacity(l)).toBeCloseTo(((509.04 * 6303.75) / 769.68) * PAGE_FILL, 3);
  });
});

describe("page breaks", () => {
  // 705.6 × 0.94 = 663.26 pt a page: 44 rows of 15 pt (660 pt); the 45th does not fit.
  test("no blocks: full pages of 44 rows", () => {
    expect(pageBreaks(rowsLayout(100))).toEqual([45, 89]);
  });

  test("a block that would straddle the break moves whole to the next page", () => {
    expect(pageBreaks(rowsLayout(100, [{ r1: 40, r2: 50 }]))).toEqual([40, 84]);
  });

  test("a block taller than a page is split, but its total never starts a page alone", () => {
    // Rows 1..45 are one block (675 pt, more than a page): the natural break at 45 would leave
    // row 45, the total, alone on page 2, so page 2 starts at 44.
    expect(pageBreaks(rowsLayout(100, [{ r1: 1, r2: 45 }]))).toEqual([44, 88]);
  });

  test("a block taller than a page never leaves its heading alone at the bottom of a page", () => {
    // Block 44..120 (77 rows): breaking at 45 would strand its heading, row 44, on page 1.
    expect(pageBreaks(rowsLayout(130, [{ r1: 44, r2: 120 }]))[0]).toBe(44);
  });

  test("blank rows between a block's last figures and its total still count as an orphan", () => {
    // Block 1..46 with row 45 blank: page 2 starting at 45 would hold only the blank and the total.
    const l = rowsLayout(100, [{ r1: 1, r2: 46 }]);
    l.cells = l.cells.filter((c) => c.r !== 45);
    expect(pageBreaks(l)[0]).toBe(44);
  });

  test("repeated title rows take room on every page after the first", () => {
    // Titles: rows 1..4 (60 pt). Page 1: rows 1..44; later pages: (663.26 − 60) / 15 = 40 rows.
    const l = rowsLayout(130);
    l.print = { ...l.print!, repeatRows: [1, 4] };
    expect(pageBreaks(l)).toEqual([45, 85, 125]);
  });

  test("tall rows: heights come from the layout", () => {
    // 30-pt rows: 22 a page (660 pt).
    const heights: Record<number, number> = {};
    for (let r = 1; r <= 50; r++) heights[r] = 30;
    expect(pageBreaks(rowsLayout(50, [], heights))).toEqual([23, 45]);
  });

  test("no print setup, no breaks", () => {
    expect(pageBreaks({ ...rowsLayout(100), print: undefined })).toEqual([]);
  });
});

/** What a page holds, in sheet points (rows it prints plus repeated titles on later pages). */
function pageHeights(l: SheetLayout): number[] {
  const h = (r: number) => l.rowHeights?.[r] ?? 15;
  const rep = l.print?.repeatRows;
  let titles = 0;
  if (rep) for (let r = rep[0]; r <= rep[1]; r++) titles += h(r);
  return printedPages(l).map((p, i) => {
    let s = i > 0 ? titles : 0;
    for (let r = p.r1; r <= p.r2; r++) s += h(r);
    return s;
  });
}

function textOf(l: SheetLayout, r: number): string {
  return l.cells
    .filter((c) => c.r === r && typeof c.v === "string" && c.v !== "")
    .map((c) => c.v as string)
    .join(" ");
}

/** First filled row of each page after the first. */
function pageStarts(l: SheetLayout): string[] {
  const filled = new Set(l.cells.filter((c) => c.v !== null && c.v !== "").map((c) => c.r));
  return printedPages(l)
    .slice(1)
    .map((p) => {
      let r = p.r1;
      while (r <= p.r2 && !filled.has(r)) r++;
      return textOf(l, r);
    });
}

describe("the sample production and a 300-day shoot print without orphans", () => {
  const builtOn = fromYmd(2026, 12, 2);
  const sample = allLayouts({ ...runEngine(sampleInput()), builtOn });
  const long = allLayouts({ ...runEngine(longProduction(300, 2000)), builtOn });

  test.each([
    ["sample", sample],
    ["300 days", long],
  ])("%s: no page starts with a total or an End of Day row; every page fits", (_name, layouts) => {
    for (const l of layouts) {
      const starts = pageStarts(l);
      for (const s of starts) {
        expect(`${l.name}: ${s}`).not.toMatch(/: (End of Day|Total|GRAND TOTAL|Cast working)/);
      }
      const cap = pageCapacity(l);
      for (const h of pageHeights(l)) expect(h).toBeLessThanOrEqual(cap + 1e-9);
    }
  });

  test("the sample's Top Sheet: the Other section moves whole to page 2 with Total before markups", () => {
    const top = sample.find((l) => l.name === "Top Sheet")!;
    expect(top.print!.rowBreaks).toHaveLength(1);
    const [p1, p2] = printedPages(top);
    expect(textOf(top, p2.r1)).toBe("5000 Other");
    expect(textOf(top, p1.r2 - 1)).toMatch(/^Total Post/);
    // A section on one page: heading, categories and total.
    const otherTotal = top.cells.find((c) => c.v === "Total Other")!.r;
    expect(otherTotal).toBeGreaterThan(p2.r1);
  });

  test("the 300-day Schedule: every day that fits on a page is on one page with its End of Day row", () => {
    const s = long.find((l) => l.name === "Schedule")!;
    const pages = printedPages(s);
    expect(pages.length).toBeGreaterThan(50);
    const pageOf = (r: number) => pages.findIndex((p) => p.r1 <= r && r <= p.r2);
    for (const k of s.print!.keep!) expect(`${k.r1}..${k.r2} on page ${pageOf(k.r1)}`).toBe(`${k.r1}..${k.r2} on page ${pageOf(k.r2)}`);
  });

  test("the header says production, sheet and as-of date; the footer page x of y and the print date", () => {
    const top = sample.find((l) => l.name === "Top Sheet")!;
    expect(headerFooterSections(top.print!.header)).toBe("&LThe Long Way Home&C&A&RAs of 2 Dec 2026");
    expect(headerFooterSections(top.print!.footer)).toBe("&LPrinted &D &T&CPage &P of &N&R&F");
    // The Cost Report is as of its Report Date (Settings: 2027-05-16), not the build.
    const cr = sample.find((l) => l.name === "Cost Report")!;
    expect(headerFooterCode(cr.print!.header!.right)).toBe("Report date 16 May 2027");
    for (const l of sample) expect(l.print?.header?.left).toEqual(["The Long Way Home"]);
  });

  test("Settings' Version prints before the date", () => {
    const input = sampleInput();
    input.tables.find((t) => t.name === "Settings")!.rows.push(["Version", "Blue revision"]);
    const layouts = allLayouts({ ...runEngine(input), builtOn });
    expect(headerFooterCode(layouts.find((l) => l.name === "Schedule")!.print!.header!.right)).toBe("Blue revision · As of 2 Dec 2026");
  });
});

describe("header and footer codes", () => {
  test("a literal & is doubled; fields are Excel's codes", () => {
    expect(headerFooterCode(["Tom & Jerry"])).toBe("Tom && Jerry");
    expect(headerFooterCode(["Page ", { field: "page" }, " of ", { field: "pages" }])).toBe("Page &P of &N");
    expect(headerFooterCode(["a\nb"])).toBe("a b");
  });

  test("a long title is cut so the whole header stays within Excel's 255 characters", () => {
    const s = headerFooterSections({ left: ["x".repeat(400)], center: [{ field: "sheet" }], right: ["y".repeat(300)] });
    expect(s.length).toBeLessThanOrEqual(HEADER_FOOTER_MAX);
    expect(s).toContain("&C&A");
  });
});

describe("numeric-looking text", () => {
  test("what Excel's number-stored-as-text check flags", () => {
    for (const t of ["1100", "12", " 7 ", "1.5", "1,000", "12%", "1e3", "-4", "1 3/8"]) expect([t, looksNumeric(t)]).toEqual([t, true]);
    for (const t of ["12A", "A12", "", "3/8", "Day 1", "1-2", "$5"]) expect([t, looksNumeric(t)]).toEqual([t, false]);
    expect(looksNumeric(1100)).toBe(false);
  });

  test("runs down a column become one range", () => {
    const cells: LayoutCell[] = [
      { r: 5, c: 1, v: "1000" },
      { r: 6, c: 1, v: "1100" },
      { r: 7, c: 1, v: "1200" },
      { r: 9, c: 1, v: "2000" },
      { r: 9, c: 2, v: "Production" },
      { r: 3, c: 3, v: "12" },
      { r: 4, c: 3, v: 12 },
    ];
    expect(numericTextRanges(cells)).toEqual(["A5:A7", "A9", "C3"]);
  });

  test("the sample's sheets: every account code and numeric scene number is listed", () => {
    const layouts = allLayouts(runEngine(sampleInput()));
    const top = layouts.find((l) => l.name === "Top Sheet")!;
    const ranges = numericTextRanges(top.cells);
    expect(ranges[0]).toMatch(/^A5:A/);
    let n = 0;
    for (const l of layouts) for (const c of l.cells) if (looksNumeric(c.v)) n++;
    // Issue 14 counted 388 such cells in the sample's build (account codes, scene numbers, IDs).
    expect(n).toBeGreaterThan(300);
  });
});

describe("input table widths", () => {
  test("a rate of 12,500.00 gets the width it shows, not the 5 digits of 12500", () => {
    const [w] = tableColumnWidths(["Rate"], [[12500]], { Rate: "#,##0.00" });
    expect(displayText(12500, "#,##0.00")).toBe("12,500.00");
    // "12,500.00" is 7 digits at 1 + a comma 0.49 + a point 0.5 = 7.99 units, +0.5 for a figure,
    // +1.5 padding = 9.99 → 10 (half units, rounded up); the bold header "Rate" (R 1.11 a 0.97
    // t 0.68 e 0.99 = 3.75) with its filter button (2.5) is less.
    expect(w).toBe(10);
    expect(w).toBeGreaterThan(textWidth("12,500.00") + 0.75);
  });

  test("every figure and date of the sample's input tables fits its column", () => {
    for (const t of sampleProduction()) {
      const widths = tableColumnWidths(t.headers, t.rows, t.formats);
      t.headers.forEach((h, i) => {
        for (const row of t.rows) {
          const v = row[i];
          if (typeof v !== "number" && !(v instanceof Date)) continue;
          const shown = displayText(v instanceof Date ? { date: v.getTime() / 86_400_000 } : v, t.formats?.[h] ?? (v instanceof Date ? "yyyy-mm-dd" : undefined));
          expect([t.name, h, shown, textWidth(shown) + 0.75 <= widths[i]]).toEqual([t.name, h, shown, true]);
        }
      });
    }
  });
});
