import { Cents } from "../money";
import { Problems, showValue } from "../problems";
import { ChartOfAccounts } from "./accounts";

/** A level of the top sheet: the sections that carry it, in table order. */
export interface LevelGroup {
  /** ATL, BTL, Post, Other, or the user's words as first written. */
  level: string;
  /** As the top sheet names it: Above-the-Line, Production, Post-Production, Other, the user's words. */
  name: string;
  aboveTheLine: boolean;
  sections: string[];
}

export interface Levels {
  /** Above-the-Line first, then the levels below the line in the order the Accounts table meets them. */
  groups: LevelGroup[];
}

export interface LevelTotals {
  aboveTheLine: Cents;
  belowTheLine: Cents;
}

const KNOWN: Record<string, { level: string; name: string }> = {
  atl: { level: "ATL", name: "Above-the-Line" },
  abovetheline: { level: "ATL", name: "Above-the-Line" },
  above: { level: "ATL", name: "Above-the-Line" },
  btl: { level: "BTL", name: "Production" },
  production: { level: "BTL", name: "Production" },
  post: { level: "Post", name: "Post-Production" },
  postproduction: { level: "Post", name: "Post-Production" },
  other: { level: "Other", name: "Other" },
};

export function levelKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * The sections' Levels (Accounts' optional Level column). Undefined when no section has one, so a
 * workbook without levels reads as before. A section left blank while others have a Level is
 * counted in Other, with a warning.
 */
export function readLevels(coa: ChartOfAccounts, problems: Problems): Levels | undefined {
  if (!coa.sections.some((s) => s.level)) return undefined;
  const groups: LevelGroup[] = [];
  const byKey = new Map<string, LevelGroup>();
  for (const s of coa.sections) {
    let text = s.level;
    if (!text) {
      problems.warning(
        { sheet: coa.sheet, table: coa.table, row: s.row, column: "Level" },
        `Section ${showValue(s.code)} has no Level while other sections do; it is counted below the line, in Other`,
      );
      text = "Other";
    }
    const known = KNOWN[levelKey(text)];
    const level = known?.level ?? text;
    const key = levelKey(level);
    let g = byKey.get(key);
    if (!g) {
      g = { level, name: known?.name ?? text, aboveTheLine: level === "ATL", sections: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.sections.push(s.code);
  }
  groups.sort((a, b) => Number(b.aboveTheLine) - Number(a.aboveTheLine));
  return { groups };
}

/**
 * The sections a level word names in Applies To: `ATL` (Above-the-Line), `BTL` (Below-the-Line:
 * every section that is not above the line), or one level by its code or top-sheet name
 * (`Post`, `Post-Production`, `Production`, the user's words). Undefined when it names none.
 */
export function sectionsOfLevel(levels: Levels | undefined, word: string): string[] | undefined {
  if (!levels) return undefined;
  const k = levelKey(word);
  if (k === "atl" || k === "abovetheline" || k === "above") return levels.groups.filter((g) => g.aboveTheLine).flatMap((g) => g.sections);
  if (k === "btl" || k === "belowtheline" || k === "below") return levels.groups.filter((g) => !g.aboveTheLine).flatMap((g) => g.sections);
  const g = levels.groups.find((x) => levelKey(x.level) === k || levelKey(x.name) === k);
  return g?.sections;
}

export function levelTotals(levels: Levels, sectionTotal: (code: string) => Cents): LevelTotals {
  let above = 0;
  let below = 0;
  for (const g of levels.groups) {
    for (const s of g.sections) {
      if (g.aboveTheLine) above += sectionTotal(s);
      else below += sectionTotal(s);
    }
  }
  return { aboveTheLine: above, belowTheLine: below };
}
