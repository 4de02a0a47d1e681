/**
 * Table rows for the in-memory Excel host: `table.rows.add(index,
 * values)` (ExcelApi 1.1, several rows 1.4) and `table.rows.getItemAt(i).delete()` (1.1), with
 * Excel's rules: the cells below the table, in the table's columns, shift down or up; a table below
 * that spans only part of those columns refuses the shift; new rows take the number format of the
 * row above them, and their values are read as `values` reads them (text starting with = is a
 * formula unless the cell is "@"). Queued and applied at sync like every other operation, so
 * `failOn` can fail them (names "rows.add" and "rows.delete").
 *
 * Installed by `enableTableRows()` on the host's proxy classes; idempotent.
 */
import { InMemoryExcel } from "./excel";
import { Cell, HostError, SheetModel, TableModel, WorkbookModel, cellAt, interpretInput, key, rectsOverlap } from "./model";

interface TableProxyLike {
  context: { host: InMemoryExcel };
  _path: string;
  _call(name: string, args: unknown, run: (t: TableModel) => void): void;
}

let installed = false;

/** Moves the cells at rows ≥ from, in columns c1..c2, by `by` rows (negative = up). */
function shiftCells(sheet: SheetModel, from: number, c1: number, c2: number, by: number): void {
  const moving: [number, number, Cell][] = [];
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(",").map(Number);
    if (r >= from && c >= c1 && c <= c2) moving.push([r, c, cell]);
  }
  for (const [r, c] of moving) sheet.cells.delete(key(r, c));
  for (const [r, c, cell] of moving) sheet.cells.set(key(r + by, c), cell);
}

/** Tables and merges below `from` must lie inside c1..c2 to move with the shift, as Excel requires. */
function shiftOthers(wb: WorkbookModel, table: TableModel, sheet: SheetModel, from: number, by: number): void {
  const { c1, c2 } = table.rect;
  const below = { r1: from, c1, r2: 1_048_576, c2 };
  for (const t of wb.tables) {
    if (t === table || t.sheetId !== sheet.id || !rectsOverlap(t.rect, below)) continue;
    if (t.rect.c1 < c1 || t.rect.c2 > c2 || t.rect.r1 < from) {
      throw new HostError("InvalidOperation", "This operation is not allowed: it would shift cells in a table on the worksheet");
    }
  }
  for (const m of sheet.merges) {
    if (rectsOverlap(m, below) && (m.c1 < c1 || m.c2 > c2 || m.r1 < from)) {
      throw new HostError("InvalidOperation", "This operation would shift part of a merged cell");
    }
  }
  for (const t of wb.tables) {
    if (t !== table && t.sheetId === sheet.id && rectsOverlap(t.rect, below)) t.rect = { ...t.rect, r1: t.rect.r1 + by, r2: t.rect.r2 + by };
  }
  sheet.merges = sheet.merges.map((m) => (rectsOverlap(m, below) ? { ...m, r1: m.r1 + by, r2: m.r2 + by } : m));
}

function addRows(wb: WorkbookModel, t: TableModel, index: number | null | undefined, values: unknown): void {
  const sheet = wb.sheetById(t.sheetId)!;
  const { r1, c1, c2 } = t.rect;
  const width = c2 - c1 + 1;
  const bodyRows = t.rect.r2 - t.rect.r1;
  const rows: unknown[][] = Array.isArray(values) ? (values as unknown[][]) : [Array.from({ length: width }, () => values ?? "")];
  if (!rows.length || rows.some((r) => !Array.isArray(r) || r.length !== width)) {
    throw new HostError("InvalidArgument", `rows.add needs rows of ${width} values`);
  }
  const at = index === null || index === undefined || index === -1 ? bodyRows : index;
  if (!Number.isInteger(at) || at < 0 || at > bodyRows) throw new HostError("InvalidArgument", `Row index ${index} is outside the table`);
  const first = r1 + 1 + at;
  shiftOthers(wb, t, sheet, first, rows.length);
  shiftCells(sheet, first, c1, c2, rows.length);
  t.rect = { ...t.rect, r2: t.rect.r2 + rows.length };
  // Excel extends the column's formatting: each new cell takes the number format of the row above.
  const formatAbove = (c: number) => (first - 1 > r1 ? sheet.cells.get(key(first - 1, c))?.numberFormat : undefined);
  rows.forEach((line, i) =>
    line.forEach((v, j) => {
      const c = c1 + j;
      const nf = formatAbove(c);
      const x = interpretInput(v, nf);
      if (nf === undefined && x.value === undefined && x.formula === undefined) return;
      const cell = cellAt(sheet, first + i, c, true);
      cell.numberFormat = nf;
      cell.value = x.value;
      cell.formula = x.formula;
    }),
  );
}

function deleteRow(wb: WorkbookModel, t: TableModel, index: number): void {
  const sheet = wb.sheetById(t.sheetId)!;
  const bodyRows = t.rect.r2 - t.rect.r1;
  if (!Number.isInteger(index) || index < 0 || index >= bodyRows) throw new HostError("InvalidArgument", `There is no row ${index} in ${t.name}`);
  const row = t.rect.r1 + 1 + index;
  const { c1, c2 } = t.rect;
  for (let c = c1; c <= c2; c++) sheet.cells.delete(key(row, c));
  if (bodyRows === 1) return; // a table keeps one (now empty) body row
  shiftOthers(wb, t, sheet, row + 1, -1);
  shiftCells(sheet, row + 1, c1, c2, -1);
  t.rect = { ...t.rect, r2: t.rect.r2 - 1 };
}

/** Adds `rows` to the host's Table proxies. */
export function enableTableRows(): void {
  if (installed) return;
  installed = true;
  const probe = new InMemoryExcel();
  let proto: object | undefined;
  // run() calls the batch synchronously up to its first await: the prototype is known on return.
  void probe.run(async (ctx) => {
    proto = Object.getPrototypeOf(ctx.workbook.tables.getItem("Probe"));
  });
  if (!proto) throw new Error("Could not reach the in-memory host's Table class");
  Object.defineProperty(proto, "rows", {
    configurable: true,
    get(this: TableProxyLike) {
      return rowsOf(this);
    },
  });
}

/** TableRowCollection: add and getItemAt(i).delete(), queued on the table's proxy. */
function rowsOf(table: TableProxyLike) {
  return {
    add(index?: number | null, values?: unknown) {
      table._call("rows.add", [index ?? null, values ?? null], (t) => addRows(table.context.host.wb, t, index, values));
      return {};
    },
    getItemAt(index: number) {
      return {
        delete() {
          table._call("rows.delete", index, (t) => deleteRow(table.context.host.wb, t, index));
        },
      };
    },
  };
}
