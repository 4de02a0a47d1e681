/**
 * PROD.GLOBAL and PROD.CASTDAYS as plain functions over cell values: the ranges a formula passes
 * (`Stripboard[#All]`, `Cast[#All]`, … header row included) become the workbook's tables and go
 * through core/scheduleFigures, the code `prodbook report` runs, so the figures agree. Bad input
 * throws FunctionInputError naming the table, row and column, which the wrapper turns into
 * #VALUE! or #N/A with that message.
 */
import { CellValue, RawTable, WorkbookInput } from "../core/cells";
import { ExprError, evalExpr, parseExpr } from "../core/expr";
import { globalLookup } from "../core/globals";
import { Problem, describeProblem, showValue } from "../core/problems";
import { CAST_DAYS_KINDS, CastDaysKind, ScheduleFigures, castDaysFigure, doodRowOf, scheduleFigures } from "../core/scheduleFigures";
import { Arg, asMatrix, broadcast, isBlankArg } from "./args";
import { FunctionInputError } from "./errors";

function cell(v: unknown): CellValue {
  if (v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null || v instanceof Date) return v;
  return String(v);
}

/** A `Table[#All]` range as the table it is: first row headers, the rest data. */
function tableOf(name: string, arg: Arg, param: string): RawTable | undefined {
  const m = asMatrix(arg);
  if (!m || (m.length === 1 && m[0].length === 1 && isBlankArg(m[0][0]))) return undefined;
  const headers = m[0].map((h) => (isBlankArg(h) ? "" : String(h).trim()));
  if (headers.every((h) => h === "")) throw new FunctionInputError(`${param} must be the ${name} table with its header row (${name}[#All])`);
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows: m.slice(1).map((r) => r.map(cell)) };
}

interface Inputs {
  stripboard?: Arg;
  cast?: Arg;
  settings?: Arg;
  holidays?: Arg;
  globals?: Arg;
  castDays?: Arg;
}

const PARAMS: [keyof Inputs, string][] = [
  ["stripboard", "Stripboard"],
  ["cast", "Cast"],
  ["settings", "Settings"],
  ["holidays", "Holidays"],
  ["globals", "Globals"],
  // Last, so the indices above (settings is ms[2]) stay put.
  ["castDays", "Cast Days"],
];

/** Same values, same figures: a budget of 50 CASTDAYS cells over one board reads it once per recalculation. */
const CACHE_SIZE = 4;
const cache: { inputs: (unknown[][] | undefined)[]; figures: ScheduleFigures }[] = [];

function sameMatrix(a: unknown[][] | undefined, b: unknown[][] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) {
      const p = x[j];
      const q = y[j];
      if (p !== q && !(p instanceof Date && q instanceof Date && p.getTime() === q.getTime())) return false;
    }
  }
  return true;
}

function problemText(p: Problem): string {
  return describeProblem(p).replace(/^ERROR /, "");
}

/** The figures of the tables given; the first error among them is the cell's error. */
function figuresFor(inputs: Inputs): ScheduleFigures {
  const ms = PARAMS.map(([k]) => asMatrix(inputs[k]));
  const hit = cache.find((c) => c.inputs.every((m, i) => sameMatrix(m, ms[i])));
  let figures = hit?.figures;
  if (!figures) {
    const tables: RawTable[] = [];
    PARAMS.forEach(([k, name]) => {
      const t = tableOf(name, inputs[k], k);
      if (t) tables.push(t);
    });
    const wb: WorkbookInput = { tables };
    figures = scheduleFigures(wb);
    cache.unshift({ inputs: ms, figures });
    if (cache.length > CACHE_SIZE) cache.pop();
  }
  const settingsGiven = ms[2] !== undefined;
  // Without Settings there is no Start Date: days are numbered, undated, and every gap is a hold,
  // as PROD.DOOD without `start`. Anything else wrong in the board, Cast, Settings or Holidays is
  // the cell's error; a Globals row's problem only for the global asked for (globalRowError).
  const err = figures.problems.find((p) => p.severity === "error" && !isGlobalsProblem(p) && !(!settingsGiven && /^Start Date is not set/.test(p.message)));
  if (err) throw new FunctionInputError(problemText(err));
  return figures;
}

function isGlobalsProblem(p: Problem): boolean {
  return (p.table ?? p.sheet).toLowerCase() === "globals";
}

/** Throws the error of the Globals row that defines `name`, if that row has one. */
function globalRowError(f: ScheduleFigures, globals: Arg, name: string): void {
  const m = asMatrix(globals);
  if (!m) return;
  const i = m.findIndex((r, k) => k > 0 && !isBlankArg(r[0]) && String(r[0]).trim().toUpperCase() === name.toUpperCase());
  if (i < 0) return;
  const err = f.problems.find((p) => p.severity === "error" && isGlobalsProblem(p) && p.row === i + 1);
  if (err) throw new FunctionInputError(problemText(err));
}

function kindArg(v: unknown): CastDaysKind {
  if (isBlankArg(v)) return "PAID";
  const k = String(v).trim().toUpperCase();
  const kind = CAST_DAYS_KINDS.find((x) => x === k || `${x}S` === k || x === `${k}S`);
  if (!kind) throw new FunctionInputError(`kind must be Paid, Work, Hold, Drop, Weeks or Run, not ${showValue(v)}`);
  return kind;
}

/**
 * PROD.CASTDAYS(stripboard, cast, castId, [kind], [settings], [holidays], [globals], [castDays]):
 * a member's DOOD days. `castId` may be a range (one result a cell), as may `kind`. With the Cast
 * Days table, Paid and Weeks count its travel, rehearsal, fitting and run holidays too.
 */
export function castDays(stripboard: Arg, cast: Arg, castId: Arg, kind?: Arg, settings?: Arg, holidays?: Arg, globals?: Arg, castDaysTable?: Arg): number[][] {
  if (asMatrix(stripboard) === undefined) throw new FunctionInputError("stripboard is required: Stripboard[#All]");
  if (asMatrix(cast) === undefined) throw new FunctionInputError("cast is required: Cast[#All]");
  const f = figuresFor({ stripboard, cast, settings, holidays, globals, castDays: castDaysTable });
  globalRowError(f, globals, "DAYS_PER_WEEK");
  const schedule = f.schedule;
  if (!schedule) throw new FunctionInputError("stripboard must be the Stripboard table with its header row (Stripboard[#All])");
  return broadcast(
    [
      { name: "castId", value: castId },
      { name: "kind", value: kind },
    ],
    ([id, k]) => {
      if (isBlankArg(id)) throw new FunctionInputError("castId is blank: give a Cast ID such as 1");
      const row = doodRowOf(schedule, String(id));
      if (!row) throw new FunctionInputError(`Cast ID ${showValue(String(id).trim())} is not an ID in Cast`, "na");
      return castDaysFigure(row, kindArg(k), f.daysPerWeek);
    },
  );
}

/**
 * PROD.GLOBAL(name, [globals], [stripboard], [cast], [settings], [holidays]): a global's value,
 * typed in Globals or computed from the schedule. `name` may also be an expression of globals
 * (`SHOOT_WEEKS + 2`), as a Budget cell may hold.
 */
export function globalValue(name: Arg, globals?: Arg, stripboard?: Arg, cast?: Arg, settings?: Arg, holidays?: Arg): number[][] {
  const f = figuresFor({ stripboard, cast, settings, holidays, globals });
  const lookup = globalLookup(f.globals);
  return broadcast([{ name: "name", value: name }], ([n]) => {
    if (isBlankArg(n)) throw new FunctionInputError("name is blank: give a global such as SHOOT_WEEKS");
    if (typeof n === "number") return n;
    const text = String(n).trim();
    globalRowError(f, globals, text);
    const g = f.globals.byKey.get(text.toUpperCase());
    if (g) return g.value;
    let value: number;
    try {
      value = evalExpr(parseExpr(text), lookup);
    } catch (e) {
      const msg = e instanceof ExprError ? e.message : String(e);
      const unknown = /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
      throw new FunctionInputError(unknown ? `${text} is not in Globals nor computed from the schedule${stripboard === undefined ? " (pass Stripboard[#All] for SHOOT_DAYS and the cast days)" : ""}` : `${showValue(text)} ${msg}`, unknown ? "na" : "value");
    }
    return value;
  });
}
