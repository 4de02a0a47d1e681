import { WorkbookInput } from "../cells";
import { Cents, MAX_CENTS, fromUnits, roundCents, roundProduct, shareOf } from "../money";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { BudgetLine, Fringe } from "./model";
import { BUDGET_SPEC, FRINGES_SPEC } from "./specs";
import { LineContext, plainLines, tieLine } from "./castLines";
import { readLineNumber } from "./lineValues";
import { FRINGE_UNIT_LABEL, FringeUnit, LineUnit, WorkTime, fringeUnit, lineUnit, unitRatio } from "./units";

/** Reads `Fringes` (optional). Type `%` takes Rate as a share; `Flat` as money per unit. */
export function readFringes(wb: WorkbookInput, problems: Problems): Map<string, Fringe> {
  const out = new Map<string, Fringe>();
  const t = openTable(wb, FRINGES_SPEC, problems);
  if (!t) return out;
  const rows = new Map<string, number>();
  for (const row of t.rows) {
    const code = t.text(row, "code", { required: true });
    if (!code) continue;
    if (rows.has(code.toUpperCase())) {
      t.error(row, "code", `Duplicate fringe code ${showValue(code)}: it is already on row ${rows.get(code.toUpperCase())}`);
      continue;
    }
    rows.set(code.toUpperCase(), row.excelRow);
    const typeText = t.text(row, "type").toLowerCase().replace(/\s+/g, "");
    let type: Fringe["type"] | undefined;
    if (["%", "percent", "percentage", "pct"].includes(typeText)) type = "%";
    else if (["flat", "perunit", "amount"].includes(typeText)) type = "Flat";
    else t.error(row, "type", `Fringe Type must be % or Flat, not ${showValue(t.value(row, "type"))}`);
    const rate = type === "%" ? t.percent(row, "rate", { required: true }) : t.number(row, "rate", { required: true });
    const cutoff = t.number(row, "cutoff");
    let unit: FringeUnit = "unit";
    if (t.has("unit")) {
      const text = t.text(row, "unit");
      const u = fringeUnit(text);
      if (u === undefined) t.error(row, "unit", `Unit must be hour, day, week or line (per unit of the line when blank), not ${showValue(t.value(row, "unit"))}`);
      else unit = u;
      if (u !== undefined && u !== "unit" && type === "%") t.warning(row, "unit", `Unit does not apply to a % fringe and is ignored`);
    }
    if (cutoff !== undefined && cutoff < 0) t.error(row, "cutoff", `Cutoff must not be negative, not ${showValue(cutoff)}`);
    if (cutoff !== undefined && type === "Flat") t.warning(row, "cutoff", `Cutoff does not apply to a Flat fringe and is ignored`);
    if (!type || rate === undefined) continue;
    out.set(code.toUpperCase(), { code, name: t.text(row, "name") || code, type, rate, cutoff: type === "%" ? cutoff : undefined, unit: type === "Flat" ? unit : "unit" });
  }
  return out;
}

/**
 * One fringe on one line, rounded to the cent. `%`: Rate × the rounded line total, that base
 * capped at Cutoff per line (a credit's base is capped at −Cutoff, so a credit reverses the
 * fringe it mirrors). `Flat`: Rate × Amount × X.
 */
export function fringeAmount(f: Pick<Fringe, "type" | "rate" | "cutoff">, lineTotal: Cents, amount: number, x: number): Cents {
  if (f.type === "Flat") return roundCents(f.rate, amount, x);
  let base = lineTotal;
  if (f.cutoff !== undefined) {
    const cap = fromUnits(f.cutoff);
    if (base > cap) base = cap;
    else if (base < -cap) base = -cap;
  }
  return shareOf(base, f.rate);
}

/**
 * A Flat fringe per hour, day or week on a line in Hours, Days or Weeks: Rate × Amount × X ×
 * the line's unit in the fringe's (a week is Hours Per Day × Days Per Week hours). Per line:
 * Rate × X, once for each of the X on the line. Per unit (no Unit given): Rate × Amount × X.
 * Undefined when the line's Units have no length (Allow, Trips) for a per-time fringe.
 */
export function flatFringeAmount(f: Pick<Fringe, "rate" | "unit">, amount: number, x: number, unit: LineUnit, work: WorkTime): Cents | undefined {
  if (f.unit === "unit") return roundCents(f.rate, amount, x);
  if (f.unit === "line") return roundCents(f.rate, x);
  if (unit === "lump" || unit === "other") return undefined;
  const [num, den] = unitRatio(unit, f.unit, work);
  return roundProduct([f.rate, amount, x, ...num], den);
}

/**
 * The base of a `%` fringe with a Cutoff on one payee's line: the payee's wages on lines carrying
 * this fringe, counted in budget order, are capped at the Cutoff; this line's base is what it adds
 * under the cap (a credit gives back what it takes off). `toDate` is the payee's total so far.
 */
export function payeeBase(toDate: Cents, lineTotal: Cents, cap: Cents): Cents {
  const clamp = (v: Cents) => (v < 0 ? 0 : v > cap ? cap : v);
  return clamp(toDate + lineTotal) - clamp(toDate);
}

/** Payee names match case- and space-insensitively: "Nora Vance" and "nora  vance" are one person. */
function payeeKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ");
}

interface ParsedFringeList {
  fringes: Fringe[];
  unknown: string[];
  repeated: string[];
}

/** "FICA, MED" → the fringes it names, in order; codes match case-insensitively. */
function parseFringeList(text: string, fringes: Map<string, Fringe>): ParsedFringeList {
  const out: ParsedFringeList = { fringes: [], unknown: [], repeated: [] };
  const seen = new Set<string>();
  for (const part of text.split(/[,;]/)) {
    const code = part.trim();
    if (!code) continue;
    const key = code.toUpperCase();
    if (seen.has(key)) {
      out.repeated.push(code);
      continue;
    }
    seen.add(key);
    const f = fringes.get(key);
    if (f) out.fringes.push(f);
    else out.unknown.push(code);
  }
  return out;
}

export interface LineOptions {
  /** Hours Per Day and Days Per Week from Settings. */
  work: WorkTime;
  /** Settings Currency. */
  base: string;
  /** Currencies: code (upper case) → units of the base currency per unit. */
  currencies: Map<string, number>;
}

const DEFAULT_LINE_OPTIONS: LineOptions = { work: { hoursPerDay: 12, daysPerWeek: 5 }, base: "USD", currencies: new Map() };

/**
 * Reads and computes `Budget` detail lines. A line with no Amount or Rate counts 0 (a note line).
 * A line in another currency is converted to the base currency and rounded to the cent at the
 * line; its fringes are worked out on that base figure. A `%` fringe's Cutoff accumulates over one
 * Payee's lines in budget order; without a Payee it caps each line.
 */
export function readLines(
  wb: WorkbookInput,
  coa: ChartOfAccounts,
  fringes: Map<string, Fringe>,
  problems: Problems,
  ctx: LineContext = plainLines(),
  opts: LineOptions = DEFAULT_LINE_OPTIONS,
): BudgetLine[] {
  const t = openTable(wb, BUDGET_SPEC, problems, { required: true, allowEmpty: true });
  if (!t) return [];
  const hasCastId = t.has("castId");
  const lines: BudgetLine[] = [];
  const hasFringes = t.has("fringes");
  const hasPayee = t.has("payee");
  const hasCurrency = t.has("currency");
  // Budgets repeat a handful of fringe lists over thousands of lines: parse each text once.
  const fringeLists = new Map<string, ParsedFringeList>();
  const units = new Map<string, LineUnit>();
  // Wages to date per person and fringe code, for cutoffs that count per person; each Payee text
  // is looked up once, and spellings of one name ("Nora Vance", "nora  vance") share a record.
  const payees = new Map<string, Map<string, Cents>>();
  const people = new Map<string, Map<string, Cents>>();
  const hasX = t.has("x");
  // Every sum of lines, fringes and markups stays exact: the lines alone get an eighth of 2^53 cents.
  let runningCents = 0;
  for (const row of t.rows) {
    const account = t.text(row, "account", { required: true });
    if (account && !coa.byCode.has(account)) {
      t.error(row, "account", `Account ${showValue(account)} is not a Code in ${coa.table}`);
    }
    const amountCell = readLineNumber(t, row, "amount", 0, ctx.exprs);
    const xCell = hasX ? readLineNumber(t, row, "x", 1, ctx.exprs) : { value: 1, source: "blank" as const };
    const rateCell = readLineNumber(t, row, "rate", 0, ctx.exprs);
    const castId = hasCastId ? t.text(row, "castId") : "";
    const tie = castId ? tieLine(t, row, castId, amountCell, rateCell, ctx) : undefined;
    let currency: BudgetLine["currency"];
    if (hasCurrency) {
      const code = t.text(row, "currency").toUpperCase();
      if (code && code !== opts.base) {
        const fx = opts.currencies.get(code);
        if (fx === undefined) {
          t.error(row, "currency", `Currency ${showValue(t.value(row, "currency"))} is neither the base currency ${opts.base} nor a Code in Currencies`);
          continue;
        }
        currency = { code, rate: fx, total: 0 };
      }
    }
    if (!amountCell || !xCell || !rateCell || !account) continue;
    const amount = tie ? tie.amount : amountCell.value;
    const x = xCell.value;
    const rate = tie ? tie.rate : rateCell.value;
    let total: Cents;
    try {
      total = roundCents(amount, x, rate);
      if (currency) {
        currency.total = total;
        total = shareOf(total, currency.rate);
      }
    } catch {
      t.error(row, "rate", `Amount × X × Rate is too large to be money: ${amount} × ${x} × ${rate}`);
      continue;
    }
    if (!Number.isSafeInteger(total) || Math.abs(total) > MAX_CENTS) {
      t.error(row, "rate", `Amount × X × Rate = ${amount} × ${x} × ${rate} is beyond what Prodbook holds to the cent (10 trillion)`);
      continue;
    }
    runningCents += Math.abs(total);
    if (runningCents > Number.MAX_SAFE_INTEGER / 8) {
      t.error(row, "rate", `The budget's lines add up past what Prodbook sums to the cent (about 10 trillion) at this line`);
      continue;
    }
    const unitsText = t.text(row, "units");
    let payee = "";
    let person: Map<string, Cents> | undefined;
    if (hasPayee) {
      payee = t.text(row, "payee");
      if (payee) {
        person = payees.get(payee);
        if (person === undefined) {
          const key = payeeKey(payee);
          person = people.get(key);
          if (person === undefined) people.set(key, (person = new Map()));
          payees.set(payee, person);
        }
      }
    }
    const lineFringes: BudgetLine["fringes"] = [];
    if (hasFringes) {
      const raw = t.value(row, "fringes");
      const key = raw === null ? "" : String(raw);
      let parsed = fringeLists.get(key);
      if (!parsed) {
        parsed = parseFringeList(key, fringes);
        fringeLists.set(key, parsed);
      }
      for (const code of parsed.repeated) t.warning(row, "fringes", `Fringe ${showValue(code)} is listed twice on this line; it is applied once`);
      for (const code of parsed.unknown) t.error(row, "fringes", `Fringe ${showValue(code)} is not a Code in Fringes`);
      for (const f of parsed.fringes) {
        if (f.type === "Flat") {
          let unit = units.get(unitsText);
          if (unit === undefined) units.set(unitsText, (unit = lineUnit(unitsText)));
          const fr = flatFringeAmount(f, amount, x, unit, opts.work);
          if (fr === undefined) {
            t.error(
              row,
              "units",
              `Fringe ${f.code} is per ${FRINGE_UNIT_LABEL[f.unit]}, so this line's Units must be Hours, Days or Weeks (Hr, Day, Wk), not ${showValue(unitsText || "blank")}`,
            );
            continue;
          }
          lineFringes.push({ code: f.code, amount: fr });
        } else if (person && f.cutoff !== undefined) {
          const before = person.get(f.code) ?? 0;
          person.set(f.code, before + total);
          lineFringes.push({ code: f.code, amount: shareOf(payeeBase(before, total, fromUnits(f.cutoff)), f.rate) });
        } else {
          lineFringes.push({ code: f.code, amount: fringeAmount(f, total, amount, x) });
        }
      }
    }
    const line: BudgetLine = {
      row: row.excelRow,
      account,
      description: t.text(row, "description"),
      amount,
      units: unitsText,
      x,
      rate,
      total,
      payee,
      currency,
      fringes: lineFringes,
    };
    // Set only when true, so lines without them keep one shape (no spread of a temporary per line).
    if (amountCell.source === "global" || xCell.source === "global" || rateCell.source === "global") line.usesGlobals = true;
    if (tie) line.cast = tie.cast;
    lines.push(line);
  }
  return lines;
}
