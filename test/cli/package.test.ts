/**
 * The package layer on files as other programs write them: formulas without cached results,
 * shared formulas, merges, error values, the 1904 date system; and saving in place.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, chmodSync, chownSync, writeFileSync, writeSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxFile } from "../../src/cli/xlsx/xlsxFile";
import { replaceTableRows } from "../../src/cli/xlsx/tableEdit";
import { runBuild } from "../../src/cli/commands";
import { memoryIo } from "../../src/cli/io";
import { overwriteInPlace } from "../../src/cli/files";
import { runEngine } from "../../src/core/engine";
import { findTable } from "../../src/core/cells";
import { smallWorkbook } from "./smallWorkbook";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

/** A workbook with sheets given as raw sheetData XML (and merges), as a script or another program might write them. */
function rawWorkbook(sheets: Record<string, { data: string; merges?: string[] }>, date1904 = false): XlsxFile {
  const f = XlsxFile.create();
  for (const [name, s] of Object.entries(sheets)) {
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
    f.putSheet(name, `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.data}</sheetData>${merges}</worksheet>`);
  }
  if (date1904) f.pkg.set("xl/workbook.xml", f.pkg.text("xl/workbook.xml")!.replace('<workbookPr defaultThemeVersion="164011"/>', '<workbookPr date1904="1"/>'));
  return XlsxFile.fromBytes(f.toBytes());
}

const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const fml = (ref: string, f: string, extra = "") => `<c r="${ref}"><f${extra}>${f}</f></c>`;
const header = `<row r="1">${["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes"].map((h, i) => str(`${"ABCDEFG"[i]}1`, h)).join("")}</row>`;
const accounts = `<row r="1">${str("A1", "Code")}${str("B1", "Name")}${str("C1", "Parent")}</row><row r="2">${str("A2", "1000")}${str("B2", "ATL")}</row><row r="3">${str("A3", "1100")}${str("B3", "Cast")}${str("C3", "1000")}</row>`;

function budgetLines(wb: XlsxFile): number[] {
  const r = runEngine(wb.readInput());
  return r.budget!.lines.map((l) => l.total);
}

describe("formulas with no cached result", () => {
  test("are computed: arithmetic, cross-sheet references, SUM and ROUND, shared formulas, PROD functions", () => {
    const wb = rawWorkbook({
      Accounts: { data: accounts },
      Rates: { data: `<row r="1">${num("A1", 1500)}${num("B1", 2.5)}</row>` },
      Budget: {
        data:
          header +
          `<row r="2">${str("A2", "1100")}${str("B2", "Lead")}${num("C2", 1)}${fml("F2", "20000*2")}</row>` +
          `<row r="3">${str("A3", "1100")}${str("B3", "Day player")}${num("C3", 2)}${fml("F3", "Rates!A1+ROUND(Rates!B1*0.333,2)")}</row>` +
          `<row r="4">${str("A4", "1100")}${str("B4", "Stand-in")}${fml("C4", "SUM(C2:C3)", ' t="shared" ref="C4:C5" si="0"')}${num("F4", 100)}</row>` +
          `<row r="5">${str("A5", "1100")}${str("B5", "Extra")}<c r="C5"><f t="shared" si="0"/></c>${num("F5", 10)}</row>` +
          `<row r="6">${str("A6", "1100")}${str("B6", "Pages")}${fml("C6", 'PROD.PAGES("1 3/8")*8')}${num("F6", 1)}</row>`,
      },
    });
    // 40000; 1500 + ROUND(0.8325, 2) = 1500.83, × 2; C4 = 1 + 2 = 3; C5 = SUM(C3:C4) = 2 + 3 = 5; 11 eighths.
    expect(budgetLines(wb)).toEqual([4_000_000, 300_166, 30_000, 5_000, 1_100]);
    expect(runEngine(wb.readInput()).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  test("one that cannot be computed is an error naming the cell, never a silent 0", () => {
    const wb = rawWorkbook({
      Accounts: { data: accounts },
      Budget: { data: header + `<row r="2">${str("A2", "1100")}${str("B2", "Lead")}${num("C2", 1)}${fml("F2", "TODAY()-40000")}</row>` },
    });
    const problems = runEngine(wb.readInput()).problems.filter((p) => p.severity === "error");
    expect(problems).toEqual([expect.objectContaining({ sheet: "Budget", row: 2, column: "Rate", cell: "F2", message: expect.stringMatching(/=TODAY\(\)-40000 has no saved result.*TODAY/) })]);
  });

  test("an error value in a cell is an error naming it, not a value", () => {
    const wb = rawWorkbook({ Cast: { data: `<row r="1">${str("A1", "ID")}${str("B1", "Character")}</row><row r="2"><c r="A2" t="e"><f>FOO()</f><v>#NAME?</v></c>${str("B2", "HERO")}</row>` } });
    const input = wb.readInput();
    expect(findTable(input, "Cast")!.rows[0]).toEqual([null, "HERO"]);
    expect(input.problems).toEqual([expect.objectContaining({ severity: "error", cell: "A2", column: "ID", message: expect.stringContaining("#NAME?") })]);
  });
});

describe("merged cells", () => {
  test("a merge inside a table: the value belongs to its top-left cell only, and the merge is an error naming it", () => {
    const wb = rawWorkbook({
      Accounts: { data: accounts },
      Budget: {
        data: header + `<row r="2">${str("A2", "1100")}${str("B2", "Lead")}${num("C2", 1)}${num("F2", 40000)}</row><row r="3">${str("A3", "1100")}${str("B3", "Double")}${num("C3", 1)}</row>`,
        merges: ["F2:F3"],
      },
    });
    const input = wb.readInput();
    const r = runEngine(input);
    expect(findTable(input, "Budget")!.rows.map((row) => row[5])).toEqual([40000, null]);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: "Budget", cell: "F2", message: expect.stringContaining("F2:F3 are merged") }));
  });
});

describe("the 1904 date system", () => {
  test("a date serial means the day the workbook's system says", () => {
    // 44999 in the 1904 system is 2027-03-15: 44999 + 1462 = 46461 in the 1900 system, 20892 days after 1970-01-01.
    const styles = (f: XlsxFile) => f.pkg.set("xl/styles.xml", f.pkg.text("xl/styles.xml")!.replace('<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'));
    const wb = rawWorkbook({ Holidays: { data: `<row r="1">${str("A1", "Date")}${str("B1", "Name")}</row><row r="2"><c r="A2" s="1"><v>44999</v></c>${str("B2", "Wrap party")}</row>` } }, true);
    styles(wb);
    const again = XlsxFile.fromBytes(wb.toBytes());
    expect(again.date1904).toBe(true);
    expect(findTable(again.readInput(), "Holidays")!.rows[0][0]).toEqual(new Date(Date.UTC(2027, 2, 15)));
  });
});

describe("editing a table in place", () => {
  test("replaceTableRows grows a table: its ref and filter follow, other cells of those rows stay", async () => {
    const f = XlsxFile.fromBytes(new Uint8Array((await smallWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
    const before = findTable(f.readInput(), "Ledger")!;
    const rows = [...before.rows, [new Date(Date.UTC(2027, 2, 3)), "2100", "Acme", "Cables", 99.5, "Actual", ...before.rows[0].slice(6)]];
    replaceTableRows(f, "Ledger", rows);
    const back = XlsxFile.fromBytes(f.toBytes());
    const after = findTable(back.readInput(), "Ledger")!;
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.rows[after.rows.length - 1].slice(0, 6)).toEqual(rows[rows.length - 1].slice(0, 6));
    const t = back.findTable("Ledger")!;
    expect(t.ref.r2).toBe(before.rows.length + 2);
    expect(back.pkg.text(t.part)).toContain(`<autoFilter ref="A1:${String.fromCharCode(64 + before.headers.length)}${before.rows.length + 2}"`);
  });
});

describe("saving", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "prodbook-save-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function small(name: string): Promise<string> {
    const p = join(dir, name);
    await smallWorkbook().xlsx.writeFile(p);
    return p;
  }

  test("--in-place keeps the file's mode (a private budget stays private)", async () => {
    const p = await small("private.xlsx");
    chmodSync(p, 0o600);
    expect(await runBuild({ input: p, inPlace: true, quiet: true }, memoryIo())).toBe(0);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(XlsxFile.fromBytes(readFileSync(p)).sheetNames()).toContain("Top Sheet");
  });

  test("--in-place writes through a symbolic link to its target, which stays a link", async () => {
    const target = await small("target.xlsx");
    const link = join(dir, "link.xlsx");
    symlinkSync(target, link);
    expect(await runBuild({ input: link, inPlace: true, quiet: true }, memoryIo())).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(XlsxFile.fromBytes(readFileSync(target)).sheetNames()).toContain("Top Sheet");
  });

  test("--in-place keeps a hard link: both names are the built workbook", async () => {
    const a = await small("a.xlsx");
    const b = join(dir, "b.xlsx");
    linkSync(a, b);
    const ino = statSync(a).ino;
    expect(await runBuild({ input: a, inPlace: true, quiet: true }, memoryIo())).toBe(0);
    expect(statSync(a).ino).toBe(ino);
    expect(statSync(b).nlink).toBe(2);
    expect(XlsxFile.fromBytes(readFileSync(b)).sheetNames()).toContain("Top Sheet");
  });

  test("--in-place on a hard-linked file keeps its mode (640 stays 640, not the temporary file's 600)", async () => {
    const a = await small("shared.xlsx");
    const b = join(dir, "shared-link.xlsx");
    linkSync(a, b);
    chmodSync(a, 0o640);
    expect(await runBuild({ input: b, inPlace: true, quiet: true }, memoryIo())).toBe(0);
    expect(statSync(a).mode & 0o777).toBe(0o640);
    expect(statSync(a).nlink).toBe(2);
    expect(readdirSync(dir).filter((f) => f.includes("prodbook-tmp"))).toEqual([]);
  });

  test("--in-place keeps the owner and group of a file someone else owns (run as root)", async () => {
    if (typeof process.getuid !== "function" || process.getuid() !== 0) return; // only root can give a file away
    for (const [name, linked] of [["theirs.xlsx", false], ["theirs-linked.xlsx", true]] as const) {
      const p = await small(name);
      if (linked) linkSync(p, join(dir, `second-${name}`));
      chownSync(p, 65534, 65534);
      chmodSync(p, 0o664);
      expect(await runBuild({ input: p, inPlace: true, quiet: true }, memoryIo())).toBe(0);
      const st = statSync(p);
      expect([name, st.uid, st.gid, st.mode & 0o777]).toEqual([name, 65534, 65534, 0o664]);
      expect(XlsxFile.fromBytes(readFileSync(p)).sheetNames()).toContain("Top Sheet");
    }
  });

  test("a hard-linked file whose overwrite fails part way (disk full) is put back as it was, under both names", () => {
    const a = join(dir, "full-disk.xlsx");
    const b = join(dir, "full-disk-link.xlsx");
    const original = Buffer.from("the user's workbook bytes ".repeat(400)); // 10,400 bytes
    writeFileSync(a, original);
    linkSync(a, b);
    chmodSync(a, 0o640);
    let written = 0;
    // The disk fills after 4,096 bytes of the new file.
    const failing = (fd: number, buf: Uint8Array, off: number, len: number, pos: number) => {
      if (written >= 4096) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      const n = writeSync(fd, buf, off, Math.min(len, 4096 - written), pos);
      written += n;
      return n;
    };
    expect(() => overwriteInPlace(a, new Uint8Array(30_000).fill(7), failing)).toThrow(/ENOSPC/);
    expect(Buffer.compare(readFileSync(b), original)).toBe(0);
    expect(statSync(a).nlink).toBe(2);
    expect(statSync(a).mode & 0o777).toBe(0o640);
    // And a write that goes through replaces the bytes on the same inode.
    overwriteInPlace(a, new Uint8Array(30_000).fill(7));
    expect(readFileSync(b).length).toBe(30_000);
  });

  test("a failed save leaves no temporary file behind", async () => {
    const p = await small("in.xlsx");
    const sub = join(dir, "out");
    mkdirSync(sub);
    const target = join(sub, "taken.xlsx");
    mkdirSync(target); // a folder where the file should go: the save fails
    await expect(runBuild({ input: p, output: target, quiet: true }, memoryIo())).rejects.toThrow(/Cannot write/);
    expect(readdirSync(sub)).toEqual(["taken.xlsx"]);
    expect(existsSync(join(target, "x"))).toBe(false);
  });
});

describe("a damaged part", () => {
  test("a worksheet that is not well-formed XML is exit 4 naming the part, not a crash", async () => {
    const { runCli } = await import("../../src/cli/run");
    const f = XlsxFile.fromBytes(new Uint8Array((await smallWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
    const part = f.sheetEntry("Budget")!.part;
    f.pkg.set(part, f.pkg.text(part)!.slice(0, 300));
    const dir = mkdtempSync(join(tmpdir(), "prodbook-damaged-"));
    const p = join(dir, "damaged.xlsx");
    writeFileSync(p, f.toBytes());
    const io = memoryIo();
    expect(await runCli(["check", p], io)).toBe(4);
    expect(io.err).toContain(`sheet Budget (${part}) is not well-formed XML`);
    rmSync(dir, { recursive: true, force: true });
  });
});
