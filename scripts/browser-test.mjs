// The task pane in headless Chromium (Debian's chromium, driven by playwright-core), over the BUILT
// bundle in dist/ with the in-memory Excel host standing in for office.js: clicks New production,
// Update budget and Build schedule, checks what the workbook then holds, checks that a problem's
// click selects its cell; the first run, the figures after each command (an OVER account selects
// its Cost Report row), Import ledger CSV and Import script, the theme following Office; saves
// screenshots to test-output/ and /tmp/prodbook-pane-*.png. Nothing leaves the machine: the office.js
// URL is answered with the harness, any other off-machine request fails the run.
//   npm run build && npm run test:browser
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const out = join(root, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/;

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok" : "FAIL"} - ${name}${!ok && detail ? `: ${detail}` : ""}`);
}

/** Builds test/browser/harness.ts into test-output/browser (never dist/). */
function buildHarness() {
  const webpack = require("webpack");
  const config = {
    mode: "development",
    devtool: false,
    entry: join(root, "test/browser/harness.ts"),
    output: { path: join(out, "browser"), filename: "harness.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } }],
    },
    performance: { hints: false },
  };
  return new Promise((res, rej) =>
    webpack(config, (err, stats) => {
      if (err) return rej(err);
      if (stats.hasErrors()) return rej(new Error(stats.toString({ all: false, errors: true })));
      res(readFileSync(join(out, "browser", "harness.js")));
    }),
  );
}

/** Screenshots go to test-output/ and, for looking at, to /tmp/prodbook-pane-NAME.png. */
async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(tmpdir(), `prodbook-pane-${name}.png`), fullPage: true });
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".css": "text/css", ".svg": "image/svg+xml", ".xml": "application/xml" };

/** dist/ on a loopback port. */
function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dist, path || "taskpane.html");
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((res) => server.listen(0, "127.0.0.1", () => res(server)));
}

async function main() {
  if (!existsSync(join(dist, "taskpane.html"))) {
    console.error("dist/taskpane.html is missing: run `npm run build` first.");
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  const harness = await buildHarness();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), "prodbook-chromium-"));
  const { chromium } = require("playwright-core");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 420, height: 900 },
  });
  const offMachine = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (OFFICE_JS.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: harness });
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || ["127.0.0.1", "localhost"].includes(u.hostname)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  const pageErrors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    const workers = [];
    page.on("worker", (w) => workers.push(w.url()));
    const pb = (fn, ...args) => page.evaluate(([f, a]) => window.__prodbook[f](...a), [fn, args]);
    await page.goto(`${base}/taskpane.html`);
    const button = (name) => page.getByRole("button", { name, exact: true });
    await button("New production").waitFor({ timeout: 30000 });
    check("the pane renders its three commands", (await button("Update budget").isVisible()) && (await button("Build schedule").isVisible()));

    const message = (re) => page.getByText(re).first().waitFor({ timeout: 60000 }).then(() => true, () => false);

    // First run: a blank workbook says what to do instead of pointing at a sheet that is not there.
    await button("Update budget").click();
    check("on a blank workbook Update budget says to press New production", await message(/No Budget table: press New production/));
    check("… and lists no problem", (await page.getByRole("button", { name: /Go to the cell/ }).count()) === 0);
    await shot(page, "first-run-light");

    await button("New production").click();
    const choices = await page.getByRole("menuitem").allInnerTexts();
    check("New production offers an empty production or the sample", choices.join("|") === "Empty production|Sample production (The Long Way Home)", choices.join("|"));
    await page.getByRole("menuitem", { name: /^Sample production/ }).click();
    check("New production reports the sample tables", await message(/Added the sample production's tables/));
    const tables = await pb("tableNames");
    check("New production made the input tables as Excel tables", ["Settings", "Accounts", "Budget", "Stripboard", "Cast"].every((t) => tables.includes(t)), tables.join(", "));

    await button("Update budget").click();
    check("Update budget reports what it wrote", await message(/^Wrote Top Sheet, Cost Report and Schedule vs Budget\.$/));
    const expected = await pb("expected");
    const used = await pb("used", "Cost Report");
    const lastRow = Number(/(\d+)$/.exec(used ?? "")?.[1] ?? 0);
    // The total row: its label in B, the budget in whichever column the layout puts Budget.
    const total = lastRow ? (await pb("values", "Cost Report", `A${lastRow}:K${lastRow}`))[0] : [];
    check("Cost Report's total is the engine's budget", total[1] === "Total production" && total.includes(expected.budget), JSON.stringify({ total, expected }));
    check("Top Sheet is there", (await pb("sheetNames")).includes("Top Sheet"));
    // The pane's figures: the engine's, worked out apart from the pane (harness `expected`).
    const budgetRegion = page.getByRole("region", { name: "Budget summary" });
    const paneFigures = await budgetRegion.locator("dd").allInnerTexts();
    check("the pane shows the grand total", paneFigures[0] === expected.grandTotal, JSON.stringify({ paneFigures, grandTotal: expected.grandTotal }));
    const overButtons = page.getByRole("list", { name: "Accounts OVER" }).getByRole("button");
    check("the pane lists every account OVER", (await overButtons.count()) === expected.over.length, `${await overButtons.count()} vs ${expected.over.length}`);
    check("the pane lists the accounts on WATCH", (await page.getByRole("list", { name: "Accounts on WATCH" }).getByRole("button").count()) === expected.watch);
    check("the budget-against-EFC chart is there with its accessible name", await page.getByRole("img", { name: /^Budget against EFC by section/ }).isVisible());
    await shot(page, "budget-light");
    const lastOver = expected.over[expected.over.length - 1];
    await overButtons.last().click();
    await page.waitForFunction((r) => window.__prodbook.selection()?.r === r, lastOver.row, { timeout: 10000 }).catch(() => undefined);
    const overSel = await pb("selection");
    check("clicking an OVER account selects its Cost Report row", overSel?.sheet === "Cost Report" && overSel.r === lastOver.row && overSel.c === 1, JSON.stringify({ overSel, lastOver }));
    check("that row is the account's", (await pb("values", "Cost Report", `A${lastOver.row}`))[0][0] === lastOver.code);
    await page.getByRole("navigation", { name: "Sheets written" }).getByRole("button", { name: "Top Sheet", exact: true }).click();
    await page.waitForFunction(() => window.__prodbook.selection()?.sheet === "Top Sheet", null, { timeout: 10000 }).catch(() => undefined);
    check("a sheet link goes to that sheet", (await pb("selection"))?.sheet === "Top Sheet");

    await button("Build schedule").click();
    check("Build schedule reports what it wrote", await message(`Wrote Schedule, DOOD and ${expected.days} call sheets.`));
    const names = await pb("sheetNames");
    const calls = names.filter((n) => /^Call D\d+$/.test(n));
    check("Schedule, DOOD and a call sheet a day are there", names.includes("Schedule") && names.includes("DOOD") && calls.length === expected.days, names.join(", "));
    check("the pane shows days, pages, dates and hold cost", await message(`${expected.schedule}.`));
    await shot(page, "schedule-light");

    // Import ledger CSV: a refused row is listed with its CSV row; nothing is added; then a good file is.
    const ledgerBefore = (await pb("table", "Ledger")).length;
    const csv = (lines) => ({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(["Posted,GL Account,Payee,Memo,Amount", ...lines].join("\n")) });
    await page.locator('input[data-file-input="importLedger"]').setInputFiles(csv(["05/17/2027,2703,Keslow Camera,Week 2,9000", "05/18/2027,9999,Nobody,Unknown,10"]));
    check("a ledger CSV with an unknown account is refused", await message(/Nothing was imported: 1 line of export\.csv was refused/));
    const refused = await page.getByRole("list", { name: "Refused (1)" }).innerText().catch(() => "");
    check("the refused row is listed with its CSV row and reason", /export\.csv row 3, GL Account: Account "9999" is not a Code in Accounts/.test(refused), refused);
    check("nothing was added to the Ledger", (await pb("table", "Ledger")).length === ledgerBefore);
    await shot(page, "ledger-refused-light");
    await page.locator('input[data-file-input="importLedger"]').setInputFiles(csv(["05/17/2027,2703,Keslow Camera,Week 2,9000"]));
    check("a good ledger CSV is appended", await message("Added 1 line of export.csv to table Ledger on sheet Ledger. Update budget to see them on the Cost Report."));
    check("the Ledger has one more line", (await pb("table", "Ledger")).length === ledgerBefore + 1);

    // An input error: nothing written, the problem listed, a click selects its cell.
    await pb("type", "Budget", "F2", "lots");
    await button("Update budget").click();
    check("an input error is reported instead of writing", await message(/Nothing was written/));
    const problem = page.getByRole("button", { name: /^Error at Budget!F2/ });
    await problem.waitFor({ timeout: 30000 }).catch(() => undefined);
    await problem.click();
    await page.waitForFunction(() => window.__prodbook.selection() !== null, null, { timeout: 10000 }).catch(() => undefined);
    const sel = await pb("selection");
    check("clicking the problem selects Budget!F2", sel?.sheet === "Budget" && sel.r === 2 && sel.c === 6, JSON.stringify(sel));
    await problem.focus();
    await shot(page, "taskpane");
    check("screenshot saved", existsSync(join(out, "taskpane.png")));

    // Optimize: a search in a Web Worker with progress; Cancel writes nothing; Apply rewrites the
    // Stripboard with fresh day breaks and keeps the old order very hidden; Restore gives it back.
    const board = await pb("table", "Stripboard");
    const undoSheet = "_Prodbook Undo";
    await page.getByLabel("Time budget").selectOption("30000");
    await button("Optimize").click();
    const running = await page
      .getByRole("progressbar", { name: /^Optimizing: Best so far/ })
      .waitFor({ timeout: 30000 })
      .then(() => true, () => false);
    check("Optimize shows progress with the best hold cost so far", running);
    check("the search runs in a Web Worker from dist/", workers.some((u) => u.startsWith(base) && /prodbook-optimizer\.js$/.test(u)), workers.join(", "));
    await button("Cancel").click();
    check("Cancel says nothing was changed", await message("Optimize was cancelled. Nothing was changed."));
    check("Cancel leaves the Stripboard as it was", JSON.stringify(await pb("table", "Stripboard")) === JSON.stringify(board));
    check("Cancel writes no undo sheet", !(await pb("sheetNames")).includes(undoSheet));

    await page.getByLabel("Time budget").selectOption("2000");
    await button("Optimize").click();
    const figures = page.getByRole("table", { name: "Before and after" });
    const shown = await figures.waitFor({ timeout: 60000 }).then(() => true, () => false);
    const rows = shown ? await figures.locator("tbody tr").allInnerTexts() : [];
    check(
      "Optimize shows hold days, hold cost, company moves and days before and after",
      rows.length === 4 && /^Hold days/.test(rows[0]) && /^Hold cost\s+\$[\d,]+\.\d\d\s+\$[\d,]+\.\d\d$/.test(rows[1]) && /^Company moves/.test(rows[2]) && /^Shooting days/.test(rows[3]),
      JSON.stringify(rows),
    );
    await shot(page, "optimize");
    check("optimize screenshot saved", existsSync(join(out, "optimize.png")));
    await button("Apply").click();
    check("Apply reports the new order", await message(/Stripboard is in the new order/));
    const applied = await pb("table", "Stripboard");
    const key = (r) => JSON.stringify(r);
    const content = (t) => t.slice(1).filter((r) => r.some((v) => v !== "") && !/^End of Day/.test(String(r[0]))).map(key).sort();
    const breaks = applied.slice(1).map((r) => String(r[0])).filter((s) => /^End of Day/.test(s));
    check("Apply changed the order of the strips", key(applied) !== key(board) && key(content(applied)) === key(content(board)));
    check(
      "Apply wrote fresh day breaks with date and pages, one a day",
      breaks.length === expected.days && breaks.every((s, i) => new RegExp(`^End of Day ${i + 1} — \\d{4}-\\d{2}-\\d{2} — \\S`).test(s)),
      breaks.slice(0, 3).join(" | "),
    );
    check("the previous order is kept on a very hidden sheet", (await pb("visibility", undoSheet)) === "VeryHidden");
    await page.getByRole("button", { name: "Restore previous order", exact: true }).waitFor({ timeout: 10000 });
    await page.waitForFunction(() => !document.querySelector("button[disabled]")?.textContent?.includes("Restore previous order"), null, { timeout: 10000 }).catch(() => undefined);
    await button("Restore previous order").click();
    check("Restore reports the old order", await message(/Stripboard is back in the order saved/));
    check("Restore gives the Stripboard back exactly", key(await pb("table", "Stripboard")) === key(board));
    check("Restore removes the undo sheet", !(await pb("sheetNames")).includes(undoSheet));

    // Office's dark theme gives Fluent's dark theme; a change of Office theme is followed.
    const darkPage = await context.newPage();
    darkPage.on("pageerror", (e) => pageErrors.push(String(e)));
    await darkPage.goto(`${base}/taskpane.html?theme=dark`);
    await darkPage.getByRole("button", { name: "New production", exact: true }).waitFor({ timeout: 30000 });
    const bodyRgb = async (p) => (await p.evaluate(() => getComputedStyle(document.body).backgroundColor).then((bg) => bg.match(/\d+/g) ?? [])).map(Number);
    const [r, g, b] = await bodyRgb(darkPage);
    check("dark Office theme gives a dark pane", r + g + b < 150, `${r},${g},${b}`);
    // Import script on a blank workbook: strips, cast and breakdown from a Fountain file read in the pane.
    const script = ["Title: Browser Test", "", "INT. KITCHEN - DAY #1#", "", "Maggie pours coffee.", "", "MAGGIE", "Morning.", "", "EXT. YARD - NIGHT #2#", "", "Danny digs. [[Props: shovel]]", "", "DANNY", "Almost there.", ""].join("\n");
    await darkPage.locator('input[data-file-input="importScript"]').setInputFiles({ name: "test.fountain", mimeType: "text/plain", buffer: Buffer.from(script) });
    const dm = (re) => darkPage.getByText(re).first().waitFor({ timeout: 60000 }).then(() => true, () => false);
    check("Import script makes the board from a Fountain file", await dm(/^test\.fountain: 2 scenes, .*Wrote the Stripboard: Settings, Stripboard, Cast \(2\), Breakdown \(1 element\)/));
    const dpb = (fn, ...args) => darkPage.evaluate(([f, a]) => window.__prodbook[f](...a), [fn, args]);
    const dTables = await dpb("tableNames");
    check("the imported board, cast and breakdown are Excel tables", ["Stripboard", "Cast", "Breakdown", "Script_Scenes"].every((t) => dTables.includes(t)), dTables.join(", "));
    const revised = script.replace("Almost there.", "Almost there.\n\nRUTH\nCome inside.").concat("\nEXT. ROAD - DAY #3#\n\nThe wagon pulls away.\n");
    await darkPage.locator('input[data-file-input="importScript"]').setInputFiles({ name: "test-blue.fountain", mimeType: "text/plain", buffer: Buffer.from(revised) });
    check("a revised script merges: scenes added, changed, omitted", await dm(/Merged into the Stripboard \(Blue revision\): 1 changed: 2; 1 new in the boneyard: 3; 0 omitted/));
    await darkPage.getByRole("button", { name: "Build schedule", exact: true }).click();
    check("the imported board builds", await dm(/^Wrote Schedule, DOOD, Elements DOOD and 2 more\./));
    await shot(darkPage, "import-schedule-dark");
    // The sample in dark, for the budget figures and chart there.
    const darkBudget = await context.newPage();
    darkBudget.on("pageerror", (e) => pageErrors.push(String(e)));
    await darkBudget.goto(`${base}/taskpane.html?theme=dark`);
    await darkBudget.getByRole("button", { name: "New production", exact: true }).click();
    await darkBudget.getByRole("menuitem", { name: /^Sample production/ }).click();
    await darkBudget.getByText(/Added the sample production's tables/).first().waitFor({ timeout: 60000 });
    await darkBudget.getByRole("button", { name: "Update budget", exact: true }).click();
    await darkBudget.getByRole("region", { name: "Budget summary" }).waitFor({ timeout: 60000 });
    await shot(darkBudget, "budget-dark");
    // Office switches to a light theme while the pane is open: the pane follows on focus (or the poll).
    await darkBudget.evaluate(() => {
      window.__prodbook.setTheme("light");
      window.dispatchEvent(new Event("focus"));
    });
    await darkBudget.waitForFunction(() => document.documentElement.dataset.theme === "light", null, { timeout: 10000 }).catch(() => undefined);
    const [r2, g2, b2] = await bodyRgb(darkBudget);
    check("the pane follows Office's theme when it changes", r2 + g2 + b2 > 600, `${r2},${g2},${b2}`);
    await darkBudget.close();
    await darkPage.close();

    check("no request left the machine", offMachine.length === 0, offMachine.join(", "));
    check("no script errors in the page", pageErrors.length === 0, pageErrors.join(" | "));
  } catch (e) {
    check("browser run", false, e instanceof Error ? e.stack : String(e));
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
