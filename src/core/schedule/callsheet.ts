/**
 * One call sheet model a shooting day: data only, laid out elsewhere.
 *
 * Times, as a first AD writes them:
 * - Crew call: the `Calls` row for the day, else Settings `Crew Call`.
 * - Shooting call (camera ready to roll): the `Calls` row's Shooting Call, else crew call +
 *   Settings `Shooting Call Offset` (default 60 minutes, the usual hour for blocking, lighting and
 *   first setup).
 * - Set call of each actor called: the shooting call, when the first setup needs them on set.
 *   Makeup call = set call − the actor's Makeup minutes. The AD staggers later actors by hand.
 */
import { EpochDay } from "../dates";
import { formatEighths } from "./eighths";
import {
  CallSheet,
  CallSheetCast,
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

export const DEFAULT_SHOOTING_CALL_OFFSET = 60;

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

    const called: CallSheetCast[] = [];
    const holding: string[] = [];
    cast.forEach((member, m) => {
      const code = dood.cast[m]?.codes[i] ?? "";
      if (WORK_CODES.has(code)) {
        called.push({
          id: member.id,
          character: member.character,
          actor: member.actor,
          code,
          makeupCall: shootingCall - member.makeup,
          setCall: shootingCall,
        });
      } else if (code === "H") {
        holding.push(member.id);
      }
    });

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
      scenes: scenesByDay[i],
      pages: day.pages,
      pagesText: day.pagesText,
      cast: called,
      holding,
      locations,
      notes,
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
