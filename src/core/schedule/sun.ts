/**
 * Sunrise and sunset by NOAA's solar calculator (the General Solar Position equations of
 * gml.noaa.gov/grad/solcalc, after Meeus): the sun's upper limb at the horizon with standard
 * refraction, zenith 90.833°. Good to about a minute between ±72° latitude. Times come out in
 * UTC minutes of the date; the call sheet turns them into local time with a time zone.
 */
import { EpochDay, formatTime } from "../dates";

const RAD = Math.PI / 180;

/** Julian day at 0h UTC of an EpochDay: 1970-01-01 is JD 2440587.5. */
function julianDay(day: EpochDay): number {
  return day + 2440587.5;
}

interface SolarTerms {
  /** Equation of time, minutes. */
  eqTime: number;
  /** Declination, degrees. */
  declination: number;
}

function solarTerms(jd: number): SolarTerms {
  const t = (jd - 2451545) / 36525; // Julian centuries since J2000
  const l0 = (((280.46646 + t * (36000.76983 + t * 0.0003032)) % 360) + 360) % 360; // mean longitude
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t); // mean anomaly
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t); // orbit eccentricity
  const mr = m * RAD;
  const c = Math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * mr) * (0.019993 - 0.000101 * t) + Math.sin(3 * mr) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * RAD); // apparent longitude
  const seconds = 21.448 - t * (46.815 + t * (0.00059 - t * 0.001813));
  const e0 = 23 + (26 + seconds / 60) / 60; // mean obliquity
  const eps = e0 + 0.00256 * Math.cos(omega * RAD); // corrected obliquity
  const declination = Math.asin(Math.sin(eps * RAD) * Math.sin(lambda * RAD)) / RAD;
  const y = Math.tan((eps * RAD) / 2) ** 2;
  const l0r = l0 * RAD;
  const eq =
    y * Math.sin(2 * l0r) -
    2 * e * Math.sin(mr) +
    4 * e * y * Math.sin(mr) * Math.cos(2 * l0r) -
    0.5 * y * y * Math.sin(4 * l0r) -
    1.25 * e * e * Math.sin(2 * mr);
  return { eqTime: (4 * eq) / RAD, declination };
}

/** cos of the hour angle at sunrise; outside [-1, 1] the sun stays up (< -1) or down (> 1). */
function cosHourAngle(lat: number, declination: number): number {
  const phi = lat * RAD;
  const d = declination * RAD;
  return Math.cos(90.833 * RAD) / (Math.cos(phi) * Math.cos(d)) - Math.tan(phi) * Math.tan(d);
}

/** One event in UTC minutes after 0h of `day`, refined once at the event's own time as NOAA does. */
function eventUtc(rise: boolean, day: EpochDay, lat: number, lon: number): number | undefined {
  const jd0 = julianDay(day);
  let guess = 720 - 4 * lon; // solar noon, to start from
  for (let i = 0; i < 2; i++) {
    const { eqTime, declination } = solarTerms(jd0 + guess / 1440);
    const c = cosHourAngle(lat, declination);
    if (c > 1 || c < -1) return undefined;
    const ha = Math.acos(c) / RAD;
    guess = 720 - 4 * (lon + (rise ? ha : -ha)) - eqTime;
  }
  return guess;
}

export interface SunEvents {
  /** UTC minutes after 0h of the date (may fall outside 0..1440 far from Greenwich). */
  sunriseUtc?: number;
  sunsetUtc?: number;
  polar?: "polar day" | "polar night";
}

/** Sunrise and sunset for a date at latitude (north +) and longitude (east +). */
export function sunTimes(day: EpochDay, latitude: number, longitude: number): SunEvents {
  const sunriseUtc = eventUtc(true, day, latitude, longitude);
  const sunsetUtc = eventUtc(false, day, latitude, longitude);
  if (sunriseUtc === undefined || sunsetUtc === undefined) {
    const noon = solarTerms(julianDay(day) + (720 - 4 * longitude) / 1440);
    const polar = cosHourAngle(latitude, noon.declination) < -1 ? "polar day" : "polar night";
    return { sunriseUtc, sunsetUtc, polar };
  }
  return { sunriseUtc, sunsetUtc };
}

/** A time zone as the workbook gives it: an IANA name, or a fixed offset from UTC. */
export type TimeZone = { kind: "iana"; name: string } | { kind: "offset"; minutes: number; estimated: boolean };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(name: string): Intl.DateTimeFormat {
  let f = formatters.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(name, f);
  }
  return f;
}

/** `America/Los_Angeles`, `UTC`, `-08:00`, `UTC+5:30`, `GMT-3`, `+0100`; undefined otherwise. */
export function parseTimeZone(text: string): TimeZone | undefined {
  const s = text.trim();
  const m = /^(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(s);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3] ?? 0);
    if (h > 14 || min > 59) return undefined;
    const sign = m[1] === "+" ? 1 : -1;
    return { kind: "offset", minutes: sign * (h * 60 + min), estimated: false };
  }
  if (/^(UTC|GMT|Z)$/i.test(s)) return { kind: "offset", minutes: 0, estimated: false };
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(s)) return undefined;
  try {
    const name = formatter(s).resolvedOptions().timeZone;
    return { kind: "iana", name };
  } catch {
    return undefined; // RangeError: not a zone this runtime knows
  }
}

/** Without a zone, the nominal zone of the meridian: round(longitude / 15) hours. */
export function estimatedZone(longitude: number): TimeZone {
  const minutes = Math.round(longitude / 15) * 60;
  return { kind: "offset", minutes: minutes === 0 ? 0 : minutes, estimated: true };
}

/** Minutes to add to UTC to get local clock time at the instant `utcMs`. */
export function offsetAt(zone: TimeZone, utcMs: number): number {
  if (zone.kind === "offset") return zone.minutes;
  const parts = formatter(zone.name).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
  const whole = Math.floor(utcMs / 60000) * 60000;
  return Math.round((local - whole) / 60000);
}

/** `UTC-08:00`, `UTC+05:30`, `UTC`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? "-" : "+"}${formatTime(a)}`;
}

export function describeZone(zone: TimeZone): string {
  if (zone.kind === "iana") return zone.name;
  return zone.estimated ? `${formatOffset(zone.minutes)} est.` : formatOffset(zone.minutes);
}

export interface LocalSun {
  /** Local minutes after midnight of the date. */
  sunrise?: number;
  sunset?: number;
  polar?: "polar day" | "polar night";
}

/**
 * Local sunrise and sunset on `day` at a place. NOAA's event times are counted from 0h UTC of the
 * same date (negative east of Greenwich), so UTC time + zone offset lands on that local date for
 * any zone near the place's meridian. The offset is the one in force at the event itself, so a
 * daylight-saving change at 02:00 is honoured.
 */
export function localSunTimes(day: EpochDay, latitude: number, longitude: number, zone: TimeZone): LocalSun {
  const ev = sunTimes(day, latitude, longitude);
  const toLocal = (utc: number | undefined): number | undefined => {
    if (utc === undefined) return undefined;
    const local = utc + offsetAt(zone, Math.round((day * 1440 + utc) * 60000));
    return ((Math.round(local) % 1440) + 1440) % 1440;
  };
  return { sunrise: toLocal(ev.sunriseUtc), sunset: toLocal(ev.sunsetUtc), polar: ev.polar };
}
