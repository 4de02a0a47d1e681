/**
 * An empty production for a line producer starting their own show: every input table with its
 * headers, a standard feature-film chart of accounts with its Levels (Above-the-Line, Production,
 * Post, Other), the US payroll fringes, and Settings to fill in. No budget lines, strips or cast.
 */
import { CellValue } from "../cells";
import { SampleTable, chart } from "./production";

const MONEY = "#,##0.00";
const PCT = "0.00%";
const DATE = "yyyy-mm-dd";

/** Level of each section of the chart (docs/WORKBOOK-EXTENSIONS.md, issue 12). */
const LEVELS: Record<string, string> = { "1000": "ATL", "2000": "BTL", "4000": "Post", "5000": "Other" };

/** Monday on or after `day` (EpochDay; 1970-01-01 was a Thursday). */
function mondayFrom(day: number): number {
  const wd = (day + 3) % 7; // 0 = Monday
  return wd === 0 ? day : day + 7 - wd;
}

/**
 * The empty production's tables, in the order a new workbook shows them. `today` (EpochDay) sets
 * the Start Date to the Monday four weeks on, a placeholder the user replaces.
 */
export function emptyProduction(today: number): SampleTable[] {
  const start = new Date(mondayFrom(today + 28) * 86_400_000);
  return [
    {
      name: "Settings",
      headers: ["Key", "Value"],
      rows: [
        ["Production", "Untitled production"],
        ["Currency", "USD"],
        ["Start Date", start],
        ["Days Off", "Sat, Sun"],
        ["Crew Call", "07:00"],
        ["Over Tolerance", 0],
        ["Watch At", 0.9],
        ["Period", "Week"],
      ],
      formats: { Value: "General" },
    },
    { name: "Holidays", headers: ["Date", "Name"], rows: [], formats: { Date: DATE } },
    {
      name: "Accounts",
      headers: ["Code", "Name", "Parent", "Level"],
      rows: chart.flatMap(([code, name, cats]) => [
        [code, name, null, LEVELS[code] ?? "Other"] as CellValue[],
        ...cats.flatMap(([cc, cn, details]) => [[cc, cn, code, null] as CellValue[], ...details.map(([dc, dn]) => [dc, dn, cc, null] as CellValue[])]),
      ]),
    },
    {
      name: "Fringes",
      headers: ["Code", "Name", "Type", "Rate", "Cutoff"],
      // US employer payroll taxes, 2026: Social Security 6.2% to the $184,500 wage base (SSA),
      // Medicare 1.45% uncapped, FUTA 0.6% on the first $7,000 (IRS, after the 5.4% state credit).
      // State unemployment and workers' comp vary by state and carrier: placeholders to set.
      rows: [
        ["FICA", "Social Security (OASDI), to the 2026 wage base", "%", 0.062, 184500],
        ["MED", "Medicare", "%", 0.0145, null],
        ["FUI", "Federal unemployment (FUTA)", "%", 0.006, 7000],
        ["SUI", "State unemployment (SUI): set your state's rate and wage base", "%", 0.034, 7000],
        ["WC", "Workers' compensation: set your carrier's rate", "%", 0.03, null],
      ],
      formats: { Rate: PCT, Cutoff: MONEY },
    },
    { name: "Budget", headers: ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], rows: [], formats: { Rate: MONEY } },
    { name: "Markups", headers: ["Name", "Percent", "Applies To"], rows: [], formats: { Percent: PCT } },
    { name: "Ledger", headers: ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO"], rows: [], formats: { Date: DATE, Amount: MONEY } },
    { name: "Cast", headers: ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], rows: [], formats: { "Daily Rate": MONEY } },
    { name: "Locations", headers: ["Location", "Address", "Parking", "Hospital", "Notes"], rows: [] },
    { name: "Stripboard", headers: ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"], rows: [] },
    { name: "Calls", headers: ["Day", "Crew Call", "Notes"], rows: [] },
  ];
}
