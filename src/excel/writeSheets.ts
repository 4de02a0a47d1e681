/**
 * Writes generated sheets into the open workbook, safely:
 *  - ownership: the very hidden `_Prodbook` sheet lists what Prodbook wrote with a fingerprint of
 *    the values; only unchanged Prodbook sheets are replaced, anything else is kept and the new
 *    sheet goes beside it ("Top Sheet (2)");
 *  - all or nothing: new sheets are written under temporary names, then swapped in; if anything
 *    fails, what this run made is deleted and renamed sheets get their names back;
 *  - a fixed number of syncs: 1 (state) + 1 (fingerprints, on a rewrite) + WRITE_REQUESTS + 1
 *    (swap) + 1 (remove the replaced sheets), however big the production, each request < 5 MB.
 */
import { SheetLayout } from "../core/layout/types";
import {
  REGISTRY_HEADERS,
  REGISTRY_SHEET,
  RegistryEntry,
  ReadBackValue,
  WriteAction,
  describeBeside,
  fingerprintValues,
  layoutReadBackGrid,
  planWrites,
} from "../core/layout/ownership";
import { WriteChunk, compileLayout } from "./render";
import type { HostFeatures } from "./requirements";

/**
 * Requests the cell writes are spread over, whatever the production's size: enough that a
 * 600-day schedule with a call sheet a day fits (measured through office.js, test/officejs).
 */
export const WRITE_REQUESTS = 24;
/**
 * What one request may carry by our estimate (an upper bound of what office.js serializes);
 * Excel on the web refuses more than 5 MB, and we keep every request under 4.5 MB.
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
const TEMP_PREFIX = "~PB new ";
const BACKUP_PREFIX = "~PB old ";

export type Progress = (step: string, fraction: number) => void;

export interface WriteOptions {
  features: Pick<HostFeatures, "pageLayout" | "screenUpdating" | "indentLevel">;
  onProgress?: Progress;
  /** Timestamp written to the registry. */
  now?: () => Date;
}

export interface WrittenSheet {
  layout: string;
  sheet: string;
  action: WriteAction["action"];
}

export interface WriteReport {
  written: WrittenSheet[];
  /** "Top Sheet was changed since Prodbook wrote it, so it was kept and the new one is Top Sheet (2)." */
  messages: string[];
}

/** A write that failed and was undone: the workbook is as it was. */
export class WriteFailed extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
    readonly rolledBack: boolean,
  ) {
    super(message);
    this.name = "WriteFailed";
  }
}

interface SheetInfo {
  id: string;
  name: string;
  position: number;
  visibility: string;
}

function parseRegistry(values: unknown[][] | undefined): RegistryEntry[] {
  if (!values || values.length < 2) return [];
  return values
    .slice(1)
    .map((r) => ({ sheet: String(r[0] ?? ""), kind: String(r[1] ?? ""), fingerprint: String(r[2] ?? ""), written: String(r[3] ?? "") }))
    .filter((e) => e.sheet !== "");
}

/** Used-range values padded back to A1, as fingerprintValues expects. */
function gridFromA1(values: unknown[][], rowIndex: number, columnIndex: number): ReadBackValue[][] {
  const pad: ReadBackValue[] = Array.from({ length: columnIndex }, () => null);
  const rows: ReadBackValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const r of values) rows.push([...pad, ...r.map((v) => (v === "" ? null : (v as ReadBackValue)))]);
  return rows;
}

/** Spreads chunks over exactly `requests` batches by cumulative size; more only past requests × budget. */
export function packRequests(chunks: { bytes: number }[], requests = WRITE_REQUESTS, budget = REQUEST_BUDGET): number[] {
  const total = chunks.reduce((s, c) => s + c.bytes, 0);
  const biggest = chunks.reduce((m, c) => Math.max(m, c.bytes), 0);
  let n = requests;
  while (total / n + biggest > budget) n++;
  const target = total / n;
  const out: number[] = [];
  let before = 0;
  let batch = 0;
  let inBatch = 0;
  for (const c of chunks) {
    // Next batch when this chunk starts past the batch's share, or would overflow the budget.
    const share = Math.min(n - 1, Math.floor(before / target || 0));
    if (share > batch || inBatch + c.bytes > budget) {
      batch = Math.max(share, batch + (inBatch + c.bytes > budget ? 1 : 0));
      inBatch = 0;
    }
    out.push(batch);
    inBatch += c.bytes;
    before += c.bytes;
  }
  return out;
}

/** How many write requests a set of chunks needs: WRITE_REQUESTS unless the production is enormous. */
export function requestCount(assignments: number[]): number {
  return Math.max(WRITE_REQUESTS, ...assignments.map((b) => b + 1));
}

export async function writeSheets(ctx: Excel.RequestContext, layouts: SheetLayout[], opts: WriteOptions): Promise<WriteReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? (() => new Date());

  // 1. What the workbook holds: sheet names and the registry.
  progress("Checking which sheets are Prodbook's", 0);
  const sheets = ctx.workbook.worksheets.load("items/name,items/id,items/position,items/visibility");
  const regSheet = ctx.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  const regUsed = regSheet.getUsedRangeOrNullObject(true).untrack().load("values");
  const active = ctx.workbook.worksheets.getActiveWorksheet().load("id");
  await ctx.sync();
  const activeId = active.id;
  const existing: SheetInfo[] = sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position, visibility: s.visibility }));
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const registryExists = !regSheet.isNullObject;
  const oldRegistryValues = regUsed.isNullObject ? undefined : (regUsed.values as unknown[][]);
  const registry = parseRegistry(oldRegistryValues).filter((e) => byName.has(e.sheet.toLowerCase()));

  // 2. Fingerprints of the Prodbook sheets we might replace (one request, only on a rewrite).
  const registered = new Set(registry.map((e) => e.sheet.toLowerCase()));
  const toCheck = layouts.filter((l) => byName.has(l.name.toLowerCase()) && registered.has(l.name.toLowerCase()));
  const fingerprints = new Map<string, string>();
  if (toCheck.length) {
    // Fresh results first: a suspended calculation (ours or another add-in's) leaves formulas stale.
    ctx.workbook.application.calculate(RECALCULATE);
    const used = toCheck.map((l) => ({
      name: l.name.toLowerCase(),
      range: ctx.workbook.worksheets.getItem(l.name).getUsedRangeOrNullObject(true).untrack().load("values,rowIndex,columnIndex"),
    }));
    await ctx.sync();
    for (const u of used) {
      fingerprints.set(u.name, u.range.isNullObject ? fingerprintValues([]) : fingerprintValues(gridFromA1(u.range.values, u.range.rowIndex, u.range.columnIndex)));
    }
  }
  const plan = planWrites(
    layouts,
    existing.map((s) => s.name),
    registry,
    (name) => fingerprints.get(name.toLowerCase()) ?? "",
  );

  // Temporary and backup names that clash with nothing.
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  let serial = 1;
  const freeName = (prefix: string) => {
    while (taken.has(`${prefix}${serial}`.toLowerCase())) serial++;
    const n = `${prefix}${serial++}`;
    taken.add(n.toLowerCase());
    return n;
  };
  const jobs = plan.map((action) => ({ action, temp: freeName(TEMP_PREFIX), chunks: compileLayout(action.layout, opts.features) }));
  const flat: { job: (typeof jobs)[number]; chunk: WriteChunk }[] = jobs.flatMap((job) => job.chunks.map((chunk) => ({ job, chunk })));
  const assignment = packRequests(flat.map((f) => f.chunk));
  const nRequests = requestCount(assignment);

  const createdTemps = jobs.map((j) => j.temp);
  const backups: { id: string; original: string; backup: string; visibility: string }[] = [];
  let createdRegistry = false;
  try {
    // 3. Write every new sheet under its temporary name, in a fixed number of requests.
    for (let b = 0; b < nRequests; b++) {
      progress(b === 0 ? "Writing sheets" : `Writing sheets (${b + 1} of ${nRequests})`, 0.1 + (0.7 * b) / nRequests);
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      if (opts.features.screenUpdating) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      if (b === 0) for (const j of jobs) ctx.workbook.worksheets.add(j.temp);
      const onSheet = new Map<string, Excel.Worksheet>();
      flat.forEach((f, i) => {
        if (assignment[i] !== b) return;
        let ws = onSheet.get(f.job.temp);
        if (!ws) onSheet.set(f.job.temp, (ws = ctx.workbook.worksheets.getItem(f.job.temp)));
        f.chunk.apply(ws);
      });
      await ctx.sync();
    }

    // 4. Swap: old Prodbook sheets step aside (renamed, very hidden), new ones take the names,
    //    the registry is rewritten. Positions: a replacement takes its old sheet's place; a sheet
    //    written beside a kept one goes right after it.
    progress("Putting the new sheets in place", 0.85);
    const moves: { temp: string; target: number }[] = [];
    for (const j of jobs) {
      const a = j.action;
      if (a.action === "replace") {
        const old = byName.get(a.name.toLowerCase())!;
        const backup = freeName(BACKUP_PREFIX);
        backups.push({ id: old.id, original: old.name, backup, visibility: old.visibility });
        moves.push({ temp: j.temp, target: old.position });
      } else if (a.action === "beside") {
        const kept = byName.get(a.kept.toLowerCase());
        if (kept) moves.push({ temp: j.temp, target: kept.position + 1 });
      }
    }
    for (const b of backups) ctx.workbook.worksheets.getItem(b.id).name = b.backup;
    for (const j of jobs) ctx.workbook.worksheets.getItem(j.temp).name = j.action.name;
    for (const b of backups) ctx.workbook.worksheets.getItem(b.id).visibility = "VeryHidden";
    moves
      .sort((x, y) => x.target - y.target)
      .forEach((m, i) => {
        const job = jobs.find((j) => j.temp === m.temp)!;
        ctx.workbook.worksheets.getItem(job.action.name).position = m.target + i;
      });
    const stamp = now().toISOString();
    const entries = new Map(registry.map((e) => [e.sheet.toLowerCase(), e]));
    for (const j of jobs) {
      entries.set(j.action.name.toLowerCase(), {
        sheet: j.action.name,
        kind: j.action.layout.kind,
        fingerprint: fingerprintValues(layoutReadBackGrid(j.action.layout)),
        written: stamp,
      });
    }
    const regRows = [[...REGISTRY_HEADERS] as string[], ...[...entries.values()].map((e) => [e.sheet, e.kind, e.fingerprint, e.written])];
    let reg: Excel.Worksheet;
    if (registryExists) {
      reg = ctx.workbook.worksheets.getItem(REGISTRY_SHEET);
      reg.getRange("A:D").untrack().clear("All");
    } else {
      reg = ctx.workbook.worksheets.add(REGISTRY_SHEET);
      createdRegistry = true;
    }
    const regRange = reg.getRange(`A1:D${regRows.length}`).untrack();
    regRange.numberFormat = regRows.map((r) => r.map(() => "@"));
    regRange.values = regRows;
    reg.visibility = "VeryHidden";
    if (jobs.length) ctx.workbook.worksheets.getItem(jobs[0].action.name).activate();
    // The writes ran with calculation suspended, which leaves re-calculating to us
    // (Application.suspendApiCalculationUntilNextSync): formulas would show stale results.
    ctx.workbook.application.calculate(RECALCULATE);
    await ctx.sync();
  } catch (e) {
    const undone = await rollback(ctx, {
      before: new Set(existing.map((s) => s.id)),
      names: [...createdTemps, ...jobs.map((j) => j.action.name), REGISTRY_SHEET],
      backups,
      oldRegistry: createdRegistry ? undefined : oldRegistryValues,
      activeId,
    });
    throw new WriteFailed(
      undone
        ? `Nothing was changed: writing the sheets failed (${errorText(e)}), and what was written has been removed.`
        : `Writing the sheets failed (${errorText(e)}) and could not be fully undone; look for sheets named "${TEMP_PREFIX}…".`,
      e,
      undone,
    );
  }

  // 5. The replaced sheets go. The new ones are already in place, so a failure here leaves only
  //    very hidden copies behind, never a half-written workbook.
  const messages = plan.filter((a): a is Extract<WriteAction, { action: "beside" }> => a.action === "beside").map(describeBeside);
  if (backups.length) {
    for (const b of backups) deleteSheet(ctx.workbook.worksheets.getItem(b.id));
    try {
      await ctx.sync();
    } catch (e) {
      messages.push(`The new sheets are in place, but the old copies could not be removed (${errorText(e)}); they are very hidden sheets named "${BACKUP_PREFIX}…".`);
    }
  }
  progress("Done", 1);
  return { written: plan.map((a) => ({ layout: a.layout.name, sheet: a.name, action: a.action })), messages };
}

/** Excel.CalculationType.recalculate, as a literal: the adapter runs where `Excel` is not a global too. */
export const RECALCULATE = "Recalculate" as Excel.CalculationType.recalculate;

/**
 * Deletes a sheet whatever its visibility: `Worksheet.delete()` on a very hidden sheet fails with
 * InvalidOperation (its JSDoc), so it is made hidden first, in the same request.
 */
export function deleteSheet(ws: Excel.Worksheet): void {
  ws.visibility = "Hidden" as Excel.SheetVisibility.hidden;
  ws.delete();
}

export function errorText(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: string; message?: string };
    return [o.code, o.message].filter(Boolean).join(": ") || String(e);
  }
  return String(e);
}

/**
 * Puts the workbook back as it was: sheets this run made (ids not there before, under a name this
 * run used) are deleted, renamed sheets get their names and visibility back, the registry its old
 * contents, the active sheet is active again. Two syncs; true when everything was undone.
 */
async function rollback(
  ctx: Excel.RequestContext,
  undo: {
    before: Set<string>;
    names: string[];
    backups: { id: string; original: string; visibility: string }[];
    oldRegistry: unknown[][] | undefined;
    activeId: string;
  },
): Promise<boolean> {
  try {
    const sheets = ctx.workbook.worksheets.load("items/name,items/id");
    await ctx.sync();
    const ours = new Set(undo.names.map((t) => t.toLowerCase()));
    for (const s of sheets.items) {
      if (!undo.before.has(s.id) && ours.has(s.name.toLowerCase())) deleteSheet(s);
    }
    for (const b of undo.backups) {
      const ws = ctx.workbook.worksheets.getItem(b.id);
      ws.name = b.original;
      ws.visibility = b.visibility as Excel.SheetVisibility;
    }
    const reg = sheets.items.find((s) => undo.before.has(s.id) && s.name.toLowerCase() === REGISTRY_SHEET.toLowerCase());
    if (reg) {
      reg.getRange("A:D").untrack().clear("All");
      const old = undo.oldRegistry;
      if (old?.length) {
        const range = reg.getRange("A1").untrack().getResizedRange(old.length - 1, Math.max(1, old[0]?.length ?? 1) - 1).untrack();
        range.numberFormat = old.map((r) => r.map(() => "@"));
        range.values = old as string[][];
      }
    }
    ctx.workbook.worksheets.getItem(undo.activeId).activate();
    // The failed writes ran with calculation suspended: re-calculate, or formulas stay stale.
    ctx.workbook.application.calculate(RECALCULATE);
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}
