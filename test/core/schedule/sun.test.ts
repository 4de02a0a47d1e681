import { fromYmd } from "../../../src/core/dates";
import { describeZone, estimatedZone, localSunTimes, offsetAt, parseTimeZone, sunTimes } from "../../../src/core/schedule/sun";

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(2));

/**
 * Source: U.S. Naval Observatory, "Rise and Set for the Sun for 2023", Fredonia, AZ
 * (W112°31', N36°57', zone 7h west of Greenwich; Arizona keeps no daylight time), from
 * aa.usno.navy.mil/calculated/rstt/year?ID=AA&year=2023&lat=36.95&lon=-112.52&tz=7&tz_sign=-1.
 */
const FREDONIA_2023: [number, number, string, string][] = [
  [1, 1, "0743", "1724"],
  [2, 14, "0720", "1809"],
  [3, 20, "0634", "1842"],
  [6, 21, "0511", "1953"],
  [9, 22, "0618", "1827"],
  [12, 21, "0739", "1717"],
];

/**
 * Source: USNO, "Rise and Set for the Sun for 2012", San Francisco, California (W122°26',
 * N37°46'), Pacific Standard Time, "add one hour for daylight time": the expected values below
 * add that hour on dates in daylight time (2012: Mar 11 – Nov 4, 02:00).
 */
const SAN_FRANCISCO_2012: [number, number, string, string][] = [
  [1, 1, "0725", "1701"],
  [3, 10, "0627", "1813"], // last day of PST
  [3, 11, "0726", "1914"], // USNO 0626 / 1814 PST + 1 h
  [6, 20, "0548", "2035"], // USNO 0448 / 1935 PST + 1 h
  [11, 4, "0639", "1707"], // back on PST from 02:00
  [12, 21, "0722", "1655"],
];

describe("sunrise and sunset (NOAA) against USNO tables, within 2 minutes", () => {
  it("Fredonia, AZ 2023 in America/Phoenix and as a fixed -07:00", () => {
    for (const zoneText of ["America/Phoenix", "-07:00"]) {
      const zone = parseTimeZone(zoneText)!;
      for (const [m, d, rise, set] of FREDONIA_2023) {
        const t = localSunTimes(fromYmd(2023, m, d), 36 + 57 / 60, -(112 + 31 / 60), zone);
        expect(Math.abs(t.sunrise! - hm(rise))).toBeLessThanOrEqual(2);
        expect(Math.abs(t.sunset! - hm(set))).toBeLessThanOrEqual(2);
      }
    }
  });

  it("San Francisco 2012 in America/Los_Angeles, across both daylight-saving changes", () => {
    const zone = parseTimeZone("America/Los_Angeles")!;
    for (const [m, d, rise, set] of SAN_FRANCISCO_2012) {
      const t = localSunTimes(fromYmd(2012, m, d), 37 + 46 / 60, -(122 + 26 / 60), zone);
      expect(Math.abs(t.sunrise! - hm(rise))).toBeLessThanOrEqual(2);
      expect(Math.abs(t.sunset! - hm(set))).toBeLessThanOrEqual(2);
    }
  });

  it("gives UTC minutes of the date", () => {
    // Fredonia 2023-06-21: USNO 05:11 MST = 12:11 UTC = 731 minutes.
    const e = sunTimes(fromYmd(2023, 6, 21), 36 + 57 / 60, -(112 + 31 / 60));
    expect(Math.abs(e.sunriseUtc! - 731)).toBeLessThanOrEqual(2);
  });

  it("reports polar night and midnight sun (Tromsø, 69.65° N) instead of times", () => {
    const oslo = parseTimeZone("Europe/Oslo")!;
    const winter = localSunTimes(fromYmd(2023, 12, 21), 69.65, 18.96, oslo);
    expect(winter).toEqual({ sunrise: undefined, sunset: undefined, polar: "polar night" });
    const summer = localSunTimes(fromYmd(2023, 6, 21), 69.65, 18.96, oslo);
    expect(summer.polar).toBe("polar day");
  });
});

describe("time zones", () => {
  it("reads IANA names and UTC offsets, and refuses anything else", () => {
    expect(parseTimeZone("America/Los_Angeles")).toEqual({ kind: "iana", name: "America/Los_Angeles" });
    expect(parseTimeZone("-08:00")).toEqual({ kind: "offset", minutes: -480, estimated: false });
    expect(parseTimeZone("UTC+5:30")).toEqual({ kind: "offset", minutes: 330, estimated: false });
    expect(parseTimeZone("GMT-3")).toEqual({ kind: "offset", minutes: -180, estimated: false });
    expect(parseTimeZone("UTC")).toEqual({ kind: "offset", minutes: 0, estimated: false });
    expect(parseTimeZone("Mars/Olympus_Mons")).toBeUndefined();
    expect(parseTimeZone("+25:00")).toBeUndefined();
    expect(parseTimeZone("=1+1")).toBeUndefined();
  });

  it("finds the offset in force at an instant (PDT in July, PST in January)", () => {
    const la = parseTimeZone("America/Los_Angeles")!;
    expect(offsetAt(la, Date.UTC(2026, 6, 1, 12))).toBe(-420);
    expect(offsetAt(la, Date.UTC(2026, 0, 1, 12))).toBe(-480);
  });

  it("estimates the zone from longitude when none is given, and says so", () => {
    // San Francisco: -122.43 / 15 = -8.16 → UTC-8; Fredonia: -112.52 / 15 = -7.50 → -8 (its clocks say -7).
    expect(estimatedZone(-122.43)).toEqual({ kind: "offset", minutes: -480, estimated: true });
    expect(describeZone(estimatedZone(-122.43))).toBe("UTC-08:00 est.");
    expect(describeZone(estimatedZone(2.35))).toBe("UTC est.");
    expect(describeZone(parseTimeZone("+05:30")!)).toBe("UTC+05:30");
  });
});
