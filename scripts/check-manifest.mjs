// npm run test:manifest — checks the add-in's manifest and the build that serves it, offline.
//  1. `office-addin-manifest info` parses manifest.xml and dist/manifest.xml (exit 1 on malformed XML);
//     its `validate` needs a Microsoft web service, so the rest is our own checks:
//  2. every resid resolves, URLs are https, ids unique, PROD namespace, shared runtime, icons exist
//     at their sizes (scripts/manifest-checks.cjs, tested in test/manifest.test.ts);
//  3. dist/ holds the build of this manifest (URLs rewritten when PRODBOOK_URL is set), taskpane.html
//     loads office.js and the functions, and functions.json holds exactly the functions that
//     custom-functions-metadata finds in src/functions/functions.ts, with no metadata errors;
//  4. every ExecuteFunction command of the manifest is associated in src/commands.
// Run `npm run build` first.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { DEV_URL, checkManifest, checkFunctionsMetadata, rewriteUrls } = require("./manifest-checks.cjs");

const errors = [];
const notes = [];
const rel = (...p) => join(root, ...p);
const read = (p) => readFileSync(rel(p), "utf8");

function officeAddinManifestInfo(file) {
  const bin = rel("node_modules", "office-addin-manifest", "cli.js");
  const cli = existsSync(bin) ? bin : require.resolve("office-addin-manifest/cli.js");
  const r = spawnSync(process.execPath, [cli, "info", file], { cwd: root, encoding: "utf8", timeout: 60000 });
  if (r.status !== 0) errors.push(`office-addin-manifest info ${file} failed (exit ${r.status}):\n${(r.stderr || r.stdout || "").trim()}`);
  else if (!/Id: [0-9a-f-]{36}/i.test(r.stdout)) errors.push(`office-addin-manifest info ${file} printed no Id:\n${r.stdout.trim()}`);
  else notes.push(`office-addin-manifest info ${file}: ok`);
}

// 1. and 2. The source manifest.
officeAddinManifestInfo("manifest.xml");
const pkg = JSON.parse(read("package.json"));
const manifestXml = read("manifest.xml");
const checked = checkManifest(manifestXml, {
  version: pkg.version,
  readAsset: (p) => (existsSync(rel(p)) ? readFileSync(rel(p)) : undefined),
});
errors.push(...checked.errors.map((e) => `manifest.xml: ${e}`));

// 3. The build.
const base = (process.env.PRODBOOK_URL || "").trim();
const baseUrl = base ? (base.endsWith("/") ? base : `${base}/`) : DEV_URL;
const missing = ["manifest.xml", "taskpane.html", "functions.json", "functions.js", "taskpane.js"].filter((f) => !existsSync(rel("dist", f)));
if (missing.length > 0) {
  errors.push(`dist/ lacks ${missing.join(", ")}: run \`npm run build\` first`);
} else {
  officeAddinManifestInfo(join("dist", "manifest.xml"));
  const distManifest = read("dist/manifest.xml");
  if (distManifest !== rewriteUrls(manifestXml, baseUrl)) {
    errors.push(`dist/manifest.xml is not manifest.xml with its URLs at ${baseUrl}: rebuild (with the same PRODBOOK_URL)`);
  }
  if (baseUrl !== DEV_URL && distManifest.includes("localhost")) errors.push("dist/manifest.xml still names localhost");
  // Icons referenced by the manifest must be in dist too, or the server 404s them.
  for (const f of readdirSync(rel("assets")).filter((f) => f.endsWith(".png"))) {
    if (manifestXml.includes(`assets/${f}`) && !existsSync(rel("dist", "assets", f))) errors.push(`dist/assets/${f} is missing`);
  }
  const html = read("dist/taskpane.html");
  if (!html.includes("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) errors.push("dist/taskpane.html does not load office.js from the CDN");
  for (const script of ["functions.js", "commands.js", "taskpane.js"]) {
    if (!new RegExp(`src=["']?${script.replace(".", "\\.")}`).test(html)) errors.push(`dist/taskpane.html does not load ${script} (shared runtime: one page runs all three)`);
  }
  const functionsJs = read("dist/functions.js");

  // The metadata as the source declares it, through the generator's Node API (its CLI exits 0 on errors).
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const source = rel("src", "functions", "functions.ts");
  const generated = await generateCustomFunctionsMetadata(source);
  if (generated.errors.length > 0) errors.push(...generated.errors.map((e) => `src/functions/functions.ts: ${e}`));
  const expectedIds = generated.metadataJson ? JSON.parse(generated.metadataJson).functions.map((f) => f.id) : [];
  const fn = checkFunctionsMetadata(read("dist/functions.json"), expectedIds);
  errors.push(...fn.errors.map((e) => `dist/functions.json: ${e}`));
  if (baseUrl !== DEV_URL && read("dist/functions.json").includes("localhost")) errors.push("dist/functions.json still names localhost");
  for (const id of fn.ids) {
    if (!functionsJs.includes(`CustomFunctions.associate("${id}"`)) errors.push(`dist/functions.js does not associate ${id}: =PROD.${id} would be #NAME?`);
  }
  // The @helpurl links land on the generated help page's anchors.
  const helpPage = existsSync(rel("dist", "assets", "functions.html")) ? read("dist/assets/functions.html") : "";
  for (const f of JSON.parse(read("dist/functions.json")).functions || []) {
    if (!f.helpUrl || !f.helpUrl.startsWith(baseUrl)) continue;
    const [page, anchor] = f.helpUrl.slice(baseUrl.length).split("#");
    if (page === "assets/functions.html" && !(anchor ? new RegExp(`id=["']?${anchor.replace(/[^\w-]/g, "\\$&")}["'\\s>]`).test(helpPage) : helpPage)) {
      errors.push(`function ${f.id}: help link ${f.helpUrl} lands nowhere in dist/assets/functions.html`);
    } else if (page !== "assets/functions.html" && !existsSync(rel("dist", page))) {
      errors.push(`function ${f.id}: help link ${f.helpUrl} names a file the build does not make`);
    }
  }
  notes.push(`functions: ${fn.ids.map((id) => `${checked.namespace}.${id}`).join(", ")}`);
}

// 4. Commands named by the manifest exist in src/commands.
const commandSources = readdirSync(rel("src", "commands"))
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => read(join("src", "commands", f)))
  .join("\n");
for (const name of checked.functionNames) {
  if (!commandSources.includes(`"${name}"`) || !commandSources.includes("Office.actions.associate(")) {
    errors.push(`manifest.xml: ExecuteFunction "${name}" is not associated in src/commands (Office.actions.associate)`);
  }
}

for (const n of notes) console.log(n);
if (errors.length > 0) {
  console.error(`\nManifest check failed, ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log(`Manifest check passed: namespace ${checked.namespace}, shared runtime ${checked.taskpaneUrl}, URLs at ${baseUrl}`);
