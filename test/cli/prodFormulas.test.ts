/**
 * =PROD.CASTDAYS and =PROD.GLOBAL in cells with no saved result (as openpyxl writes them): the
 * command line computes them through the add-in's own functions, structured references included.
 */
import ExcelJS from "exceljs";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { runEngine } from "../../src/core/engine";

const HEAD = ["Scene", "I/E", "D/N", "Set", "Pages", "Cast"];
const s = (scene: string, cast: string) => [scene, "INT", "DAY", "Room", "1", cast];
const eod = ["End of Day", null, null, null, null, null];

async function workbook(board: unknown[][]): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, headers: string[], rows: unknown[][]) =>
    wb.addWorksheet(name).addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows: rows.map((r) => [...r]) as ExcelJS.CellValue[][] });
  add("Settings", ["Key", "Value"], [["Start Date", new Date(Date.UTC(2027, 2, 1))]]);
  add("Accounts", ["Code", "Name", "Parent"], [["1100", "Cast", null]]);
  add("Cast", ["ID", "Character", "Daily Rate"], [["1", "ANNA", 1000], ["2", "BEN", 800]]);
  add("Globals", ["Name", "Value"], [["PREP_WEEKS", 2]]);
  add("Stripboard", HEAD, board);
  add("Budget", ["Account", "Description", "Amount", "Units", "X", "Rate"], [
    ["1100", "Ben", { formula: 'PROD.CASTDAYS(Stripboard[#All],Cast[#All],"2","Paid",Settings[#All])' }, "Days", 1, 800],
    ["1100", "Anna prep", { formula: 'PROD.GLOBAL("PREP_WEEKS + SHOOT_WEEKS",Globals[#All],Stripboard[#All],Cast[#All],Settings[#All])' }, "Weeks", 1, 5000],
    ["1100", "Nobody", { formula: 'PROD.CASTDAYS(Stripboard[#All],Cast[#All],"9")' }, "Days", 1, 100],
  ]);
  return XlsxFile.fromBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("PROD.CASTDAYS and PROD.GLOBAL without cached results", () => {
  test("are computed by the CLI, and moving a strip changes the budget", async () => {
    // Board A: days 1-4; Ben (2) works days 1 and 4, held 2 and 3: 4 paid days × 800 = 3,200.
    // 4 days on a 5-day week: SHOOT_WEEKS 0.8, + PREP_WEEKS 2 = 2.8 weeks × 5,000 = 14,000.
    const a = await workbook([s("1", "1, 2"), eod, s("2", "1"), eod, s("3", "1"), eod, s("4", "1, 2")]);
    const ra = runEngine(a.readInput());
    expect(ra.budget!.lines.slice(0, 2).map((l) => l.total)).toEqual([320_000, 1_400_000]);
    // The unknown Cast ID is #N/A in the cell, which the reader names.
    expect(ra.problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: "Budget", row: 4, column: "Amount", message: expect.stringContaining("#N/A") }));
    // Board B: scene 4 moved to day 2; Ben works days 1 and 2: 2 paid days × 800 = 1,600.
    const b = await workbook([s("1", "1, 2"), eod, s("4", "1, 2"), eod, s("2", "1"), eod, s("3", "1")]);
    expect(runEngine(b.readInput()).budget!.lines[0].total).toBe(160_000);
  });
});
