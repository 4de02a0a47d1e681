/**
 * Workbooks nobody on the project wrote (test/fixtures/corpus, see its README): Apache POI's test
 * spreadsheets with charts, chart sheets, pivot tables, macros, comments, text boxes, embedded
 * objects, data validation, structured references and external links; files saved by openpyxl and
 * by LibreOffice. A production's tables go into each, it is built, and every part of the input
 * is compared with the output.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { runBuild, runCheck, runReport } from "../../src/cli/commands";
import { runOptimize } from "../../src/cli/optimizeCommand";
import { memoryIo } from "../../src/cli/io";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { addTableSheet } from "../../src/cli/xlsx/tableEdit";
import { sampleProduction } from "../../src/core/sample";
import { sampleWorkbook } from "../../src/cli/demo";
import { reportJson, runEngine } from "../../src/core/engine";
import { describeProblem } from "../../src/core/problems";

const CORPUS = join(__dirname, "..", "fixtures", "corpus");
const POI = readdirSync(join(CORPUS, "poi")).filter((f) => /\.xls[xm]$/.test(f));

/** Parts that list Prodbook's sheets: they change, everything else must not. */
const LISTING = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/app\.xml)$/i;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "prodbook-corpus-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function withProduction(bytes: Uint8Array): Uint8Array {
  const f = XlsxFile.fromBytes(bytes);
  for (const t of sampleProduction()) addTableSheet(f, t.name, t.name, t.headers, t.rows, { formats: t.formats });
  return f.toBytes();
}

/**
 * A worksheet part less its sheetView's tabSelected: the build opens the workbook on the sheet it
 * made, so the tab that was selected no longer is (two selected tabs would open as a group).
 * That attribute is the only difference allowed in a user's sheet.
 */
function withoutTabSelected(name: string, data: Uint8Array): Buffer {
  if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return Buffer.from(data);
  const text = Buffer.from(data).toString("utf8");
  return Buffer.from(text.replace(/(<(?:[\w.-]+:)?sheetView\b[^>]*?)\s+tabSelected="[^"]*"/, "$1"), "utf8");
}

/** Every part of `before` is in `after` byte for byte, except the listing parts, Prodbook's own sheets and the selected tab. */
function expectPartsKept(before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): void {
  const changed: string[] = [];
  for (const [name, data] of Object.entries(before)) {
    if (LISTING.test(name)) continue;
    const out = after[name];
    if (!out || Buffer.compare(withoutTabSelected(name, out), withoutTabSelected(name, data)) !== 0) changed.push(name);
  }
  expect(changed).toEqual([]);
}

/** The workbook part still lists every sheet the input listed, by name, with the same part. */
function expectSheetsListed(before: Uint8Array, after: Uint8Array): void {
  const a = XlsxFile.fromBytes(before);
  const b = XlsxFile.fromBytes(after);
  for (const name of a.sheetNames()) {
    expect(b.sheetNames()).toContain(name);
    expect(b.sheetEntry(name)!.part).toBe(a.sheetEntry(name)!.part);
  }
}

async function build(input: Uint8Array, ext: string): Promise<{ code: number; out: Uint8Array; err: string; path: string }> {
  const inPath = join(dir, `in-${Math.random().toString(36).slice(2)}.${ext}`);
  const outPath = inPath.replace(/in-/, "out-");
  writeFileSync(inPath, input);
  const io = memoryIo();
  const code = await runBuild({ input: inPath, output: outPath, quiet: true }, io);
  return { code, out: code === 0 ? readFileSync(outPath) : new Uint8Array(), err: io.err, path: outPath };
}

const demoReport = reportJson(runEngine(sampleWorkbook().readInput("demo")));
/**
 * What build prints for the sample: its six turnaround warnings (issue 14), Day 4 to 5 and Day 8
 * to 9 for the crew and for the actors called on both days; the user's sheets add none.
 */
const SAMPLE_WARNINGS = `${runEngine(sampleWorkbook().readInput("demo")).problems.map((p) => `${describeProblem(p)}\n`).join("")}6 warnings (see above).\n`;
test("the sample's only problems are the six short turnarounds", () => {
  expect(demoReport.problems.map((p) => [p.severity, p.sheet, p.row, p.message.replace(/ wraps .*|:.*/, "")])).toEqual([
    ["warning", "Calls", 2, "Turnaround"],
    ["warning", "Cast", 2, "Turnaround for cast 1 Nora Vance (MAGGIE HALE)"],
    ["warning", "Cast", 6, "Turnaround for cast 5 Priya Raman (LENA)"],
    ["warning", "Calls", 4, "Turnaround"],
    ["warning", "Cast", 2, "Turnaround for cast 1 Nora Vance (MAGGIE HALE)"],
    ["warning", "Cast", 3, "Turnaround for cast 2 Theo Marsh (DANNY HALE)"],
  ]);
  expect(demoReport.problems.filter((p) => p.sheet === "Calls").map((p) => p.message.replace(/ \(.*?\)| and .*/g, ""))).toEqual(["Turnaround: Day 4 wraps at 03:00 the next day", "Turnaround: Day 8 wraps at 03:30 the next day"]);
});

describe("Apache POI test spreadsheets with a production added", () => {
  test.each(POI)("%s: builds; every part it had comes out byte for byte", async (file) => {
    const original = readFileSync(join(CORPUS, "poi", file));
    const input = withProduction(original);
    // Adding the tables touched only the listing parts.
    expectPartsKept(parts(original), parts(input));
    const ext = file.endsWith(".xlsm") ? "xlsm" : "xlsx";
    const r = await build(input, ext);
    expect(r.err).toBe(SAMPLE_WARNINGS);
    expect(r.code).toBe(0);
    expectPartsKept(parts(input), parts(r.out));
    expectSheetsListed(original, r.out);
    const built = XlsxFile.fromBytes(r.out);
    expect(built.sheetNames()).toEqual(expect.arrayContaining(["Top Sheet", "Cost Report", "Schedule", "DOOD", "Call D1", "_Prodbook"]));
    // The figures are the demo's: the user's sheets change nothing.
    expect(reportJson(runEngine(built.readInput("demo")))).toEqual(demoReport);
    // Building the output again replaces Prodbook's sheets and keeps every other part.
    if (!["WithChart.xlsx", "ExcelPivotTableSample.xlsx", "SimpleMacro.xlsm"].includes(file)) return;
    const again = await build(r.out, ext);
    expect(again.code).toBe(0);
    expect(again.err).toBe(SAMPLE_WARNINGS);
    expectPartsKept(parts(input), parts(again.out));
  });

  test("a macro-enabled workbook keeps vbaProject.bin and must be written as .xlsm", async () => {
    const input = withProduction(readFileSync(join(CORPUS, "poi", "SimpleMacro.xlsm")));
    const r = await build(input, "xlsm");
    expect(r.code).toBe(0);
    expect(Buffer.compare(Buffer.from(parts(r.out)["xl/vbaProject.bin"]), Buffer.from(parts(input)["xl/vbaProject.bin"]))).toBe(0);
    expect(XlsxFile.fromBytes(r.out).macroEnabled).toBe(true);
    const inPath = join(dir, "macro.xlsm");
    writeFileSync(inPath, input);
    await expect(runBuild({ input: inPath, output: join(dir, "macro-out.xlsx") }, memoryIo())).rejects.toThrow(/holds macros.*\.xlsm/);
  });

  test("worksheet parts named Sheet1.xml (not sheet1.xml) are the user's sheets, read and kept", async () => {
    const original = readFileSync(join(CORPUS, "poi", "123233_charts.xlsx"));
    const f = XlsxFile.fromBytes(original);
    expect(f.sheetNames().length).toBeGreaterThanOrEqual(5);
    expect(f.sheetEntry(f.sheetNames()[0])!.part).toMatch(/Sheet\d\.xml$/);
  });
});

/** The production as plain sheets (headers in row 1), as a Google Sheets user without Excel tables has it. */
function withProductionSheets(bytes: Uint8Array): Uint8Array {
  const f = XlsxFile.fromBytes(bytes);
  for (const t of sampleProduction()) f.writeValueSheet(t.name, [t.headers, ...t.rows]);
  return f.toBytes();
}

/** optimize -o on a built file; every part but the Stripboard's sheet and table (and the listing parts) is kept. */
async function optimizeKeepsParts(builtPath: string, built: Uint8Array): Promise<void> {
  const optPath = builtPath.replace(/\.xlsx$/, "-opt.xlsx");
  const io = memoryIo();
  expect(await runOptimize([builtPath, "-o", optPath, "--time-limit", "0.3", "--json"], io)).toBe(0);
  expect(JSON.parse(io.out).written).toBe(optPath);
  const f = XlsxFile.fromBytes(built);
  const skip = new Set([f.sheetEntry("Stripboard")!.part, f.findTable("Stripboard")?.part]);
  const before = parts(built);
  const after = parts(readFileSync(optPath));
  const changed = Object.keys(before).filter((n) => !LISTING.test(n) && !skip.has(n) && Buffer.compare(Buffer.from(after[n] ?? new Uint8Array()), Buffer.from(before[n])) !== 0);
  expect(changed).toEqual([]);
}

describe("workbooks saved by Google Sheets (Apache POI's test data)", () => {
  // Google's writer: the mx/mv/x14ac namespaces on every root, sheet state="visible", empty
  // <definedNames/> and <calcPr/>, no docProps/app.xml; 64750 also names itself in the
  // workbook's extLst (GoogleSheetsCustomDataVersion1) with a custom `xl/metadata` part.
  const GOOGLE = ["64450.xlsx", "64750.xlsx", "66365.xlsx"];
  test("the files are Google Sheets exports", () => {
    for (const file of GOOGLE) {
      const wb = Buffer.from(parts(readFileSync(join(CORPUS, "google-sheets", file)))["xl/workbook.xml"]).toString("utf8");
      expect([file, wb.includes('xmlns:mv="urn:schemas-microsoft-com:mac:vml"') && wb.includes('state="visible"')]).toEqual([file, true]);
    }
  });
  test.each(GOOGLE.flatMap((f) => [[f, "tables"], [f, "sheets"]]))("%s with the production as %s: checks, reports the demo's figures, builds with every part kept, optimizes", async (file, shape) => {
    const original = readFileSync(join(CORPUS, "google-sheets", file));
    const input = shape === "tables" ? withProduction(original) : withProductionSheets(original);
    expectPartsKept(parts(original), parts(input));
    const path = join(dir, `google-${shape}-${file}`);
    writeFileSync(path, input);
    const check = memoryIo();
    expect(await runCheck({ input: path }, check)).toBe(0);
    const rep = memoryIo();
    expect(await runReport({ input: path, json: true }, rep)).toBe(0);
    expect(JSON.parse(rep.out)).toEqual(demoReport);
    const r = await build(input, "xlsx");
    expect(r.err).toBe(SAMPLE_WARNINGS);
    expect(r.code).toBe(0);
    expectPartsKept(parts(input), parts(r.out));
    expectSheetsListed(original, r.out);
    const wb = Buffer.from(parts(r.out)["xl/workbook.xml"]).toString("utf8");
    // What Google's workbook part carried beyond the sheets is still there.
    if (file === "64750.xlsx") {
      expect(wb).toContain('<ext uri="GoogleSheetsCustomDataVersion1">');
      expect(wb).toContain("<definedName name=\"validations\">validations!$A$1:$A$7</definedName>");
      expect(Buffer.from(parts(r.out)["xl/_rels/workbook.xml.rels"]).toString("utf8")).toContain('Type="http://customschemas.google.com/relationships/workbookmetadata" Target="metadata"');
    }
    if (file === "64450.xlsx") expect(wb).toMatch(/<pivotCaches><pivotCache cacheId="0" r:id="rId6"\/><\/pivotCaches>/);
    expect(reportJson(runEngine(XlsxFile.fromBytes(r.out).readInput("g")))).toEqual(demoReport);
    await optimizeKeepsParts(r.path, r.out);
  });
});

describe("workbooks saved by openpyxl and LibreOffice", () => {
  const files = [
    ["openpyxl", "openpyxl-tables.xlsx"],
    ["openpyxl", "openpyxl-sheets.xlsx"],
    ["libreoffice", "libreoffice-demo-tables.xlsx"],
    ["libreoffice", "libreoffice-demo-via-ods.xlsx"],
  ];
  test.each(files)("%s/%s: checks, builds with every part kept, and optimizes", async (folder, file) => {
    const input = readFileSync(join(CORPUS, folder, file));
    const path = join(dir, file);
    writeFileSync(path, input);
    const check = memoryIo();
    expect(await runCheck({ input: path }, check)).toBe(0);
    const rep = memoryIo();
    await runReport({ input: path, json: true }, rep);
    // Same figures as the demo: formulas without cached results (openpyxl) are computed.
    expect(JSON.parse(rep.out)).toEqual(demoReport);
    const r = await build(input, "xlsx");
    expect(r.err).toBe(SAMPLE_WARNINGS);
    expect(r.code).toBe(0);
    expectPartsKept(parts(input), parts(r.out));
    expectSheetsListed(input, r.out);
    const io = memoryIo();
    expect(await runOptimize([r.path, "-o", r.path.replace(/\.xlsx$/, "-opt.xlsx"), "--time-limit", "0.3", "--json"], io)).toBe(0);
    const opt = readFileSync(r.path.replace(/\.xlsx$/, "-opt.xlsx"));
    // optimize rewrote the Stripboard's sheet (and the undo sheet); nothing else the user had changed.
    const board = XlsxFile.fromBytes(r.out).sheetEntry("Stripboard")!.part;
    const before = parts(r.out);
    const after = parts(opt);
    const table = XlsxFile.fromBytes(r.out).findTable("Stripboard")?.part;
    for (const [name, data] of Object.entries(before)) {
      if (LISTING.test(name) || name === board || name === table) continue;
      expect([name, Buffer.compare(Buffer.from(after[name] ?? new Uint8Array()), Buffer.from(data))]).toEqual([name, 0]);
    }
  });
});
