import { CellValue, RawTable, WorkbookInput } from "../../../src/core/cells";

/** A table as an adapter would hand it over: headers in `headerRow`, data below. */
export function table(name: string, headers: string[], rows: CellValue[][], headerRow = 1): RawTable {
  return { name, sheet: name, headerRow, firstColumn: 1, headers, rows };
}

export const BOARD_HEADERS = ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"];

/** A strip row: scene, I/E, D/N, set, location, pages, cast, description?, notes? */
export function strip(
  scene: CellValue,
  ie: string,
  dn: string,
  set: string,
  location: string,
  pages: CellValue,
  cast: CellValue,
  description = "",
  notes = "",
): CellValue[] {
  return [scene, ie, dn, set, location, pages, cast, description, "", "", notes];
}

export function marker(text: string): CellValue[] {
  return [text, "", "", "", "", null, "", "", "", "", ""];
}

export function board(rows: CellValue[][]): RawTable {
  return table("Stripboard", BOARD_HEADERS, rows);
}

export function settingsTable(pairs: [string, CellValue][]): RawTable {
  return table("Settings", ["Key", "Value"], pairs);
}

export const CAST_HEADERS = ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"];

export function workbook(...tables: RawTable[]): WorkbookInput {
  return { name: "Test.xlsx", tables };
}
