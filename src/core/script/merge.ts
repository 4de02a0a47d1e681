/**
 * A revised script merged into a workbook that already has a board. Three-way, per cell: the
 * `Script Scenes` record says what the last import wrote, so a cell the user changed since is a
 * hand edit and is kept, while a cell still as imported takes the revised script's value. Strips
 * keep their rows and order (day breaks, banners and locks untouched); changed scenes get their
 * pages, cast and elements and are flagged with the revision colour; new scenes go to the
 * boneyard; scenes gone from the script are marked OMITTED, never deleted.
 */
import { CellValue, RawTable, WorkbookInput, findTable, isBlank } from "../cells";
import { headerKey } from "../tables";
import { ImportedScript, ScriptScene } from "./model";
import { CAST_HEADERS, BREAKDOWN_HEADERS, BONEYARD_ROW, SCRIPT_SCENES, SCRIPT_SCENES_HEADERS, TableRows, breakdownRows, elementKey, recordRow, sceneFields, stripRow, STRIPBOARD_HEADERS } from "./tables";

export interface MergeSummary {
  changed: string[];
  added: string[];
  omitted: string[];
  unchanged: number;
  /** Cells kept because the user had changed them since the last import. */
  handEditsKept: number;
  newCast: string[];
}

export interface MergeResult {
  tables: TableRows[];
  summary: MergeSummary;
}

const DAY_BREAK = /^end\s*of\s*day/i;
const BANNER = /^banner\s*:/i;
const BONEYARD = /^boneyard\b/i;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function col(headers: string[], name: string, aliases: string[] = []): number {
  const keys = [name, ...aliases].map(headerKey);
  return headers.findIndex((h) => keys.includes(headerKey(h)));
}

interface Record {
  fields: { [k: string]: string };
  characters: string[];
  elements: string[];
  digest: string;
}

function readRecord(raw: RawTable | undefined): Map<string, Record> {
  const out = new Map<string, Record>();
  if (!raw) return out;
  const h = raw.headers;
  const at = (name: string) => col(h, name);
  for (const r of raw.rows) {
    const scene = text(r[at("Scene")]);
    if (!scene) continue;
    const get = (n: string) => (at(n) >= 0 ? text(r[at(n)]) : "");
    out.set(scene.toUpperCase(), {
      fields: { intExt: get("Int/Ext"), dayNight: get("Day/Night"), set: get("Set"), scriptDay: get("Script Day"), pages: get("Pages"), description: get("Description"), extras: get("Extras") },
      characters: get("Characters").split(",").map((s) => s.trim()).filter(Boolean),
      elements: get("Elements").split(";").map((s) => s.trim()).filter(Boolean),
      digest: get("Digest"),
    });
  }
  return out;
}

const FIELD_COLUMNS: [keyof ReturnType<typeof sceneFields>, string, string[]][] = [
  ["intExt", "Int/Ext", ["I/E", "IE"]],
  ["dayNight", "Day/Night", ["D/N", "DN", "Time of Day"]],
  ["set", "Set", ["Set Name"]],
  ["pages", "Pages", ["Page Count", "Pgs", "Length"]],
  ["description", "Description", ["Synopsis"]],
  ["scriptDay", "Script Day", ["Story Day"]],
  ["extras", "Extras", ["Background", "BG"]],
];

/** Merges `script` into the workbook's tables; the result holds every table to write back whole. */
export function mergeScript(wb: WorkbookInput, script: ImportedScript, revision: string): MergeResult {
  const boardRaw = findTable(wb, "Stripboard");
  if (!boardRaw) throw new Error("mergeScript needs a Stripboard");
  const record = readRecord(findTable(wb, SCRIPT_SCENES));
  const summary: MergeSummary = { changed: [], added: [], omitted: [], unchanged: 0, handEditsKept: 0, newCast: [] };

  // Cast: existing IDs by character; new characters get the next free numbers.
  const castRaw = findTable(wb, "Cast");
  const castHeaders = castRaw ? [...castRaw.headers] : [...CAST_HEADERS];
  const castRows = castRaw ? castRaw.rows.map((r) => [...r]) : [];
  const idCol = Math.max(0, col(castHeaders, "ID", ["Cast ID", "Cast #", "No", "Number", "#"]));
  const charCol = col(castHeaders, "Character", ["Role"]);
  const ids = new Map<string, string>();
  let maxId = 0;
  for (const r of castRows) {
    const id = text(r[idCol]);
    if (/^\d+$/.test(id)) maxId = Math.max(maxId, Number(id));
    if (charCol >= 0 && id) ids.set(text(r[charCol]).toUpperCase(), id);
  }
  for (const c of script.cast) {
    if (ids.has(c)) continue;
    maxId++;
    ids.set(c, String(maxId));
    const row: CellValue[] = new Array<CellValue>(castHeaders.length).fill(null);
    row[idCol] = maxId;
    if (charCol >= 0) row[charCol] = c;
    castRows.push(row);
    summary.newCast.push(c);
  }

  // Stripboard: the user's columns, plus Revision and Status when missing.
  const headers = [...boardRaw.headers];
  for (const h of ["Revision", "Status"]) if (col(headers, h) < 0) headers.push(h);
  const width = headers.length;
  const sceneCol = Math.max(0, col(headers, "Scene", ["Sc", "Scene #", "Scene No", "Scene Number", "Scenes"]));
  const castCol = col(headers, "Cast", ["Cast IDs", "Cast Members"]);
  const revCol = col(headers, "Revision");
  const statusCol = col(headers, "Status");
  const rows = boardRaw.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])));
  const byNumber = new Map(script.scenes.map((s) => [s.number.toUpperCase(), s]));
  const onBoard = new Set<string>();
  const changed = new Set<string>();

  for (const row of rows) {
    const scene = text(row[sceneCol]);
    if (!scene || DAY_BREAK.test(scene) || BANNER.test(scene) || BONEYARD.test(scene)) continue;
    const key = scene.toUpperCase();
    onBoard.add(key);
    const now = byNumber.get(key);
    const old = record.get(key);
    if (!now) {
      if (old || record.size > 0) {
        if (!/^omitted/i.test(text(row[statusCol]))) summary.omitted.push(scene);
        row[statusCol] = "OMITTED";
        row[revCol] = revision;
      }
      continue;
    }
    const fields = sceneFields(now);
    if (old && old.digest === now.digest) {
      summary.unchanged++;
      continue;
    }
    // A cell as the last import wrote it takes the new value; a hand edit stays. Pages always
    // follow the script: a changed scene's length is the script's.
    let differs = !old;
    for (const [k, name, aliases] of FIELD_COLUMNS) {
      const c = col(headers, name, aliases);
      if (c < 0) continue;
      const was = old?.fields[k];
      const cell = text(row[c]);
      const next = fields[k];
      if (was !== undefined && was === next) continue;
      if (was !== undefined) differs = true;
      if (k === "pages" || cell === (was ?? "") || isBlank(row[c])) row[c] = k === "extras" && next ? Number(next) : next || null;
      else if (cell !== next) summary.handEditsKept++;
    }
    if (castCol >= 0) {
      const cell = text(row[castCol]).split(/[,;]/).map((s) => s.trim()).filter(Boolean);
      const oldIds = (old?.characters ?? []).map((c) => ids.get(c)).filter((x): x is string => !!x);
      const newIds = now.characters.map((c) => ids.get(c)).filter((x): x is string => !!x);
      const removed = new Set(oldIds.filter((x) => !newIds.includes(x)));
      const added = newIds.filter((x) => !oldIds.includes(x) && !cell.includes(x));
      const merged = [...cell.filter((x) => !removed.has(x)), ...added];
      if (merged.join(", ") !== cell.join(", ")) {
        row[castCol] = merged.join(", ") || null;
        differs = true;
      }
    }
    if (old && old.digest !== now.digest) differs = true;
    if (differs && old) {
      row[revCol] = now.revision ?? revision;
      row[statusCol] = "Changed";
      changed.add(key);
      if (!summary.changed.includes(scene)) summary.changed.push(scene);
    } else summary.unchanged++;
  }

  // New scenes: strips in the boneyard, on no shooting day, for the AD to place.
  const newScenes = script.scenes.filter((s) => !onBoard.has(s.number.toUpperCase()) && !s.omitted);
  if (newScenes.length > 0) {
    if (!rows.some((r) => BONEYARD.test(text(r[sceneCol])))) {
      const marker: CellValue[] = new Array<CellValue>(width).fill(null);
      marker[sceneCol] = BONEYARD_ROW;
      rows.push(marker);
    }
    for (const s of newScenes) {
      const std = stripRow(s, ids, { revision: s.revision ?? revision, status: "New" });
      const row: CellValue[] = new Array<CellValue>(width).fill(null);
      STRIPBOARD_HEADERS.forEach((h, i) => {
        const c = col(headers, h);
        if (c >= 0) row[c] = std[i];
      });
      rows.push(row);
      summary.added.push(s.number);
    }
  }

  return {
    tables: [
      { name: boardRaw.name, headers, rows },
      { name: castRaw?.name ?? "Cast", headers: castHeaders, rows: castRows },
      mergeBreakdown(wb, script, record, changed, new Set(newScenes.map((s) => s.number.toUpperCase()))),
      { name: SCRIPT_SCENES, headers: SCRIPT_SCENES_HEADERS, rows: mergedRecord(record, script) },
    ],
    summary,
  };
}

/**
 * Breakdown rows: a changed scene loses the elements the script dropped and gains the ones it
 * added; rows typed by hand, and quantities and notes edited by hand, stay.
 */
function mergeBreakdown(wb: WorkbookInput, script: ImportedScript, record: Map<string, Record>, changed: Set<string>, added: Set<string>): TableRows {
  const raw = findTable(wb, "Breakdown");
  const headers = raw ? [...raw.headers] : [...BREAKDOWN_HEADERS];
  const rows = raw ? raw.rows.map((r) => [...r]) : [];
  const sc = col(headers, "Scene");
  const cat = col(headers, "Category");
  const el = col(headers, "Element");
  const keep: CellValue[][] = [];
  const present = new Set<string>();
  for (const r of rows) {
    const scene = text(r[sc]).toUpperCase();
    const key = `${scene}|${text(r[cat])}: ${text(r[el])}`;
    if (changed.has(scene)) {
      const old = record.get(scene)?.elements ?? [];
      const now = script.scenes.find((s) => s.number.toUpperCase() === scene)?.elements.map(elementKey) ?? [];
      const k = `${text(r[cat])}: ${text(r[el])}`;
      if (old.includes(k) && !now.includes(k)) continue;
    }
    present.add(key.toLowerCase());
    keep.push(r);
  }
  const place = (s: ScriptScene) => {
    for (const b of breakdownRows(s)) {
      const key = `${s.number.toUpperCase()}|${b[1]}: ${b[2]}`.toLowerCase();
      if (present.has(key)) continue;
      const row: CellValue[] = new Array<CellValue>(headers.length).fill(null);
      BREAKDOWN_HEADERS.forEach((h, i) => {
        const c = col(headers, h);
        if (c >= 0) row[c] = b[i];
      });
      keep.push(row);
      present.add(key);
    }
  };
  for (const s of script.scenes) {
    const k = s.number.toUpperCase();
    if (changed.has(k) || added.has(k) || !record.has(k)) place(s);
  }
  return { name: raw?.name ?? "Breakdown", headers, rows: keep };
}

/** The record after the merge: the revised script's scenes, and the omitted ones as they were. */
function mergedRecord(record: Map<string, Record>, script: ImportedScript): CellValue[][] {
  const rows = script.scenes.map(recordRow);
  const now = new Set(script.scenes.map((s) => s.number.toUpperCase()));
  for (const [k, r] of record) {
    if (now.has(k)) continue;
    rows.push([k, "OMITTED", r.fields.intExt, r.fields.dayNight, r.fields.set, r.fields.scriptDay, r.fields.pages, r.characters.join(", "), r.elements.join("; "), r.fields.description, r.fields.extras, null, "omitted"]);
  }
  return rows;
}
