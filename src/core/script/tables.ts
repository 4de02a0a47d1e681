/**
 * An imported script as the workbook's input tables: a first-pass Stripboard in script order,
 * Cast, Breakdown, and the `Script Scenes` record a later revised import merges against.
 */
import { CellValue } from "../cells";
import { formatEighths } from "../schedule/eighths";
import { ElementTag, ImportedScript, ScriptScene } from "./model";

export interface TableRows {
  name: string;
  headers: string[];
  rows: CellValue[][];
}

export const STRIPBOARD_HEADERS = ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes", "Revision", "Status"];
export const CAST_HEADERS = ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"];
export const BREAKDOWN_HEADERS = ["Scene", "Category", "Element", "Quantity", "Notes"];
/** The import record: what each scene was in the script last imported. */
export const SCRIPT_SCENES = "Script Scenes";
export const SCRIPT_SCENES_HEADERS = ["Scene", "Heading", "Int/Ext", "Day/Night", "Set", "Script Day", "Pages", "Characters", "Elements", "Description", "Extras", "Page", "Digest"];

/** The Stripboard row that marks the boneyard: strips below it are on no shooting day. */
export const BONEYARD_ROW = "Boneyard";

export function scriptDayText(s: string): string {
  return /^\d+$/.test(s) ? `D${s}` : s;
}

/** Background count: the Quantity of its Background elements, a blank one counting 1. */
export function backgroundCount(elements: ElementTag[]): number {
  return elements.filter((e) => e.category === "Background").reduce((n, e) => n + (e.quantity ?? 1), 0);
}

export function elementKey(e: { category: string; element: string }): string {
  return `${e.category}: ${e.element}`;
}

export interface SceneFields {
  intExt: string;
  dayNight: string;
  set: string;
  scriptDay: string;
  pages: string;
  description: string;
  extras: string;
  notes: string;
}

export function sceneFields(s: ScriptScene): SceneFields {
  const bg = backgroundCount(s.elements);
  return {
    intExt: s.intExt,
    dayNight: s.dayNight,
    set: s.omitted ? "OMITTED" : s.set,
    scriptDay: scriptDayText(s.scriptDay),
    pages: formatEighths(s.eighths),
    description: s.description,
    extras: bg > 0 ? String(bg) : "",
    notes: s.timeNote,
  };
}

export function castIds(script: ImportedScript): Map<string, string> {
  return new Map(script.cast.map((c, i) => [c, String(i + 1)]));
}

export function stripRow(s: ScriptScene, ids: Map<string, string>, extra: { revision?: string; status?: string } = {}): CellValue[] {
  const f = sceneFields(s);
  const cast = s.characters.map((c) => ids.get(c)).filter((x): x is string => !!x).join(", ");
  return [s.number, f.intExt, f.dayNight, f.set, "", f.pages, cast, f.description, f.scriptDay, f.extras ? Number(f.extras) : null, f.notes, extra.revision ?? null, extra.status ?? (s.omitted ? "OMITTED" : null)];
}

export function breakdownRows(s: ScriptScene): CellValue[][] {
  return s.elements.map((e) => [s.number, e.category, e.element, e.quantity ?? null, e.notes ?? null]);
}

export function recordRow(s: ScriptScene): CellValue[] {
  const f = sceneFields(s);
  return [s.number, s.heading, f.intExt, f.dayNight, f.set, f.scriptDay, f.pages, s.characters.join(", "), s.elements.map(elementKey).join("; "), f.description, f.extras, s.page, s.digest];
}

export interface ImportOptions {
  /** Day breaks every this many pages (in eighths), in script order; 0 for none. */
  dayEighths?: number;
}

/**
 * A new production's tables from a script: strips in script order with a day break whenever a
 * day reaches `dayEighths` (a first pass for the AD to reorder or optimize), cast by order of first
 * appearance, every tagged element, and the import record.
 */
export function scriptTables(script: ImportedScript, opts: ImportOptions = {}): TableRows[] {
  const ids = castIds(script);
  const limit = opts.dayEighths ?? 5 * 8;
  const strips: CellValue[][] = [];
  let day = 1;
  let pages = 0;
  const scenes = script.scenes.filter((s) => !s.omitted);
  scenes.forEach((s, i) => {
    strips.push(stripRow(s, ids));
    pages += s.eighths;
    if (limit > 0 && pages >= limit && i < scenes.length - 1) {
      strips.push([`End of Day ${day}`, ...new Array<CellValue>(STRIPBOARD_HEADERS.length - 1).fill(null)]);
      day++;
      pages = 0;
    }
  });
  return [
    { name: "Stripboard", headers: STRIPBOARD_HEADERS, rows: strips },
    { name: "Cast", headers: CAST_HEADERS, rows: script.cast.map((c, i) => [i + 1, c, null, null, null, null]) },
    { name: "Breakdown", headers: BREAKDOWN_HEADERS, rows: script.scenes.flatMap(breakdownRows) },
    { name: SCRIPT_SCENES, headers: SCRIPT_SCENES_HEADERS, rows: script.scenes.map(recordRow) },
  ];
}
