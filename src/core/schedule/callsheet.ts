/**
 * One call sheet model a shooting day: data only, laid out elsewhere.
 *
 * Times, as a first AD writes them:
 * - Crew call: the `Calls` row for the day, else Settings `Crew Call`.
 * - Shooting call (camera ready to roll): the `Calls` row's Shooting Call, else crew call +
 *   Settings `Shooting Call Offset` (default 60 minutes, the usual hour for blocking, lighting and
 *   first setup).
 * - Set call of each actor called: the shooting call, when the first setup needs them on set.
 *   Makeup call = set call − the actor's Makeup minutes. A Calls row with the actor's Cast ID
 *   staggers it (Set Call as a time or an offset from the shooting call).
 * - Wrap: the day's Calls Wrap, else crew call + Settings `Shooting Day Length` (12 h). Cast are
 *   dismissed at camera wrap, that wrap less the crew's lead (shooting call − crew call), unless
 *   their own Calls row gives a Wrap.
 * - First meal: the Calls Meal, else crew call + Settings `First Meal` (6 h: the SAG-AFTRA and
 *   IATSE agreements put the first meal within six hours of call, a meal penalty after that).
 *   Second meal: the Calls Second Meal, else due six hours after the first meal's half hour ends,
 *   printed only when the day wraps after that.
 */
import { EpochDay } from "../dates";
import { formatEighths } from "./eighths";
import {
  CallSheet,
  CallSheetCast,
  CallSheetCrew,
  CallSheetHolding,
  CallSheetLocation,
  CallSheetScene,
  CastMember,
  DayCall,
  Dood,
  Location,
  ShootDay,
  SunTimes,
} from "./model";
import { WORK_CODES } from "./dood";
import { TimeZone, describeZone, estimatedZone, localSunTimes, parseTimeZone } from "./sun";
import { locationKey } from "./locations";
import { castKey } from "./cast";
import { resolveClock, resolveLater } from "./clock";
import type { Contact, CrewMember } from "./crew";

export const DEFAULT_SHOOTING_CALL_OFFSET = 60;
/** Hours as minutes: the usual 12-hour shooting day and 12-hour rest, first meal six hours in. */
export const DEFAULT_DAY_LENGTH = 12 * 60;
export const DEFAULT_TURNAROUND = 12 * 60;
export const DEFAULT_FIRST_MEAL = 6 * 60;
/** A meal period is at least half an hour (non-deductible breakfasts aside). */
export const MEAL_LENGTH = 30;

/** Background count from a Stripboard Extras cell: 40, "40", "20 commuters"; undefined for text without one. */
export function backgroundCount(extras: string): number | undefined {
  const m = /^\s*(\d+)(?![\d.,:/])/.exec(extras);
  return m ? Number(m[1]) : undefined;
}

export interface CallSheetInput {
  production: string;
  days: readonly ShootDay[];
  dood: Dood;
  cast: readonly CastMember[];
  locations: ReadonlyMap<string, Location>;
  /** Calls rows already matched to day numbers (1-based). */
  callsByDay: ReadonlyMap<number, DayCall>;
  /** Minutes. */
  crewCall: number;
  shootingCallOffset: number;
  /** Settings `Time Zone`, for locations without their own. */
  timeZone?: TimeZone;
  /** Issue 14: Calls rows with a Cast ID, by day number and castKey. */
  castCallsByDay?: ReadonlyMap<number, ReadonlyMap<string, DayCall>>;
  crew?: readonly CrewMember[];
  contacts?: readonly Contact[];
  productionOffice?: string;
  /** Settings Walkie Channels and Safety Notes, for days whose Calls row gives none. */
  walkie?: string;
  safety?: string;
  /** Minutes. */
  dayLength?: number;
  firstMealAfter?: number;
}

function sceneOf(day: ShootDay): CallSheetScene[] {
  return day.strips.map((s) => ({
    row: s.row,
    scene: s.scene,
    set: s.set,
    intExt: s.intExt,
    dayNight: s.dayNight,
    pages: s.pages,
    pagesText: formatEighths(s.pages),
    cast: s.cast,
    location: s.location,
    description: s.description,
    background: backgroundCount(s.extras),
    extras: s.extras,
  }));
}

/** Zones parsed once per text, not once per day. */
function zoneCache(fallback: TimeZone | undefined): (loc: Location) => TimeZone {
  const cache = new Map<string, TimeZone | undefined>();
  return (loc) => {
    if (loc.timeZone) {
      if (!cache.has(loc.timeZone)) cache.set(loc.timeZone, parseTimeZone(loc.timeZone));
      const z = cache.get(loc.timeZone);
      if (z) return z;
    }
    return fallback ?? estimatedZone(loc.longitude ?? 0);
  };
}

export function buildCallSheets(input: CallSheetInput): CallSheet[] {
  const { days, dood, cast } = input;
  const zoneOf = zoneCache(input.timeZone);
  const scenesByDay = days.map(sceneOf);
  const out: CallSheet[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    const call = input.callsByDay.get(day.number);
    const crewCall = call?.crewCall ?? input.crewCall;
    const shootingCall = call?.shootingCall ?? crewCall + input.shootingCallOffset;
    const wrapGiven = call?.wrap !== undefined;
    const wrap = call?.wrap ? resolveLater(call.wrap, crewCall) : crewCall + (input.dayLength ?? DEFAULT_DAY_LENGTH);
    const firstMeal = call?.meal ? resolveLater(call.meal, crewCall) : crewCall + (input.firstMealAfter ?? DEFAULT_FIRST_MEAL);
    const due = firstMeal + MEAL_LENGTH + 6 * 60;
    const secondMeal = call?.secondMeal ? resolveLater(call.secondMeal, crewCall) : wrap > due ? due : undefined;
    const castCalls = input.castCallsByDay?.get(day.number);
    // Cast are dismissed at camera wrap: the crew's lead before the shooting call is its wrap-out after it.
    const cameraWrap = wrap - Math.max(0, shootingCall - crewCall);

    const called: CallSheetCast[] = [];
    const holding: CallSheetHolding[] = [];
    cast.forEach((member, m) => {
      const code = dood.cast[m]?.codes[i] ?? "";
      if (WORK_CODES.has(code)) {
        const own = castCalls?.get(castKey(member.id));
        const setCall = own?.setCall ? resolveClock(own.setCall, shootingCall) : shootingCall;
        const makeupCall = setCall - member.makeup;
        const pickup = own?.pickup ?? member.pickup;
        const c: CallSheetCast = {
          id: member.id,
          character: member.character,
          actor: member.actor,
          code,
          makeupCall,
          setCall,
          dismiss: own?.wrap ? (own.wrap.kind === "offset" ? crewCall + own.wrap.minutes : resolveLater(own.wrap, makeupCall)) : cameraWrap,
        };
        if (pickup) c.pickup = resolveClock(pickup, makeupCall);
        const transport = own?.transport || member.transport;
        if (transport) c.transport = transport;
        if (member.minor) c.minor = true;
        if (own?.notes) c.note = own.notes;
        called.push(c);
      } else if (code === "H") {
        holding.push({ id: member.id, character: member.character, actor: member.actor });
      }
    });

    const crew: { department: string; people: CallSheetCrew[] }[] = [];
    const byDept = new Map<string, CallSheetCrew[]>();
    for (const p of input.crew ?? []) {
      const key = p.department.trim().toLowerCase();
      let people = byDept.get(key);
      if (!people) {
        people = [];
        byDept.set(key, people);
        crew.push({ department: p.department, people });
      }
      people.push({ position: p.position, name: p.name, phone: p.phone, call: p.call ? resolveClock(p.call, crewCall) : crewCall });
    }
    const scenes = scenesByDay[i];
    const safety = [input.safety ?? "", call?.safety ?? ""].flatMap((t) => t.split(/\r?\n/)).map((t) => t.trim()).filter(Boolean);

    const locations: CallSheetLocation[] = [];
    const sun: SunTimes[] = [];
    const seen = new Set<string>();
    for (const strip of day.strips) {
      if (!strip.location) continue;
      const key = locationKey(strip.location);
      if (seen.has(key)) continue;
      seen.add(key);
      const loc = input.locations.get(key);
      locations.push({
        name: loc?.name ?? strip.location,
        address: loc?.address ?? "",
        parking: loc?.parking ?? "",
        hospital: loc?.hospital ?? "",
        latitude: loc?.latitude,
        longitude: loc?.longitude,
        notes: loc?.notes ?? "",
      });
      if (loc && loc.latitude !== undefined && loc.longitude !== undefined && day.date !== undefined) {
        sun.push(sunAt(day.date, loc, zoneOf(loc)));
      }
    }

    const notes: string[] = [];
    if (call?.notes) notes.push(call.notes);
    for (const b of day.banners) if (b.text) notes.push(b.text);
    for (const s of day.strips) if (s.notes) notes.push(`Sc. ${s.scene}: ${s.notes}`);

    const next = days[i + 1];
    out.push({
      production: input.production,
      day: day.number,
      days: days.length,
      date: day.date,
      crewCall,
      shootingCall,
      sun,
      scenes,
      pages: day.pages,
      pagesText: day.pagesText,
      cast: called,
      holding,
      locations,
      notes,
      wrap,
      wrapGiven,
      firstMeal,
      secondMeal,
      walkie: call?.walkie || input.walkie || "",
      safety,
      productionOffice: input.productionOffice ?? "",
      contacts: (input.contacts ?? []).map((c) => ({ role: c.role, name: c.name, phone: c.phone, email: c.email })),
      crew,
      background: scenes.reduce((n, sc) => n + (sc.background ?? 0), 0),
      weather: "",
      advance: next ? { day: next.number, date: next.date, scenes: scenesByDay[i + 1], pagesText: next.pagesText } : undefined,
    });
  }
  return out;
}

function sunAt(date: EpochDay, loc: Location, zone: TimeZone): SunTimes {
  const lat = loc.latitude as number;
  const lon = loc.longitude as number;
  const t = localSunTimes(date, lat, lon, zone);
  return {
    location: loc.name,
    latitude: lat,
    longitude: lon,
    sunrise: t.sunrise,
    sunset: t.sunset,
    polar: t.polar,
    zone: describeZone(zone),
    estimated: zone.kind === "offset" && zone.estimated,
  };
}
