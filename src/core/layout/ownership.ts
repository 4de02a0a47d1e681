import { LayoutCell, LayoutValue, SheetLayout } from "./types";

/**
 * Ownership of generated sheets. Prodbook keeps a very hidden sheet `_Prodbook` with one row per
 * sheet it wrote: name, kind and a fingerprint of the values it wrote. Writing again replaces a
 * sheet only when it is listed there and its values still hash to the fingerprint: a sheet the
 * user changed, or a user sheet that happens to share the name, is kept and the new one is
 * written beside it ("Top Sheet (2)").
 */
export const REGISTRY_SHEET = "_Prodbook";
export const REGISTRY_HEADERS = ["Sheet", "Kind", "Fingerprint", "Written"] as const;

export interface RegistryEntry {
  sheet: string;
  kind: string;
  fingerprint: string;
  /** ISO timestamp of the write. */
  written: string;
}

/** A value as both hosts read it back: numbers as numbers, everything else as its text. */
export type ReadBackValue = string | number | boolean | null;

/** FNV-1a over a canonical text of the used values: cheap, stable across hosts. */
export function fingerprintValues(grid: ReadBackValue[][]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      const t = canonical(v);
      if (t === "") return;
      feed(`${r + 1},${c + 1}=${t};`);
    });
  });
  return h.toString(16).padStart(8, "0");
}

function canonical(v: ReadBackValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/**
 * The values a layout will read back as once written: dates as Excel serials, formulas as their
 * cached result. Adapters fingerprint this at write time and the sheet's used range later.
 */
export function layoutReadBackGrid(layout: SheetLayout): ReadBackValue[][] {
  const grid: ReadBackValue[][] = [];
  for (const cell of layout.cells) {
    (grid[cell.r - 1] ??= [])[cell.c - 1] = readBack(cell);
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

function readBack(cell: LayoutCell): ReadBackValue {
  const v: LayoutValue = cell.v;
  if (v === null || typeof v !== "object") return v;
  if ("date" in v) return v.date + 25569;
  return v.result ?? null;
}

export type WriteAction =
  | { action: "create"; layout: SheetLayout; name: string }
  | { action: "replace"; layout: SheetLayout; name: string }
  | { action: "beside"; layout: SheetLayout; name: string; kept: string; reason: "changed" | "not-prodbook" };

/**
 * Decides for each layout whether to create, replace or write beside, from what the workbook
 * holds. `currentFingerprint(name)` reads the existing sheet's values and fingerprints them.
 */
export function planWrites(
  layouts: SheetLayout[],
  existingSheets: string[],
  registry: RegistryEntry[],
  currentFingerprint: (sheet: string) => string,
): WriteAction[] {
  const taken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const byName = new Map(registry.map((e) => [e.sheet.toLowerCase(), e]));
  const actions: WriteAction[] = [];
  for (const layout of layouts) {
    const key = layout.name.toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      actions.push({ action: "create", layout, name: layout.name });
      continue;
    }
    const entry = byName.get(key);
    if (entry && entry.fingerprint === currentFingerprint(layout.name)) {
      actions.push({ action: "replace", layout, name: layout.name });
      continue;
    }
    let n = 2;
    while (taken.has(`${layout.name} (${n})`.toLowerCase())) n++;
    const name = `${layout.name} (${n})`;
    taken.add(name.toLowerCase());
    actions.push({ action: "beside", layout, name, kept: layout.name, reason: entry ? "changed" : "not-prodbook" });
  }
  return actions;
}

/** The user-facing message for a sheet written beside one that was kept. */
export function describeBeside(a: Extract<WriteAction, { action: "beside" }>): string {
  return a.reason === "changed"
    ? `${a.kept} was changed since Prodbook wrote it, so it was kept and the new one is ${a.name}.`
    : `${a.kept} is not a Prodbook sheet, so it was kept and the new one is ${a.name}.`;
}
