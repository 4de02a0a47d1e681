/**
 * The optional `Cast Days` table (Cast ID | Date | Code): travel (TR), rehearsal (R), fitting (FT)
 * and holiday (H) days of a cast member, paid on the DOOD beside the shooting days (issue 14).
 */
import { WorkbookInput } from "../cells";
import { Problems, showValue } from "../problems";
import { TableSpec, openTable } from "../tables";
import { CastTable, castKey } from "./cast";
import { CastDayCode, CastDayEntry } from "./model";

export const CAST_DAYS_SPEC: TableSpec = {
  name: "Cast Days",
  columns: [
    { key: "id", header: "Cast ID", aliases: ["ID", "Cast", "Cast #"], required: true },
    { key: "date", header: "Date", aliases: ["Day"], required: true },
    { key: "code", header: "Code", aliases: ["Type", "Kind"], required: true },
  ],
};

/** Codes as written, and the spelled-out words a coordinator may type instead. */
const CODES: Record<string, CastDayCode> = {
  TR: "TR",
  TRAVEL: "TR",
  R: "R",
  REHEARSAL: "R",
  FT: "FT",
  FITTING: "FT",
  H: "H",
  HOLIDAY: "H",
};

export interface CastDaysTable {
  entries: CastDayEntry[];
  sheet: string;
  table: string;
  /** The Date column's header as written, for warnings about a row's date. */
  dateColumn: string;
}

/** Rows with an unknown Cast ID, a date that is not a date or an unknown code are errors, each naming its cell. */
export function readCastDays(wb: WorkbookInput, cast: CastTable, problems: Problems): CastDaysTable {
  const t = openTable(wb, CAST_DAYS_SPEC, problems);
  const out: CastDaysTable = { entries: [], sheet: t?.sheet ?? CAST_DAYS_SPEC.name, table: t?.raw.name ?? CAST_DAYS_SPEC.name, dateColumn: t?.header("date") ?? "Date" };
  if (!t) return out;
  for (const row of t.rows) {
    const id = t.text(row, "id", { required: true });
    const member = id ? cast.byKey.get(castKey(id)) : undefined;
    if (id && !member) t.error(row, "id", `Cast ID ${showValue(id)} is not an ID of the Cast table`);
    const date = t.date(row, "date", { required: true });
    const raw = t.text(row, "code", { required: true });
    const code = raw ? CODES[raw.toUpperCase()] : undefined;
    if (raw && !code) t.error(row, "code", `Code must be TR (travel), R (rehearsal), FT (fitting) or H (holiday), not ${showValue(raw)}`);
    if (!member || date === undefined || !code) continue;
    out.entries.push({ row: row.excelRow, id: member.id, date, code });
  }
  return out;
}
