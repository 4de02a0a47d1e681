/** The `Cast` table: who can be on a strip, their daily rate for hold costs and makeup time for call sheets. */
import { WorkbookInput } from "../cells";
import { fromUnits } from "../money";
import { parseTimeCell } from "../dates";
import { Problems, showValue } from "../problems";
import { TableReader, TableRow, TableSpec, openTable } from "../tables";
import { CastMember } from "./model";
import { clockCell, hoursCell, parseYesNo } from "./clock";

export const CAST_SPEC: TableSpec = {
  name: "Cast",
  columns: [
    { key: "id", header: "ID", aliases: ["Cast ID", "Cast #", "No", "Number", "#"], required: true },
    { key: "character", header: "Character", aliases: ["Role"] },
    { key: "actor", header: "Actor", aliases: ["Performer", "Name", "Talent"] },
    { key: "rate", header: "Daily Rate", aliases: ["Rate", "Day Rate"] },
    { key: "makeup", header: "Makeup", aliases: ["Makeup Minutes", "Make-up", "MU", "Hair Makeup", "HMU"] },
    { key: "contact", header: "Contact", aliases: ["Phone", "Email"] },
    // Issue 14 (docs/WORKBOOK-EXTENSIONS.md).
    { key: "minor", header: "Minor", aliases: ["Under 18", "Child"] },
    { key: "pickup", header: "Pickup", aliases: ["Pick Up", "Pickup Time"] },
    { key: "transport", header: "Transport", aliases: ["Transportation"] },
    { key: "turnaround", header: "Turnaround", aliases: ["Turnaround Hours", "Rest Period"] },
  ],
};

/** IDs match trimmed and case-insensitively: a strip's `1a` is Cast's `1A`. */
export function castKey(id: string): string {
  return id.trim().toUpperCase();
}

export interface CastTable {
  members: CastMember[];
  byKey: Map<string, CastMember>;
  /** False when the workbook has no Cast table at all. */
  present: boolean;
  reader?: TableReader;
}

export function readCast(wb: WorkbookInput, problems: Problems): CastTable {
  const t = openTable(wb, CAST_SPEC, problems);
  const out: CastTable = { members: [], byKey: new Map(), present: t !== undefined, reader: t };
  if (!t) return out;
  for (const row of t.rows) {
    const id = t.text(row, "id", { required: true });
    if (!id) continue;
    if (/,/.test(id)) {
      t.error(row, "id", `Cast ID ${showValue(id)} contains a comma, which separates IDs on a strip`);
      continue;
    }
    const key = castKey(id);
    const first = out.byKey.get(key);
    if (first) {
      t.error(row, "id", `Cast ID ${showValue(id)} is already used on row ${first.row}`);
      continue;
    }
    const rate = t.number(row, "rate", { blank: 0 });
    if (rate !== undefined && rate < 0) t.error(row, "rate", `Daily Rate must not be negative, not ${showValue(rate)}`);
    const member: CastMember = {
      row: row.excelRow,
      id,
      character: t.text(row, "character"),
      actor: t.text(row, "actor"),
      dailyRate: rate !== undefined && rate >= 0 ? fromUnits(rate) : 0,
      makeup: readMakeup(t, row),
      contact: t.text(row, "contact"),
    };
    if (t.has("minor")) {
      const v = t.value(row, "minor");
      const minor = parseYesNo(v);
      if (minor === undefined) t.error(row, "minor", `${t.header("minor")} must be yes or no, not ${showValue(v)}`);
      else if (minor) member.minor = true;
    }
    const pickup = t.has("pickup") ? clockCell(t, row, "pickup", "the makeup call") : undefined;
    if (pickup) member.pickup = pickup;
    const transport = t.text(row, "transport");
    if (transport) member.transport = transport;
    const turnaround = t.has("turnaround") ? hoursCell(t, row, "turnaround") : undefined;
    if (turnaround !== undefined) member.turnaround = turnaround;
    out.members.push(member);
    out.byKey.set(key, member);
  }
  return out;
}

/** Minutes: 90, "90", or a duration written as a time (1:30, or the Excel time 0.0625). */
function readMakeup(t: TableReader, row: TableRow): number {
  const v = t.value(row, "makeup");
  if (v === null || (typeof v === "string" && v.trim() === "")) return 0;
  if (typeof v === "number" && v > 0 && v < 1) return parseTimeCell(v) ?? 0;
  if (typeof v === "string" && v.includes(":")) {
    const m = parseTimeCell(v);
    if (m !== undefined) return m;
  }
  const n = t.number(row, "makeup");
  if (n === undefined) return 0;
  if (n < 0 || !Number.isInteger(n) || n >= 1440) {
    t.error(row, "makeup", `Makeup must be whole minutes from makeup call to set call (0 to 1439), not ${showValue(v)}`);
    return 0;
  }
  return n;
}
