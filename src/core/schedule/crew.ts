/**
 * Issue 14: the `Crew` table (who is called, by department) and the `Contacts` table (key
 * contacts printed on every call sheet). Both optional.
 */
import { WorkbookInput } from "../cells";
import { Problems } from "../problems";
import { TableSpec, openTable } from "../tables";
import { Clock, clockCell } from "./clock";

export const CREW_SPEC: TableSpec = {
  name: "Crew",
  columns: [
    { key: "department", header: "Department", aliases: ["Dept"] },
    { key: "position", header: "Position", aliases: ["Title", "Job", "Role"] },
    { key: "name", header: "Name", aliases: ["Crew Member", "Person"] },
    { key: "phone", header: "Phone", aliases: ["Mobile", "Cell", "Contact"] },
    { key: "call", header: "Call", aliases: ["Call Time", "Crew Call"] },
  ],
};

export const CONTACTS_SPEC: TableSpec = {
  name: "Contacts",
  columns: [
    { key: "role", header: "Role", aliases: ["Position", "Title", "Contact"] },
    { key: "name", header: "Name" },
    { key: "phone", header: "Phone", aliases: ["Mobile", "Cell"] },
    { key: "email", header: "Email", aliases: ["E-mail", "Mail"] },
  ],
};

export interface CrewMember {
  row: number;
  department: string;
  position: string;
  name: string;
  phone: string;
  /** Blank: the day's crew call. */
  call?: Clock;
}

export interface Contact {
  row: number;
  role: string;
  name: string;
  phone: string;
  email: string;
}

/** Crew rows in table order; a blank Department is the one above it, so a department is written once. */
export function readCrew(wb: WorkbookInput, problems: Problems): CrewMember[] {
  const t = openTable(wb, CREW_SPEC, problems);
  if (!t) return [];
  const out: CrewMember[] = [];
  let department = "";
  for (const row of t.rows) {
    department = t.text(row, "department") || department;
    const position = t.text(row, "position");
    const name = t.text(row, "name");
    const call = clockCell(t, row, "call", "crew call");
    if (!position && !name) {
      t.warning(row, t.has("name") ? "name" : "position", `A Crew row needs a Position or a Name; this row is not printed`);
      continue;
    }
    out.push({ row: row.excelRow, department: department || "Crew", position, name, phone: t.text(row, "phone"), call });
  }
  return out;
}

export function readContacts(wb: WorkbookInput, problems: Problems): Contact[] {
  const t = openTable(wb, CONTACTS_SPEC, problems);
  if (!t) return [];
  return t.rows.map((row) => ({ row: row.excelRow, role: t.text(row, "role"), name: t.text(row, "name"), phone: t.text(row, "phone"), email: t.text(row, "email") }));
}
