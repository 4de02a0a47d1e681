/**
 * The page model schedulers measure eighths on: US Letter, Courier 12 (10 characters an inch,
 * 6 lines an inch), 1" top and bottom margins less the page number line, 55 lines a page, and the
 * standard element indents and widths. Page breaks follow the usual rules: a scene heading is
 * never the last thing on a page, an action paragraph splits only with two lines each side, a
 * speech splits between dialogue lines with (MORE) and (CONT'D), dual dialogue and transitions
 * never split, and a forced page break starts a new page.
 */
import { ElementType, ScriptElement } from "./model";

export interface PageModel {
  linesPerPage: number;
  /** Characters a line, by element (Courier 12: 10 an inch). */
  widths: Record<ElementType, number>;
  /** Characters a line in a dual-dialogue column. */
  dualWidths: { character: number; parenthetical: number; dialogue: number };
  /** Blank lines before an element that follows another on the page. */
  spaceBefore: Record<ElementType, number>;
}

/**
 * Scene heading and action 1.5"–7.5" (60), character from 3.7" (38), parenthetical 3.1"–5.6" (25),
 * dialogue 2.5"–6.0" (35), transition 6.0"–7.5" (15); a dual column is about three quarters as wide.
 */
export const US_LETTER: PageModel = {
  linesPerPage: 55,
  widths: { scene: 60, action: 60, shot: 60, centered: 60, lyrics: 35, character: 38, parenthetical: 25, dialogue: 35, transition: 15 },
  dualWidths: { character: 26, parenthetical: 19, dialogue: 26 },
  spaceBefore: { scene: 1, action: 1, shot: 1, centered: 1, lyrics: 1, character: 1, parenthetical: 0, dialogue: 0, transition: 1 },
};

/** Word wrap at `width` characters; a word longer than a line is cut. Blank lines are kept. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    const words = para.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push("");
      continue;
    }
    let line = "";
    for (let w of words) {
      while (w.length > width) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!w) continue;
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += " " + w;
      else {
        out.push(line);
        line = w;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

type LineKind = "text" | "dialogue" | "parenthetical" | "character";

interface Block {
  /** Index of the first element in the block. */
  first: number;
  kind: "heading" | "action" | "speech" | "dual" | "fixed";
  lines: LineKind[];
  spaceBefore: number;
  pageBreakBefore: boolean;
}

function blocks(elements: ScriptElement[], m: PageModel): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < elements.length) {
    const e = elements[i];
    const pageBreakBefore = !!e.pageBreakBefore;
    if (e.type === "character") {
      // A speech, or two side by side.
      const speech = (from: number, dual: boolean): { lines: LineKind[]; next: number } => {
        const w = dual ? m.dualWidths : { character: m.widths.character, parenthetical: m.widths.parenthetical, dialogue: m.widths.dialogue };
        const lines: LineKind[] = wrap(elements[from].text, w.character).map(() => "character" as const);
        let k = from + 1;
        while (k < elements.length && (elements[k].type === "dialogue" || elements[k].type === "parenthetical") && elements[k].dual === elements[from].dual) {
          const kind = elements[k].type as "dialogue" | "parenthetical";
          for (const _ of wrap(elements[k].text, w[kind])) lines.push(kind);
          k++;
        }
        return { lines, next: k };
      };
      if (e.dual === "left") {
        const left = speech(i, true);
        let next = left.next;
        let lines = left.lines;
        if (next < elements.length && elements[next].type === "character" && elements[next].dual === "right") {
          const right = speech(next, true);
          lines = right.lines.length > lines.length ? right.lines : lines;
          next = right.next;
        }
        out.push({ first: i, kind: "dual", lines, spaceBefore: m.spaceBefore.character, pageBreakBefore });
        i = next;
        continue;
      }
      const s = speech(i, false);
      out.push({ first: i, kind: "speech", lines: s.lines, spaceBefore: m.spaceBefore.character, pageBreakBefore });
      i = s.next;
      continue;
    }
    const width = m.widths[e.type];
    const lines: LineKind[] = wrap(e.text, width).map(() => "text" as const);
    const kind = e.type === "scene" ? "heading" : e.type === "action" || e.type === "lyrics" || e.type === "centered" ? "action" : "fixed";
    out.push({ first: i, kind, lines: lines.length ? lines : ["text"], spaceBefore: m.spaceBefore[e.type], pageBreakBefore });
    i++;
  }
  return out;
}

export interface Pagination {
  /** Position of each element's first line in lines from the top of page 1 (page × 55 + line). */
  start: number[];
  /** Position after the last printed line. */
  end: number;
  pages: number;
  linesPerPage: number;
}

/** Lays the elements out on pages; positions are in lines (page × linesPerPage + line). */
export function paginate(elements: ScriptElement[], m: PageModel = US_LETTER): Pagination {
  const P = m.linesPerPage;
  const bs = blocks(elements, m);
  const start: number[] = new Array<number>(elements.length).fill(0);
  let page = 0;
  let y = 0;
  const newPage = () => {
    page++;
    y = 0;
  };
  for (let b = 0; b < bs.length; b++) {
    const blk = bs[b];
    if (blk.pageBreakBefore && (y > 0 || page > 0 || b > 0)) {
      if (y > 0) newPage();
    }
    const space = y === 0 ? 0 : blk.spaceBefore;
    let need = blk.lines.length;
    if (blk.kind === "heading") {
      // Keep the heading with at least two lines of what follows it.
      const next = bs[b + 1];
      const keep = next && !next.pageBreakBefore && next.kind !== "heading" ? next.spaceBefore + Math.min(2, next.lines.length) : 0;
      if (y + space + need + keep > P && y > 0) newPage();
    } else if (y + space + need > P && y > 0) {
      const avail = P - y - space;
      const k = splitAt(blk, avail);
      if (k > 0) {
        setStart(bs, b, elements, start, page * P + y + space);
        // What is left goes on the next page, a speech under its character (CONT'D).
        newPage();
        need = blk.lines.length - k + (blk.kind === "speech" ? 1 : 0);
        y = placeLong(need);
        continue;
      }
      newPage();
    }
    const at = page * P + y + (y === 0 ? 0 : blk.spaceBefore);
    setStart(bs, b, elements, start, at);
    y = (y === 0 ? 0 : y + blk.spaceBefore) + need;
    if (y > P) y = placeLong(y);
  }
  // A block longer than a page runs on over as many pages as it needs.
  function placeLong(lines: number): number {
    let rest = lines;
    while (rest > P) {
      page++;
      rest -= P;
    }
    return rest;
  }
  const end = page * P + y;
  return { start, end, pages: y === 0 ? page : page + 1, linesPerPage: P };
}

function setStart(bs: Block[], b: number, elements: ScriptElement[], start: number[], at: number): void {
  const to = b + 1 < bs.length ? bs[b + 1].first : elements.length;
  for (let i = bs[b].first; i < to; i++) start[i] = at;
}

/** How many lines of the block may go on a page with `avail` lines left; 0 when it must move. */
function splitAt(blk: Block, avail: number): number {
  const n = blk.lines.length;
  if (blk.kind === "action") {
    if (n < 4) return 0;
    const k = Math.min(avail, n - 2);
    return k >= 2 ? k : 0;
  }
  if (blk.kind === "speech") {
    // Lines before the break, plus (MORE); break only between two dialogue lines.
    for (let k = Math.min(avail - 1, n - 1); k >= 2; k--) {
      if (blk.lines[k - 1] === "dialogue" && blk.lines[k] === "dialogue") return k;
    }
    return 0;
  }
  return 0;
}
