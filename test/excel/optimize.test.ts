import { CellValue, RawTable, WorkbookInput, findTable } from "../../src/core/cells";
import { BoardRows } from "../../src/core/optimize/boardRewrite";
import { optimizeStripboard } from "../../src/core/optimize/stripboardOptimizer";
import { UNDO_SHEET, parseUndoGrid } from "../../src/core/optimize/undo";
import { newProduction } from "../../src/excel/commands";
import { BOARD_SYNCS, ROLLBACK_SYNCS, applyBoardOrder, restoreBoardOrder, savedBoardOrder } from "../../src/excel/optimize";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { InMemoryExcel } from "../host/excel";
import { CellScalar, rectAddress } from "../host/model";
import { excelHost, productionOf } from "./fixtures";
import type { OfficeJsExcel } from "../officejs/host";
import { enableTableRows } from "../host/tableRows";

enableTableRows();

async function production(days: number): Promise<OfficeJsExcel> {
  const host = excelHost();
  const r = await newProduction(host, { tables: productionOf(days) });
  if (!r.ok) throw new Error(r.messages[0]?.text);
  return host;
}

const read = (host: InMemoryExcel): Promise<WorkbookInput> => host.run((ctx) => readWorkbook(ctx));
const stripboardOf = (wb: WorkbookInput): RawTable => findTable(wb, "Stripboard")!;

/** The Stripboard ListObject's body as Range.values reads it. */
function body(host: InMemoryExcel, table = "Stripboard"): CellScalar[][] {
  const t = host.wb.tableByName(table)!;
  const sheet = host.wb.sheetById(t.sheetId)!;
  return host.values(sheet.name, rectAddress({ ...t.rect, r1: t.rect.r1 + 1 }));
}

function formatsOf(host: InMemoryExcel, sheet: string, address: string): string[][] {
  const s = host.sheet(sheet);
  const out: string[][] = [];
  const values = host.values(sheet, address);
  const m = /^([A-Z]+)(\d+)/.exec(address)!;
  const firstRow = Number(m[2]);
  const firstCol = m[1].charCodeAt(0) - 64;
  values.forEach((line, i) => out.push(line.map((_, j) => s.cells.get(`${firstRow + i},${firstCol + j}`)?.numberFormat ?? "General")));
  return out;
}

/** The workbook's state, an empty unformatted cell counting as no cell (as in Excel). */
function state(host: InMemoryExcel): unknown {
  const snap = host.snapshot() as { sheets: { cells: [string, Record<string, unknown>][] }[] };
  for (const s of snap.sheets) s.cells = s.cells.filter(([, c]) => Object.values(c).some((v) => v !== undefined && v !== null));
  return snap;
}

const asCells = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v === null ? "" : v)));

function planOf(wb: WorkbookInput): BoardRows {
  const r = optimizeStripboard(wb, { timeLimitMs: 150, seed: 3 });
  if (!r.plan) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.plan.rows;
}

describe("applying an optimized Stripboard order", () => {
  test("the Stripboard takes the new order with its day breaks; the old rows go very hidden to the undo sheet", async () => {
    const host = await production(10);
    const wb = await read(host);
    const basis = stripboardOf(wb);
    const old = body(host);
    const plan = planOf(wb);
    host.resetCounters();
    const r = await applyBoardOrder(host, plan, basis, { now: () => new Date("2027-01-02T03:04:05Z") });
    expect(r).toMatchObject({ ok: true });
    expect(host.syncs).toBe(BOARD_SYNCS);
    expect(body(host)).toEqual(asCells(plan.rows));
    // 10 days of 5 strips → 10 fresh breaks "End of Day n — date — pages", in order.
    const breaks = body(host).map((r) => String(r[0])).filter((s) => s.startsWith("End of Day"));
    expect(breaks.map((s) => /^End of Day (\d+) — \d{4}-\d{2}-\d{2} — /.exec(s)?.[1])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(host.sheet(UNDO_SHEET).visibility).toBe("VeryHidden");
    const saved = parseUndoGrid(host.values(UNDO_SHEET, host.usedAddress(UNDO_SHEET)!).map((r) => r.map((v) => (v === "" ? null : v))));
    expect(saved).toMatchObject({ table: "Stripboard", sheet: "Stripboard", when: "2027-01-02T03:04:05.000Z", headers: basis.headers });
    expect(asCells(saved!.rows)).toEqual(old);
    expect(await savedBoardOrder(host)).toEqual({ exists: true, when: "2027-01-02T03:04:05.000Z", table: "Stripboard" });
  });

  test("sync counts are the same for a 10-day and a 300-day board, apply and restore", async () => {
    const counts: number[][] = [];
    for (const days of [10, 300]) {
      const host = await production(days);
      const wb = await read(host);
      const plan = planOf(wb);
      host.resetCounters();
      expect((await applyBoardOrder(host, plan, stripboardOf(wb))).ok).toBe(true);
      const apply = [host.syncs, host.keptReferences];
      host.resetCounters();
      expect((await restoreBoardOrder(host)).ok).toBe(true);
      counts.push([...apply, host.syncs, host.keptReferences, host.largestRequest() < 4.5 * 1024 * 1024 ? 1 : 0]);
    }
    // [apply syncs, ranges Excel kept, restore syncs, ranges kept, every request under 4.5 MB]
    expect(counts).toEqual([
      [BOARD_SYNCS, 0, BOARD_SYNCS, 0, 1],
      [BOARD_SYNCS, 0, BOARD_SYNCS, 0, 1],
    ]);
  });

  test("restore gives back exactly the old rows, values and number formats, and removes the undo sheet", async () => {
    const host = await production(10);
    // A date column the contract does not know: kept, and a date stays a date.
    const t = host.wb.tableByName("Stripboard")!;
    host.type("Stripboard", "L1", "Shoot By");
    t.rect = { ...t.rect, c2: 12 };
    host.sheet("Stripboard").cells.set(`${t.rect.r1 + 3},12`, { value: 46166, numberFormat: "yyyy-mm-dd" }); // row 4: 2026-05-24
    const wb = await read(host);
    const address = `A2:L${t.rect.r2}`;
    const before = { values: host.values("Stripboard", address), formats: formatsOf(host, "Stripboard", address), state: state(host) };
    const plan = planOf(wb);
    expect((await applyBoardOrder(host, plan, stripboardOf(wb))).ok).toBe(true);
    // The dated strip moved, with its date format.
    const moved = body(host).findIndex((r) => r[11] === 46166);
    expect(moved).toBeGreaterThanOrEqual(0);
    expect(host.sheet("Stripboard").cells.get(`${t.rect.r1 + 1 + moved},12`)?.numberFormat).toBe("yyyy-mm-dd");
    // Board row 4 is the 3rd data row; the undo sheet's data start on row 3, so it is undo row 5.
    expect(host.sheet(UNDO_SHEET).cells.get("5,12")?.numberFormat).toBe("yyyy-mm-dd");

    const r = await restoreBoardOrder(host);
    expect(r).toMatchObject({ ok: true });
    expect(host.values("Stripboard", address)).toEqual(before.values);
    expect(formatsOf(host, "Stripboard", address)).toEqual(before.formats);
    expect(host.sheetNames()).not.toContain(UNDO_SHEET);
    expect(state(host)).toEqual(before.state);
    expect(await savedBoardOrder(host)).toEqual({ exists: false });
    expect((await restoreBoardOrder(host)).messages[0].text).toBe("There is no saved Stripboard order to restore.");
  });

  test("text that starts with = + - @ stays text through apply and restore", async () => {
    const host = await production(10);
    const row = 3; // a strip row (scenes on rows 2-6, break on 7)
    const tricky: [string, string][] = [
      ["H", '=HYPERLINK("http://evil","click")'],
      ["K", "+1 555 0100"],
      ["J", "-"],
      ["I", "@risk"],
    ];
    for (const [col, text] of tricky) host.sheet("Stripboard").cells.set(`${row},${col.charCodeAt(0) - 64}`, { value: text, numberFormat: "@" });
    const wb = await read(host);
    const plan = planOf(wb);
    expect((await applyBoardOrder(host, plan, stripboardOf(wb))).ok).toBe(true);
    const at = body(host).findIndex((r) => r[7] === tricky[0][1]) + 2;
    expect(at).toBeGreaterThan(1);
    for (const [col, text] of tricky) {
      const cell = host.cell("Stripboard", `${col}${at}`);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
    }
    // The undo sheet holds them as text too.
    const undoCells = [...host.sheet(UNDO_SHEET).cells.values()];
    expect(undoCells.some((c) => c.formula !== undefined)).toBe(false);
    expect(undoCells.filter((c) => c.value === tricky[0][1])).toHaveLength(1);
    expect((await restoreBoardOrder(host)).ok).toBe(true);
    for (const [col, text] of tricky) expect(host.cell("Stripboard", `${col}${row}`)).toMatchObject({ value: text, formula: undefined });
  });

  // Ops are counted per kind so each case fails the first matching one, midway through the request.
  let count = 0;
  test.each([
    ["adding table rows", (op: { path: string; name: string }) => op.name === "rows.add"],
    ["writing the board's values", (op: { path: string; name: string }) => op.name === "formulas" && op.path.startsWith('ws("Stripboard")')],
    ["writing the undo sheet", (op: { path: string; name: string }) => op.name === "formulas" && op.path.includes(UNDO_SHEET)],
    ["hiding the undo sheet", (op: { path: string; name: string }) => op.name === "visibility"],
  ])("a failure while %s leaves the workbook exactly as it was", async (_what, match) => {
    const host = await production(10);
    const wb = await read(host);
    // The optimizer's order and an empty day more, so rows.add is in the request too.
    const found = planOf(wb);
    const plan: BoardRows = { headers: found.headers, rows: [...found.rows, ["End of Day 11", ...Array(10).fill(null)]] };
    expect(plan.rows.length).toBe(body(host).length + 1);
    const before = state(host);
    count = 0;
    host.failOn = (op) => match(op) && ++count === 1;
    host.resetCounters();
    const r = await applyBoardOrder(host, plan, stripboardOf(wb));
    host.failOn = undefined;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/^Nothing was changed: writing the new order failed \(GeneralException/);
    expect(host.syncs).toBe(BOARD_SYNCS + ROLLBACK_SYNCS);
    expect(state(host)).toEqual(before);
  });

  test("a failed second apply puts the first saved order back on the undo sheet", async () => {
    const host = await production(10);
    let wb = await read(host);
    expect((await applyBoardOrder(host, planOf(wb), stripboardOf(wb))).ok).toBe(true);
    wb = await read(host);
    const now = stripboardOf(wb);
    // Another order of the same rows (strips, banners and breaks all kept).
    const reversed: BoardRows = { headers: now.headers, rows: [...now.rows].reverse() };
    const before = state(host);
    let n = 0;
    host.failOn = (op) => op.name === "formulas" && op.path.startsWith('ws("Stripboard")') && ++n === 1;
    const r = await applyBoardOrder(host, reversed, stripboardOf(wb));
    host.failOn = undefined;
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/^Nothing was changed/);
    expect(state(host)).toEqual(before);
  });

  test("a failure while restoring leaves the optimized board and the saved order in place", async () => {
    const host = await production(10);
    const wb = await read(host);
    const found = planOf(wb);
    // One row fewer than now, so the restore has to add a table row back.
    const firstBreak = found.rows.findIndex((r) => String(r[0]).startsWith("End of Day"));
    const plan: BoardRows = { headers: found.headers, rows: found.rows.filter((_, k) => k !== firstBreak) };
    expect((await applyBoardOrder(host, plan, stripboardOf(wb))).ok).toBe(true);
    const before = state(host);
    let n = 0;
    host.failOn = (op) => op.name === "formulas" && op.path.startsWith('ws("Stripboard")') && ++n === 1;
    host.resetCounters();
    const r = await restoreBoardOrder(host);
    host.failOn = undefined;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(r.messages[0].text).toMatch(/^Nothing was changed: restoring the order failed/);
    expect(host.syncs).toBe(BOARD_SYNCS + ROLLBACK_SYNCS);
    expect(state(host)).toEqual(before);
    expect((await restoreBoardOrder(host)).ok).toBe(true); // and it still restores afterwards
  });

  test("restore refuses to undo edits made to strips since the order was saved", async () => {
    const host = await production(10);
    const wb = await read(host);
    expect((await applyBoardOrder(host, planOf(wb), stripboardOf(wb))).ok).toBe(true);
    const strip = body(host).findIndex((r) => !String(r[0]).startsWith("End of Day")) + 2;
    host.type("Stripboard", `H${strip}`, "Rewritten after optimizing");
    const before = state(host);
    const r = await restoreBoardOrder(host);
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/^A strip or banner has changed since the order was saved, and restoring would undo those edits: nothing was changed/);
    expect(state(host)).toEqual(before);
    expect(await savedBoardOrder(host)).toMatchObject({ exists: true }); // still there to restore once the edit is undone
  });

  test("a Stripboard changed since Optimize read it is not overwritten", async () => {
    const host = await production(10);
    const wb = await read(host);
    const plan = planOf(wb);
    host.type("Stripboard", "H2", "A new description");
    const before = state(host);
    const r = await applyBoardOrder(host, plan, stripboardOf(wb));
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toBe("Stripboard has changed since Optimize read it, so nothing was changed: click Optimize again.");
    expect(state(host)).toEqual(before);
  });

  test("a plan that lost a strip is refused", async () => {
    const host = await production(10);
    const wb = await read(host);
    const plan = planOf(wb);
    const i = plan.rows.findIndex((r) => !String(r[0]).startsWith("End of Day"));
    const r = await applyBoardOrder(host, { headers: plan.headers, rows: plan.rows.filter((_, k) => k !== i) }, stripboardOf(wb));
    expect(r.ok).toBe(false);
    expect(r.messages[0].text).toMatch(/does not hold exactly the strips and banners/);
  });

  test("a table shrinks by deleting rows from the bottom; cells below the table move with it", async () => {
    const host = await production(10);
    const wb = await read(host);
    const basis = stripboardOf(wb);
    // Two days merged into one: one break row fewer. 10 days × 6 rows = 60 body rows → 59.
    const firstBreak = basis.rows.findIndex((r) => String(r[0]).startsWith("End of Day"));
    const rows = basis.rows.filter((_, k) => k !== firstBreak);
    const t = host.wb.tableByName("Stripboard")!;
    const below = t.rect.r2 + 2;
    host.type("Stripboard", `A${below}`, "Note under the board");
    expect((await applyBoardOrder(host, { headers: basis.headers, rows }, basis)).ok).toBe(true);
    expect(t.rect.r2 - t.rect.r1).toBe(59);
    expect(body(host)).toEqual(asCells(rows));
    expect(host.value("Stripboard", `A${below - 1}`)).toBe("Note under the board");
    expect((await restoreBoardOrder(host)).ok).toBe(true);
    expect(t.rect.r2 - t.rect.r1).toBe(60);
    expect(host.value("Stripboard", `A${below}`)).toBe("Note under the board");
    expect(body(host)).toEqual(asCells(basis.rows));
  });
});

describe("a Stripboard that is a plain sheet (no Excel table)", () => {
  function sheetBoard(): InMemoryExcel {
    const host = excelHost();
    const tables = productionOf(3);
    for (const t of tables) host.seedTable(t.name, t.name === "Stripboard" ? null : t.name.replace(/ /g, "_"), "A1", [t.headers, ...t.rows.map((r) => r.map((v) => (v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v)))]);
    return host;
  }

  test("grows and shrinks in place, and restores exactly", async () => {
    const host = sheetBoard();
    const wb = await read(host);
    const basis = stripboardOf(wb);
    expect(basis.name).toBe("Stripboard");
    expect(host.wb.tableByName("Stripboard")).toBeUndefined();
    const address = `A1:K${basis.rows.length + 1}`;
    const before = { values: host.values("Stripboard", "A1:K30"), formats: formatsOf(host, "Stripboard", address), state: state(host) };
    // Shrink: the last break goes (a board may end without one); 18 body rows (2-19) → 17 (2-18).
    const rows = basis.rows.slice(0, -1);
    expect((await applyBoardOrder(host, { headers: basis.headers, rows }, basis)).ok).toBe(true);
    expect(host.usedAddress("Stripboard")).toBe("A1:K18");
    expect(host.values("Stripboard", "A2:K18")).toEqual(asCells(rows));
    expect((await restoreBoardOrder(host)).ok).toBe(true);
    expect(host.values("Stripboard", "A1:K30")).toEqual(before.values);
    expect(state(host)).toEqual(before.state);

    // Grow: an empty fourth day at the end; 18 rows → 19.
    const wb2 = await read(host);
    const grown = [...basis.rows, ["End of Day 4", ...Array(10).fill(null)]];
    expect((await applyBoardOrder(host, { headers: basis.headers, rows: grown }, stripboardOf(wb2))).ok).toBe(true);
    expect(host.values("Stripboard", "A2:K20")).toEqual(asCells(grown));
    expect(host.usedAddress("Stripboard")).toBe("A1:K20");
    expect((await restoreBoardOrder(host)).ok).toBe(true);
    expect(host.values("Stripboard", "A1:K30")).toEqual(before.values);
    expect(formatsOf(host, "Stripboard", address)).toEqual(before.formats);
    // Row 20, emptied again, keeps the text format it was given (contents are cleared, not formats).
    expect(host.cell("Stripboard", "A20")).toEqual({ numberFormat: "@", value: undefined, formula: undefined });
  });

  test("a failure midway leaves the sheet as it was", async () => {
    const host = sheetBoard();
    const wb = await read(host);
    const plan = planOf(wb);
    const before = state(host);
    let n = 0;
    host.failOn = (op) => op.name === "formulas" && op.path.startsWith('ws("Stripboard")') && ++n === 1;
    const r = await applyBoardOrder(host, plan, stripboardOf(wb));
    host.failOn = undefined;
    expect(r.ok).toBe(false);
    expect(state(host)).toEqual(before);
  });
});
