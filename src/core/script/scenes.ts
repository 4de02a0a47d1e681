/** Script elements → scenes as strips need them: number, I/E, set, D/N, eighths, cast, breakdown. */
import { ElementTag, ImportedScript, ScriptDocument, ScriptScene } from "./model";
import { PageModel, US_LETTER, paginate } from "./paginate";

const PREFIX = /^(INT\.?\s*\/\s*EXT\.?|EXT\.?\s*\/\s*INT\.?|INT\.?-EXT\.?|I\/E\.?|E\/I\.?|INT\.?|EXT\.?|EST\.?)\s+/i;

/** Time of day as the contract reads it; continuity words take the previous scene's. */
const TIMES: Record<string, string> = {
  DAY: "DAY",
  NIGHT: "NIGHT",
  DAWN: "DAWN",
  DUSK: "DUSK",
  MORNING: "MORNING",
  EVENING: "EVENING",
  D: "DAY",
  N: "NIGHT",
  AFTERNOON: "DAY",
  "LATE AFTERNOON": "DAY",
  NOON: "DAY",
  MIDDAY: "DAY",
  "EARLY MORNING": "MORNING",
  "LATE MORNING": "MORNING",
  SUNRISE: "DAWN",
  DAYBREAK: "DAWN",
  "FIRST LIGHT": "DAWN",
  SUNSET: "DUSK",
  TWILIGHT: "DUSK",
  "MAGIC HOUR": "DUSK",
  "GOLDEN HOUR": "DUSK",
  "LATE NIGHT": "NIGHT",
  MIDNIGHT: "NIGHT",
  "PRE-DAWN": "NIGHT",
};
const CONTINUITY = /^(CONTINUOUS|CONT(?:'|’)?D|CONTINUED|LATER|MOMENTS? LATER|A (?:MOMENT|FEW MINUTES|LITTLE) LATER|SAME(?: TIME)?|SIMULTANEOUS|MEANWHILE|INTERCUT)$/;

export interface Heading {
  intExt: string;
  set: string;
  dayNight: string;
  timeNote: string;
  scriptDay: string;
  omitted: boolean;
}

/** `INT. HOTEL - LOBBY - NIGHT (D2)` → INT, HOTEL - LOBBY, NIGHT, script day 2. */
export function parseHeading(text: string, previousDayNight: string): Heading {
  let s = text.trim().replace(/\s+/g, " ");
  const h: Heading = { intExt: "", set: "", dayNight: "", timeNote: "", scriptDay: "", omitted: /^OMITTED\b/i.test(s) };
  if (h.omitted) return h;
  const p = PREFIX.exec(s);
  if (p) {
    const k = p[1].toUpperCase().replace(/[.\s]/g, "");
    h.intExt = k === "INT" ? "INT" : k === "EXT" || k === "EST" ? "EXT" : "INT/EXT";
    s = s.slice(p[0].length);
  }
  // Script day written after the time: (D2), (DAY 2), (N4), - D2.
  const sd = /\s*(?:[-–—]\s*)?\(\s*(?:(?:STORY|SCRIPT)\s+)?(?:DAY|D|NIGHT|N)\s*#?\s*(\d+)\s*\)\s*$/i.exec(s) ?? /\s+[-–—]\s+(?:D|N)(\d+)\s*$/i.exec(s);
  if (sd) {
    h.scriptDay = sd[1];
    s = s.slice(0, sd.index).trim();
  }
  const parts = s.split(/\s+[-–—]+\s+|\s*[-–—]{2,}\s*/);
  // The time of day is the last segment that reads as one: what follows it (FLASHBACK, 1944)
  // is kept as a note; bracketed words ([THE NEXT] MORNING) are set aside.
  for (let j = parts.length - 1; j >= 1; j--) {
    const seg = parts[j].toUpperCase();
    const bare = seg.replace(/\[[^\]]*\]|\([^)]*\)/g, " ").replace(/[.]+$/, "").replace(/\s+/g, " ").trim();
    const tail = parts.slice(j + 1).join(" - ");
    const numbered = /^(DAY|NIGHT)\s+(\d+)$/.exec(bare);
    const ending = /(?:^|\s)(DAY|NIGHT|MORNING|EVENING|DAWN|DUSK|AFTERNOON|SUNSET|SUNRISE)$/.exec(bare);
    let time = "";
    if (TIMES[bare]) time = TIMES[bare];
    else if (numbered) {
      time = numbered[1];
      if (!h.scriptDay) h.scriptDay = numbered[2];
    } else if (CONTINUITY.test(bare)) {
      time = previousDayNight;
      h.timeNote = bare;
    } else if (ending && /^(THE\s+)?(NEXT|SAME|LATER|EARLY|LATE|THAT|FOLLOWING)\b/.test(bare)) {
      time = TIMES[ending[1]];
      h.timeNote = bare;
    } else continue;
    h.dayNight = time;
    const extra = [seg !== bare && !h.timeNote ? seg : "", tail].filter(Boolean).join(" - ");
    if (extra) h.timeNote = h.timeNote ? `${h.timeNote} - ${extra}` : extra;
    parts.length = j;
    break;
  }
  h.set = parts.join(" - ").replace(/[\s.]+$/, "").trim();
  return h;
}

/** A character's name without extensions: `MARY (V.O.)`, `MARY (CONT'D)` and `MARY` are one. */
export function foldCharacter(name: string): string {
  return name
    .replace(/\^$/, "")
    .replace(/\s*\([^)]*\)?/g, "")
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

function digest(parts: string[]): string {
  // FNV-1a over the printed text: enough to tell whether a scene changed between drafts.
  let h = 0x811c9dc5;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 10;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Eighths as schedulers count: rounded up, never under 1/8. */
export function eighthsOf(lines: number, linesPerPage: number): number {
  return Math.max(1, Math.ceil((lines * 8) / linesPerPage - 1e-9));
}

/** The scenes of a parsed script, measured on the page model. */
export function scriptScenes(doc: ScriptDocument, model: PageModel = US_LETTER): ImportedScript {
  const pag = paginate(doc.elements, model);
  const P = pag.linesPerPage;
  const headings = doc.elements.map((e, i) => (e.type === "scene" ? i : -1)).filter((i) => i >= 0);
  const anyNumbered = headings.some((i) => doc.elements[i].number);
  const scenes: ScriptScene[] = [];
  const cast: string[] = [];
  const castSeen = new Set<string>();
  const used = new Set<string>();
  let previousDayNight = "";
  let lastNumber = "";
  headings.forEach((hi, k) => {
    const next = k + 1 < headings.length ? headings[k + 1] : doc.elements.length;
    const el = doc.elements[hi];
    const body = doc.elements.slice(hi + 1, next);
    const h = parseHeading(el.text, previousDayNight);
    if (h.dayNight) previousDayNight = h.dayNight;
    const characters: string[] = [];
    const seen = new Set<string>();
    const addCharacter = (raw: string) => {
      const name = foldCharacter(raw);
      if (!name || seen.has(name)) return;
      seen.add(name);
      characters.push(name);
      if (!castSeen.has(name)) {
        castSeen.add(name);
        cast.push(name);
      }
    };
    const elements: ElementTag[] = [];
    const elementSeen = new Map<string, ElementTag>();
    let scriptDay = h.scriptDay;
    let revision = el.revision;
    for (const e of [el, ...body]) {
      if (e.type === "character") addCharacter(e.text);
      for (const p of e.present ?? []) addCharacter(p);
      for (const t of e.tags ?? []) {
        const key = `${t.category}|${t.element.toLowerCase()}`;
        const had = elementSeen.get(key);
        if (had) {
          if (t.quantity !== undefined) had.quantity = Math.max(had.quantity ?? 0, t.quantity);
          continue;
        }
        const copy = { ...t };
        elementSeen.set(key, copy);
        elements.push(copy);
      }
      if (e.scriptDay && !scriptDay) scriptDay = e.scriptDay;
      if (e.revision) revision = later(revision, e.revision);
    }
    const firstAction = body.find((e) => e.type === "action");
    const description = firstAction ? oneLine(firstAction.text) : "";
    let number = el.number ?? "";
    if (!anyNumbered) number = String(k + 1);
    else if (!number) number = unnumbered(lastNumber, used);
    if (used.has(number.toUpperCase())) {
      const was = number;
      while (used.has(number.toUpperCase())) number = unnumbered(number, used);
      doc.warnings.push({ line: el.line, message: `Scene number ${was} is used twice; this scene is numbered ${number}` });
    }
    used.add(number.toUpperCase());
    lastNumber = number;
    const from = pag.start[hi];
    const to = next < doc.elements.length ? pag.start[next] : pag.end;
    const lines = Math.max(0, to - from);
    scenes.push({
      number,
      numbered: !!el.number,
      heading: el.text,
      intExt: h.intExt,
      set: h.set,
      dayNight: h.dayNight,
      timeNote: h.timeNote,
      scriptDay,
      description,
      characters,
      elements,
      revision,
      omitted: h.omitted,
      eighths: eighthsOf(lines, P),
      lines,
      page: Math.floor(from / P) + 1,
      digest: digest([el.text, ...body.map((e) => `${e.type}:${e.dual ?? ""}:${e.text}`), ...elements.map((t) => `${t.category}:${t.element}:${t.quantity ?? ""}`), characters.join(",")]),
      line: el.line,
    });
  });
  return {
    format: doc.format,
    title: doc.title,
    revision: doc.revision,
    scenes,
    cast,
    pageEighths: Math.ceil((pag.end * 8) / P - 1e-9),
    pages: pag.pages,
    warnings: doc.warnings,
  };
}

function later(a: string | undefined, b: string): string {
  const order = ["White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry"];
  if (!a) return b;
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

/** The next free number after `prev` in the A, B, C style of added scenes: 12 → 12A → 12B. */
function unnumbered(prev: string, used: Set<string>): string {
  const base = prev || "0";
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    const m = /^(.*?)([A-Z]?)$/i.exec(base);
    const candidate = m && m[2] && /[A-Z]/i.test(m[2]) && /\d$/.test(m[1]) ? `${m[1]}${c}` : `${base}${c}`;
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
  return `${base}-${used.size + 1}`;
}

/** The first line of an action paragraph, whitespace collapsed, cut at a word near 120 characters. */
function oneLine(text: string): string {
  const first = text.split("\n").find((l) => l.trim()) ?? "";
  const s = first.replace(/\s+/g, " ").trim();
  if (s.length <= 120) return s;
  const cut = s.slice(0, 120);
  const sp = cut.lastIndexOf(" ");
  return `${(sp > 60 ? cut.slice(0, sp) : cut).replace(/[\s,;:]+$/, "")}…`;
}
