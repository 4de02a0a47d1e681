/**
 * Stands in for office.js in the browser test: the in-memory Excel host as the page's `Excel`,
 * an `Office` whose onReady resolves with host Excel and the theme asked for in the URL
 * (?theme=dark), and `window.__prodbook` for the test to look inside the workbook.
 * Built by scripts/browser-test.mjs; never part of dist/.
 */
import { InMemoryExcel } from "../host/excel";
import { runEngine } from "../../src/core/engine";
import { sampleProduction } from "../../src/core/sample";
import { budgetSummary, scheduleSummary, scheduleSummaryText } from "../../src/core/summary";
import { formatCents } from "../../src/core/money";
import { rectAddress, type CellScalar } from "../host/model";
import { enableTableRows } from "../host/tableRows";

enableTableRows(); // table.rows.add / rows.getItemAt(i).delete(), which Apply and Restore use
const host = new InMemoryExcel();
const dark = new URLSearchParams(location.search).get("theme") === "dark";
const THEMES = {
  dark: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3b3b3b", controlForegroundColor: "#ffffff" },
  light: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000" },
};
// One object the pane reads each time, changed in place by setTheme as Office changes its own.
const theme = { ...(dark ? THEMES.dark : THEMES.light) };
const info = { host: "Excel", platform: "OfficeOnline" };

const w = window as unknown as Record<string, unknown>;
w.Excel = { run: host.run };
w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady: (cb?: (i: typeof info) => void) => Promise.resolve(info).then((i) => (cb?.(i), i)),
  context: { host: "Excel", officeTheme: theme, requirements: { isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) } },
  actions: { associate: () => undefined },
  addin: { showAsTaskpane: async () => undefined },
};
w.CustomFunctions = { associate: () => undefined };

/** What the test may ask, all plain data. */
w.__prodbook = {
  sheetNames: () => host.sheetNames(),
  tableNames: () => host.wb.tables.map((t) => t.name),
  values: (sheet: string, address: string): CellScalar[][] => host.values(sheet, address),
  used: (sheet: string) => host.usedAddress(sheet),
  type: (sheet: string, address: string, v: CellScalar) => host.type(sheet, address, v),
  selection: () => {
    const s = host.wb.selection;
    if (!s) return null;
    const sheet = host.wb.sheetById(s.sheetId);
    return { sheet: sheet?.name, r: s.rect.r1, c: s.rect.c1 };
  },
  syncs: () => host.syncs,
  visibility: (sheet: string) => host.wb.sheetByName(sheet)?.visibility ?? null,
  /** A table's header and body as Range.values reads them (the Stripboard, for the Optimize flow). */
  table: (name: string): CellScalar[][] | null => {
    const t = host.wb.tableByName(name);
    const sheet = t && host.wb.sheetById(t.sheetId);
    return t && sheet ? host.values(sheet.name, rectAddress(t.rect)) : null;
  },
  largestRequest: () => host.largestRequest(),
  /** The user picks another Office theme (File > Account > Office Theme). */
  setTheme: (kind: "dark" | "light") => Object.assign(theme, THEMES[kind]),
  /** The engine's figures for the sample production, worked out apart from the pane. */
  expected: () => {
    const r = runEngine({
      name: "Book1.xlsx",
      tables: sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows })),
    });
    const b = r.budget ? budgetSummary(r.budget) : undefined;
    return {
      budget: (r.budget?.totals.budget ?? 0) / 100,
      days: r.schedule?.days.length ?? 0,
      grandTotal: b ? formatCents(b.grandTotal) : "",
      over: b?.over.map((a) => ({ code: a.code, row: a.row })) ?? [],
      watch: b?.watch.length ?? 0,
      schedule: r.schedule ? scheduleSummaryText(scheduleSummary(r.schedule)) : "",
    };
  },
};
