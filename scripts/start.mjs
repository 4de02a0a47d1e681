// npm start — build the add-in, serve it at https://localhost:3000 with development certificates,
// and sideload it into Excel where Excel desktop and office-addin-debugging exist. Anywhere else
// (Linux, CI, a container) it still builds and serves, prints how to sideload into Excel on the web,
// and keeps serving until Ctrl+C. Nothing here needs the network.
//
//   npm start                 build + serve (+ sideload into Excel desktop on Windows/macOS)
//   npm start -- --no-sideload   build + serve only, even where Excel desktop exists
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
const URL_BASE = `https://localhost:${PORT}/`;
const CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const CERTS = { ca: join(CERT_DIR, "ca.crt"), cert: join(CERT_DIR, "localhost.crt"), key: join(CERT_DIR, "localhost.key") };
// A year: fewer re-trusts than the tools' default month, within what browsers accept (398 days).
const CERT_DAYS = 365;
const args = new Set(process.argv.slice(2));

const say = (s = "") => console.log(s);

/** True when the three certificate files exist, chain to our CA, name localhost and last a day more. */
function certificatesUsable() {
  try {
    if (!Object.values(CERTS).every((p) => existsSync(p))) return false;
    const ca = new X509Certificate(readFileSync(CERTS.ca));
    const cert = new X509Certificate(readFileSync(CERTS.cert));
    const dayAhead = Date.now() + 24 * 3600 * 1000;
    return cert.verify(ca.publicKey) && cert.checkHost("localhost") !== undefined && Date.parse(cert.validTo) > dayAhead && Date.parse(ca.validTo) > dayAhead;
  } catch {
    return false;
  }
}

/** Is our CA in the system trust store? Only checked where it can be without running anything privileged. */
function caTrustedOnLinux() {
  const ours = readFileSync(CERTS.ca, "utf8").trim();
  const places = [
    "/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt", // where the tools' installer puts it
    "/usr/local/share/ca-certificates/office-addin-dev-certs.crt", // where our instructions put it
    "/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt",
  ];
  return places.some((p) => existsSync(p) && readFileSync(p, "utf8").trim() === ours);
}

async function ensureCertificates() {
  const devCerts = require("office-addin-dev-certs");
  let fresh = false;
  if (!certificatesUsable()) {
    // generateCertificates writes nothing when ca.crt exists, so clear stale files first.
    for (const p of Object.values(CERTS)) rmSync(p, { force: true });
    await devCerts.generateCertificates(CERTS.ca, CERTS.cert, CERTS.key, CERT_DAYS);
    fresh = true;
    if (!certificatesUsable()) throw new Error(`office-addin-dev-certs did not produce usable certificates in ${CERT_DIR}`);
  }
  say(`Certificates: ${CERT_DIR} (${fresh ? "generated now" : "reused"}).`);

  // Trust: the tools' installer runs sudo on Linux (fails without a terminal, yet exits 0), so only
  // Windows and macOS, which ask the user themselves, get the automatic install.
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      const status = devCerts.getCaCertificateStatus();
      if (status.status !== "installed" || fresh) await devCerts.installCaCertificate(CERTS.ca);
      return true;
    } catch (e) {
      say(`Could not trust the development CA automatically: ${e.message}`);
      return false;
    }
  }
  return caTrustedOnLinux();
}

/** Where Excel desktop is installed; undefined elsewhere. */
function excelDesktop() {
  if (process.platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return existsSync(app) ? app : undefined;
  }
  if (process.platform === "win32") {
    const r = spawnSync("reg", ["query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe", "/ve"], { encoding: "utf8" });
    const m = r.status === 0 ? /REG_SZ\s+(.+)/.exec(r.stdout) : null;
    if (m && existsSync(m[1].trim())) return m[1].trim();
    for (const base of [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean)) {
      const exe = join(base, "Microsoft Office", "root", "Office16", "EXCEL.EXE");
      if (existsSync(exe)) return exe;
    }
  }
  return undefined;
}

function hasOfficeAddinDebugging() {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.once("listening", () => s.close(() => resolve(true)));
    s.listen(port, "localhost");
  });
}

function printSideloadHelp(trusted) {
  const manifest = join(root, "manifest.xml");
  say("");
  say("────────────────────────────────────────────────────────────────────────────");
  say(` Prodbook is served at ${URL_BASE}taskpane.html`);
  say("");
  say(" No Excel desktop here, so nothing was sideloaded. To use Prodbook in Excel on the web:");
  say("   1. Open a workbook at https://www.office.com (OneDrive or SharePoint).");
  say("   2. Home > Add-ins > More Add-ins (or Insert > Add-ins) > Upload My Add-in.");
  say(`   3. Browse to ${manifest} and Upload.`);
  say('   4. Click "Prodbook" on the Home tab; type =PROD. in a cell for the functions.');
  say(" The browser running Excel must be on this machine (it loads https://localhost:3000).");
  if (!trusted) {
    say("");
    say(" The development certificate authority is not trusted yet, so the browser will refuse");
    say(` ${URL_BASE}. Trust ${CERTS.ca} once (docs/troubleshooting.md, "Untrusted localhost"):`);
    if (process.platform === "linux") {
      say(`   sudo cp ${CERTS.ca} /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates`);
      say(`   certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${CERTS.ca}   # Chrome/Edge`);
    }
    say(` or open ${URL_BASE}taskpane.html in that browser and accept the certificate.`);
  }
  say(" Stop the server with Ctrl+C.");
  say("────────────────────────────────────────────────────────────────────────────");
}

async function serve(trusted) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(join(root, "webpack.config.js"))({}, { mode: "development" });
  // Our own summary below instead of webpack's full asset table, so the instructions stay visible.
  config.stats = "errors-warnings";
  const compiler = webpack(config);
  let first = true;
  compiler.hooks.done.tap("prodbook-start", (stats) => {
    const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
    if (stats.hasErrors()) {
      say(`\nBuild failed with ${info.errors.length} error(s); fix them and save, the server rebuilds:`);
      for (const e of info.errors) say(`  ${(e.message || String(e)).split("\n").slice(0, 6).join("\n  ")}`);
    } else {
      say(`Built in ${info.time} ms${info.warnings.length ? ` with ${info.warnings.length} warning(s)` : ""}.`);
    }
    if (first) {
      first = false;
      printSideloadHelp(trusted);
    }
  });
  const server = new WebpackDevServer({ ...config.devServer, open: false }, compiler);
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function main() {
  say("Prodbook: building and serving the add-in.");
  if (!(await portFree(PORT))) {
    console.error(`Port ${PORT} is in use. Stop whatever serves it (another \`npm start\`?) and run again; the manifest expects ${URL_BASE}.`);
    process.exit(1);
  }
  let trusted = false;
  try {
    trusted = await ensureCertificates();
  } catch (e) {
    console.error(`Could not make development certificates: ${e.message}\nThe server falls back to a self-signed certificate; the browser will warn.`);
  }

  const excel = args.has("--no-sideload") ? undefined : excelDesktop();
  if (excel && hasOfficeAddinDebugging()) {
    // office-addin-debugging runs `npm run dev-server` (same webpack config, same certificates) and
    // sideloads the manifest into Excel desktop.
    say(`Excel desktop found (${excel}); sideloading with office-addin-debugging.`);
    const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    child.on("exit", (code) => process.exit(code ?? 0));
    return;
  }
  if (excel) {
    say(`Excel desktop found (${excel}), but office-addin-debugging is not installed (it is kept out of the`);
    say("dependencies: its keytar native module cannot install offline). To sideload into Excel desktop:");
    say("  npm install --no-save office-addin-debugging && npm start");
    say("or share the manifest folder as a trusted add-in catalog (docs/troubleshooting.md).");
  }
  await serve(trusted);
}

main().catch((e) => {
  console.error(`npm start failed: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
