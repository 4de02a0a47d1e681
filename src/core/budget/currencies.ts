import { WorkbookInput } from "../cells";
import { Problems, showValue } from "../problems";
import { openTable } from "../tables";
import { CURRENCIES_SPEC } from "./specs";

/**
 * `Currencies` (optional): Code | Rate, the Rate being how many units of the base currency
 * (Settings Currency) one unit of Code buys (GBP at 1.27 on a USD budget). A code given twice,
 * a Rate that is not above 0, or the base currency at a Rate other than 1 is an error.
 */
export function readCurrencies(wb: WorkbookInput, base: string, problems: Problems): Map<string, number> {
  const out = new Map<string, number>();
  const t = openTable(wb, CURRENCIES_SPEC, problems);
  if (!t) return out;
  const rows = new Map<string, number>();
  for (const row of t.rows) {
    const code = t.text(row, "code", { required: true }).toUpperCase();
    if (!code) continue;
    if (!/^[A-Z]{3}$/.test(code)) {
      t.error(row, "code", `Code must be an ISO 4217 currency code like EUR, not ${showValue(t.value(row, "code"))}`);
      continue;
    }
    if (rows.has(code)) {
      t.error(row, "code", `Currency ${code} is already on row ${rows.get(code)}`);
      continue;
    }
    rows.set(code, row.excelRow);
    const rate = t.number(row, "rate", { required: true });
    if (rate === undefined) continue;
    if (!(rate > 0)) {
      t.error(row, "rate", `Rate must be more than 0 (units of ${base} for one ${code}), not ${showValue(t.value(row, "rate"))}`);
      continue;
    }
    if (code === base) {
      if (rate !== 1) t.error(row, "rate", `${code} is the base currency (Settings Currency), so its Rate is 1, not ${showValue(t.value(row, "rate"))}`);
      continue;
    }
    out.set(code, rate);
  }
  return out;
}
