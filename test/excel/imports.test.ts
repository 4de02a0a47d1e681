import { buildSchedule, newProduction, updateBudget } from "../../src/excel/commands";
import { importLedgerCsv, importScriptFile } from "../../src/excel/imports";
import { TABLE_WRITE_REQUESTS } from "../../src/excel/inputTables";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { findTable } from "../../src/core/cells";
import { runEngine } from "../../src/core/engine";
import type { OfficeJsExcel } from "../officejs/host";
import { excelHost } from "./fixtures";
import { enableTableRows } from "../host/tableRows";

enableTableRows(); // table.rows.add, which the imports use to grow a table

const now = () => new Date("2027-05-05T12:00:00Z"); // a Wednesday: the next Monday is 2027-05-10

/** Three numbered scenes; the revision changes 2 (Ruth now speaks), drops 3 and adds 4. */
const draft = `Title: Test Show

INT. KITCHEN - DAY #1#

Maggie pours coffee.

MAGGIE
Morning.

EXT. YARD - NIGHT #2#

Danny digs.

DANNY
Almost there.

INT. BARN - DAY #3#

Empty stalls.
`;
const revised = draft
  .replace("DANNY\nAlmost there.\n", "DANNY\nAlmost there.\n\nRUTH\nCome inside.\n")
  .replace(/INT\. BARN[\s\S]*$/, "EXT. ROAD - DAY #4#\n\nThe wagon pulls away.\n");

function bigScript(scenes: number): string {
  return Array.from({ length: scenes }, (_, i) => `INT. ROOM ${i + 1} - DAY #${i + 1}#\n\nSomeone waits.\n\nMAGGIE\nLine ${i}.\n`).join("\n");
}

async function syncsOf(host: OfficeJsExcel, f: () => Promise<unknown>): Promise<number> {
  const before = host.syncs;
  await f();
  return host.syncs - before;
}

describe("Import script in the pane", () => {
  test("a blank workbook gets Settings, Stripboard, Cast, Breakdown and Script Scenes as Excel tables", async () => {
    const host = excelHost();
    const r = await importScriptFile(host, { name: "test.fountain", text: draft }, { now });
    expect(r.messages[0].text).toMatch(/^test\.fountain: 3 scenes, .* 2 speaking or marked characters\. Wrote the Stripboard: Settings, Stripboard, Cast \(2\), Breakdown/);
    expect(r.ok).toBe(true);
    expect(host.wb.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Settings", "Stripboard", "Cast", "Breakdown", "Script_Scenes"]));
    // Scene numbers stay text; Start Date is the Monday after 5 May 2027: serial 46517 (2027-05-10).
    expect(host.value("Stripboard", "A2")).toBe("1");
    expect(host.value("Settings", "B3")).toBe(46517);
    const wb = await host.run((ctx) => readWorkbook(ctx));
    expect(runEngine(wb).problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(findTable(wb, "Cast")!.rows.map((row) => row[1])).toEqual(["MAGGIE", "DANNY"]);
  });

  test("a revised script merges: one added to the boneyard, one changed, one omitted, never deleted", async () => {
    const host = excelHost();
    await importScriptFile(host, { name: "test.fountain", text: draft }, { now });
    const r = await importScriptFile(host, { name: "test-blue.fountain", text: revised }, { now });
    expect(r.messages[0].text).toMatch(/Merged/);
    expect(r.ok).toBe(true);
    expect(r.messages[0].text).toMatch(/Merged into the Stripboard \(Blue revision\): 1 changed: 2; 1 new in the boneyard: 4; 1 omitted: 3; 1 unchanged/);
    expect(r.details?.map((d) => d.title)).toEqual(["Added to the boneyard (1)", "Changed (1)", "Omitted (1)"]);
    const wb = await host.run((ctx) => readWorkbook(ctx));
    const board = findTable(wb, "Stripboard")!;
    const scenes = board.rows.map((row) => String(row[0] ?? ""));
    expect(scenes).toEqual(expect.arrayContaining(["1", "2", "3", "Boneyard", "4"]));
    expect(findTable(wb, "Cast")!.rows.map((row) => row[1])).toEqual(["MAGGIE", "DANNY", "RUTH"]);
  });

  test("syncs are the same for 3 scenes and 400", async () => {
    const small = excelHost();
    const big = excelHost();
    const a = await syncsOf(small, () => importScriptFile(small, { name: "a.fountain", text: draft }, { now }));
    const b = await syncsOf(big, () => importScriptFile(big, { name: "b.fountain", text: bigScript(400) }, { now }));
    // read (2) + locate (2) + writes + activate (1): requests office.js sends. A sync with nothing
    // queued sends none (ClientRequestContext.syncPrivate returns when !req.hasActions), so a small
    // import may need fewer, never more; no range is kept, so Excel.run sends no release request.
    expect(b).toBeLessThanOrEqual(2 + 2 + TABLE_WRITE_REQUESTS + 1);
    expect(a).toBe(b); // 7 and 7 through office.js 1.1.110: two of the syncs have nothing queued at either size
    expect([small.keptReferences, big.keptReferences]).toEqual([0, 0]);
  });

  test("a file that is not a script writes nothing", async () => {
    const host = excelHost();
    const r = await importScriptFile(host, { name: "notes.fountain", text: "Just some notes, no scene headings.\n" }, { now });
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/has no scene headings/);
    expect(host.wb.tables).toEqual([]);
  });
});

describe("Import ledger CSV in the pane", () => {
  const csv = ["Posted,GL Account,Payee,Memo,Amount,PO Number", "05/17/2027,2703,Keslow Camera,Invoice KC-2290 week 2,9000,1043", "05/18/2027,3404,Tasty Craft Catering,Shoot week 1,4125.50,"].join("\n");

  test("lines are appended to the Ledger; the same file again adds nothing", async () => {
    const host = excelHost();
    await newProduction(host);
    const before = findTable(await host.run((ctx) => readWorkbook(ctx)), "Ledger")!.rows.length;
    const r = await importLedgerCsv(host, { name: "export.csv", text: csv });
    expect(r.messages[0].text).toBe("Added 2 lines of export.csv to table Ledger on sheet Ledger. Update budget to see them on the Cost Report.");
    const ledger = findTable(await host.run((ctx) => readWorkbook(ctx)), "Ledger")!;
    expect(ledger.rows.length).toBe(before + 2);
    const last = ledger.rows[ledger.rows.length - 1];
    // 2027-05-18 as a date, the account as text, 4,125.50 exact, Actual when the CSV has no Type.
    expect(last.slice(0, 7)).toEqual([new Date("2027-05-18T00:00:00Z"), "3404", "Tasty Craft Catering", "Shoot week 1", 4125.5, "Actual", null]);
    const again = await importLedgerCsv(host, { name: "export.csv", text: csv });
    expect(again.messages[0].text).toBe("Nothing to add from export.csv; 2 already in the Ledger, skipped.");
    expect(findTable(await host.run((ctx) => readWorkbook(ctx)), "Ledger")!.rows.length).toBe(before + 2);
  });

  test("an unknown account refuses the file, naming the CSV row; nothing is written", async () => {
    const host = excelHost();
    await newProduction(host);
    const bad = csv + "\n05/19/2027,9999,Someone,Mystery,10,";
    const before = host.values("Ledger", "A1:G60");
    const r = await importLedgerCsv(host, { name: "export.csv", text: bad });
    expect(r.ok).toBe(false);
    expect(r.details?.[0].title).toBe("Refused (1)");
    expect(r.details?.[0].items[0]).toMatch(/^ERROR export\.csv row 4, GL Account: Account "9999" is not a Code in Accounts/);
    expect(host.values("Ledger", "A1:G60")).toEqual(before);
  });

  test("a blank workbook is told to make a Ledger", async () => {
    const r = await importLedgerCsv(excelHost(), { name: "export.csv", text: csv });
    expect(r.messages[0].text).toMatch(/^No Ledger table: press New production/);
  });
});

describe("Import ledger CSV: syncs", () => {
  test("the same for 2 lines and 3,000", async () => {
    const lines = (n: number) => ["Date,Account,Vendor,Description,Amount", ...Array.from({ length: n }, (_, i) => `2027-05-${String((i % 28) + 1).padStart(2, "0")},2703,Vendor ${i},Line ${i},${i + 1}.25`)].join("\n");
    const a = excelHost();
    const b = excelHost();
    await newProduction(a);
    await newProduction(b);
    const sa = await syncsOf(a, () => importLedgerCsv(a, { name: "a.csv", text: lines(2) }));
    const sb = await syncsOf(b, () => importLedgerCsv(b, { name: "b.csv", text: lines(3000) }));
    // read (2) + locate (2) + writes, as requests office.js sends (an empty sync sends none, so
    // 2 lines need fewer); no range kept, so no release request at the end of Excel.run
    expect(sb).toBe(2 + 2 + TABLE_WRITE_REQUESTS);
    expect(sa).toBeLessThanOrEqual(sb);
    expect([a.keptReferences, b.keptReferences]).toEqual([0, 0]);
    expect(b.largestRequest()).toBeLessThan(4.5 * 1024 * 1024);
  });
});

describe("first run", () => {
  test("on a blank workbook Update budget and Build schedule say what to do, with no problem to click", async () => {
    const host = excelHost();
    const budget = await updateBudget(host);
    expect(budget.problems).toEqual([]);
    expect(budget.messages[0].text).toMatch(/^No Budget table: press New production/);
    const schedule = await buildSchedule(host);
    expect(schedule.problems).toEqual([]);
    expect(schedule.messages[0].text).toMatch(/^No Stripboard table: press New production/);
  });

  test("the empty production: tables with headers, a chart of accounts by level, US payroll fringes", async () => {
    const host = excelHost();
    const r = await newProduction(host, { kind: "empty", now });
    expect(r.ok).toBe(true);
    expect(r.messages[0].text).toMatch(/^Started an empty production/);
    const wb = await host.run((ctx) => readWorkbook(ctx));
    const accounts = findTable(wb, "Accounts")!;
    const sections = accounts.rows.filter((row) => row[2] === null).map((row) => [row[0], row[3]]);
    expect(sections).toEqual([["1000", "ATL"], ["2000", "BTL"], ["4000", "Post"], ["5000", "Other"]]);
    expect(findTable(wb, "Fringes")!.rows.map((row) => row[0])).toEqual(["FICA", "MED", "FUI", "SUI", "WC"]);
    // Start Date: the Monday on or after 5 May + 28 days = Mon 7 June 2027, serial 46545.
    expect(host.value("Settings", "B4")).toBe(46545);
    // Update budget on it: a zero budget, written without errors.
    const budget = await updateBudget(host);
    expect(budget.ok).toBe(true);
    expect(budget.summary?.budget).toMatchObject({ grandTotal: 0, efc: 0, over: [], watch: [] });
  });
});
