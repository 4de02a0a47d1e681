import { AccountReport, BudgetModel, IncentiveResult, MarkupResult } from "../budget/model";
import { Cents } from "../money";
import { CellStyle, KeepBlock, LayoutValue, SheetLayout } from "./types";
import { columnWidthFor, fitRows } from "./fit";
import { Grid, PERCENT_FORMAT, STYLE, currencyFormat, money, withSuffix } from "./styles";
import { originalOf } from "../budget/versions";

export const TOP_SHEET = "Top Sheet";

/**
 * The top sheet's columns, left to right. Acct # and Category label a row; the rest hold its
 * figures. A column added here (an Original budget, a Variance) is filled by the `figures` of
 * every row that has one, so the blocks below need no change to carry it.
 */
export const TOP_SHEET_HEADERS = ["Acct #", "Category", "Fringes", "Total"] as const;
const CODE = 1;
const LABEL = 2;
const FRINGES = 3;
const TOTAL = 4;
const ORIGINAL = 5;
const VARIANCE = 6;
/** With a locked version (issue 11) Total reads Current, and Original and Variance (Current − Original) follow. */
export const TOP_SHEET_VERSION_HEADERS = ["Acct #", "Category", "Fringes", "Current", "Original", "Variance"] as const;
/** First row under the header. */
export const TOP_SHEET_FIRST_ROW = 5;

/** What a figure row shows: money in the base currency unless `format` says otherwise. */
interface Figures {
  fringes?: Cents;
  total?: Cents;
  /** The locked original's figure for the row, when a version is locked and it had one. */
  original?: Cents;
}

/**
 * Movie Magic's top sheet: each section with its categories (accounts one level down) and its
 * total, grouped by Level when Accounts gives levels (Total of each level, then Total
 * Above-the-Line, Total Below-the-Line, Total Above and Below the Line); then each contractual
 * charge with its base and what its Exclude took off, the grand total, each incentive and the
 * net cost; then the fringes the figures include and the lines entered in other currencies,
 * each in its own currency's format. Figures are the engine's rolled-up budgets (lines +
 * fringes), so each total is exactly the rows above it.
 */
export function topSheetLayout(b: BudgetModel, title: string): SheetLayout {
  const g = new Grid();
  const cur = currencyFormat(b.currency);
  const moneyStyle: CellStyle = { numberFormat: cur };
  const right: CellStyle = { hAlign: "right" };
  const orig = b.original;
  const headers: readonly string[] = orig ? TOP_SHEET_VERSION_HEADERS : TOP_SHEET_HEADERS;
  const LAST_COL = headers.length;
  /** The original's rolled budget of an account (0 for one added since). */
  const o = (code: string): Cents | undefined => (orig ? (originalOf(orig, code) ?? 0) : undefined);
  const oSum = (codes: string[]): Cents | undefined => (orig ? codes.reduce((t, c) => t + (o(c) ?? 0), 0) : undefined);
  g.heading(title, "Top Sheet", LAST_COL);
  g.set(2, LAST_COL, `Currency: ${b.currency}`, { ...STYLE.muted, hAlign: "right" });
  g.row(4, 1, [...headers], STYLE.header, headers.map((_, i) => (i + 1 > LABEL ? right : undefined)));
  if (orig) g.set(3, LABEL, `Original: version "${orig.name}"${orig.locked ? `, locked ${orig.locked.toISOString().slice(0, 10)}` : ""}. Variance = Current − Original.`, STYLE.muted);

  let r = TOP_SHEET_FIRST_ROW;
  /** Writes one row: its label columns, then its figures, money in the base currency. */
  const line = (code: LayoutValue, label: LayoutValue, f: Figures, base?: CellStyle, labelStyle?: CellStyle, codeStyle?: CellStyle) => {
    g.set(r, CODE, code, base || codeStyle ? { ...base, ...codeStyle } : undefined);
    g.set(r, LABEL, label, base || labelStyle ? { ...base, ...labelStyle } : undefined);
    if (f.fringes !== undefined) g.set(r, FRINGES, money(f.fringes), { ...base, ...moneyStyle });
    if (f.total !== undefined) g.set(r, TOTAL, money(f.total), { ...base, ...moneyStyle });
    if (orig && f.original !== undefined) {
      g.set(r, ORIGINAL, money(f.original), { ...base, ...moneyStyle });
      if (f.total !== undefined) g.set(r, VARIANCE, money(f.total - f.original), { ...base, ...moneyStyle });
    }
    if (base) g.pad(r, 1, LAST_COL, base);
    r++;
  };
  /** A block's heading row, naming what its figure columns hold. */
  const blockHeader = (label: string, fringes: string, total: string) => {
    g.row(r, 1, ["", label, fringes, total, ...(orig ? ["Original", "Variance"] : [])], STYLE.header, [undefined, undefined, right, right, right, right]);
    r++;
  };
  const name = (code: string) => b.byCode.get(code)?.account.name ?? code;
  // On paper: each section with its total, each block with its heading, and each total with the
  // one before it, so no total starts a page alone.
  const keep: KeepBlock[] = [];
  let lastTotal = 0;
  /** Keeps rows from `r1` to the row just written together; it is now the last total. */
  const keepTo = (r1: number) => {
    keep.push({ r1: r1 || r - 1, r2: r - 1 });
    lastTotal = r - 1;
  };

  const section = (s: AccountReport) => {
    const first = r;
    line(s.account.code, s.account.name, {}, STYLE.section);
    for (const code of s.account.children) {
      const cat = b.byCode.get(code);
      if (cat) line(cat.account.code, cat.account.name, { fringes: cat.rolled.fringes, total: cat.rolled.budget, original: o(code) }, undefined, { indent: 1 });
    }
    // Lines posted to the section account itself belong to no category; show them so the subtotal adds up.
    if (s.own.budget !== 0 || s.account.children.length === 0) {
      const own = s.account.children.length === 0 ? s.rolled : s.own;
      // The original's own part: its section figure less its categories'.
      const ownOriginal = orig ? (o(s.account.code) ?? 0) - (s.account.children.length === 0 ? 0 : (oSum(s.account.children) ?? 0)) : undefined;
      line(s.account.code, `${s.account.name} (posted to the section)`, { fringes: own.fringes, total: own.budget, original: ownOriginal }, undefined, { indent: 1, italic: true });
    }
    line("", `Total ${s.account.name}`, { fringes: s.rolled.fringes, total: s.rolled.budget, original: o(s.account.code) }, STYLE.total);
    keepTo(first);
    r++;
  };

  if (b.levels) {
    for (const grp of b.levels.groups) {
      const secs = grp.sections.map((c) => b.byCode.get(c)).filter((s): s is AccountReport => s !== undefined);
      for (const s of secs) section(s);
      // A level of one section has its total already; a level of several sums them, as MMB does.
      if (secs.length > 1) {
        line("", `Total ${grp.name}`, { ...sum(secs), original: oSum(grp.sections) }, STYLE.total);
        keepTo(lastTotal);
        r++;
      }
    }
    const above = b.levels.groups.filter((x) => x.aboveTheLine).flatMap((x) => x.sections);
    const fringesOf = (codes: string[]) => codes.reduce((t, c) => t + (b.byCode.get(c)?.rolled.fringes ?? 0), 0);
    const aboveFringes = fringesOf(above);
    const aboveOriginal = oSum(above);
    line("", "Total Above-the-Line", { fringes: aboveFringes, total: b.levels.aboveTheLine, original: aboveOriginal }, STYLE.total);
    line("", "Total Below-the-Line", { fringes: b.totals.fringes - aboveFringes, total: b.levels.belowTheLine, original: orig && orig.total - (aboveOriginal ?? 0) }, STYLE.total);
    line("", "Total Above and Below the Line", { fringes: b.totals.fringes, total: b.total, original: orig?.total }, STYLE.total);
    keepTo(lastTotal);
    r++;
  } else {
    for (const s of b.sections) section(s);
    line("", "Total before markups", { fringes: b.totals.fringes, total: b.total, original: orig?.total }, STYLE.total);
    keepTo(lastTotal);
    r++;
  }

  if (b.markups.length > 0) {
    const first = r;
    blockHeader("Contractual charges", "Base", "Amount");
    for (const m of b.markups) chargeRows(m);
    const chargesOriginal = orig ? [...orig.charges.values()].reduce((t, x) => t + x, 0) : undefined;
    line("", "Total contractual charges", { total: b.markups.reduce((t, m) => t + m.amount, 0), original: chargesOriginal }, STYLE.total);
    keepTo(first);
    r++;
  }

  line("", "GRAND TOTAL", { total: b.grandTotal, original: orig?.grandTotal }, STYLE.grandTotal);
  keepTo(lastTotal);
  r++;

  if (b.incentives.length > 0) {
    const first = r;
    blockHeader("Incentives", "Qualifying", "Amount");
    for (const x of b.incentives) incentiveRows(x);
    line("", "NET COST", { total: b.net, original: orig?.net }, STYLE.grandTotal);
    keepTo(first);
    r++;
  }

  if (b.fringes.length > 0) {
    const first = r;
    g.row(r, 1, ["Fringes", "Included in the totals above", "Rate", "Amount"], STYLE.header, [undefined, undefined, right, right]);
    r++;
    for (const f of b.fringes) {
      const per = f.unit === "unit" ? " /unit" : f.unit === "line" ? " /line" : ` /${f.unit}`;
      const fmt = f.type === "%" ? PERCENT_FORMAT : withSuffix(cur, per);
      g.row(r, 1, [f.code, f.name, f.rate, money(b.fringeTotals.get(f.code) ?? 0)], undefined, [undefined, { indent: 1 }, { numberFormat: fmt }, moneyStyle]);
      r++;
    }
    keep.push({ r1: first, r2: r - 1 });
    r++;
  }

  if (b.currencies.length > 0) {
    const first = r;
    // Each currency's own figure in its own format, beside what it counts for in the base currency.
    g.row(r, 1, ["Currency", "Lines in other currencies", "In its currency", `In ${b.currency}`], STYLE.header, [undefined, undefined, right, right]);
    r++;
    for (const c of b.currencies) {
      const label = `${c.lines} line${c.lines === 1 ? "" : "s"} at ${c.rate} ${b.currency} each, rounded at the line`;
      g.row(r, 1, [c.code, label, money(c.total), money(c.baseTotal)], undefined, [undefined, { indent: 1 }, { numberFormat: currencyFormat(c.code) }, moneyStyle]);
      r++;
    }
    keep.push({ r1: first, r2: r - 1 });
    r++;
  }
  const lastRow = r - 2;

  function chargeRows(m: MarkupResult): void {
    const rate: LayoutValue = m.type === "flat" ? "Flat" : m.percent;
    const rateStyle: CellStyle = m.type === "flat" ? right : { numberFormat: PERCENT_FORMAT, hAlign: "right" };
    const on = m.type === "flat" ? "fee" : `on ${appliesText(m.appliesTo, m.appliesToWords)}${m.compound ? " and the charges above" : ""}`;
    const original = orig ? (orig.charges.get(m.name) ?? 0) : undefined;
    line(rate, `${m.name} (${on})`, m.type === "flat" ? { total: m.amount, original } : { fringes: m.base, total: m.amount, original }, undefined, { indent: 1, wrap: true }, rateStyle);
    if (m.type === "percent" && m.exclude.length > 0) {
      line("", `excluded from its base: ${m.exclude.map((e) => (b.byCode.has(e) ? `${e} ${name(e)}` : e)).join(", ")}`, { fringes: m.excluded }, undefined, { indent: 2, italic: true, wrap: true });
    }
  }

  function incentiveRows(x: IncentiveResult): void {
    const cap = x.cap === undefined ? "" : `; capped at ${capText(x.cap)}${x.capped ? ", reached" : ""}`;
    const on = x.appliesTo.length === 0 ? "every section" : x.appliesTo.map((w) => (b.byCode.has(w) ? `${w} ${name(w)}` : w)).join(", ");
    // Shown as a credit: the net cost below is the grand total less these.
    line(x.rate, `${x.name} (on ${on}${cap})`, { fringes: x.qualifying, total: -x.amount, original: orig ? -(orig.incentives.get(x.name) ?? 0) : undefined }, undefined, { indent: 1, wrap: true }, { numberFormat: PERCENT_FORMAT, hAlign: "right" });
    if (x.exclude.length > 0) {
      line("", `excluded from qualifying spend: ${x.exclude.map((e) => `${e} ${name(e)}`).join(", ")}`, { fringes: x.excluded }, undefined, { indent: 2, italic: true, wrap: true });
    }
  }

  function appliesText(codes: string[], words: string[]): string {
    const all = b.sections.map((s) => s.account.code);
    if (codes.length === all.length && all.every((c) => codes.includes(c))) return "all sections";
    // Level words as the user wrote them read better than the sections they expand to.
    if (words.length > 0 && words.some((w) => !b.byCode.has(w))) return words.map((w) => (b.byCode.has(w) ? name(w) : w)).join(", ");
    return codes.map(name).join(", ");
  }

  function capText(c: Cents): string {
    const units = money(c);
    return `${units.toLocaleString("en-US", { minimumFractionDigits: units % 1 ? 2 : 0, maximumFractionDigits: 2 })} ${b.currency}`;
  }

  const width = (c: number, min: number) => columnWidthFor(g.cells.filter((x) => x.c === c && x.r >= TOP_SHEET_FIRST_ROW), min);
  return fitRows({
    name: TOP_SHEET,
    kind: "top-sheet",
    cells: g.cells,
    merges: [{ r1: 1, c1: 1, r2: 1, c2: LAST_COL }],
    columnWidths: [10, 48, width(FRINGES, 16), width(TOTAL, 18), ...(orig ? [width(ORIGINAL, 18), width(VARIANCE, 16)] : [])],
    rowHeights: { 1: 28 },
    conditionalFormats: [],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "portrait", fitToWidth: 1, repeatRows: [4, 4], area: `A1:${String.fromCharCode(64 + LAST_COL)}${Math.max(lastRow, 4)}`, keep },
    tabColor: "#1F3864",
  });
}

function sum(secs: AccountReport[]): Figures {
  return { fringes: secs.reduce((t, s) => t + s.rolled.fringes, 0), total: secs.reduce((t, s) => t + s.rolled.budget, 0) };
}
