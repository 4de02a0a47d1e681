/**
 * Globals: named values budget lines use, as in Movie Magic Budgeting. The `Globals` table
 * (Name | Value | Description) holds the user's (`PREP_WEEKS`, `HOURS_PER_DAY`); Prodbook adds
 * the ones it computes from the schedule, always current: SHOOT_DAYS, SHOOT_WEEKS, HOLIDAYS,
 * SHOOT_START, SHOOT_END and, per cast ID, CAST_<id>_WORK / _HOLD / _DROP / _PAID.
 *
 * A Value may itself be an expression of other globals (`PREP_WEEKS + SHOOT_WEEKS`); a cycle is
 * an error that spells out the chain. A typed global that Prodbook computes from the schedule is
 * used only while the workbook has no Stripboard (budgeting before the board exists); once there
 * is one, the schedule's figure wins and a different typed figure is a warning.
 */
import { CellValue, WorkbookInput, isBlank } from "./cells";
import { EpochDay, toExcelSerial, weekday } from "./dates";
import { Expr, ExprError, evalExpr, parseExpr } from "./expr";
import { Problems, showValue } from "./problems";
import { Settings } from "./settings";
import { TableReader, TableSpec, openTable } from "./tables";
import type { ScheduleModel } from "./schedule/model";
import { paidDays } from "./schedule/dood";

export const GLOBALS_SPEC: TableSpec = {
  name: "Globals",
  columns: [
    { key: "name", header: "Name", aliases: ["Global", "Variable"], required: true },
    { key: "value", header: "Value", aliases: ["Amount"], required: true },
    { key: "description", header: "Description", aliases: ["Desc", "Notes"] },
  ],
};

export type GlobalSource = "table" | "schedule" | "default";

export interface GlobalValue {
  /** As written (computed ones upper-case). */
  name: string;
  value: number;
  description: string;
  source: GlobalSource;
  /** Excel row in `Globals`, for a typed one. */
  row?: number;
  /** The expression text when the Value was one. */
  formula?: string;
}

export interface Globals {
  /** In order: the table's rows, then the computed ones. */
  list: GlobalValue[];
  /** Upper-cased name → global. */
  byKey: Map<string, GlobalValue>;
}

export const GLOBAL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The name part a cast ID takes in a global: `1` → `1`, `1A` → `1A`, `Dr. Who` → `DR_WHO`. */
export function castGlobalKey(id: string): string {
  return id.trim().toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

export type CastDayKind = "WORK" | "HOLD" | "DROP" | "PAID";
export const CAST_DAY_KINDS: readonly CastDayKind[] = ["WORK", "HOLD", "DROP", "PAID"];

export function castGlobalName(id: string, kind: CastDayKind): string {
  return `CAST_${castGlobalKey(id)}_${kind}`;
}

/** Paid days on the DOOD: work + hold + Cast Days travel, rehearsal, fitting and run holidays (drop days are not paid). */
export { paidDays };

/** Holidays of the Holidays table inside the shoot (first to last shooting date) that fall on a shooting weekday. */
export function holidaysInShoot(holidays: readonly EpochDay[], start: EpochDay | undefined, end: EpochDay | undefined, daysOff: readonly number[]): number {
  if (start === undefined || end === undefined) return 0;
  const seen = new Set<EpochDay>();
  for (const h of holidays) if (h >= start && h <= end && !daysOff.includes(weekday(h))) seen.add(h);
  return seen.size;
}

/** Days per week a weekly deal is worked: 7 less the Days Off (5 for `Sat, Sun`), at least 1. */
export function defaultDaysPerWeek(settings: Pick<Settings, "daysOff" | "daysPerWeek">): number {
  // Settings Days Per Week (issue 12) when given, else the weekdays Days Off leaves.
  return settings.daysPerWeek ?? Math.max(1, 7 - new Set(settings.daysOff).size);
}

/** The globals Prodbook computes. Without a schedule only DAYS_PER_WEEK (a default the table may override). */
export function computedGlobals(settings: Pick<Settings, "daysOff">, schedule: ScheduleModel | undefined, daysPerWeek: number): GlobalValue[] {
  const out: GlobalValue[] = [];
  if (!schedule) return out;
  const add = (name: string, value: number, description: string) => out.push({ name, value, description, source: "schedule" });
  const days = schedule.days.length;
  const start = schedule.days[0]?.date;
  const end = schedule.days[days - 1]?.date;
  add("SHOOT_DAYS", days, "Shooting days on the Stripboard");
  add("SHOOT_WEEKS", Number((days / daysPerWeek).toPrecision(15)), `Shooting days ÷ DAYS_PER_WEEK (${daysPerWeek})`);
  add("HOLIDAYS", holidaysInShoot(schedule.holidays.map((h) => h.date), start, end, settings.daysOff), "Holidays between the first and last shooting day, on a shooting weekday");
  if (start !== undefined) add("SHOOT_START", toExcelSerial(start), "First shooting date (an Excel date)");
  if (end !== undefined) add("SHOOT_END", toExcelSerial(end), "Last shooting date (an Excel date)");
  const seen = new Set<string>();
  for (const r of schedule.dood.cast) {
    const key = castGlobalKey(r.id);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const who = `cast ${r.id}${r.character ? ` (${r.character})` : ""}`;
    add(castGlobalName(r.id, "WORK"), r.work, `Work days of ${who} on the DOOD`);
    add(castGlobalName(r.id, "HOLD"), r.hold, `Hold days of ${who} on the DOOD`);
    add(castGlobalName(r.id, "DROP"), r.drop, `Drop days of ${who} on the DOOD (not paid)`);
    add(castGlobalName(r.id, "PAID"), paidDays(r), r.castDays ? `Paid days of ${who}: work + hold + travel, rehearsal, fitting and holidays (Cast Days)` : `Paid days of ${who}: work + hold`);
  }
  return out;
}

/** Names Prodbook computes from a schedule, so a typed one is known to be shadowed once there is a board. */
function isScheduleName(key: string): boolean {
  return ["SHOOT_DAYS", "SHOOT_WEEKS", "HOLIDAYS", "SHOOT_START", "SHOOT_END"].includes(key) || /^CAST_[A-Z0-9_]+_(WORK|HOLD|DROP|PAID)$/.test(key);
}

interface Pending {
  name: string;
  row: TableReader["rows"][number];
  raw: CellValue;
  expr?: Expr;
  text?: string;
  description: string;
}

/**
 * Reads `Globals` (optional) and adds the computed globals. Every problem names the cell.
 * `hasBoard` says whether the workbook has a Stripboard (even one that failed to read).
 */
export function readGlobals(wb: WorkbookInput, settings: Settings, schedule: ScheduleModel | undefined, problems: Problems, hasBoard = schedule !== undefined): Globals {
  const t = openTable(wb, GLOBALS_SPEC, problems);
  const pending = new Map<string, Pending>();
  if (t) {
    for (const row of t.rows) {
      const name = t.text(row, "name", { required: true });
      if (!name) continue;
      if (!GLOBAL_NAME.test(name)) {
        t.error(row, "name", `Global name ${showValue(name)} must be letters, digits and _ and start with a letter (e.g. PREP_WEEKS)`);
        continue;
      }
      const key = name.toUpperCase();
      const prior = pending.get(key);
      if (prior) {
        t.error(row, "name", `Global ${name} is defined twice: it is already on row ${prior.row.excelRow}`);
        continue;
      }
      const raw = t.value(row, "value");
      const p: Pending = { name, row, raw, description: t.text(row, "description") };
      if (isBlank(raw)) {
        t.error(row, "value", `Global ${name} has no Value`);
        continue;
      }
      if (typeof raw === "string") {
        p.text = raw.trim();
        try {
          p.expr = parseExpr(p.text);
        } catch (e) {
          t.error(row, "value", `Value ${showValue(raw)} of global ${name} ${e instanceof ExprError ? e.message : String(e)}`);
          continue;
        }
      } else if (typeof raw === "boolean") {
        t.error(row, "value", `Global ${name} must be a number or an expression, not ${raw ? "TRUE" : "FALSE"}`);
        continue;
      }
      pending.set(key, p);
    }
  }

  const daysPerWeekRow = pending.get("DAYS_PER_WEEK");
  const computedByKey = new Map<string, GlobalValue>();
  const byKey = new Map<string, GlobalValue>();
  const list: GlobalValue[] = [];
  const state = new Map<string, "busy" | "done" | "bad">();
  const stack: string[] = [];

  const lookupFrom = (name: string): number | undefined => {
    const k = name.toUpperCase();
    const v = resolve(k);
    if (v === undefined && pending.has(k) && state.get(k) === "bad") throw new ExprError(`uses ${name}, whose own Value has a problem`);
    return v;
  };
  // Typed globals are resolved on demand so one may use another in any order.
  const resolve = (key: string): number | undefined => {
    const done = byKey.get(key);
    if (done) return done.value;
    if (hasBoard && isScheduleName(key) && computedByKey.has(key)) return computedByKey.get(key)!.value;
    const p = pending.get(key);
    if (!p || !t) return computedByKey.get(key)?.value;
    if (state.get(key) === "bad") return undefined;
    if (state.get(key) === "busy") {
      const chain = [...stack.slice(stack.indexOf(key)), key].map((k) => pending.get(k)?.name ?? k).join(" → ");
      throw new ExprError(`CYCLE:${chain}`);
    }
    state.set(key, "busy");
    stack.push(key);
    let value: number | undefined;
    try {
      if (p.expr) value = evalExpr(p.expr, lookupFrom);
      else if (typeof p.raw === "number" && Number.isFinite(p.raw)) value = p.raw;
      else if (p.raw instanceof Date) value = toExcelSerial(Math.floor(p.raw.getTime() / 86_400_000));
      else t.error(p.row, "value", `Global ${p.name} must be a number or an expression, not ${showValue(p.raw)}`);
    } catch (e) {
      stack.pop();
      state.set(key, "bad");
      const msg = e instanceof Error ? e.message : String(e);
      if (msg.startsWith("CYCLE:")) {
        // Reported once, on the row where the walk started, with the whole chain.
        if (stack.length === 0) t.error(p.row, "value", `Globals form a cycle: ${msg.slice(6)}`);
        else throw e;
      } else if (e instanceof ExprError && !msg.startsWith("Global")) {
        t.error(p.row, "value", `Value ${showValue(p.raw)} of global ${p.name} ${msg}`);
      } else {
        t.error(p.row, "value", msg);
      }
      return undefined;
    }
    stack.pop();
    state.set(key, "done");
    if (value === undefined) return undefined;
    const g: GlobalValue = { name: p.name, value, description: p.description, source: "table", row: p.row.excelRow, formula: p.expr ? p.text : undefined };
    byKey.set(key, g);
    return value;
  };

  // DAYS_PER_WEEK first: SHOOT_WEEKS depends on it. A typed one must not use schedule globals.
  let daysPerWeek = defaultDaysPerWeek(settings);
  if (daysPerWeekRow && t) {
    const v = resolve("DAYS_PER_WEEK");
    if (v !== undefined && (v <= 0 || v > 7)) {
      t.error(daysPerWeekRow.row, "value", `DAYS_PER_WEEK must be more than 0 and at most 7, not ${v}`);
      byKey.delete("DAYS_PER_WEEK");
    } else if (v !== undefined) daysPerWeek = v;
  }
  for (const g of computedGlobals(settings, schedule, daysPerWeek)) computedByKey.set(g.name.toUpperCase(), g);
  if (!byKey.has("DAYS_PER_WEEK")) computedByKey.set("DAYS_PER_WEEK", { name: "DAYS_PER_WEEK", value: daysPerWeek, description: settings.daysPerWeek !== undefined ? "Settings Days Per Week" : "Days Off taken from a 7-day week", source: "default" });

  if (t) {
    for (const [key, p] of pending) {
      if (hasBoard && isScheduleName(key)) {
        const c = computedByKey.get(key);
        if (c) {
          const typed = typeof p.raw === "number" ? p.raw : undefined;
          if (typed !== undefined && typed !== c.value) {
            t.warning(p.row, "value", `${p.name} is computed from the schedule (${c.value}); the ${typed} typed here is not used`);
          } else if (typed === undefined) {
            t.warning(p.row, "name", `${p.name} is computed from the schedule (${c.value}); the Value typed here is not used`);
          }
          continue;
        }
      }
      resolve(key);
    }
    for (const p of pending.values()) {
      const g = byKey.get(p.name.toUpperCase());
      if (g) list.push(g);
    }
  }
  for (const [key, c] of computedByKey) {
    if (byKey.has(key)) continue;
    byKey.set(key, c);
    list.push(c);
  }
  return { list, byKey };
}

/** A lookup for evalExpr over a set of globals. */
export function globalLookup(g: Globals): (name: string) => number | undefined {
  return (name) => g.byKey.get(name.toUpperCase())?.value;
}

/** The `globals` list of `report --json`: every global the budget could use, typed and computed. */
export function globalsReportJson(g: Globals): { name: string; value: number; source: GlobalSource; description: string }[] {
  return g.list.map((x) => ({ name: x.name, value: x.value, source: x.source, description: x.description }));
}
