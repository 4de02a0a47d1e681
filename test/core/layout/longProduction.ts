import { CellValue, WorkbookInput } from "../../../src/core/cells";
import { sampleProduction } from "../../../src/core/sample";

/** The built-in sample production as the engine reads it. */
export function sampleInput(): WorkbookInput {
  const tables = sampleProduction().map((t) => ({ name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows }));
  return { name: "demo.xlsx", tables };
}

/**
 * A long shoot (the shape of bench/cli.bench.ts): `days` shooting days, 40 cast, 20 locations,
 * about 7 strips a day, a budget large enough for eight-figure totals.
 */
export function longProduction(days = 300, strips = 2000): WorkbookInput {
  const t = (name: string, headers: string[], rows: CellValue[][]) => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows });
  const accounts: CellValue[][] = [];
  const budget: CellValue[][] = [];
  for (let s = 1; s <= 4; s++) {
    accounts.push([`${s}000`, `Section ${s}`, null]);
    for (let c = 1; c <= 10; c++) {
      const cat = `${s}${String(c).padStart(2, "0")}0`;
      accounts.push([cat, `Category ${cat}`, `${s}000`]);
      // 2,000 days at up to $9,999.99: totals in the tens of millions.
      for (let i = 0; i < 5; i++) budget.push([cat, `Line ${i}`, 2000, "Days", 1, 9999.99, null]);
    }
  }
  const cast: CellValue[][] = [];
  for (let i = 1; i <= 40; i++) cast.push([String(i), `CHARACTER NUMBER ${i}`, `Actor With A Long Name ${i}`, 1000 + i * 10, 30 + (i % 4) * 15, ""]);
  const locs: CellValue[][] = [];
  for (let i = 1; i <= 20; i++)
    locs.push([`Location ${i}`, `${i} Main St`, "Lot", "General Hospital", 34 + i / 100, -118 - i / 100, "", "America/Los_Angeles"]);
  const board: CellValue[][] = [];
  const perDay = Math.ceil(strips / days);
  let made = 0;
  for (let d = 1; d <= days; d++) {
    for (let k = 0; k < perDay && made < strips; k++, made++) {
      const c1 = 1 + (made % 40);
      const c2 = 1 + ((made * 7) % 40);
      board.push([
        String(made + 1),
        made % 2 ? "INT" : "EXT",
        made % 3 ? "DAY" : "NIGHT",
        `SET ${made % 50}`,
        `Location ${1 + (d % 20)}`,
        `${1 + (made % 3)} ${made % 8}/8`.replace(" 0/8", ""),
        c1 === c2 ? String(c1) : `${c1}, ${c2}`,
        `Scene ${made + 1}`,
        `D${d}`,
        null,
        null,
      ]);
    }
    if (d < days) board.push([`End of Day ${d}`, null, null, null, null, null, null, null, null, null, null]);
  }
  return {
    name: "long.xlsx",
    tables: [
      t("Settings", ["Key", "Value"], [["Production", "Large Bench Feature"], ["Start Date", "2027-01-04"], ["Drop Days", 10]]),
      t("Accounts", ["Code", "Name", "Parent"], accounts),
      t("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"], budget),
      t("Markups", ["Name", "Percent", "Applies To"], [["Contingency", 0.1, null]]),
      t("Ledger", ["Date", "Account", "Vendor", "Description", "Amount", "Type"], [["2027-01-05", "1010", "V", "D", -12345678.9, "Actual"]]),
      t("Cast", ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"], cast),
      t("Locations", ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"], locs),
      t("Stripboard", ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"], board),
    ],
  };
}
