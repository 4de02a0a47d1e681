/**
 * The =PROD.* worksheet functions for formulas the reader computes: the very modules the add-in's
 * custom functions call, so a workbook computes the same in Excel and on the command line.
 */
import * as budgetFns from "../../functions/budgetFunctions";
import * as pageFns from "../../functions/pagesFunctions";
import { rollup } from "../../functions/rollup";
import { shootDate } from "../../functions/scheduleFunctions";
import { castDays, globalValue } from "../../functions/globalFunctions";
import { FunctionInputError } from "../../functions/errors";
import { FValue, Matrix, Scalar } from "./formula";

type Impl = (...args: unknown[]) => unknown;

const FUNCTIONS: Record<string, Impl> = {
  OVERRUN: budgetFns.overrun as Impl,
  EFC: budgetFns.efc as Impl,
  VARIANCE: budgetFns.variance as Impl,
  STATUS: budgetFns.status as Impl,
  FRINGE: budgetFns.fringe as Impl,
  PAGES: pageFns.pages as Impl,
  EIGHTHS: pageFns.eighths as Impl,
  ROLLUP: ((codes: unknown, amounts: unknown, code: unknown, parents?: unknown) => rollup(codes, amounts, code, parents)) as Impl,
  CASTDAYS: castDays as Impl,
  GLOBAL: globalValue as Impl,
  SHOOTDATE: ((day: unknown, start: unknown, daysOff?: unknown, holidays?: unknown) => shootDate(day as number, start as number, daysOff as string, holidays as unknown[][])) as Impl,
};

function toArg(v: FValue): unknown {
  if (typeof v === "object" && v !== null && "rows" in v) return v.rows.map((row) => row.map(plain));
  return [[plain(v)]];
}

function plain(v: Scalar): unknown {
  return typeof v === "object" && v !== null ? null : v;
}

/** A PROD function by name (EFC, STATUS, …); errors it raises become #VALUE! or #N/A as in Excel. */
export function prodFunction(name: string): ((args: FValue[]) => FValue) | undefined {
  const impl = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!impl) return undefined;
  return (args) => {
    for (const a of args) if (typeof a === "object" && a !== null && "error" in a) return a;
    try {
      const out = impl(...args.map((a, i) => (name === "SHOOTDATE" && i !== 3 ? plain(a as Scalar) : toArg(a))));
      if (Array.isArray(out)) return { rows: (out as unknown[][]).map((row) => row.map((x) => x as Scalar)) } as Matrix;
      return out as Scalar;
    } catch (e) {
      if (e instanceof FunctionInputError) return { error: e.code === "na" ? "#N/A" : "#VALUE!" };
      throw e;
    }
  };
}
