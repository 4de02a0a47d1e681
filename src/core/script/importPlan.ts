/**
 * One script import, whoever runs it (`prodbook import`, the task pane's Import script): read the
 * script, then either a new production's tables (no Stripboard yet) or the revised script merged
 * into the board, the revision colour, the check that the result still reads, and the sentences
 * that report it. The adapters only read files and write the tables.
 */
import { CellValue, RawTable, WorkbookInput, findTable, normalizeName } from "../cells";
import { EpochDay } from "../dates";
import { runEngine } from "../engine";
import { Problem } from "../problems";
import { formatEighths } from "../schedule/eighths";
import { REVISION_COLORS, revisionColor } from "./categories";
import { ScriptError, importScript } from "./index";
import { MergeSummary, mergeScript } from "./merge";
import { ImportedScript } from "./model";
import { TableRows, scriptTables } from "./tables";

export interface ScriptImportOptions {
  /** Revision colour of this draft (merge only); default the script's own, else the next after the board's last. */
  revision?: string;
  /** New production: day breaks every this many pages (default 5, 0 for none). */
  dayPages?: number;
  /** New production: Start Date (default the Monday after `today`). */
  start?: EpochDay;
  /** Today, for the default Start Date. */
  today?: EpochDay;
}

export interface ScriptImportPlan {
  mode: "new" | "merge";
  script: ImportedScript;
  /** Whole tables to write: existing ones replaced row for row, missing ones added. */
  tables: TableRows[];
  /** The merge's revision colour. */
  revision?: string;
  merge?: MergeSummary;
  /** Errors the workbook would have with these tables: when any, nothing may be written. */
  errors: Problem[];
  /** "Pilot.fountain: 12 scenes, 14 2/8 pages, 6 speaking or marked characters." */
  scriptLine: string;
}

/** The colour after the latest one the board's Revision column already holds. */
export function nextRevision(input: WorkbookInput): string {
  const board = findTable(input, "Stripboard");
  const c = board ? board.headers.findIndex((h) => /^revision$/i.test(h.trim())) : -1;
  let last = 0;
  if (board && c >= 0) for (const r of board.rows) last = Math.max(last, REVISION_COLORS.indexOf((revisionColor(String(r[c] ?? "")) ?? "White") as (typeof REVISION_COLORS)[number]));
  return REVISION_COLORS[Math.min(last + 1, REVISION_COLORS.length - 1)];
}

/** The Monday after `day` (1970-01-01, EpochDay 0, was a Thursday). */
export function nextMonday(day: EpochDay): EpochDay {
  const wd = (day + 3) % 7;
  return day + (wd === 0 ? 7 : 7 - wd);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function scriptSummaryLine(fileName: string, s: ImportedScript): string {
  return `${fileName}: ${plural(s.scenes.length, "scene")}, ${formatEighths(s.pageEighths)} page${s.pageEighths === 8 ? "" : "s"}, ${s.cast.length} speaking or marked character${s.cast.length === 1 ? "" : "s"}.`;
}

/** "3 changed: 4, 7, 9; 1 new in the boneyard: 12; 0 omitted; 8 unchanged; 2 hand edit(s) kept". */
export function mergeSummaryText(s: MergeSummary): string {
  const list = (xs: string[]) => (xs.length ? `: ${xs.join(", ")}` : "");
  return `${s.changed.length} changed${list(s.changed)}; ${s.added.length} new in the boneyard${list(s.added)}; ${s.omitted.length} omitted${list(s.omitted)}; ${s.unchanged} unchanged; ${s.handEditsKept} hand edit(s) kept${s.newCast.length ? `; new cast: ${s.newCast.join(", ")}` : ""}`;
}

/** A new production's Settings for an imported script. */
export function scriptSettings(title: string, start: EpochDay): TableRows {
  return { name: "Settings", headers: ["Key", "Value"], rows: [["Production", title], ["Start Date", new Date(start * 86_400_000)], ["Days Off", "Sat, Sun"], ["Crew Call", "07:00"]] };
}

/** The workbook as it reads once `tables` are written: each replaces its namesake, or is added. */
export function withTables(wb: WorkbookInput, tables: TableRows[]): WorkbookInput {
  const out: RawTable[] = wb.tables.map((t) => {
    const next = tables.find((n) => normalizeName(n.name) === normalizeName(t.name));
    return next ? { ...t, headers: [...next.headers], rows: next.rows.map((r) => [...r]) } : t;
  });
  for (const t of tables) {
    if (wb.tables.some((x) => normalizeName(x.name) === normalizeName(t.name))) continue;
    out.push({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: [...t.headers], rows: t.rows.map((r) => [...r] as CellValue[]) });
  }
  return { ...wb, tables: out, problems: [] };
}

/**
 * Reads `text` (a Fountain or Final Draft file called `fileName`) and plans its import into `wb`:
 * merged into the Stripboard when there is one, else a new production's tables (and Settings when
 * the workbook has none). Throws ScriptError for a file that is not a readable script.
 */
export function planScriptImport(wb: WorkbookInput, fileName: string, text: string, opts: ScriptImportOptions = {}): ScriptImportPlan {
  if (text.startsWith("PK\u0003\u0004") || text.startsWith("%PDF")) {
    throw new ScriptError(`${fileName} is not a text script: import a Fountain (.fountain) or Final Draft (.fdx) file`);
  }
  const script = importScript(fileName, text);
  const scriptLine = scriptSummaryLine(fileName, script);
  let plan: ScriptImportPlan;
  if (findTable(wb, "Stripboard")) {
    const revision = opts.revision ?? script.revision ?? nextRevision(wb);
    const { tables, summary } = mergeScript(wb, script, revision);
    plan = { mode: "merge", script, tables, revision, merge: summary, errors: [], scriptLine };
  } else {
    const start = opts.start ?? nextMonday(opts.today ?? Math.floor(Date.now() / 86_400_000));
    const title = script.title || fileName.replace(/\.[^.]+$/, "");
    const tables = scriptTables(script, { dayEighths: Math.round((opts.dayPages ?? 5) * 8) });
    if (!findTable(wb, "Settings")) tables.unshift(scriptSettings(title, start));
    plan = { mode: "new", script, tables, errors: [], scriptLine };
  }
  // What is written must read: the engine's errors on the result, before anything is written.
  plan.errors = runEngine(withTables(wb, plan.tables)).problems.filter((p) => p.severity === "error");
  return plan;
}

/** What the import did, in one sentence after `scriptLine`. */
export function importResultText(plan: ScriptImportPlan, where: string): string {
  if (plan.mode === "merge" && plan.merge) return `Merged into ${where} (${plan.revision} revision): ${mergeSummaryText(plan.merge)}.`;
  const elements = plan.script.scenes.reduce((n, s) => n + s.elements.length, 0);
  const names = plan.tables.map((t) => (t.name === "Cast" ? `Cast (${plan.script.cast.length})` : t.name === "Breakdown" ? `Breakdown (${plural(elements, "element")})` : t.name));
  return `Wrote ${where}: ${names.join(", ")}.`;
}
