import { WorkbookInput } from "../cells";
import { Cents, MAX_CENTS, fromUnits, roundCents, shareOf } from "../money";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { ChartOfAccounts } from "./accounts";
import { BudgetLine, Fringe } from "./model";
import { BUDGET_SPEC, FRINGES_SPEC } from "./specs";
import { LineContext, plainLines, tieLine } from "./castLines";
import { readLineNumber } from "./lineValues";

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
    if (cutoff !== undefined && cutoff < 0) t.error(row, "cutoff", `Cutoff must not be negative, not ${showValue(cutoff)}`);
    if (cutoff !== undefined && type === "Flat") t.warning(row, "cutoff", `Cutoff does not apply to a Flat fringe and is ignored`);
    if (!type || rate === undefined) continue;
    out.set(code.toUpperCase(), { code, name: t.text(row, "name") || code, type, rate, cutoff: type === "%" ? cutoff : undefined });
  }
  return out;
}

/**
 * One fringe on one line, rounded to the cent. `%`: Rate × the rounded line total, that base
 * capped at Cutoff per line (a credit's base is capped at −Cutoff, so a credit reverses the
 * fringe it mirrors). `Flat`: Rate × Amount × X.
 */
export function fringeAmount(f: Fringe, lineTotal: Cents, amount: number, x: number): Cents {
  if (f.type === "Flat") return roundCents(f.rate, amount, x);
  let base = lineTotal;
  if (f.cutoff !== undefined) {
    const cap = fromUnits(f.cutoff);
    if (base > cap) base = cap;
    else if (base < -cap) base = -cap;
  }
  return shareOf(base, f.rate);
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

/** Reads and computes `Budget` detail lines. A line with no Amount or Rate counts 0 (a note line). */
export function readLines(
  wb: WorkbookInput,
  coa: ChartOfAccounts,
  fringes: Map<string, Fringe>,
  problems: Problems,
  ctx: LineContext = plainLines(),
): BudgetLine[] {
  const t = openTable(wb, BUDGET_SPEC, problems, { required: true, allowEmpty: true });
  if (!t) return [];
  const hasCastId = t.has("castId");
  const lines: BudgetLine[] = [];
  const hasFringes = t.has("fringes");
  // Budgets repeat a handful of fringe lists over thousands of lines: parse each text once.
  const fringeLists = new Map<string, ParsedFringeList>();
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
    if (!amountCell || !xCell || !rateCell || !account) continue;
    const amount = tie ? tie.amount : amountCell.value;
    const x = xCell.value;
    const rate = tie ? tie.rate : rateCell.value;
    let total: Cents;
    try {
      total = roundCents(amount, x, rate);
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
      for (const f of parsed.fringes) lineFringes.push({ code: f.code, amount: fringeAmount(f, total, amount, x) });
    }
    lines.push({
      row: row.excelRow,
      account,
      description: t.text(row, "description"),
      amount,
      units: t.text(row, "units"),
      x,
      rate,
      total,
      fringes: lineFringes,
      ...(amountCell.source === "global" || xCell.source === "global" || rateCell.source === "global" ? { usesGlobals: true } : {}),
      ...(tie ? { cast: tie.cast } : {}),
    });
  }
  return lines;
}
