// An independent pagination of a Fountain script by afterwriting's own parser and liner
// (aw-parser, aw-liner: MIT, devDependencies only, never at run time), with afterwriting's US
// Letter print profile, measured into eighths by the same rule as ours (heading to heading,
// rounded up, at least 1/8). Used by the bench to report per-scene agreement.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const awParser = require("aw-parser") as { parser: { parse: (s: string, cfg: unknown) => { tokens: unknown[] } }; helpers: unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const awLiner = require("aw-liner") as { Liner: new (h: unknown) => { line: (tokens: unknown[], cfg: unknown) => AwLine[] } };

interface AwLine {
  type: string;
  text?: string;
  right_column?: AwLine[];
}

/** afterwriting's `usletter` print profile (its defaults: 55 lines a page, Courier 12). */
const USLETTER = {
  lines_per_page: 55,
  scene_heading: { feed: 1.5, max: 61 },
  action: { feed: 1.5, max: 61 },
  shot: { feed: 1.5, max: 61 },
  character: { feed: 3.5, max: 33 },
  parenthetical: { feed: 3, max: 26 },
  dialogue: { feed: 2.5, max: 36 },
  transition: { feed: 0.0, max: 61 },
  centered: { feed: 1.5, max: 61 },
  synopsis: { feed: 0.5, max: 61 },
  section: { feed: 0.5, max: 61 },
  note: { feed: 1.5, max: 61 },
  dual_max_factor: 0.75,
};

const CONFIG = {
  print_title_page: false,
  print_actions: true,
  print_headers: true,
  print_dialogues: true,
  print_notes: false,
  print_sections: false,
  print_synopsis: false,
  double_space_between_scenes: false,
  merge_multiple_empty_lines: true,
  split_dialogue: true,
  use_dual_dialogue: true,
  text_more: "(MORE)",
  text_contd: "(CONT'D)",
  print: USLETTER,
};

/** Each scene's heading and eighths, in script order, as afterwriting lays the script out. */
export function afterwritingEighths(fountain: string): { heading: string; eighths: number }[] {
  const parsed = awParser.parser.parse(fountain, CONFIG);
  const liner = new awLiner.Liner(awParser.helpers);
  const lines = liner.line(parsed.tokens, CONFIG);
  const P = USLETTER.lines_per_page;
  const starts: number[] = [];
  const headings: string[] = [];
  let page = 0;
  let y = 0;
  for (const l of lines) {
    if (l.type === "page_break") {
      page++;
      y = 0;
      continue;
    }
    if (l.type === "scene_heading" && (starts.length === 0 || starts[starts.length - 1] !== page * P + y)) {
      starts.push(page * P + y);
      headings.push(l.text ?? "");
    }
    y++;
  }
  const end = page * P + y;
  return starts.map((s, i) => ({ heading: headings[i], eighths: Math.max(1, Math.ceil((((i + 1 < starts.length ? starts[i + 1] : end) - s) * 8) / P - 1e-9)) }));
}

export interface Agreement {
  /** Scenes both paginators found (matched by heading, in order). */
  matched: number;
  ours: number;
  theirs: number;
  /** Matched scenes with the same eighths, and within one eighth. */
  same: number;
  withinOne: number;
  oursTotal: number;
  theirsTotal: number;
}

const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, " ").trim();

/** Matches the two scene lists by heading (longest common subsequence) and compares eighths. */
export function agreement(ours: { heading: string; eighths: number }[], theirs: { heading: string; eighths: number }[]): Agreement {
  const n = ours.length;
  const m = theirs.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = norm(ours[i].heading) === norm(theirs[j].heading) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const a: Agreement = { matched: 0, ours: n, theirs: m, same: 0, withinOne: 0, oursTotal: ours.reduce((t, s) => t + s.eighths, 0), theirsTotal: theirs.reduce((t, s) => t + s.eighths, 0) };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (norm(ours[i].heading) === norm(theirs[j].heading)) {
      a.matched++;
      if (ours[i].eighths === theirs[j].eighths) a.same++;
      if (Math.abs(ours[i].eighths - theirs[j].eighths) <= 1) a.withinOne++;
      i++;
      j++;
    } else if (L[i + 1][j] >= L[i][j + 1]) i++;
    else j++;
  }
  return a;
}
