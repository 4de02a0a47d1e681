/** The schedule half of the engine as data: what the Schedule, DOOD and call sheets are built from. */
import { CellValue } from "../cells";
import { Cents } from "../money";
import { EpochDay } from "../dates";
import { Eighths } from "./eighths";
import type { BreakdownModel } from "./breakdown";
import type { Clock } from "./clock";

export type IntExt = "INT" | "EXT" | "INT/EXT" | string;
/** DAY, NIGHT, or DAWN, DUSK, MORNING, EVENING as written (other text kept upper-cased). */
export type DayNight = string;

export interface Strip {
  /** Excel row of the strip on the Stripboard sheet: problems point here, the optimizer rewrites it. */
  row: number;
  scene: string;
  intExt: IntExt;
  dayNight: DayNight;
  set: string;
  location: string;
  pages: Eighths;
  /** Cast IDs as `Cast` spells them, in the order the strip lists them. */
  cast: string[];
  description: string;
  scriptDay: string;
  extras: string;
  notes: string;
  /** "#RRGGBB". */
  color: string;
  /** The strip's raw cells in Stripboard column order, for rewriting the board unchanged. */
  cells: CellValue[];
  /** Extension (script import): the revision colour that last changed the scene, e.g. "Blue". */
  revision?: string;
  /** Extension (script import): Changed, New or OMITTED. */
  status?: string;
}

export interface Banner {
  row: number;
  /** What follows `Banner:`, else the row's Description. */
  text: string;
  cells: CellValue[];
  /** Extension: an omitted scene's strip, shown in its place like a banner. */
  omitted?: boolean;
  /** The omitted strip's scene number. */
  scene?: string;
}

export interface DayBreak {
  row: number;
  /** What follows `End of Day` on the row. */
  text: string;
  cells: CellValue[];
}

export type DayItem = { kind: "strip"; strip: Strip } | { kind: "banner"; banner: Banner };

export interface ShootDay {
  /** 1..N in strip order. */
  number: number;
  date?: EpochDay;
  strips: Strip[];
  banners: Banner[];
  /** Strips and banners in board order. */
  items: DayItem[];
  pages: Eighths;
  /** `7 2/8`, never reduced. */
  pagesText: string;
  /** The `End of Day` row that closes the day; absent for the last day when no break follows it. */
  dayBreak?: DayBreak;
}

export interface Stripboard {
  sheet: string;
  table: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  days: ShootDay[];
  /** Banners after the last day break with no strip after them: they form no day. */
  trailingBanners: Banner[];
  /** Extension: strips below the `Boneyard` row, on no shooting day (new scenes of a revision). */
  boneyard: Strip[];
  /** The Boneyard row and every row below it, as written, for rewriting the board unchanged. */
  boneyardRows: CellValue[][];
}

export interface CastMember {
  row: number;
  id: string;
  character: string;
  actor: string;
  dailyRate: Cents;
  /** Minutes from makeup call to set call. */
  makeup: number;
  contact: string;
  /** Extension (issue 14): a minor, who needs a studio teacher and child-labour hours. */
  minor?: boolean;
  /** Extension (issue 14): pickup as a time or an offset from the makeup call, every work day. */
  pickup?: Clock;
  transport?: string;
  /** Extension (issue 14): minutes of rest owed between wrap and the next call. */
  turnaround?: number;
}

export interface Location {
  row: number;
  name: string;
  address: string;
  parking: string;
  hospital: string;
  latitude?: number;
  longitude?: number;
  notes: string;
  /** Extension: IANA zone or UTC offset text (docs/WORKBOOK-EXTENSIONS.md). */
  timeZone?: string;
}

export interface DayCall {
  row: number;
  /** The shooting day the row is for: by number (`3`, `Day 3`, `D3`) or by date. */
  day?: number;
  date?: EpochDay;
  /** Minutes after midnight. */
  crewCall?: number;
  /** Extension: a shooting call for the day, overriding crew call + Shooting Call Offset. */
  shootingCall?: number;
  notes: string;
  /** Extension (issue 14): a time (next morning when before the crew call) or an offset from crew call. */
  wrap?: Clock;
  meal?: Clock;
  secondMeal?: Clock;
  walkie?: string;
  safety?: string;
  /**
   * Extension (issue 14): a row with a Cast ID is one actor's calls that day, not the day's own
   * row: Set Call (time or offset from the shooting call), Pickup (time or offset from the makeup
   * call), Transport, Wrap (the actor's dismissal) and Notes.
   */
  castId?: string;
  setCall?: Clock;
  pickup?: Clock;
  transport?: string;
}

export interface Holiday {
  row: number;
  date: EpochDay;
  name: string;
}

/** TR, R and FT come from the optional Cast Days table, on a shooting day the member does not work. */
export type DoodCode = "SW" | "W" | "WF" | "SWF" | "H" | "WD" | "SWD" | "PW" | "PWF" | "TR" | "R" | "FT" | "";

/** Codes of the Cast Days table: travel, rehearsal, fitting, holiday (issue 14). */
export type CastDayCode = "TR" | "R" | "FT" | "H";

/** One Cast Days row as read: `id` is the Cast table's spelling of the ID. */
export interface CastDayEntry {
  row: number;
  id: string;
  date: EpochDay;
  code: CastDayCode;
}

/** Paid non-shooting days from Cast Days: travel, rehearsal, fitting, and holidays inside the run. */
export interface CastDayCounts {
  TR: number;
  R: number;
  FT: number;
  H: number;
}

export interface DoodRow {
  id: string;
  character: string;
  actor: string;
  /** One code a shooting day. */
  codes: DoodCode[];
  work: number;
  hold: number;
  /** Shooting days between drop and pick-up. */
  drop: number;
  /** Day numbers of the first and last work day; absent for one who never works. */
  startDay?: number;
  finishDay?: number;
  /** Dates of the first and last work day, when the days are dated. */
  start?: EpochDay;
  finish?: EpochDay;
  /** hold × Daily Rate. */
  holdCost: Cents;
  /** Paid Cast Days of this member; absent when the workbook has no Cast Days rows. */
  castDays?: CastDayCounts;
}

export interface Dood {
  days: number;
  dates: (EpochDay | undefined)[];
  cast: DoodRow[];
  /** False when the days have no dates: drops cannot be judged and every gap is a hold. */
  dropsJudged: boolean;
  /** Calendar days between two shooting days (weekends, holidays), in order; absent or empty when undated. */
  offSpans?: DoodOffSpan[];
  /** True when the Cast Days table gave rows: the DOOD shows their counts and legend. */
  castDays?: boolean;
}

/** A run of consecutive non-shooting dates inside the shoot (issue 14). */
export interface DoodOffSpan {
  /** The shooting day (1-based) the run follows; the run ends the day before day afterDay + 1. */
  afterDay: number;
  dates: EpochDay[];
  /** The Holidays rows that fall in the run, by date. */
  holidays: { date: EpochDay; name: string }[];
}

export interface SunTimes {
  location: string;
  latitude: number;
  longitude: number;
  /** Local minutes after midnight; absent when the sun does not rise or set that day. */
  sunrise?: number;
  sunset?: number;
  /** "polar day" or "polar night" when there is no sunrise or sunset. */
  polar?: "polar day" | "polar night";
  /** What the times are in: `America/Los_Angeles`, `UTC-08:00`, or `UTC-08:00 est.`. */
  zone: string;
  /** True when the offset was guessed from longitude (no Time Zone given). */
  estimated: boolean;
}

export interface CallSheetScene {
  row: number;
  scene: string;
  set: string;
  intExt: IntExt;
  dayNight: DayNight;
  pages: Eighths;
  pagesText: string;
  cast: string[];
  location: string;
  description: string;
  /** Extension (issue 14): background from the Stripboard's Extras, when it gives a count. */
  background?: number;
  /** The Extras cell as written when it is text ("20 commuters"). */
  extras: string;
}

export interface CallSheetCast {
  id: string;
  character: string;
  actor: string;
  code: DoodCode;
  /** Minutes after midnight (may pass midnight for night work: formatTime wraps it). */
  makeupCall: number;
  setCall: number;
  /** Extension (issue 14). */
  pickup?: number;
  transport?: string;
  minor?: boolean;
  /** The Calls row's Notes for this actor and day. */
  note?: string;
  /** Minutes after midnight the actor is dismissed (may pass 1440): camera wrap unless Calls gives one. */
  dismiss?: number;
}

/** A member on hold that day, by name (issue 14). */
export interface CallSheetHolding {
  id: string;
  character: string;
  actor: string;
}

/** A `Crew` row as printed: Call resolved against the day's crew call. */
export interface CallSheetCrew {
  position: string;
  name: string;
  phone: string;
  call: number;
}

export interface CallSheetContact {
  role: string;
  name: string;
  phone: string;
  email: string;
}

/** A location as the call sheet lists it: the Locations row without its bookkeeping. */
export type CallSheetLocation = Omit<Location, "row" | "timeZone">;

export interface CallSheet {
  production: string;
  day: number;
  days: number;
  date?: EpochDay;
  crewCall: number;
  shootingCall: number;
  sun: SunTimes[];
  scenes: CallSheetScene[];
  pages: Eighths;
  pagesText: string;
  cast: CallSheetCast[];
  /** On hold that day (not called), by name. */
  holding: CallSheetHolding[];
  locations: CallSheetLocation[];
  notes: string[];
  /** Extension (issue 14): minutes after midnight (wrap may pass 1440). */
  wrap: number;
  /** True when Calls gives the Wrap; else crew call + Shooting Day Length. */
  wrapGiven: boolean;
  firstMeal: number;
  /** Given in Calls, or due (6 h after the first meal's end) when the day runs past it. */
  secondMeal?: number;
  walkie: string;
  safety: string[];
  productionOffice: string;
  contacts: CallSheetContact[];
  crew: { department: string; people: CallSheetCrew[] }[];
  /** Sum of the scenes' background counts. */
  background: number;
  /** Left blank for the AD: a forecast needs a network. */
  weather: string;
  /** The next shooting day's scenes; absent on the last day. */
  advance?: { day: number; date?: EpochDay; scenes: CallSheetScene[]; pagesText: string };
}

export interface ScheduleModel {
  production: string;
  board: Stripboard;
  days: ShootDay[];
  dood: Dood;
  callSheets: CallSheet[];
  cast: CastMember[];
  locations: Location[];
  calls: DayCall[];
  holidays: Holiday[];
  /** Extension (issue 13): the Breakdown table, when the workbook has one. */
  breakdown?: BreakdownModel;
}
