/**
 * The `Breakdown` table (Scene | Category | Element | Quantity | Notes) read against the board,
 * and what it feeds: a Day Out of Days for any element category (and for locations), each day's
 * background count and department elements for call sheets.
 */
import { WorkbookInput } from "../cells";
import { Problems, showValue } from "../problems";
import { TableSpec, openTable } from "../tables";
import { BREAKDOWN_CATEGORIES, breakdownCategory } from "../script/categories";
import { doodRow } from "./dood";
import { DoodRow, ShootDay, Stripboard } from "./model";

export const BREAKDOWN_SPEC: TableSpec = {
  name: "Breakdown",
  columns: [
    { key: "scene", header: "Scene", aliases: ["Sc", "Scene #", "Scene No"], required: true },
    { key: "category", header: "Category", aliases: ["Department", "Type"], required: true },
    { key: "element", header: "Element", aliases: ["Item", "Name", "Description"], required: true },
    { key: "quantity", header: "Quantity", aliases: ["Qty", "Count", "#"] },
    { key: "notes", header: "Notes" },
  ],
};

export interface BreakdownElement {
  row: number;
  scene: string;
  category: string;
  element: string;
  quantity: number;
  notes: string;
}

export interface BreakdownModel {
  elements: BreakdownElement[];
  /** Scene key (upper-case) → its elements, in table order. */
  byScene: Map<string, BreakdownElement[]>;
}

export function sceneKey(scene: string): string {
  return scene.trim().toUpperCase();
}

/** Reads `Breakdown`; undefined when the workbook has none. */
export function readBreakdown(wb: WorkbookInput, problems: Problems, board: Stripboard | undefined): BreakdownModel | undefined {
  const t = openTable(wb, BREAKDOWN_SPEC, problems);
  if (!t) return undefined;
  const scenes = new Set<string>();
  if (board) {
    for (const d of board.days) for (const s of d.strips) scenes.add(sceneKey(s.scene));
    for (const s of board.boneyard ?? []) scenes.add(sceneKey(s.scene));
    for (const d of board.days) for (const b of d.banners) if (b.omitted && b.scene) scenes.add(sceneKey(b.scene));
  }
  const out: BreakdownModel = { elements: [], byScene: new Map() };
  const unknownScenes = new Set<string>();
  for (const row of t.rows) {
    const scene = t.text(row, "scene", { required: true });
    const catText = t.text(row, "category", { required: true });
    const element = t.text(row, "element", { required: true });
    if (!scene || !catText || !element) continue;
    let category: string = breakdownCategory(catText) ?? "";
    if (!category) {
      t.warning(row, "category", `Category ${showValue(catText)} is not a breakdown category (${BREAKDOWN_CATEGORIES.join(", ")}); it is counted under Miscellaneous`);
      category = "Miscellaneous";
    }
    const q = t.number(row, "quantity", { blank: 1 });
    let quantity = 1;
    if (q !== undefined) {
      if (!Number.isInteger(q) || q < 0) t.error(row, "quantity", `Quantity must be a whole number of 0 or more, not ${showValue(t.value(row, "quantity"))}`);
      else quantity = q;
    }
    const key = sceneKey(scene);
    if (board && !scenes.has(key) && !unknownScenes.has(key)) {
      unknownScenes.add(key);
      t.warning(row, "scene", `Scene ${showValue(scene)} is not on the Stripboard; its elements are on no day`);
    }
    const e: BreakdownElement = { row: row.excelRow, scene, category, element, quantity, notes: t.text(row, "notes") };
    out.elements.push(e);
    const list = out.byScene.get(key);
    if (list) list.push(e);
    else out.byScene.set(key, [e]);
  }
  return out;
}

/** One category's Day Out of Days: a row an element, the codes as the cast DOOD writes them. */
export interface ElementDood {
  category: string;
  rows: (DoodRow & { quantity: number[] })[];
}

/**
 * DOODs for every category the breakdown uses (Cast excepted: the cast DOOD is its own), and for
 * locations from the strips (Location, else Set). Elements have no drop / pick-up: a day between
 * two work days is a hold, as a rental is paid through it.
 */
export function elementDoods(days: ShootDay[], breakdown: BreakdownModel | undefined): ElementDood[] {
  const n = days.length;
  const dates = days.map((d) => d.date);
  const out: ElementDood[] = [];
  if (breakdown) {
    for (const category of BREAKDOWN_CATEGORIES) {
      if (category === "Cast") continue;
      const work = new Map<string, { name: string; days: Set<number>; qty: number[] }>();
      days.forEach((d, i) => {
        for (const s of d.strips) {
          for (const e of breakdown.byScene.get(sceneKey(s.scene)) ?? []) {
            if (e.category !== category) continue;
            const k = e.element.toLowerCase();
            let w = work.get(k);
            if (!w) work.set(k, (w = { name: e.element, days: new Set(), qty: new Array<number>(n).fill(0) }));
            w.days.add(i);
            // Background on one day: the most any one scene needs (the same people shoot each scene).
            w.qty[i] = Math.max(w.qty[i], e.quantity);
          }
        }
      });
      if (work.size === 0) continue;
      out.push({ category, rows: [...work.values()].map((w) => ({ ...row(w.name, [...w.days].sort((a, b) => a - b), n, dates), quantity: w.qty })) });
    }
  }
  const locations = new Map<string, { name: string; days: Set<number> }>();
  days.forEach((d, i) => {
    for (const s of d.strips) {
      const name = s.location || s.set;
      if (!name) continue;
      const k = name.toLowerCase();
      let w = locations.get(k);
      if (!w) locations.set(k, (w = { name, days: new Set() }));
      w.days.add(i);
    }
  });
  if (locations.size > 0) out.push({ category: "Locations", rows: [...locations.values()].map((w) => ({ ...row(w.name, [...w.days].sort((a, b) => a - b), n, dates), quantity: [] })) });
  return out;
}

function row(name: string, workDays: number[], n: number, dates: (number | undefined)[]): DoodRow {
  return doodRow({ id: "", character: name, actor: "", dailyRate: 0 }, workDays, n, dates, Number.POSITIVE_INFINITY);
}

/** A day's breakdown for its call sheet: background count and each department's elements by scene. */
export interface DayBreakdown {
  background: number;
  departments: { category: string; scenes: { scene: string; elements: string[] }[] }[];
}

export function dayBreakdown(scenes: string[], breakdown: BreakdownModel | undefined): DayBreakdown {
  const out: DayBreakdown = { background: 0, departments: [] };
  if (!breakdown) return out;
  const bgByElement = new Map<string, number>();
  const dept = new Map<string, Map<string, string[]>>();
  for (const scene of scenes) {
    for (const e of breakdown.byScene.get(sceneKey(scene)) ?? []) {
      if (e.category === "Background") {
        const k = e.element.toLowerCase();
        bgByElement.set(k, Math.max(bgByElement.get(k) ?? 0, e.quantity));
      }
      let m = dept.get(e.category);
      if (!m) dept.set(e.category, (m = new Map()));
      const list = m.get(scene) ?? [];
      const shown = e.quantity > 1 ? `${e.element} (${e.quantity})` : e.element;
      if (!list.includes(shown)) list.push(shown);
      m.set(scene, list);
    }
  }
  for (const v of bgByElement.values()) out.background += v;
  for (const category of BREAKDOWN_CATEGORIES) {
    const m = dept.get(category);
    if (m) out.departments.push({ category, scenes: [...m].map(([scene, elements]) => ({ scene, elements })) });
  }
  return out;
}
