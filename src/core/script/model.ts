/**
 * A screenplay as the scheduler needs it: its printed elements (for pagination) and its scenes
 * (for strips, cast and breakdown). Fountain and Final Draft are both read into this model.
 */

export type ElementType = "scene" | "action" | "character" | "parenthetical" | "dialogue" | "transition" | "centered" | "lyrics" | "shot";

/** A tagged breakdown element: category is one of BREAKDOWN_CATEGORIES. */
export interface ElementTag {
  category: string;
  element: string;
  quantity?: number;
  notes?: string;
}

export interface ScriptElement {
  type: ElementType;
  /** Printed text; an action paragraph keeps its line breaks. */
  text: string;
  /** Dual dialogue: which column this character's speech (character, parenthetical, dialogue) prints in. */
  dual?: "left" | "right";
  /** The script's own scene number (`12A`), on scene headings. */
  number?: string;
  /** Forced page break before this element (Fountain `===`, Final Draft StartsNewPage). */
  pageBreakBefore?: boolean;
  /** Breakdown tags on this element (Final Draft tagging, Fountain notes). */
  tags?: ElementTag[];
  /** Cast the script marks present without a line (Fountain `[[Cast: ...]]`, Final Draft Cast tags). */
  present?: string[];
  /** Script Day marked on the element (`[[Script Day: 3]]`). */
  scriptDay?: string;
  /** Revision colour of the text (Final Draft revision marks), e.g. "Blue". */
  revision?: string;
  /** 1-based source line (Fountain) or paragraph (Final Draft), for messages. */
  line: number;
}

export interface ScriptDocument {
  format: "fountain" | "fdx";
  title?: string;
  /** Title-page revision colour (Fountain `Revision: Blue`) or the active revision set (Final Draft). */
  revision?: string;
  elements: ScriptElement[];
  /** Problems found while reading: each names the line. */
  warnings: { line: number; message: string }[];
}

export interface ScriptScene {
  /** Scene number: the script's own, else 1..n. */
  number: string;
  /** True when the number came from the script. */
  numbered: boolean;
  heading: string;
  intExt: string;
  set: string;
  /** DAY, NIGHT, DAWN, DUSK, MORNING, EVENING (contract values), or "" when none. */
  dayNight: string;
  /** The heading's time of day as written when it is not one of the contract's (CONTINUOUS, LATER). */
  timeNote: string;
  scriptDay: string;
  description: string;
  /** Speaking characters and those marked present, folded (no V.O./O.S./CONT'D), in order of appearance. */
  characters: string[];
  elements: ElementTag[];
  /** Revision colour of the scene's changed text, when the script marks one. */
  revision?: string;
  omitted: boolean;
  /** Length in eighths of a page, rounded up, at least 1. */
  eighths: number;
  /** Exact length in lines of the 55-line page. */
  lines: number;
  /** Page (1-based) the scene starts on. */
  page: number;
  /** A digest of what the scene prints, to tell a changed scene on a revised import. */
  digest: string;
  /** Source line or paragraph of the heading. */
  line: number;
}

export interface ImportedScript {
  format: "fountain" | "fdx";
  title?: string;
  revision?: string;
  scenes: ScriptScene[];
  /** Cast by order of first appearance. */
  cast: string[];
  /** Printed length in eighths (8 a page). */
  pageEighths: number;
  /** Printed pages (the last one partly). */
  pages: number;
  warnings: { line: number; message: string }[];
}
