/**
 * The zip layer under the package: a part Prodbook does not change goes to the output as the
 * compressed bytes the input held (never inflated, never recompressed); new parts are deflated;
 * what it cannot walk (zip64) goes through fflate as before.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { crc32, readZipEntries, writeZip, newEntry } from "../../src/cli/xlsx/zipEntries";
import { OpcPackage } from "../../src/cli/xlsx/opc";
import { runCli } from "../../src/cli/run";
import { memoryIo } from "../../src/cli/io";

const WITH_CHART = join(__dirname, "..", "fixtures", "corpus", "poi", "WithChart.xlsx");

describe("zip entries", () => {
  test("crc32 of the check string is the published check value", () => {
    // CRC-32/ISO-HDLC check value for "123456789": 0xCBF43926.
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
  });

  test("a POI workbook: one part replaced, every other entry's compressed bytes are the input's", () => {
    const input = readFileSync(WITH_CHART);
    const before = readZipEntries(input)!;
    const pkg = OpcPackage.fromZip(input);
    pkg.set("xl/worksheets/sheet1.xml", "<worksheet/>");
    const out = pkg.toZip();
    const after = readZipEntries(out)!;
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const e of before) {
      const o = after.find((x) => x.name === e.name)!;
      if (e.name === "xl/worksheets/sheet1.xml") continue;
      expect([e.name, Buffer.compare(Buffer.from(o.data), Buffer.from(e.data)), o.crc, o.method]).toEqual([e.name, 0, e.crc, e.method]);
    }
    // And the zip is one any unzipper reads: fflate's, with the new part in it.
    const files = unzipSync(out);
    expect(Buffer.from(files["xl/worksheets/sheet1.xml"]).toString()).toBe("<worksheet/>");
    expect(Buffer.compare(Buffer.from(files["xl/charts/chart1.xml"]), Buffer.from(unzipSync(input)["xl/charts/chart1.xml"]))).toBe(0);
  });

  test("stored and deflated entries, a non-ASCII name, an empty part", () => {
    const entries = [newEntry("a.xml", strToU8("<a>" + "x".repeat(5000) + "</a>")), newEntry("b/é.bin", new Uint8Array([1, 2, 3])), newEntry("empty", new Uint8Array(0))];
    expect(entries[0].method).toBe(8); // 5,007 bytes of x deflate well
    expect(entries[1].method).toBe(0); // three bytes do not
    const files = unzipSync(writeZip(entries));
    expect(Object.keys(files)).toEqual(["a.xml", "b/é.bin", "empty"]);
    expect([...files["b/é.bin"]]).toEqual([1, 2, 3]);
    expect(files.empty.length).toBe(0);
  });

  test("a zip this reader does not walk (zip64 marker) is read by fflate instead", () => {
    const zip = zipSync({ "a.txt": strToU8("hello") });
    const eocd = zip.length - 22;
    const marked = new Uint8Array(zip);
    marked[eocd + 10] = 0xff;
    marked[eocd + 11] = 0xff;
    expect(readZipEntries(marked)).toBeUndefined();
    expect(readZipEntries(zip)!.map((e) => e.name)).toEqual(["a.txt"]);
  });

  test("a damaged sheet entry is exit 4 naming the part when it is read, not an internal error", async () => {
    const input = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "corpus", "libreoffice", "libreoffice-demo-tables.xlsx")));
    const budget = readZipEntries(input)!.find((e) => e.name === "xl/worksheets/sheet6.xml")!;
    expect(budget.method).toBe(8);
    budget.data.fill(0xff, 0, Math.min(64, budget.data.length)); // a view into `input`: the zip is damaged there
    const dir = mkdtempSync(join(tmpdir(), "prodbook-zip-"));
    try {
      const p = join(dir, "damaged.xlsx");
      writeFileSync(p, input);
      const io = memoryIo();
      expect(await runCli(["check", p], io)).toBe(4);
      expect(io.err).toContain("xl/worksheets/sheet6.xml cannot be unzipped");
      expect(io.err).not.toContain("internal error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
