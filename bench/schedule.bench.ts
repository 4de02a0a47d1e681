// Schedule engine on a feature-sized board: 5,000 strips over 300 shooting days, 200 cast and
// 40 locations, read from WorkbookInput through to the DOOD and every call-sheet model.
import { CellValue, RawTable, WorkbookInput } from "../src/core/cells";
import { Problems } from "../src/core/problems";
import { readSettings } from "../src/core/settings";
import { buildSchedule } from "../src/core/schedule";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function workbook(): WorkbookInput {
  const r = rng(42);
  const t = (name: string, headers: string[], rows: CellValue[][]): RawTable => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows });
  const cast: CellValue[][] = [];
  for (let i = 1; i <= 200; i++) cast.push([String(i), `CHARACTER ${i}`, `Actor ${i}`, 500 + (i % 20) * 125.5, 30 + (i % 4) * 15, ""]);
  const locations: CellValue[][] = [];
  const zones = ["America/Los_Angeles", "-08:00", ""];
  for (let i = 1; i <= 40; i++) locations.push([`Loc ${i}`, `${i} Main St`, "Lot A", "General Hospital", 34 + r(), -118 - r(), "", zones[i % 3]]);
  const board: CellValue[][] = [];
  const ie = ["INT", "EXT", "INT/EXT"];
  const dn = ["DAY", "NIGHT", "DUSK"];
  let scene = 0;
  for (let d = 0; d < 300; d++) {
    const n = d < 200 ? 17 : 16; // 200 × 17 + 100 × 16 = 5,000 strips
    if (d % 10 === 3) board.push(["Banner: Company move", null, null, null, null, null, null, null, null, null, null]);
    for (let k = 0; k < n; k++) {
      const ids = new Set<string>();
      // Leads work most days; the rest of the cast are day players spread over the schedule.
      if (r() < 0.5) ids.add(String(1 + Math.floor(r() * 5)));
      const extra = Math.floor(r() * 3);
      for (let j = 0; j < extra; j++) ids.add(String(6 + Math.floor(r() * 195)));
      const loc = `Loc ${1 + Math.floor(((d % 40) + r() * 2) % 40)}`;
      board.push([++scene, ie[k % 3], dn[(k + d) % 3], `Set ${k}`, loc, `${Math.floor(r() * 3)} ${1 + Math.floor(r() * 7)}/8`, [...ids].join(", "), "Description", "1", "", k === 0 ? "Note" : ""]);
    }
    board.push([`End of Day ${d + 1}`, null, null, null, null, null, null, null, null, null, null]);
  }
  return {
    name: "Bench.xlsx",
    tables: [
      t("Settings", ["Key", "Value"], [["Start Date", "2026-01-05"], ["Time Zone", "America/Los_Angeles"]]),
      t("Holidays", ["Date", "Name"], [["2026-01-19", "MLK"], ["2026-02-16", "Presidents"], ["2026-05-25", "Memorial"], ["2026-07-03", "Independence"]]),
      t("Cast", ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], cast),
      t("Locations", ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"], locations),
      t("Calls", ["Day", "Crew Call", "Notes"], [[5, "06:00", "Early"], [100, "14:00", "Splits"]]),
      t("Stripboard", ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"], board),
    ],
  };
}

export async function run(report: (bench: string, value: number, unit: string) => void): Promise<void> {
  const wb = workbook();
  const once = () => {
    const problems = new Problems();
    const model = buildSchedule(wb, readSettings(wb, problems), problems);
    if (!model || problems.hasErrors || model.days.length !== 300 || model.callSheets.length !== 300) {
      throw new Error(`bench workbook is wrong: ${problems.errors[0]?.message ?? "no model"}`);
    }
    return model;
  };
  const c0 = performance.now();
  once(); // cold: first parse, JIT and time-zone formatters included
  report("schedule.5000strips.cold.ms", performance.now() - c0, "ms");
  for (let i = 0; i < 2; i++) once();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  report("schedule.5000strips.ms", times[Math.floor(times.length / 2)], "ms");
  report("schedule.5000strips.max.ms", times[times.length - 1], "ms");
}
