import ExcelJS from "exceljs";

/**
 * A small production worked out by hand (the figures the tests expect are in the comments of
 * the tests). Every input is a real Excel table on a sheet of the same name, except Cast, which
 * is a plain sheet (header in row 1), as LibreOffice or Google Sheets would leave it.
 */
export const SMALL: Record<string, { headers: string[]; rows: ExcelJS.CellValue[][]; table: boolean }> = {
  Settings: {
    table: true,
    headers: ["Key", "Value"],
    rows: [
      ["Production", "Test Film"],
      ["Currency", "USD"],
      ["Start Date", new Date(Date.UTC(2027, 2, 1))],
      ["Watch At", 0.9],
    ],
  },
  Accounts: {
    table: true,
    headers: ["Code", "Name", "Parent"],
    rows: [
      ["1000", "Above-the-Line", null],
      ["1100", "Cast", "1000"],
      ["2000", "Production", null],
      ["2100", "Camera", "2000"],
    ],
  },
  Fringes: {
    table: true,
    headers: ["Code", "Name", "Type", "Rate", "Cutoff"],
    rows: [["P", "Payroll", "%", 0.1, 1000]],
  },
  Budget: {
    table: true,
    headers: ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"],
    rows: [
      ["1100", "Lead", 3, "Days", null, 1000, "P"],
      ["2100", "Camera rental", 2, "Weeks", null, 1500.25, null],
      ["2100", "Expendables", 1, "Allow", null, 1.005, null],
    ],
  },
  Markups: {
    table: true,
    headers: ["Name", "Percent", "Applies To"],
    rows: [["Contingency", 0.1, "2000"]],
  },
  Ledger: {
    table: true,
    headers: ["Date", "Account", "Vendor", "Description", "Amount", "Type"],
    rows: [
      [new Date(Date.UTC(2027, 1, 10)), "1100", "Payroll", "Lead, 3 days and overtime", 3200, "Actual"],
      [new Date(Date.UTC(2027, 1, 12)), "2100", "Camera House", "PO", 2800, "Committed"],
    ],
  },
  Cast: {
    table: false,
    headers: ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact"],
    rows: [
      ["1", "ANNA", "Ann Actor", 1000, 60, "ann@example.com"],
      ["2", "BEN", "Ben Actor", 800, 30, "-555 0100"],
    ],
  },
  Locations: {
    table: true,
    headers: ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"],
    rows: [["House", "1 Main St", "Street", "General Hospital", 34.05, -118.25, "@home", "America/Los_Angeles"]],
  },
  Stripboard: {
    table: true,
    headers: ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"],
    rows: [
      ["1", "INT", "DAY", "KITCHEN", "House", "1 2/8", "1", "Breakfast", "D1", null, null],
      ["2", "EXT", "NIGHT", "YARD", "House", "3/8", "1, 2", "=SUM(A1)", "D1", null, "+1 take"],
      ["End of Day 1", null, null, null, null, null, null, null, null, null, null],
      ["3", "EXT", "DAY", "STREET", "House", "2", "1", "Walk", "D2", null, null],
      ["End of Day 2", null, null, null, null, null, null, null, null, null, null],
      ["4", "INT", "NIGHT", "KITCHEN", "House", "4/8", "1, 2", "Dinner", "D2", null, null],
    ],
  },
};

/**
 * smallWorkbook() with Settings `Report Date` Sunday 14 Feb 2027, so the cost report's week (8–14
 * Feb, both ledger lines) does not depend on today. (The LibreOffice fixtures are smallWorkbook().)
 */
export function smallWorkbookAsOf(): ExcelJS.Workbook {
  const wb = smallWorkbook();
  const t = wb.getWorksheet("Settings")!.getTable("Settings");
  t.addRow(["Report Date", new Date(Date.UTC(2027, 1, 14))]);
  t.commit();
  return wb;
}

export function smallWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, t] of Object.entries(SMALL)) {
    const ws = wb.addWorksheet(name);
    if (t.table) {
      ws.addTable({ name, ref: "A1", headerRow: true, columns: t.headers.map((h) => ({ name: h })), rows: t.rows.map((r) => [...r]) });
    } else {
      ws.addRow(t.headers);
      for (const r of t.rows) ws.addRow(r);
    }
  }
  // A user's note sheet that is no input: it must come out unchanged too.
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "=not a formula";
  notes.getCell("B2").value = { formula: "1+1", result: 2 };
  notes.getCell("C3").value = 42.5;
  notes.getCell("C3").numFmt = "0.00";
  return wb;
}
