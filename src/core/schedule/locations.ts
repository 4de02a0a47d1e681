/** The `Locations` table: where each strip shoots, for call sheets and sunrise/sunset. */
import { WorkbookInput, isBlank, normalizeName } from "../cells";
import { Problems, showValue } from "../problems";
import { TableSpec, openTable } from "../tables";
import { Location } from "./model";
import { parseTimeZone } from "./sun";

export const LOCATIONS_SPEC: TableSpec = {
  name: "Locations",
  columns: [
    { key: "location", header: "Location", aliases: ["Name"], required: true },
    { key: "address", header: "Address" },
    { key: "parking", header: "Parking", aliases: ["Crew Parking", "Basecamp"] },
    { key: "hospital", header: "Hospital", aliases: ["Nearest Hospital"] },
    { key: "lat", header: "Latitude", aliases: ["Lat"] },
    { key: "lon", header: "Longitude", aliases: ["Long", "Lon", "Lng"] },
    { key: "notes", header: "Notes" },
    { key: "tz", header: "Time Zone", aliases: ["TZ", "Timezone"] },
  ],
};

export interface LocationTable {
  list: Location[];
  byKey: Map<string, Location>;
  present: boolean;
}

/** Location names match case- and punctuation-insensitively, like headers. */
export function locationKey(name: string): string {
  return normalizeName(name);
}

export function readLocations(wb: WorkbookInput, problems: Problems): LocationTable {
  const t = openTable(wb, LOCATIONS_SPEC, problems);
  const out: LocationTable = { list: [], byKey: new Map(), present: t !== undefined };
  if (!t) return out;
  for (const row of t.rows) {
    const name = t.text(row, "location", { required: true });
    if (!name) continue;
    const key = locationKey(name);
    const first = out.byKey.get(key);
    if (first) {
      t.error(row, "location", `Location ${showValue(name)} is already listed on row ${first.row}`);
      continue;
    }
    let latitude = t.number(row, "lat");
    let longitude = t.number(row, "lon");
    if (latitude !== undefined && (latitude < -90 || latitude > 90)) {
      t.error(row, "lat", `Latitude must be between -90 and 90 (north positive), not ${showValue(latitude)}`);
      latitude = undefined;
    }
    if (longitude !== undefined && (longitude < -180 || longitude > 180)) {
      t.error(row, "lon", `Longitude must be between -180 and 180 (east positive, so Los Angeles is -118.24), not ${showValue(longitude)}`);
      longitude = undefined;
    }
    const latBlank = isBlank(t.value(row, "lat"));
    if (latBlank !== isBlank(t.value(row, "lon"))) {
      t.warning(row, latBlank ? "lat" : "lon", "Latitude and Longitude go together: without both the call sheet shows no sunrise or sunset");
    }
    const tzText = t.text(row, "tz");
    let timeZone: string | undefined;
    if (tzText) {
      if (parseTimeZone(tzText)) timeZone = tzText;
      else t.error(row, "tz", `Time Zone must be a zone name like America/Los_Angeles or an offset like -08:00, not ${showValue(tzText)}`);
    }
    const loc: Location = {
      row: row.excelRow,
      name,
      address: t.text(row, "address"),
      parking: t.text(row, "parking"),
      hospital: t.text(row, "hospital"),
      latitude,
      longitude,
      notes: t.text(row, "notes"),
      timeZone,
    };
    out.list.push(loc);
    out.byKey.set(key, loc);
  }
  return out;
}
