import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { CellValue, findTable } from "../../src/core/cells";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { replaceTableRows } from "../../src/cli/xlsx/tableEdit";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, loadXlsxFile, runProdbook } from "./run";

const FIX = join(ROOT, "test", "fixtures", "scripts");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "prodbook-import-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe("prodbook import", () => {
  test("a real .fdx imports to a board that builds without problems", async () => {
    const out = join(dir, "metropole.xlsx");
    const r = runProdbook(dir, "import", join(FIX, "stripboard-dev", "screenplay-metropole.fdx"), "-o", out, "--start", "2027-03-01");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/5 scenes/);
    const check = runProdbook(dir, "check", out);
    expect(check.out).toMatch(/no problems/);
    const build = runProdbook(dir, "build", out, "-o", join(dir, "metropole-built.xlsx"));
    expect(build.code).toBe(0);
    const wb = await loadXlsxFile(out);
    const cast = rowsOf(wb.getWorksheet("Cast")!);
    expect(cast.slice(1).map((r) => r[1])).toEqual(["ANSELM", "INES", "TOMAS"]);
  });

  test("a real .fountain (Big Fish, 192 scenes) imports and builds, every scene on the board", async () => {
    const out = join(dir, "bigfish.xlsx");
    expect(runProdbook(dir, "import", join(FIX, "fountain-tests", "Big Fish.fountain"), "-o", out, "--start", "2027-03-01").code).toBe(0);
    expect(runProdbook(dir, "check", out).out).toMatch(/no problems/);
    const json = JSON.parse(runProdbook(dir, "report", out, "--json").out) as { schedule: { days: { scenes: string[] }[] } };
    expect(json.schedule.days.flatMap((d) => d.scenes)).toHaveLength(192);
  });

  test("a revised script merges: hand edits kept, changes flagged, new scenes in the boneyard, gone scenes OMITTED", async () => {
    const v1 = ["Title: Merge", "", "INT. KITCHEN - DAY #1#", "", "Ann cooks. [[Props: pan]]", "", "ANN", "Eggs.", "", "EXT. GARDEN - DAY #2#", "", "Bob digs.", "", "BOB", "Worms.", "", "INT. SHED - NIGHT #3#", "", "Dark.", ""].join("\n");
    const v2 = ["Title: Merge", "", "INT. KITCHEN - DAY #1#", "", "Ann cooks. [[Props: pan, toast]]", "", "ANN", "Eggs. Lots and lots of eggs, far more eggs than anyone could eat in a week.", "", "BOB", "Coffee?", "", "EXT. GARDEN - DAY #2#", "", "Bob digs.", "", "BOB", "Worms.", "", "EXT. GARDEN - LATER #2A#", "", "Bob rests.", ""].join("\n");
    writeFileSync(join(dir, "v1.fountain"), v1);
    writeFileSync(join(dir, "v2.fountain"), v2);
    const book = join(dir, "merge.xlsx");
    expect(runProdbook(dir, "import", "v1.fountain", "-o", book, "--start", "2027-03-01", "--day-pages", "0").code).toBe(0);

    // The AD edits by hand: a location, a description, and a day break after scene 1 (written
    // through the package layer, cell by cell, as Excel would save them).
    const file = XlsxFile.fromBytes(readFileSync(book));
    const raw = findTable(file.readInput(), "Stripboard")!;
    const h0 = raw.headers;
    const rows = raw.rows.map((r) => [...r]);
    rows[0][h0.indexOf("Location")] = "Stage 2";
    rows[0][h0.indexOf("Description")] = "=Ann cooks breakfast (hand edit)";
    rows.splice(1, 0, ["End of Day 1", ...new Array<CellValue>(h0.length - 1).fill(null)]);
    replaceTableRows(file, "Stripboard", rows);
    writeFileSync(book, file.toBytes());
    copyFileSync(book, join(dir, "before.xlsx"));

    const r = runProdbook(dir, "import", "v2.fountain", "--into", book, "--revision", "Blue");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 changed: 1; 1 new in the boneyard: 2A; 1 omitted: 3/);

    const after = await loadXlsxFile(book);
    const board = rowsOf(after.getWorksheet("Stripboard")!);
    const h = board[0] as string[];
    const at = (row: unknown[], name: string) => row[h.indexOf(name)];
    expect(board.map((row) => row[0])).toEqual(["Scene", "1", "End of Day 1", "2", "3", "Boneyard", "2A"]);
    const s1 = board[1];
    expect(at(s1, "Location")).toBe("Stage 2");
    expect(at(s1, "Description")).toBe("=Ann cooks breakfast (hand edit)");
    expect(at(s1, "Cast")).toBe("1, 2");
    expect(at(s1, "Status")).toBe("Changed");
    expect(at(s1, "Revision")).toBe("Blue");
    expect(at(board[3], "Status") ?? null).toBeNull();
    expect(at(board[4], "Status")).toBe("OMITTED");
    expect(at(board[6], "Status")).toBe("New");
    const breakdown = rowsOf(after.getWorksheet("Breakdown")!).slice(1).map((row) => `${row[0]} ${row[1]} ${row[2]}`);
    expect(breakdown).toEqual(["1 Props pan", "1 Props toast"]);

    // The merged board builds: scene 3 is not shot, 2A waits in the boneyard.
    const json = JSON.parse(runProdbook(dir, "report", book, "--json").out) as { schedule: { days: { scenes: string[] }[] }; problems: unknown[] };
    expect(json.schedule.days.map((d) => d.scenes)).toEqual([["1"], ["2"]]);
    expect(runProdbook(dir, "build", book, "-o", join(dir, "merge-built.xlsx")).code).toBe(0);
  });

  test("bad input: a missing script, a damaged .fdx, a workbook with no board", () => {
    expect(runProdbook(dir, "import", "nope.fountain", "-o", "x.xlsx").code).toBe(3);
    writeFileSync(join(dir, "bad.fdx"), "<FinalDraft><Content>");
    const bad = runProdbook(dir, "import", "bad.fdx", "-o", "x.xlsx");
    expect(bad.code).toBe(4);
    expect(bad.err).toMatch(/bad\.fdx is not a readable Final Draft file/);
    expect(runProdbook(dir, "import", "bad.fdx").code).toBe(2);
  });
});
