/**
 * The `Stripboard`: strips in shooting order, `End of Day` rows closing each shooting day and
 * `Banner:` rows for company moves and notes. Every strip keeps its Excel row, so problems point
 * at it and a reordering can be written back row by row.
 */
import { RawTable, WorkbookInput, findTable } from "../cells";
import { Problems, showValue } from "../problems";
import { TableReader, TableRow, TableSpec, openTable } from "../tables";
import { Eighths, formatEighths, parsePages } from "./eighths";
import { Banner, DayBreak, DayNight, IntExt, ShootDay, Strip, Stripboard } from "./model";
import { CastTable, castKey } from "./cast";
import { LocationTable, locationKey } from "./locations";

export const STRIPBOARD_SPEC: TableSpec = {
  name: "Stripboard",
  columns: [
    { key: "scene", header: "Scene", aliases: ["Sc", "Scene #", "Scene No", "Scene Number", "Scenes"], required: true },
    { key: "ie", header: "Int/Ext", aliases: ["I/E", "IE"] },
    { key: "dn", header: "Day/Night", aliases: ["D/N", "DN", "Time of Day"] },
    { key: "set", header: "Set", aliases: ["Set Name"] },
    { key: "location", header: "Location", aliases: ["Shooting Location"] },
    { key: "pages", header: "Pages", aliases: ["Page Count", "Pgs", "Length"] },
    { key: "cast", header: "Cast", aliases: ["Cast IDs", "Cast Members"] },
    { key: "description", header: "Description", aliases: ["Synopsis"] },
    { key: "scriptDay", header: "Script Day", aliases: ["Story Day"] },
    { key: "extras", header: "Extras", aliases: ["Background", "BG"] },
    { key: "notes", header: "Notes" },
    { key: "revision", header: "Revision", aliases: ["Revision Color", "Rev"] },
    { key: "status", header: "Status", aliases: ["Script Status"] },
  ],
};

export const STRIP_COLORS_SPEC: TableSpec = {
  name: "Strip Colors",
  columns: [
    { key: "ie", header: "Int/Ext", aliases: ["I/E"], required: true },
    { key: "dn", header: "Day/Night", aliases: ["D/N"], required: true },
    { key: "color", header: "Color", aliases: ["Colour"], required: true },
  ],
};

const DAY_BREAK = /^end\s*of\s*day/i;
const BANNER = /^banner\s*:/i;
/** Extension: strips below a row whose Scene is `Boneyard` are on no shooting day. */
const BONEYARD = /^boneyard\b/i;
const OMITTED = /^omitted\b/i;

/** Light tints, so black strip text stays readable, as printed boards use. */
export const COLOR_NAMES: Record<string, string> = {
  white: "#FFFFFF",
  yellow: "#FFF2A8",
  blue: "#A9CCEB",
  green: "#B7DDA8",
  grey: "#D9D9D9",
  gray: "#D9D9D9",
  pink: "#F6C9D6",
  orange: "#F9CB9C",
  red: "#EA9999",
  purple: "#D5C6E8",
  lavender: "#E2D9F3",
  tan: "#E6D3B3",
  salmon: "#F4B6A6",
  black: "#000000",
};

/** The default convention: INT DAY white, EXT DAY yellow, INT NIGHT blue, EXT NIGHT green, others grey. */
export function defaultStripColor(intExt: IntExt, dayNight: DayNight): string {
  if (dayNight === "DAY") {
    if (intExt === "INT") return COLOR_NAMES.white;
    if (intExt === "EXT") return COLOR_NAMES.yellow;
  } else if (dayNight === "NIGHT") {
    if (intExt === "INT") return COLOR_NAMES.blue;
    if (intExt === "EXT") return COLOR_NAMES.green;
  }
  return COLOR_NAMES.grey;
}

/** "#RRGGBB" from `#abc`, `#aabbcc`, `aabbcc` or a colour name; undefined otherwise. */
export function parseColor(text: string): string | undefined {
  const s = text.trim().toLowerCase().replace(/^light\s+/, "");
  if (COLOR_NAMES[s]) return COLOR_NAMES[s];
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(s);
  if (!m) return undefined;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return `#${h.toUpperCase()}`;
}

/** INT, EXT or INT/EXT from the ways boards write them (`I`, `Int.`, `I/E`, `EXT/INT`); undefined if none. */
export function normalizeIntExt(s: string): IntExt | undefined {
  const k = s.toUpperCase().replace(/[.\s]/g, "");
  if (k === "") return "";
  if (["INT", "I", "INTERIOR"].includes(k)) return "INT";
  if (["EXT", "E", "EXTERIOR"].includes(k)) return "EXT";
  if (/^(INT|I)[/\\-]?(EXT|E)$|^(EXT|E)[/\\-]?(INT|I)$/.test(k)) return "INT/EXT";
  return undefined;
}

const TIMES_OF_DAY = ["DAY", "NIGHT", "DAWN", "DUSK", "MORNING", "EVENING"];

/** DAY or NIGHT (from `D`, `Day`, `N`), or DAWN, DUSK, MORNING, EVENING; undefined for other text. */
export function normalizeDayNight(s: string): DayNight | undefined {
  const k = s.toUpperCase().replace(/[.\s]+/g, " ").trim();
  if (k === "") return "";
  if (k === "D") return "DAY";
  if (k === "N") return "NIGHT";
  if (TIMES_OF_DAY.includes(k)) return k;
  return undefined;
}

export interface StripColors {
  /** "INT|NIGHT" → colour; a blank side in the table is "*". */
  overrides: Map<string, string>;
}

export function readStripColors(wb: WorkbookInput, problems: Problems): StripColors {
  const out: StripColors = { overrides: new Map() };
  const t = openTable(wb, STRIP_COLORS_SPEC, problems);
  if (!t) return out;
  for (const row of t.rows) {
    const ieText = t.text(row, "ie");
    const dnText = t.text(row, "dn");
    const ie = normalizeIntExt(ieText);
    const dn = normalizeDayNight(dnText);
    if (ie === undefined) t.error(row, "ie", `Int/Ext must be INT, EXT, INT/EXT or blank for any, not ${showValue(ieText)}`);
    if (dn === undefined) t.error(row, "dn", `Day/Night must be DAY, NIGHT, DAWN, DUSK, MORNING, EVENING or blank for any, not ${showValue(dnText)}`);
    const colorText = t.text(row, "color", { required: true });
    const color = colorText ? parseColor(colorText) : undefined;
    if (colorText && !color) {
      t.error(row, "color", `Color must be #RRGGBB or one of ${Object.keys(COLOR_NAMES).join(", ")}, not ${showValue(colorText)}`);
    }
    if (ie === undefined || dn === undefined || !color) continue;
    const key = `${ie || "*"}|${dn || "*"}`;
    if (out.overrides.has(key)) t.warning(row, "ie", `${ieText || "any"} ${dnText || "any"} is given a colour twice; the first is used`);
    else out.overrides.set(key, color);
  }
  return out;
}

export function stripColor(colors: StripColors | undefined, intExt: IntExt, dayNight: DayNight): string {
  if (colors && colors.overrides.size > 0) {
    for (const key of [`${intExt}|${dayNight}`, `${intExt}|*`, `*|${dayNight}`, "*|*"]) {
      const c = colors.overrides.get(key);
      if (c) return c;
    }
  }
  return defaultStripColor(intExt, dayNight);
}

export interface StripboardContext {
  /** When given, every cast ID on a strip must be one of its IDs. */
  cast?: CastTable;
  /** When given and present, a strip's location not in it is a warning. */
  locations?: LocationTable;
  colors?: StripColors;
}

function newDay(number: number): ShootDay {
  return { number, strips: [], banners: [], items: [], pages: 0, pagesText: "0" };
}

function finishDay(day: ShootDay): ShootDay {
  let pages: Eighths = 0;
  for (const s of day.strips) pages += s.pages;
  day.pages = pages;
  day.pagesText = formatEighths(pages);
  return day;
}

/** Reads the workbook's Stripboard; undefined when it has none (or lacks its Scene column). */
export function readStripboard(wb: WorkbookInput, problems: Problems, ctx: StripboardContext): Stripboard | undefined {
  const raw = findTable(wb, STRIPBOARD_SPEC.name);
  if (!raw) return undefined;
  return parseStripboard(raw, problems, ctx);
}

/** Reads a stripboard from a raw table (a workbook table or a function's range with its header row). */
export function parseStripboard(raw: RawTable, problems: Problems, ctx: StripboardContext): Stripboard | undefined {
  const t = openTable({ tables: [raw] }, { ...STRIPBOARD_SPEC, name: raw.name }, problems);
  if (!t) return undefined;
  const board: Stripboard = {
    sheet: raw.sheet,
    table: raw.name,
    headerRow: raw.headerRow,
    firstColumn: raw.firstColumn,
    headers: raw.headers,
    days: [],
    trailingBanners: [],
    boneyard: [],
    boneyardRows: [],
  };
  if (t.rows.length === 0) {
    problems.error({ sheet: raw.sheet, table: raw.name, row: raw.headerRow, column: "" }, `${raw.name} is empty: add strips in shooting order, with End of Day rows between days`);
    return board;
  }
  const sceneRows = new Map<string, number>();
  const unknownLocations = new Set<string>();
  let castTableMissingReported = false;
  let day = newDay(1);
  let strips = 0;
  let withoutScene = 0;
  let inBoneyard = false;
  for (const row of t.rows) {
    const scene = t.text(row, "scene");
    if (inBoneyard || BONEYARD.test(scene)) {
      // The boneyard: kept as written, read as strips so they show (and their cast is checked).
      if (!inBoneyard) {
        inBoneyard = true;
        board.boneyardRows.push(row.cells);
        continue;
      }
      board.boneyardRows.push(row.cells);
      if (!scene || DAY_BREAK.test(scene) || BANNER.test(scene)) continue;
      board.boneyard.push(readStrip(t, row, scene, ctx));
      continue;
    }
    if (scene && !DAY_BREAK.test(scene) && !BANNER.test(scene) && OMITTED.test(t.text(row, "status"))) {
      // An omitted scene keeps its place on the board but is not shot: it shows like a banner.
      const set = t.text(row, "set");
      const banner: Banner = { row: row.excelRow, text: `Scene ${scene} OMITTED${set && !OMITTED.test(set) ? ` (${set})` : ""}`, cells: row.cells, omitted: true, scene };
      day.banners.push(banner);
      day.items.push({ kind: "banner", banner });
      continue;
    }
    if (DAY_BREAK.test(scene)) {
      const brk: DayBreak = { row: row.excelRow, text: scene.replace(DAY_BREAK, "").replace(/^[\s:—–-]+/, "").trim(), cells: row.cells };
      day.dayBreak = brk;
      if (day.strips.length === 0) {
        t.warning(row, "scene", `Day ${day.number} has no strips: this End of Day row ends an empty shooting day`);
      }
      board.days.push(finishDay(day));
      day = newDay(day.number + 1);
      continue;
    }
    if (BANNER.test(scene)) {
      const text = scene.replace(BANNER, "").trim() || t.text(row, "description") || t.text(row, "notes");
      const banner: Banner = { row: row.excelRow, text, cells: row.cells };
      day.banners.push(banner);
      day.items.push({ kind: "banner", banner });
      continue;
    }
    if (!scene) {
      t.error(row, "scene", "This strip has no scene number: give it one, or start the Scene cell with End of Day or Banner:");
      withoutScene++;
      continue;
    }
    const strip = readStrip(t, row, scene, ctx);
    const key = scene.toUpperCase();
    const first = sceneRows.get(key);
    if (first !== undefined) {
      t.warning(row, "scene", `Scene ${scene} is also on row ${first}; a split scene is listed on each of its strips`);
    } else {
      sceneRows.set(key, row.excelRow);
    }
    if (strip.cast.length > 0 && ctx.cast && !ctx.cast.present && !castTableMissingReported) {
      castTableMissingReported = true;
      t.error(row, "cast", "Strips list cast IDs but the workbook has no Cast table (ID | Character | Actor | Daily Rate | Makeup | Contact)");
    }
    if (strip.location && ctx.locations?.present && !ctx.locations.byKey.has(locationKey(strip.location))) {
      const k = locationKey(strip.location);
      if (!unknownLocations.has(k)) {
        unknownLocations.add(k);
        t.warning(row, "location", `Location ${showValue(strip.location)} is not in Locations; call sheets show no address, parking, hospital or sunrise for it`);
      }
    }
    day.strips.push(strip);
    day.items.push({ kind: "strip", strip });
    strips++;
  }
  if (day.strips.length > 0) board.days.push(finishDay(day));
  else board.trailingBanners.push(...day.banners);
  if (strips === 0 && withoutScene === 0 && board.boneyard.length === 0) {
    problems.error({ sheet: raw.sheet, table: raw.name, row: raw.headerRow, column: t.header("scene") }, `${raw.name} has no strips, only day breaks and banners`);
  }
  return board;
}

function readStrip(t: TableReader, row: TableRow, scene: string, ctx: StripboardContext): Strip {
  const ieText = t.text(row, "ie");
  let intExt = normalizeIntExt(ieText);
  if (intExt === undefined) {
    t.warning(row, "ie", `Int/Ext should be INT, EXT or INT/EXT, not ${showValue(ieText)}; the strip is grey`);
    intExt = ieText.toUpperCase();
  }
  const dnText = t.text(row, "dn");
  let dayNight = normalizeDayNight(dnText);
  if (dayNight === undefined) {
    t.warning(row, "dn", `Day/Night should be DAY, NIGHT, DAWN, DUSK, MORNING or EVENING, not ${showValue(dnText)}; the strip is grey`);
    dayNight = dnText.toUpperCase();
  }
  const pagesResult = parsePages(t.value(row, "pages"));
  let pages: Eighths = 1;
  if (!pagesResult.ok) t.error(row, "pages", pagesResult.message);
  else {
    pages = pagesResult.eighths;
    if (pagesResult.warning) t.warning(row, "pages", pagesResult.warning);
  }
  return {
    row: row.excelRow,
    scene,
    intExt,
    dayNight,
    set: t.text(row, "set"),
    location: t.text(row, "location"),
    pages,
    cast: readCastIds(t, row, ctx.cast),
    description: t.text(row, "description"),
    scriptDay: t.text(row, "scriptDay"),
    extras: t.text(row, "extras"),
    notes: t.text(row, "notes"),
    color: stripColor(ctx.colors, intExt, dayNight),
    cells: row.cells,
    revision: t.text(row, "revision") || undefined,
    status: t.text(row, "status") || undefined,
  };
}

/** Comma-separated IDs, checked against Cast and spelled as Cast spells them; a repeat is dropped. */
function readCastIds(t: TableReader, row: TableRow, cast: CastTable | undefined): string[] {
  const text = t.text(row, "cast");
  if (!text) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;]/)) {
    const id = part.trim();
    if (!id) continue;
    const key = castKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    if (cast?.present) {
      const member = cast.byKey.get(key);
      if (!member) {
        t.error(row, "cast", `Cast ID ${showValue(id)} is not an ID in Cast`);
        continue;
      }
      out.push(member.id);
    } else {
      out.push(id);
    }
  }
  return out;
}
