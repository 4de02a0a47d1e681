/**
 * The pane's two imports, each one Excel.run with a fixed number of syncs: read the tables (2),
 * plan in core (the same code as `prodbook import` and `prodbook ledger --import`), locate (2),
 * write (TABLE_WRITE_REQUESTS). A refusal or an input error writes nothing.
 *  - Import script: a Fountain or Final Draft file read in the pane, merged into the Stripboard
 *    (or a new board, Cast, Breakdown and Script Scenes when there is none).
 *  - Import ledger CSV: an accounting export appended to the Ledger; refused rows listed by CSV row.
 */
import { findTable } from "../core/cells";
import { describeImportProblem, planLedgerImport } from "../core/budget/ledgerImport";
import { describeProblem } from "../core/problems";
import { ScriptError } from "../core/script";
import { importResultText, planScriptImport } from "../core/script/importPlan";
import type { CommandOutcome, Message } from "./commands";
import type { ExcelHost } from "./host";
import { TableWriteFailed, TableWriteRefused, appendRows, writeWholeTables } from "./inputTables";
import { readWorkbook } from "./readWorkbook";
import { hostFeatures } from "./requirements";
import { errorText } from "./writeSheets";

export interface PickedFile {
  name: string;
  text: string;
}

export interface ImportOptions {
  onProgress?: (step: string, fraction: number) => void;
  now?: () => Date;
}

function failed(text: string, extra: Partial<CommandOutcome> = {}): CommandOutcome {
  return { ok: false, problems: [], written: [], messages: [{ intent: "error", text }], ...extra };
}

/** Import script: scenes added (boneyard), changed and omitted, in the CLI's words. */
export async function importScriptFile(host: ExcelHost, file: PickedFile, opts: ImportOptions = {}): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return failed(features.message!);
  const progress = opts.onProgress ?? (() => undefined);
  const today = Math.floor((opts.now ?? (() => new Date()))().getTime() / 86_400_000);
  try {
    return await host.run(async (ctx) => {
      progress("Reading the tables", 0);
      const wb = await readWorkbook(ctx);
      progress(`Reading ${file.name}`, 0.1);
      let plan;
      try {
        plan = planScriptImport(wb, file.name, file.text, { today });
      } catch (e) {
        if (e instanceof ScriptError) return failed(`${e.message}. Nothing was written.`);
        throw e;
      }
      if (plan.errors.length) {
        return failed(`Nothing was written: with this script the workbook would have ${plan.errors.length === 1 ? "an error" : `${plan.errors.length} errors`}. ${describeProblem(plan.errors[0])}`, { problems: plan.errors });
      }
      const written = await writeWholeTables(ctx, wb, plan.tables, (step, f) => progress(step, 0.2 + 0.75 * f));
      const board = findTable(wb, "Stripboard")?.sheet ?? "Stripboard";
      ctx.workbook.worksheets.getItem(board).activate();
      await ctx.sync();
      progress("Done", 1);
      const messages: Message[] = [{ intent: "success", text: `${plan.scriptLine} ${importResultText(plan, "the Stripboard")}` }];
      for (const w of plan.script.warnings.slice(0, 5)) messages.push({ intent: "warning", text: `${file.name} line ${w.line}: ${w.message}` });
      if (plan.mode === "new" && !findTable(wb, "Settings")) messages.push({ intent: "info", text: "Set the Start Date in Settings (it is the next Monday for now), then Build schedule." });
      const details =
        plan.mode === "merge" && plan.merge
          ? [
              { title: `Added to the boneyard (${plan.merge.added.length})`, items: plan.merge.added.map((s) => `Scene ${s}`) },
              { title: `Changed (${plan.merge.changed.length})`, items: plan.merge.changed.map((s) => `Scene ${s}`) },
              { title: `Omitted (${plan.merge.omitted.length})`, items: plan.merge.omitted.map((s) => `Scene ${s}`) },
            ].filter((d) => d.items.length > 0)
          : undefined;
      return {
        ok: true,
        problems: [],
        messages,
        details,
        written: [...written.replaced, ...written.created].map((name) => ({ layout: name, sheet: findTable(wb, name)?.sheet ?? name, action: written.created.includes(name) ? ("create" as const) : ("replace" as const) })),
      };
    });
  } catch (e) {
    if (e instanceof TableWriteRefused || e instanceof TableWriteFailed) return failed(e.message);
    return failed(`Prodbook could not import ${file.name}: ${errorText(e)}. Nothing was written.`);
  }
}

/** Import ledger CSV: lines added, duplicates skipped, refused rows listed with their CSV row. */
export async function importLedgerCsv(host: ExcelHost, file: PickedFile, opts: ImportOptions & { dayFirst?: boolean } = {}): Promise<CommandOutcome> {
  const features = hostFeatures(host);
  if (!features.ok) return failed(features.message!);
  const progress = opts.onProgress ?? (() => undefined);
  try {
    return await host.run(async (ctx) => {
      progress("Reading the tables", 0);
      const wb = await readWorkbook(ctx);
      if (!findTable(wb, "Ledger")) return failed("No Ledger table: press New production (its empty production has one), or add a table named Ledger with Date, Account, Vendor, Description, Amount, Type.");
      progress(`Checking ${file.name}`, 0.1);
      const plan = planLedgerImport(wb, file.text, { dayFirst: !!opts.dayFirst, fileName: file.name });
      if (plan.addedHeaders.length > 0) {
        const cols = plan.addedHeaders.join(" and ");
        plan.problems.push({ severity: "error", row: 0, column: "", message: `The lines carry ${cols} numbers but table ${plan.table} on sheet ${plan.sheet} has no ${cols} column: add ${plan.addedHeaders.length > 1 ? "them" : "it"} at the right of the table (header only) and import again` });
      }
      const errors = plan.problems.filter((p) => p.severity === "error");
      const warnings = plan.problems.filter((p) => p.severity === "warning");
      const listed = (ps: typeof plan.problems) => ps.map((p) => describeImportProblem(p, file.name));
      const skipped = plan.skipped.length ? [{ title: `Already in the Ledger, skipped (${plan.skipped.length})`, items: listed(plan.skipped) }] : [];
      if (errors.length > 0) {
        return failed(`Nothing was imported: ${errors.length === 1 ? "1 line of" : `${errors.length} lines of`} ${file.name} ${errors.length === 1 ? "was" : "were"} refused. Fix the CSV (or Accounts) and import again.`, {
          details: [{ title: `Refused (${errors.length})`, items: listed(errors) }, ...(warnings.length ? [{ title: `Warnings (${warnings.length})`, items: listed(warnings) }] : []), ...skipped],
        });
      }
      const raw = findTable(wb, plan.table)!;
      if (plan.rows.length > 0) await appendRows(ctx, raw, plan.rows, (step, f) => progress(step, 0.2 + 0.8 * f));
      progress("Done", 1);
      const skippedNote = plan.skipped.length ? `; ${plan.skipped.length} already in the Ledger, skipped` : "";
      const text =
        plan.rows.length > 0
          ? `Added ${plan.rows.length} line${plan.rows.length === 1 ? "" : "s"} of ${file.name} to table ${plan.table} on sheet ${plan.sheet}${skippedNote}. Update budget to see them on the Cost Report.`
          : `Nothing to add from ${file.name}${skippedNote}.`;
      return {
        ok: true,
        problems: [],
        messages: [{ intent: plan.rows.length > 0 ? "success" : "info", text }],
        details: [...(warnings.length ? [{ title: `Warnings (${warnings.length})`, items: listed(warnings) }] : []), ...skipped],
        written: plan.rows.length > 0 ? [{ layout: plan.table, sheet: plan.sheet, action: "replace" as const }] : [],
      };
    });
  } catch (e) {
    if (e instanceof TableWriteRefused || e instanceof TableWriteFailed) return failed(e.message);
    return failed(`Prodbook could not import ${file.name}: ${errorText(e)}. Nothing was written.`);
  }
}
