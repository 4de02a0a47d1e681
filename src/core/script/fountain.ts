/**
 * Fountain (fountain.io) → the script model. Follows the syntax page: scene headings (INT/EXT/EST/
 * I/E, forced with `.`), scene numbers `#12A#`, characters (all caps, forced with `@`), dual
 * dialogue `^`, parentheticals, transitions (`TO:`, forced with `>`), centered `>text<`, page
 * breaks `===`, notes `[[...]]`, boneyard `/* ... *\/`, sections and synopses (not printed),
 * lyrics `~`, forced action `!`, and the title page.
 */
import { ScriptDocument, ScriptElement } from "./model";
import { NoteMarks, readNote } from "./notes";
import { revisionColor } from "./categories";

const HEADING = /^(?:int\.?\/ext|ext\.?\/int|i\/e|e\/i|int|ext|est)[. ]/i;
const SCENE_NUMBER = /\s*#([\w.-]+)#\s*$/;

interface Note {
  line: number;
  text: string;
}

/** Removes boneyard and notes; returns the printed lines and the notes with the line each sat on. */
function strip(source: string): { lines: string[]; notes: Note[]; noteOnly: Set<number> } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\/\*[\s\S]*?\*\//g, (m) => "\n".repeat((m.match(/\n/g) ?? []).length));
  const notes: Note[] = [];
  let out = "";
  let last = 0;
  const re = /\[\[([\s\S]*?)\]\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out += text.slice(last, m.index);
    notes.push({ line: (out.match(/\n/g) ?? []).length, text: m[1] });
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  const lines = out.split("\n");
  // A line that only held a note prints nothing: drop it rather than leave a blank that would
  // split a dialogue block.
  const noteOnly = new Set<number>();
  for (const n of notes) if (lines[n.line] !== undefined && lines[n.line].trim() === "" && text.split("\n")[n.line]?.trim() !== "") noteOnly.add(n.line);
  return { lines, notes, noteOnly };
}

function isCharacter(line: string): boolean {
  const t = line.trim();
  if (t.startsWith("@")) return t.length > 1;
  const name = t.replace(/\^$/, "").replace(/\(.*?\)/g, "").trim();
  return /[A-Z]/.test(name) && name === name.toUpperCase() && !/^[!~=#>.]/.test(t) && !/[a-z]/.test(name) && !/TO:$/.test(t);
}

/** Reads a .fountain file. Never throws: what it cannot read prints as action, as the spec says. */
export function parseFountain(source: string): ScriptDocument {
  const { lines: raw, notes, noteOnly } = strip(source);
  const doc: ScriptDocument = { format: "fountain", elements: [], warnings: [] };
  const lineNo: number[] = [];
  const lines: string[] = [];
  raw.forEach((l, i) => {
    if (noteOnly.has(i)) return;
    lines.push(l.replace(/\t/g, "    ").replace(/\s+$/, (s) => (s === "  " && l.trim() === "" ? "  " : "")));
    lineNo.push(i + 1);
  });
  const notesAt = new Map<number, string[]>();
  for (const n of notes) notesAt.set(n.line + 1, [...(notesAt.get(n.line + 1) ?? []), n.text]);

  let i = 0;
  // Title page: `Key: value` lines from the first line up to a blank line.
  if (lines.length > 0 && /^[A-Za-z][A-Za-z ]*:/.test(lines[0]) && !HEADING.test(lines[0])) {
    let key = "";
    while (i < lines.length && lines[i].trim() !== "") {
      const kv = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(lines[i]);
      if (kv && !/^\s/.test(lines[i])) {
        key = kv[1].trim().toLowerCase();
        if (key === "title" && kv[2]) doc.title = plain(kv[2]);
        if ((key === "revision" || key === "revision color") && kv[2]) doc.revision = revisionColor(kv[2]) ?? doc.revision;
      } else if (key === "title" && !doc.title) doc.title = plain(lines[i].trim());
      i++;
    }
  }

  const blank = (k: number) => k < 0 || k >= lines.length || lines[k].trim() === "";
  let pageBreak = false;
  const push = (e: Omit<ScriptElement, "line">, at: number) => {
    const el: ScriptElement = { ...e, line: lineNo[at] ?? at + 1 };
    if (pageBreak) el.pageBreakBefore = true;
    pageBreak = false;
    doc.elements.push(el);
    return el;
  };
  while (i < lines.length) {
    const line = lines[i];
    const t = line.trim();
    if (t === "") {
      i++;
      continue;
    }
    if (/^={3,}$/.test(t)) {
      pageBreak = true;
      i++;
      continue;
    }
    if (/^#/.test(t) || (/^=/.test(t) && !/^==/.test(t))) {
      i++; // sections and synopses do not print
      continue;
    }
    const forcedHeading = /^\.[^.]/.test(t);
    if (forcedHeading || (HEADING.test(t) && blank(i - 1))) {
      let text = forcedHeading ? t.slice(1).trim() : t;
      let number: string | undefined;
      const n = SCENE_NUMBER.exec(text);
      if (n) {
        number = n[1];
        text = text.slice(0, n.index).trim();
      }
      push({ type: "scene", text: plain(text).toUpperCase(), number }, i);
      i++;
      continue;
    }
    if (/^>.*<$/.test(t)) {
      push({ type: "centered", text: plain(t.slice(1, -1).trim()) }, i);
      i++;
      continue;
    }
    if (/^>/.test(t) || (/^[^a-z]*TO:$/.test(t) && t === t.toUpperCase() && blank(i - 1) && blank(i + 1))) {
      push({ type: "transition", text: plain(t.replace(/^>\s*/, "")) }, i);
      i++;
      continue;
    }
    if (blank(i - 1) && !blank(i + 1) && !t.startsWith("!") && isCharacter(t)) {
      const dual = /\^$/.test(t);
      const name = plain(t.replace(/^@/, "").replace(/\s*\^$/, ""));
      if (dual) {
        // The previous speech becomes the left column.
        for (let k = doc.elements.length - 1; k >= 0; k--) {
          const e = doc.elements[k];
          if (e.type !== "dialogue" && e.type !== "parenthetical" && e.type !== "character") break;
          e.dual = "left";
          if (e.type === "character") break;
        }
      }
      const ch = push({ type: "character", text: name, dual: dual ? "right" : undefined }, i);
      i++;
      while (i < lines.length && (lines[i].trim() !== "" || lines[i] === "  ")) {
        const d = lines[i].trim();
        if (/^\(.*\)$/.test(d)) push({ type: "parenthetical", text: plain(d), dual: ch.dual }, i);
        else push({ type: "dialogue", text: plain(d), dual: ch.dual }, i);
        i++;
      }
      continue;
    }
    // Action (or lyrics): the paragraph runs to the next blank line, keeping its line breaks.
    const start = i;
    const para: string[] = [];
    let lyrics = t.startsWith("~");
    while (i < lines.length && lines[i].trim() !== "") {
      const l = lines[i];
      if (i > start && (/^={3,}$/.test(l.trim()) || /^\.[^.]/.test(l.trim()))) break;
      para.push(plain(l.replace(/^\s*[!~]/, "")));
      if (!l.trim().startsWith("~")) lyrics = false;
      i++;
    }
    push({ type: lyrics ? "lyrics" : "action", text: para.join("\n") }, start);
  }
  attachNotes(doc, notes);
  return doc;
}

/**
 * A note belongs to the scene it sits in: it goes to the last element that starts on or before
 * its line (a note before the first element goes to the first).
 */
function attachNotes(doc: ScriptDocument, notes: Note[]): void {
  if (doc.elements.length === 0) return;
  let k = 0;
  for (const n of [...notes].sort((a, b) => a.line - b.line)) {
    const line = n.line + 1;
    while (k + 1 < doc.elements.length && doc.elements[k + 1].line <= line) k++;
    const el = doc.elements[k];
    const marks: NoteMarks = { tags: [], present: [] };
    readNote(n.text, marks);
    if (marks.tags.length) el.tags = [...(el.tags ?? []), ...marks.tags];
    if (marks.present.length) el.present = [...(el.present ?? []), ...marks.present];
    if (marks.scriptDay) el.scriptDay = marks.scriptDay;
  }
}

/** Printed text: emphasis marks and escapes removed. */
function plain(s: string): string {
  return s.replace(/\\([*_\\])/g, "\u0001$1").replace(/[*_]/g, "").replace(/\u0001(.)/g, "$1");
}
