import { formatEighths, parseEighths } from "../core/schedule/eighths";
import { Arg, broadcast, isBlankArg } from "./args";
import { FunctionInputError } from "./errors";

/** "2 3/8" → 2.375. */
export function pages(text: Arg): number[][] {
  return broadcast([{ name: "pages", value: text }], (c) => {
    const r = parseEighths(c[0] as never);
    if (!r.ok) throw new FunctionInputError(r.message);
    return r.eighths / 8;
  });
}

/** 2.375 → "2 3/8"; anything not a whole number of eighths is an error. */
export function eighths(value: Arg): string[][] {
  return broadcast([{ name: "pages", value }], (c) => {
    if (isBlankArg(c[0])) return "0";
    const r = parseEighths(typeof c[0] === "number" ? c[0] : String(c[0]));
    if (!r.ok) throw new FunctionInputError(r.message);
    return formatEighths(r.eighths);
  });
}
