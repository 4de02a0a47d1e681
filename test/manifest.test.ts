import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { inflateSync } from "zlib";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { checkFunctionsMetadata, checkManifest, parseXml, pngSize, rewriteUrls } from "../scripts/manifest-checks.cjs";

const root = join(__dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const pkgVersion = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const readAsset = (p: string) => (existsSync(join(root, p)) ? readFileSync(join(root, p)) : undefined);
const check = (xml: string) => checkManifest(xml, { version: pkgVersion, readAsset }).errors;

/** The manifest with one exact piece of text replaced; fails the test if the text is not there. */
function broken(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  expect(out).not.toBe(manifest);
  return out;
}

describe("parseXml", () => {
  it("reads elements, attributes, entities and lines", () => {
    const el = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2">\n  <b:c y=\'q\'>t&lt;u</b:c><d/>\n</a>');
    expect(el.name).toBe("a");
    expect(el.attrs.x).toBe("1 & 2");
    expect(el.children.map((c) => c.local)).toEqual(["c", "d"]);
    expect(el.children[0].name).toBe("b:c");
    expect(el.children[0].text).toBe("t<u");
    expect(el.children[0].line).toBe(4); // declaration, comment, <a>, then line 4
  });

  it.each([
    ["<a><b></a>", /<\/a> closes <b>/],
    ["<a>", /never closed/],
    ['<a x="1" x="2"/>', /repeated/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a/><b/>", /more than one root/],
    ["<a>x & y</a>", /bare "&"/],
  ])("rejects %s", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe("manifest.xml", () => {
  it("passes every check", () => {
    const r = checkManifest(manifest, { version: pkgVersion, readAsset });
    expect(r.errors).toEqual([]);
    expect(r.namespace).toBe("PROD");
    expect(r.taskpaneUrl).toBe("https://localhost:3000/taskpane.html");
    expect(r.functionNames).toEqual(["showProdbook"]);
  });

  it("keeps every URL on the development server until a production build rewrites it", () => {
    // 11 URLs, counted by hand: IconUrl, HighResolutionIconUrl, SupportUrl, DefaultSettings (4),
    // 3 bt:Image and 4 bt:Url. (The xmlns schema names are not URLs Office fetches.)
    const urls = manifest.replace(/<!--[\s\S]*?-->/g, "").match(/https?:\/\/[^"<\s]+/g)!.filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.filter((u) => u.startsWith("https://localhost:3000/"))).toHaveLength(urls.length);
    expect(urls).toHaveLength(11);
    const prod = rewriteUrls(manifest, "https://prodbook.example.com/app/");
    expect(prod).not.toContain("localhost");
    expect(checkManifest(prod).errors).toEqual([]);
    expect(prod.match(/https:\/\/prodbook\.example\.com\/app\//g)).toHaveLength(11);
  });

  it.each<[string, string | RegExp, string, RegExp]>([
    ["an unresolved resid", 'resid="Icon.80x80"/>', 'resid="Icon.81x81"/>', /resid="Icon\.81x81"> names no resource/],
    ["a resid of the wrong kind", '<Label resid="Group.Label"/>', '<Label resid="PaneButton.Tooltip"/>', /must name one of ShortStrings, not LongStrings/],
    ["an http URL", 'id="Functions.Metadata.Url" DefaultValue="https://', 'id="Functions.Metadata.Url" DefaultValue="http://', /"http:\/\/localhost:3000\/functions\.json" is not an https URL/],
    ["an http support URL", '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://', /<SupportUrl> URL .* is not an https URL/],
    ["another namespace", 'id="Functions.Namespace" DefaultValue="PROD"', 'id="Functions.Namespace" DefaultValue="CONTOSO"', /namespace is "CONTOSO", expected PROD/],
    ["no shared runtime requirement", '<Set Name="SharedRuntime" MinVersion="1.1"/>', "", /shared runtime is not declared/],
    ["a short-lived runtime", 'lifetime="long"', 'lifetime="short"', /lifetime="long"/],
    ["functions on their own page", '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>', /functions' <Page> is "Functions.Script.Url", not the shared runtime's "Taskpane.Url"/],
    ["a function file off the runtime", '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>', /<FunctionFile resid="Functions.Script.Url"> is not the shared runtime's/],
    ["a duplicate resource id", ' id="Functions.Script.Url"', ' id="Taskpane.Url"', /resource id "Taskpane.Url" is used twice/],
    ["a duplicate control id", 'id="Prodbook.CellMenuButton"', 'id="Prodbook.PaneButton"', /id "Prodbook.PaneButton" is used twice/],
    ["a missing icon", "assets/icon-80.png", "assets/icon-81.png", /icon assets\/icon-81\.png does not exist/],
    ["an icon of the wrong size", 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"', 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-64.png"', /icon assets\/icon-64\.png is 64x64, used at 32x32/],
    ["a weaker permission", "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>", /expected ReadWriteDocument/],
    ["a malformed id", "<Id>ed3e5366-669f-4f9c-a16e-4f5e6a788143</Id>", "<Id>prodbook</Id>", /is not a GUID/],
    ["a version behind package.json", "<Version>0.1.0.0</Version>", "<Version>0.0.9.0</Version>", /does not match package.json version/],
    ["a label over 125 characters", 'DefaultValue="Open Prodbook"', `DefaultValue="${"x".repeat(126)}"`, /longer than 125 characters/],
    ["no ribbon pane button", 'xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"', /no ribbon button shows the task pane/],
    ["malformed XML", "</Resources>", "</Resource>", /not well-formed XML: line \d+: <\/Resource> closes <Resources>/],
  ])("reports %s", (_what, from, to, message) => {
    const errors = check(broken(from, to));
    expect(errors.some((e) => message.test(e))).toBe(true);
  });
});

describe("pngSize and the committed icons", () => {
  it("reads a PNG's size and rejects other bytes", () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(pngSize(readAsset("assets/icon-80.png"))).toEqual({ width: 80, height: 80 });
  });

  it.each([16, 32, 64, 80])("assets/icon-%i.png is a valid %ipx RGBA PNG", (size) => {
    const png = readAsset(`assets/icon-${size}.png`)!;
    expect(pngSize(png)).toEqual({ width: size, height: size });
    // IHDR: bit depth 8, colour type 6 (RGBA); IDAT inflates to size rows of 1 + 4·size bytes.
    expect([png[24], png[25]]).toEqual([8, 6]);
    const idatAt = png.indexOf(Buffer.from("IDAT"));
    const len = png.readUInt32BE(idatAt - 4);
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + len));
    expect(raw.length).toBe(size * (1 + 4 * size)); // e.g. 16 px: 16 × (1 + 64) = 1040 bytes
    // The corner pixel is transparent (rounded slate, tilted clapper), the centre opaque.
    expect(raw[1 + 3]).toBe(0);
    const mid = Math.floor(size / 2);
    expect(raw[mid * (1 + 4 * size) + 1 + 4 * mid + 3]).toBe(255);
  });
});

describe("functions metadata", () => {
  const good = JSON.stringify({ functions: [{ id: "EFC", name: "EFC", helpUrl: "https://localhost:3000/assets/functions.html#efc" }, { id: "PAGES", name: "PAGES" }] });

  it("accepts well-formed metadata that matches the source", () => {
    expect(checkFunctionsMetadata(good, ["EFC", "PAGES"])).toEqual({ errors: [], ids: ["EFC", "PAGES"] });
  });

  it("reports stale, duplicate, badly named and empty metadata", () => {
    expect(checkFunctionsMetadata(good, ["EFC", "PAGES", "EIGHTHS"]).errors).toEqual(["function EIGHTHS is in the source but not in functions.json (rebuild)"]);
    expect(checkFunctionsMetadata(good, ["EFC"]).errors).toEqual(["function PAGES is in functions.json but no longer in the source (rebuild)"]);
    const dup = JSON.stringify({ functions: [{ id: "EFC", name: "EFC" }, { id: "EFC", name: "efc" }] });
    expect(checkFunctionsMetadata(dup).errors).toEqual(["function id EFC is declared twice", "function name efc is declared twice"]);
    expect(checkFunctionsMetadata(JSON.stringify({ functions: [{ id: "efc-1", name: "1EFC" }] })).errors).toHaveLength(2);
    expect(checkFunctionsMetadata(JSON.stringify({ functions: [] })).errors).toEqual(["functions.json declares no functions"]);
    expect(checkFunctionsMetadata("{").errors[0]).toMatch(/not JSON/);
  });

  it("src/functions/functions.ts generates metadata with no errors and one entry per @customfunction", async () => {
    const source = join(root, "src", "functions", "functions.ts");
    const result = await generateCustomFunctionsMetadata(source);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as { functions: { id: string; name: string }[] };
    // The tags in the source, counted independently of the generator: none may be silently dropped,
    // and every explicit id (`@customfunction EFC`) is the id Excel will see.
    const text = readFileSync(source, "utf8");
    const tags = [...text.matchAll(/@customfunction\b[ \t]*([A-Za-z0-9_.]*)/g)];
    const explicitIds = tags.map((m) => m[1]).filter((id) => id !== "");
    const ids = metadata.functions.map((f) => f.id);
    expect(tags.length).toBeGreaterThan(0);
    expect(ids).toHaveLength(tags.length);
    expect(ids).toEqual(expect.arrayContaining(explicitIds));
    expect(checkFunctionsMetadata(result.metadataJson, ids).errors).toEqual([]);
    // The plugin's loader associates each function under the id its metadata gives it.
    expect(result.associate.map((a) => a.id).sort()).toEqual([...ids].sort());
  });
});

describe("one requirement floor", () => {
  it("the manifest, the pane's message and the docs name the same sets and Excel versions", async () => {
    const { REQUIRED_SET, SHARED_RUNTIME_SET, SUPPORTED_EXCEL } = await import("../src/excel/requirements");
    expect(manifest).toContain(`<Set Name="${REQUIRED_SET.name}" MinVersion="${REQUIRED_SET.version}"/>`);
    expect(manifest).toContain(`<Set Name="${SHARED_RUNTIME_SET.name}" MinVersion="${SHARED_RUNTIME_SET.version}"/>`);
    expect([...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"/g)].map((m) => m[1])).toEqual([REQUIRED_SET.version]);
    for (const doc of ["docs/ADDIN.md", "docs/troubleshooting.md"]) {
      const text = readFileSync(join(root, doc), "utf8").replace(/\s+/g, " ");
      expect(text).toContain(SUPPORTED_EXCEL.replace(/, or /, ", or "));
      expect(text).not.toMatch(/Excel 2019 (and|or) later|ExcelApi 1\.(1[0-9]|8)\b/);
    }
  });
});
