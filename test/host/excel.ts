/**
 * A faithful in-memory Excel JavaScript API for tests: `run(ctx => …)`, proxies whose properties
 * throw PropertyNotLoaded until loaded AND synced, writes queued until `sync()` and applied in
 * order (an error stops the batch, earlier operations stay applied, as in Excel), null objects,
 * requests measured as JSON and refused over Excel on the web's 5 MB, objects unusable after
 * their `run` ends, and API sets above `apiVersion` failing with ApiNotFound.
 */
import {
  Cell,
  CellFormat,
  CellScalar,
  HostError,
  Rect,
  SheetModel,
  StoredConditionalFormat,
  TableModel,
  WorkbookModel,
  cellAt,
  checkTableName,
  contains,
  interpretInput,
  key,
  parseRect,
  quoteSheet,
  rectAddress,
  rectsOverlap,
  splitSheet,
  usedRect,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  MAX_ROWS,
} from "./model";
import { evaluateFormula } from "./formula";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface RequestRecord {
  /** JSON size of the queued operations sent by one sync(). */
  bytes: number;
  /** JSON size of the loaded values it returned. */
  responseBytes: number;
  operations: number;
  calculationSuspended?: boolean;
  screenUpdatingSuspended?: boolean;
}

interface Action {
  path: string;
  name: string;
  bytes: number;
  run: () => (() => void) | void;
}

type Loadable = { get: (o: never) => unknown; set?: (o: never, v: never, ctx: Ctx) => void };

/** Everything a test needs to drive and inspect the fake Excel. */
export class InMemoryExcel {
  wb: WorkbookModel;
  requests: RequestRecord[] = [];
  untracked = 0;
  /** Highest ExcelApi set supported, as major*100+minor (1.9 → 109). */
  apiVersion = 109;
  payloadLimit = PAYLOAD_LIMIT;
  /** Makes the matching operation fail at sync, as a lost connection or a locked sheet would. */
  failOn?: (op: { path: string; name: string }) => boolean;
  calculationSuspended = 0;
  screenUpdatingSuspended = 0;

  constructor(firstSheet: string | null = "Sheet1") {
    this.wb = new WorkbookModel(firstSheet);
  }

  get syncs(): number {
    return this.requests.length;
  }

  resetCounters(): void {
    this.requests = [];
    this.untracked = 0;
  }

  largestRequest(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    if (name !== "ExcelApi") return false;
    const [maj, min] = version.split(".").map(Number);
    return maj * 100 + (min || 0) <= this.apiVersion;
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(this);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  private serverCtx?: Ctx;

  /** The workbook side's context for the office.js harness: one for the host's life (reference ids outlive requests). */
  serverContext(): Ctx {
    if (!this.serverCtx) {
      this.serverCtx = new Ctx(this);
    }
    return this.serverCtx;
  }

  /** Ends a request office.js sent: suspensions last until the next sync, that is, this request. */
  endServerRequest(): { calculationSuspended: boolean; screenUpdatingSuspended: boolean } {
    const out = { calculationSuspended: this.calculationSuspended > 0, screenUpdatingSuspended: this.screenUpdatingSuspended > 0 };
    this.calculationSuspended = 0;
    this.screenUpdatingSuspended = 0;
    return out;
  }

  // ---- inspection helpers for tests (not part of the Excel API) ----

  sheet(name: string): SheetModel {
    const s = this.wb.sheetByName(name);
    if (!s) throw new Error(`No sheet ${name}; sheets: ${this.wb.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }

  /** Values as Range.values reads them. */
  values(sheet: string, address: string): CellScalar[][] {
    const s = this.sheet(sheet);
    const r = parseRect(address);
    const out: CellScalar[][] = [];
    for (let row = r.r1; row <= r.r2; row++) {
      const line: CellScalar[] = [];
      for (let c = r.c1; c <= r.c2; c++) line.push(this.wb.valueAt(s, row, c));
      out.push(line);
    }
    return out;
  }

  value(sheet: string, address: string): CellScalar {
    return this.values(sheet, address)[0][0];
  }

  cell(sheet: string, address: string): Cell | undefined {
    const r = parseRect(address);
    return cellAt(this.sheet(sheet), r.r1, r.c1);
  }

  usedAddress(sheet: string): string | undefined {
    const r = usedRect(this.sheet(sheet), true);
    return r ? rectAddress(r) : undefined;
  }

  /** The format conditional formats give a cell now (they are evaluated on today's values). */
  conditionalFormatAt(sheet: string, address: string): Omit<StoredConditionalFormat, "rect" | "formula"> | undefined {
    const s = this.sheet(sheet);
    const { r1: r, c1: c } = parseRect(address);
    for (const cf of s.conditionalFormats) {
      if (!contains(cf.rect, r, c)) continue;
      const v = evaluateFormula(cf.formula, { wb: this.wb, sheet: s, depth: 0, dr: r - cf.rect.r1, dc: c - cf.rect.c1 });
      if (v === true || (typeof v === "number" && v !== 0)) return { fill: cf.fill, fontColor: cf.fontColor, bold: cf.bold };
    }
    return undefined;
  }

  /** Seeds a table the way a user would make one: values typed in, then Insert > Table. */
  seedTable(sheetName: string, tableName: string | null, topLeft: string, rows: (CellScalar | null)[][]): void {
    const s = this.wb.sheetByName(sheetName) ?? this.wb.addSheet(sheetName);
    const { r1, c1 } = parseRect(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        const cell = cellAt(s, r1 + i, c1 + j, true);
        Object.assign(cell, typeof v === "string" && /^[=+\-@]/.test(v) ? { value: v, numberFormat: "@" } : { value: v });
      }),
    );
    if (tableName) {
      const width = Math.max(...rows.map((r) => r.length));
      this.wb.addTable(s, { r1, c1, r2: r1 + rows.length - 1, c2: c1 + width - 1 }, tableName);
    }
  }

  /** A user typing into a cell (text that looks like a number stays as Excel would take it). */
  type(sheet: string, address: string, input: CellScalar): void {
    const s = this.sheet(sheet);
    const { r1, c1 } = parseRect(address);
    const cell = cellAt(s, r1, c1, true);
    const v = interpretInput(input, cell.numberFormat);
    cell.value = v.value;
    cell.formula = v.formula;
    if (v.numberFormat) cell.numberFormat = v.numberFormat;
  }

  /** A deep copy of the workbook's state, to compare before and after a failed write. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify(this.wb, (k, v: unknown) => k === "nextId" ? undefined : (v instanceof Map ? [...v.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) : v)),
    );
  }
}

export class Ctx {
  queue: Action[] = [];
  closed = false;
  private nullables: ProxyBase<unknown>[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = {
    add: () => undefined,
    remove: () => {
      this.host.untracked++;
    },
  };

  constructor(readonly host: InMemoryExcel) {
    this.workbook = new WorkbookProxy(this, "wb", () => host.wb);
    this.application = this.workbook.application;
  }

  check(): void {
    if (this.closed) throw new HostError("InvalidObjectPath", "The object was used outside the Excel.run that made it");
  }

  enqueue(path: string, name: string, args: unknown, run: Action["run"]): void {
    this.check();
    const bytes = JSON.stringify({ p: path, n: name, a: args ?? null }).length + 1;
    this.queue.push({ path, name, bytes, run });
  }

  /**
   * The workbook side's way to run one operation at once (synchronously): `f` queues proxy
   * operations, which run now, in order, with anything they queue in turn; then null objects resolve.
   */
  runNow<T>(f: () => T): T {
    const before = globalThisHost;
    globalThisHost = this.host;
    try {
      const out = f();
      while (this.queue.length) {
        const queue = this.queue;
        this.queue = [];
        for (const a of queue) {
          if (this.host.failOn?.({ path: a.path, name: a.name })) {
            throw new HostError("GeneralException", `An internal error has occurred (injected at ${a.name} on ${a.path})`);
          }
          const commit = a.run();
          if (typeof commit === "function") commit();
        }
      }
      const nullables = this.nullables;
      this.nullables = [];
      for (const p of nullables) p._resolveNull();
      return out;
    } finally {
      this.queue = [];
      globalThisHost = before;
    }
  }

  registerNullable(p: ProxyBase<unknown>): void {
    this.nullables.push(p);
  }

  async sync(): Promise<void> {
    this.check();
    const queue = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    const bytes = queue.reduce((s, a) => s + a.bytes, 2);
    const record: RequestRecord = { bytes, responseBytes: 0, operations: queue.length };
    this.host.requests.push(record);
    await Promise.resolve();
    if (bytes > this.host.payloadLimit) {
      throw new HostError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit`);
    }
    const commits: (() => void)[] = [];
    for (const a of queue) {
      if (this.host.failOn?.({ path: a.path, name: a.name })) {
        throw new HostError("GeneralException", `An internal error has occurred (injected at ${a.name} on ${a.path})`);
      }
      const commit = a.run();
      if (typeof commit === "function") commits.push(commit);
    }
    // Suspensions last until the next sync only; record that this request ran under them.
    record.calculationSuspended = this.host.calculationSuspended > 0;
    record.screenUpdatingSuspended = this.host.screenUpdatingSuspended > 0;
    this.host.calculationSuspended = 0;
    this.host.screenUpdatingSuspended = 0;
    for (const p of nullables) p._resolveNull();
    const sizes = commits.map((c) => (c as unknown as { size?: number }).size ?? 0);
    record.responseBytes = sizes.reduce((s, x) => s + x, 0);
    if (record.responseBytes > this.host.payloadLimit) {
      throw new HostError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit`);
    }
    for (const c of commits) c();
  }
}

/** Base of every proxy: lazy binding to a model object, load/sync semantics, null objects. */
export class ProxyBase<T> {
  _loaded = new Map<string, unknown>();
  _isNull?: boolean;
  private _bound?: T;

  constructor(
    readonly context: Ctx,
    readonly _path: string,
    private readonly _resolver: () => T | null,
    readonly _nullable = false,
  ) {
    if (_nullable) context.registerNullable(this as ProxyBase<unknown>);
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw new HostError("PropertyNotLoaded", `isNullObject of ${this._path} is not known until context.sync()`);
    return this._isNull;
  }

  _resolveNull(): void {
    try {
      this._isNull = this._tryObj() === null;
    } catch {
      this._isNull = true;
    }
  }

  /** The model object, bound on first use; ItemNotFound when it does not (or no longer) exist. */
  _tryObj(): T | null {
    if (this._bound !== undefined && this._stillThere(this._bound)) return this._bound;
    if (this._bound !== undefined) throw new HostError("ItemNotFound", `${this._path} no longer exists`);
    const o = this._resolver();
    if (o !== null) this._bound = o;
    return o;
  }

  _stillThere(_o: T): boolean {
    return true;
  }

  _obj(): T {
    const o = this._tryObj();
    if (o === null) {
      throw new HostError(this._nullable ? "InvalidObjectPath" : "ItemNotFound", `${this._path} does not exist`);
    }
    return o;
  }

  _props(): Record<string, Loadable> {
    return (this.constructor as unknown as { props?: Record<string, Loadable> }).props ?? {};
  }

  load(what?: string | string[] | { select?: string }): this {
    const list = parseLoad(what);
    const props = this._props();
    const wanted = list.length ? list : Object.keys(props);
    for (const w of wanted) {
      if (!w.includes("/") && !(w in props) && w !== "items") {
        throw new HostError("InvalidArgument", `${this.constructor.name} has no property ${w} to load`);
      }
    }
    this.context.enqueue(this._path, "load", wanted, () => {
      const o = this._tryObj();
      if (o === null) return;
      const snap = new Map<string, unknown>();
      for (const w of wanted) if (w in props) snap.set(w, clone((props[w].get as (x: T) => unknown)(o)));
      const extra = this._loadExtra(o, wanted);
      const commit = () => {
        for (const [k, v] of snap) this._loaded.set(k, v);
        extra?.commit();
      };
      (commit as unknown as { size: number }).size = JSON.stringify([...snap.values()]).length + (extra?.size ?? 0);
      return commit;
    });
    return this;
  }

  /** Collections load their items here. */
  _loadExtra(_o: T, _wanted: string[]): { commit: () => void; size: number } | undefined {
    return undefined;
  }

  untrack(): this {
    this.context.check();
    this.context.host.untracked++;
    return this;
  }

  _get(prop: string): unknown {
    if (this._loaded.has(prop)) return this._loaded.get(prop);
    if (this._isNull) return null;
    throw new HostError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  _set(prop: string, value: unknown): void {
    const setter = this._props()[prop]?.set as ((o: T, v: unknown, ctx: Ctx) => void) | undefined;
    if (!setter) throw new HostError("InvalidArgument", `${prop} is read-only`);
    this._loaded.set(prop, value);
    this.context.enqueue(this._path, prop, value, () => setter(this._obj(), value, this.context));
  }

  _call(name: string, args: unknown, run: (o: T) => void): void {
    this.context.enqueue(this._path, name, args, () => {
      run(this._obj());
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function parseLoad(what?: string | string[] | { select?: string }): string[] {
  if (what === undefined) return [];
  const s = typeof what === "string" ? what : Array.isArray(what) ? what.join(",") : (what.select ?? "");
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

function clone<V>(v: V): V {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V);
}

/** Installs getters/setters that go through load/queue semantics. */
function defineProps(cls: { prototype: object; props?: Record<string, Loadable> }, props: Record<string, Loadable>): void {
  cls.props = props;
  for (const name of Object.keys(props)) {
    Object.defineProperty(cls.prototype, name, {
      get(this: ProxyBase<unknown>) {
        return this._get(name);
      },
      set(this: ProxyBase<unknown>, v: unknown) {
        this._set(name, v);
      },
      configurable: true,
    });
  }
}

// ---------------- workbook, application ----------------

class WorkbookProxy extends ProxyBase<WorkbookModel> {
  readonly worksheets = new WorksheetCollectionProxy(this.context, "wb.worksheets", null);
  readonly tables = new TableCollectionProxy(this.context, "wb.tables", null);
  readonly application = new ApplicationProxy(this.context, "app", () => this.context.host.wb);
  static props: Record<string, Loadable>;
}
defineProps(WorkbookProxy, { name: { get: (w: WorkbookModel) => w.name } });

class ApplicationProxy extends ProxyBase<WorkbookModel> {
  suspendApiCalculationUntilNextSync(): void {
    this.needs(106, "suspendApiCalculationUntilNextSync", () => this.context.host.calculationSuspended++);
  }

  /** Application.calculate (ExcelApi 1.1): recalculates, ending what a suspension left stale. */
  calculate(calculationType: string): void {
    this._call("calculate", calculationType, (wb) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw new HostError("InvalidArgument", `Bad calculationType ${calculationType}`);
      wb.calculate();
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.needs(109, "suspendScreenUpdatingUntilNextSync", () => this.context.host.screenUpdatingSuspended++);
  }

  private needs(version: number, name: string, run: () => void): void {
    this._call(name, null, () => {
      if (this.context.host.apiVersion < version) throw new HostError("ApiNotFound", `${name} is not supported on this host`);
      run();
    });
  }
}

// ---------------- worksheets ----------------

class WorksheetCollectionProxy extends ProxyBase<WorkbookModel> {
  private _items?: WorksheetProxy[];

  constructor(ctx: Ctx, path: string, _unused: null) {
    super(ctx, path, () => ctx.host.wb);
  }

  get items(): WorksheetProxy[] {
    if (!this._items) throw new HostError("PropertyNotLoaded", "The property 'items' is not available. Load it and sync first.");
    return this._items;
  }

  override _loadExtra(wb: WorkbookModel, wanted: string[]): { commit: () => void; size: number } {
    const sub = wanted.filter((w) => w === "items" || w.startsWith("items/")).map((w) => w.replace(/^items\/?/, ""));
    const items = wb.sheets.map((s) => {
      const p = new WorksheetProxy(this.context, `ws(${s.id})`, () => s);
      const props = WorksheetProxy.props;
      const keys = sub.some((x) => x === "") ? Object.keys(props) : sub.filter((x) => x in props);
      for (const k of keys) p._loaded.set(k, clone((props[k].get as (x: SheetModel) => unknown)(s)));
      return p;
    });
    return { commit: () => (this._items = items), size: JSON.stringify(items.map((i) => i.toJSON())).length };
  }

  add(name?: string): WorksheetProxy {
    let made: SheetModel | undefined;
    const p = new WorksheetProxy(this.context, `ws.add(${JSON.stringify(name ?? "")})`, () => made ?? null);
    this._call("add", name ?? null, (wb) => {
      made = wb.addSheet(name);
    });
    return p;
  }

  getItem(k: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `ws(${JSON.stringify(k)})`, () => this.context.host.wb.sheetByKey(k) ?? null);
  }

  getItemOrNullObject(k: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `ws?(${JSON.stringify(k)})`, () => this.context.host.wb.sheetByKey(k) ?? null, true);
  }

  /** WorksheetCollection.getItemAt? office.js addresses a loaded item by its index when its id was not loaded. */
  getItemAt(index: number): WorksheetProxy {
    return new WorksheetProxy(this.context, `ws[${index}]`, () => this.context.host.wb.sheets[index] ?? null);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "ws.active", () => {
      const wb = this.context.host.wb;
      return (wb.activeSheetId && wb.sheetById(wb.activeSheetId)) || null;
    });
  }
}

class WorksheetProxy extends ProxyBase<SheetModel> {
  static props: Record<string, Loadable>;

  override _stillThere(s: SheetModel): boolean {
    return this.context.host.wb.sheets.includes(s);
  }

  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.context, `${this._path}.freeze`, () => this._tryObj());
  }

  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, `${this._path}.page`, () => this._tryObj());
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, `${this._path}.tables`, this);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.range(${address ?? ""})`, () => {
      const s = this._tryObj();
      if (!s) return null;
      if (!address) return { sheet: s, rect: { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 } };
      const sp = splitSheet(address);
      if (sp.sheet && sp.sheet.toLowerCase() !== s.name.toLowerCase()) throw new HostError("InvalidArgument", `${address} is not on ${s.name}`);
      return { sheet: s, rect: parseRect(sp.local) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.idx(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const s = this._tryObj();
      if (!s) return null;
      if (rowCount < 1 || columnCount < 1) throw new HostError("InvalidArgument", "rowCount and columnCount must be at least 1");
      return { sheet: s, rect: { r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount } };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this.used(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.used(valuesOnly, true);
  }

  private used(valuesOnly: boolean, nullable: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.used${nullable ? "?" : ""}(${valuesOnly})`,
      () => {
        const s = this._tryObj();
        if (!s) return null;
        const r = usedRect(s, valuesOnly);
        if (!r) return nullable ? null : { sheet: s, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
        return { sheet: s, rect: r };
      },
      nullable,
    );
  }

  delete(): void {
    this._call("delete", null, (s) => this.context.host.wb.deleteSheet(s));
  }

  activate(): void {
    this._call("activate", null, (s) => {
      if (s.visibility !== "Visible") throw new HostError("InvalidOperation", "A hidden sheet can't be activated");
      this.context.host.wb.activeSheetId = s.id;
    });
  }
}
defineProps(WorksheetProxy, {
  id: { get: (s: SheetModel) => s.id },
  name: { get: (s: SheetModel) => s.name, set: (s: SheetModel, v: string, ctx: Ctx) => ctx.host.wb.renameSheet(s, v) },
  position: {
    get: (s: SheetModel) => 0 + (globalThisHost?.wb.sheets.indexOf(s) ?? 0),
    set: (s: SheetModel, v: number, ctx: Ctx) => ctx.host.wb.moveSheet(s, v),
  },
  visibility: { get: (s: SheetModel) => s.visibility, set: (s: SheetModel, v: string, ctx: Ctx) => ctx.host.wb.setVisibility(s, v) },
  tabColor: {
    get: (s: SheetModel) => s.tabColor,
    set: (s: SheetModel, v: string) => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new HostError("InvalidArgument", `Bad tab colour ${v}`);
      s.tabColor = v.toUpperCase();
    },
  },
});

/** The position getter needs the workbook; set while a sync runs (single-threaded). */
let globalThisHost: InMemoryExcel | undefined;
const originalSync = Ctx.prototype.sync;
Ctx.prototype.sync = async function (this: Ctx) {
  globalThisHost = this.host;
  try {
    return await originalSync.call(this);
  } finally {
    globalThisHost = undefined;
  }
};

class FreezePanesProxy extends ProxyBase<SheetModel> {
  freezeRows(count = 1): void {
    this._call("freezeRows", count, (s) => (s.freeze = { rows: count, columns: s.freeze?.columns ?? 0 }));
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", count, (s) => (s.freeze = { rows: s.freeze?.rows ?? 0, columns: count }));
  }

  freezeAt(at: string | RangeProxy): void {
    this._call("freezeAt", typeof at === "string" ? at : at._path, (s) => {
      const rect = typeof at === "string" ? parseRect(splitSheet(at).local) : at._obj().rect;
      s.freeze = { rows: rect.r2, columns: rect.c2 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", null, (s) => (s.freeze = undefined));
  }
}

class PageLayoutProxy extends ProxyBase<SheetModel> {
  static props: Record<string, Loadable>;

  setPrintArea(area: string): void {
    this.v19("setPrintArea", area, (s) => {
      parseRect(splitSheet(area).local);
      s.page.printArea = area;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.v19("setPrintTitleRows", rows, (s) => {
      const r = parseRect(splitSheet(rows).local);
      if (r.c1 !== 1 || r.c2 !== 16_384) throw new HostError("InvalidArgument", "Print title rows must span entire rows");
      s.page.printTitleRows = rows;
    });
  }

  setPrintTitleColumns(columns: string): void {
    this.v19("setPrintTitleColumns", columns, (s) => {
      const r = parseRect(splitSheet(columns).local);
      if (r.r1 !== 1 || r.r2 !== MAX_ROWS) throw new HostError("InvalidArgument", "Print title columns must span entire columns");
      s.page.printTitleColumns = columns;
    });
  }

  private v19(name: string, args: unknown, run: (s: SheetModel) => void): void {
    this._call(name, args, (s) => {
      if (this.context.host.apiVersion < 109) throw new HostError("ApiNotFound", `pageLayout.${name} needs ExcelApi 1.9`);
      run(s);
    });
  }

  override _set(prop: string, value: unknown): void {
    if (this.context.host.apiVersion < 109) {
      this.context.enqueue(this._path, prop, value, () => {
        throw new HostError("ApiNotFound", "pageLayout needs ExcelApi 1.9");
      });
      return;
    }
    super._set(prop, value);
  }
}
defineProps(PageLayoutProxy, {
  orientation: {
    get: (s: SheetModel) => s.page.orientation,
    set: (s: SheetModel, v: string) => {
      if (v !== "Portrait" && v !== "Landscape") throw new HostError("InvalidArgument", `Bad orientation ${v}`);
      s.page.orientation = v;
    },
  },
  zoom: {
    get: (s: SheetModel) => ({ horizontalFitToPages: s.page.fitToWidth, verticalFitToPages: s.page.fitToHeight }),
    set: (s: SheetModel, v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) => {
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) {
        throw new HostError("InvalidArgument", "zoom takes either scale or fit-to-pages");
      }
      s.page.fitToWidth = v.horizontalFitToPages;
      s.page.fitToHeight = v.verticalFitToPages ?? null;
    },
  },
});

// ---------------- tables ----------------

class TableCollectionProxy extends ProxyBase<WorkbookModel> {
  private _items?: TableProxy[];

  constructor(
    ctx: Ctx,
    path: string,
    private readonly onSheet: WorksheetProxy | null,
  ) {
    super(ctx, path, () => ctx.host.wb);
  }

  get items(): TableProxy[] {
    if (!this._items) throw new HostError("PropertyNotLoaded", "The property 'items' is not available. Load it and sync first.");
    return this._items;
  }

  private list(): TableModel[] {
    const wb = this.context.host.wb;
    const sheet = this.onSheet?._obj();
    return wb.tables.filter((t) => !sheet || t.sheetId === sheet.id);
  }

  override _loadExtra(wb: WorkbookModel, wanted: string[]): { commit: () => void; size: number } {
    const sub = wanted.filter((w) => w === "items" || w.startsWith("items/")).map((w) => w.replace(/^items\/?/, ""));
    const items = this.list().map((t) => {
      const p = new TableProxy(this.context, `table(${t.id})`, () => t);
      const keys = sub.some((x) => x === "") ? Object.keys(TableProxy.props) : sub.filter((x) => x in TableProxy.props);
      for (const k of keys) p._loaded.set(k, clone((TableProxy.props[k].get as (x: TableModel) => unknown)(t)));
      const sheet = wb.sheetById(t.sheetId)!;
      for (const x of sub.filter((y) => y.startsWith("worksheet/"))) {
        const prop = x.slice("worksheet/".length);
        if (!(prop in WorksheetProxy.props)) throw new HostError("InvalidArgument", `Cannot load ${x}`);
        p.worksheet._loaded.set(prop, clone((WorksheetProxy.props[prop].get as (s: SheetModel) => unknown)(sheet)));
      }
      return p;
    });
    return { commit: () => (this._items = items), size: JSON.stringify(items.map((i) => [i.toJSON(), i.worksheet.toJSON()])).length };
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let made: TableModel | undefined;
    const p = new TableProxy(this.context, `tables.add(${address})`, () => made ?? null);
    this._call("add", [address, hasHeaders], (wb) => {
      const sp = splitSheet(address);
      const sheet = this.onSheet ? this.onSheet._obj() : sp.sheet ? wb.sheetByName(sp.sheet) : wb.sheetById(wb.activeSheetId ?? "");
      if (!sheet) throw new HostError("ItemNotFound", `No sheet for ${address}`);
      let rect = parseRect(sp.local);
      if (!hasHeaders) {
        // Excel inserts a header row above the data.
        rect = { ...rect, r2: rect.r2 + 1 };
      }
      made = wb.addTable(sheet, rect);
    });
    return p;
  }

  getItem(k: string): TableProxy {
    return new TableProxy(this.context, `table(${JSON.stringify(k)})`, () => this.find(k));
  }

  /** By index, as office.js addresses a loaded item whose id was not loaded. */
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, `table[${index}]`, () => this.list()[index] ?? null);
  }

  getItemOrNullObject(k: string): TableProxy {
    return new TableProxy(this.context, `table?(${JSON.stringify(k)})`, () => this.find(k), true);
  }

  private find(k: string): TableModel | null {
    return this.list().find((t) => t.id === k || t.name.toLowerCase() === k.toLowerCase()) ?? null;
  }
}

class TableProxy extends ProxyBase<TableModel> {
  static props: Record<string, Loadable>;
  private _ws?: WorksheetProxy;

  override _stillThere(t: TableModel): boolean {
    return this.context.host.wb.tables.includes(t);
  }

  get worksheet(): WorksheetProxy {
    this._ws ??= new WorksheetProxy(this.context, `${this._path}.worksheet`, () => {
      const t = this._tryObj();
      return t ? (this.context.host.wb.sheetById(t.sheetId) ?? null) : null;
    });
    return this._ws;
  }

  private part(name: string, pick: (r: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${name}`, () => {
      const t = this._tryObj();
      if (!t) return null;
      return { sheet: this.context.host.wb.sheetById(t.sheetId)!, rect: pick(t.rect) };
    });
  }

  getRange(): RangeProxy {
    return this.part("range", (r) => r);
  }

  getHeaderRowRange(): RangeProxy {
    return this.part("header", (r) => ({ ...r, r2: r.r1 }));
  }

  getDataBodyRange(): RangeProxy {
    const totals = () => (this._tryObj()?.showTotals ? 1 : 0);
    return this.part("body", (r) => ({ ...r, r1: r.r1 + 1, r2: r.r2 - totals() }));
  }

  delete(): void {
    this._call("delete", null, (t) => (this.context.host.wb.tables = this.context.host.wb.tables.filter((x) => x !== t)));
  }
}
defineProps(TableProxy, {
  id: { get: (t: TableModel) => t.id },
  name: {
    get: (t: TableModel) => t.name,
    set: (t: TableModel, v: string, ctx: Ctx) => {
      const other = ctx.host.wb.tableByName(v);
      if (other && other !== t) throw new HostError("ItemAlreadyExists", `A table named ${v} already exists`);
      checkTableName(v);
      t.name = v;
    },
  },
  showBandedRows: { get: () => true, set: () => undefined },
  // Turning the Total Row on adds a row below the body, as Excel does.
  showTotals: {
    get: (t: TableModel) => t.showTotals === true,
    set: (t: TableModel, v: boolean) => {
      if (v === (t.showTotals === true)) return;
      t.rect = { ...t.rect, r2: t.rect.r2 + (v ? 1 : -1) };
      t.showTotals = v;
    },
  },
  style: { get: () => "TableStyleMedium2", set: () => undefined },
});

// ---------------- ranges ----------------

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

function grid<V>(r: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: V[] = [];
    for (let c = r.c1; c <= r.c2; c++) line.push(f(row, c));
    out.push(line);
  }
  return out;
}

function cellCount(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

/** A 2D input must match the range exactly; a single non-array value fills it. */
function eachInput(ref: RangeRef, input: unknown, what: string, f: (cell: Cell | undefined, v: unknown, row: number, col: number) => void): void {
  const { rect } = ref;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(input)) {
    if (rows * cols > 1_000_000) throw new HostError("InvalidArgument", "Range too large");
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) f(ref.sheet.cells.get(key(r, c)), input, r, c);
    return;
  }
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new HostError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols} expected)`,
    );
  }
  input.forEach((line: unknown[], i) => line.forEach((v, j) => f(ref.sheet.cells.get(key(rect.r1 + i, rect.c1 + j)), v, rect.r1 + i, rect.c1 + j)));
}

function writeValue(ref: RangeRef, input: unknown, what: string): void {
  eachInput(ref, input, what, (_cell, v, r, c) => {
    if (v === null || v === undefined) return; // null leaves the cell as it is
    const cell = cellAt(ref.sheet, r, c, true);
    const x = interpretInput(v, cell.numberFormat);
    if (x.formula !== undefined && globalThisHost?.calculationSuspended) globalThisHost.wb.freezeCalculation();
    cell.value = x.value;
    cell.formula = x.formula;
    if (x.numberFormat) cell.numberFormat = x.numberFormat;
  });
}

class RangeProxy extends ProxyBase<RangeRef> {
  static props: Record<string, Loadable>;

  override _stillThere(r: RangeRef): boolean {
    return this.context.host.wb.sheets.includes(r.sheet);
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, `${this._path}.format`, () => this._tryObj());
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.context, `${this._path}.cf`, () => this._tryObj());
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._tryObj()?.sheet ?? null);
  }

  private derive(name: string, f: (r: RangeRef) => Rect, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.${name}`,
      () => {
        const r = this._tryObj();
        return r ? { sheet: r.sheet, rect: f(r) } : null;
      },
      nullable,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derive(`cell(${row},${column})`, ({ rect }) => {
      const r = rect.r1 + row;
      const c = rect.c1 + column;
      return { r1: r, c1: c, r2: r, c2: c };
    });
  }

  /** Range.getRow (ExcelApi 1.1): office.js itself uses it to split a large values write into 1,500-cell parts. */
  getRow(row: number): RangeProxy {
    return this.derive(`row(${row})`, ({ rect }) => {
      if (!(row >= 0 && rect.r1 + row <= rect.r2)) throw new HostError("InvalidArgument", `Row ${row} is outside the range`);
      return { ...rect, r1: rect.r1 + row, r2: rect.r1 + row };
    });
  }

  /** Range.getBoundingRect (ExcelApi 1.1): the smallest range holding both. */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derive("bounding", (r) => {
      const o = typeof other === "string" ? parseRect(splitSheet(other).local) : other._obj().rect;
      return { r1: Math.min(r.rect.r1, o.r1), c1: Math.min(r.rect.c1, o.c1), r2: Math.max(r.rect.r2, o.r2), c2: Math.max(r.rect.c2, o.c2) };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive(`resized(${deltaRows},${deltaColumns})`, ({ rect }) => {
      const out = { ...rect, r2: rect.r2 + deltaRows, c2: rect.c2 + deltaColumns };
      if (out.r2 < out.r1 || out.c2 < out.c1) throw new HostError("InvalidArgument", "Resized range would be empty");
      return out;
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive(`offset(${rowOffset},${columnOffset})`, ({ rect }) => ({
      r1: rect.r1 + rowOffset,
      r2: rect.r2 + rowOffset,
      c1: rect.c1 + columnOffset,
      c2: rect.c2 + columnOffset,
    }));
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this.usedWithin(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.usedWithin(valuesOnly, true);
  }

  private usedWithin(valuesOnly: boolean, nullable: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.used(${valuesOnly})`,
      () => {
        const r = this._tryObj();
        if (!r) return null;
        const u = usedRect(r.sheet, valuesOnly);
        const box = u && rectsOverlap(u, r.rect)
          ? { r1: Math.max(u.r1, r.rect.r1), c1: Math.max(u.c1, r.rect.c1), r2: Math.min(u.r2, r.rect.r2), c2: Math.min(u.c2, r.rect.c2) }
          : undefined;
        if (!box) {
          if (nullable) return null;
          throw new HostError("ItemNotFound", "The range has no used cells");
        }
        return { sheet: r.sheet, rect: box };
      },
      nullable,
    );
  }

  merge(across = false): void {
    this._call("merge", across, (r) => {
      const rects = across ? grid({ ...r.rect, c2: r.rect.c1 }, (row) => ({ ...r.rect, r1: row, r2: row })).flat() : [r.rect];
      for (const m of rects) {
        if (cellCount(m) < 2) continue;
        for (const t of this.context.host.wb.tables) {
          if (t.sheetId === r.sheet.id && rectsOverlap(t.rect, m)) throw new HostError("InvalidOperation", "Can't merge cells in a table");
        }
        r.sheet.merges = r.sheet.merges.filter((x) => !rectsOverlap(x, m));
        r.sheet.merges.push(m);
        // Excel keeps only the top-left value.
        for (let row = m.r1; row <= m.r2; row++) {
          for (let c = m.c1; c <= m.c2; c++) {
            if (row === m.r1 && c === m.c1) continue;
            const cell = r.sheet.cells.get(key(row, c));
            if (cell) {
              cell.value = undefined;
              cell.formula = undefined;
            }
          }
        }
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", null, (r) => (r.sheet.merges = r.sheet.merges.filter((m) => !rectsOverlap(m, r.rect))));
  }

  select(): void {
    this._call("select", null, (r) => {
      if (r.sheet.visibility !== "Visible") throw new HostError("InvalidOperation", "Can't select a range on a hidden sheet");
      this.context.host.wb.activeSheetId = r.sheet.id;
      this.context.host.wb.selection = { sheetId: r.sheet.id, rect: r.rect };
    });
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", applyTo, (r) => {
      for (const [k, cell] of [...r.sheet.cells]) {
        const [row, c] = k.split(",").map(Number);
        if (!contains(r.rect, row, c)) continue;
        if (applyTo === "All" || applyTo === "Contents") {
          cell.value = undefined;
          cell.formula = undefined;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          cell.format = undefined;
          cell.numberFormat = undefined;
        }
        if (cell.value === undefined && cell.formula === undefined && !cell.format && cell.numberFormat === undefined) r.sheet.cells.delete(k);
      }
    });
  }
}
defineProps(RangeProxy, {
  address: { get: (r: RangeRef) => `${quoteSheet(r.sheet.name)}!${rectAddress(r.rect)}` },
  rowIndex: { get: (r: RangeRef) => r.rect.r1 - 1 },
  columnIndex: { get: (r: RangeRef) => r.rect.c1 - 1 },
  rowCount: { get: (r: RangeRef) => r.rect.r2 - r.rect.r1 + 1 },
  columnCount: { get: (r: RangeRef) => r.rect.c2 - r.rect.c1 + 1 },
  values: {
    get: (r: RangeRef) => readGrid(r, (row, c) => globalWb().valueAt(r.sheet, row, c)),
    set: (r: RangeRef, v: unknown) => writeValue(r, v, "values"),
  },
  formulas: {
    get: (r: RangeRef) =>
      readGrid(r, (row, c) => {
        const cell = r.sheet.cells.get(key(row, c));
        return cell?.formula ?? cell?.value ?? "";
      }),
    set: (r: RangeRef, v: unknown) => writeValue(r, v, "formulas"),
  },
  numberFormat: {
    get: (r: RangeRef) => readGrid(r, (row, c) => r.sheet.cells.get(key(row, c))?.numberFormat ?? "General"),
    set: (r: RangeRef, v: unknown) =>
      eachInput(r, v, "numberFormat", (_cell, x, row, c) => {
        if (x === null || x === undefined) return;
        if (typeof x !== "string") throw new HostError("InvalidArgument", "numberFormat must be text");
        cellAt(r.sheet, row, c, true).numberFormat = x === "General" ? undefined : x;
      }),
  },
});

function readGrid<V>(r: RangeRef, f: (row: number, col: number) => V): V[][] {
  if (cellCount(r.rect) > 5_000_000) throw new HostError("InvalidArgument", "Reads are capped at 5,000,000 cells");
  return grid(r.rect, f);
}

function globalWb(): WorkbookModel {
  if (!globalThisHost) throw new Error("values read outside a sync");
  return globalThisHost.wb;
}

// ---------------- formats ----------------

function eachCellFormat(r: RangeRef, f: (fmt: CellFormat) => void): void {
  if (cellCount(r.rect) > 2_000_000) throw new HostError("InvalidArgument", "Formatting whole rows or columns is not modelled");
  for (let row = r.rect.r1; row <= r.rect.r2; row++) {
    for (let c = r.rect.c1; c <= r.rect.c2; c++) {
      const cell = cellAt(r.sheet, row, c, true);
      cell.format ??= {};
      f(cell.format);
    }
  }
}

function firstFormat(r: RangeRef): CellFormat {
  return r.sheet.cells.get(key(r.rect.r1, r.rect.c1))?.format ?? {};
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function color(v: string): string {
  if (!COLOR.test(v)) throw new HostError("InvalidArgument", `Bad colour ${v}`);
  return v.toUpperCase();
}

class RangeFormatProxy extends ProxyBase<RangeRef> {
  static props: Record<string, Loadable>;

  get fill(): FillProxy {
    return new FillProxy(this.context, `${this._path}.fill`, () => this._tryObj());
  }

  get font(): FontProxy {
    return new FontProxy(this.context, `${this._path}.font`, () => this._tryObj());
  }

  get borders(): { getItem: (edge: string) => BorderProxy } {
    return {
      getItem: (edge: string) => {
        if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"].includes(edge)) {
          throw new HostError("InvalidArgument", `Bad border ${edge}`);
        }
        return new BorderProxy(this.context, `${this._path}.border(${edge})`, () => this._tryObj(), edge);
      },
    };
  }

  autofitColumns(): void {
    this._call("autofitColumns", null, () => undefined);
  }
}
defineProps(RangeFormatProxy, {
  columnWidth: {
    get: (r: RangeRef) => r.sheet.columnWidths.get(r.rect.c1) ?? DEFAULT_COLUMN_WIDTH,
    set: (r: RangeRef, v: number) => {
      if (!(v >= 0 && v <= 255 * 7.5)) throw new HostError("InvalidArgument", `Bad column width ${v}`);
      for (let c = r.rect.c1; c <= r.rect.c2; c++) r.sheet.columnWidths.set(c, v);
    },
  },
  rowHeight: {
    get: (r: RangeRef) => r.sheet.rowHeights.get(r.rect.r1) ?? DEFAULT_ROW_HEIGHT,
    set: (r: RangeRef, v: number) => {
      if (!(v >= 0 && v <= 409)) throw new HostError("InvalidArgument", `Bad row height ${v}`);
      for (let row = r.rect.r1; row <= r.rect.r2; row++) r.sheet.rowHeights.set(row, v);
    },
  },
  horizontalAlignment: {
    get: (r: RangeRef) => firstFormat(r).hAlign ?? "General",
    set: (r: RangeRef, v: string) => {
      if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v)) {
        throw new HostError("InvalidArgument", `Bad horizontalAlignment ${v}`);
      }
      eachCellFormat(r, (f) => (f.hAlign = v));
    },
  },
  verticalAlignment: {
    get: (r: RangeRef) => firstFormat(r).vAlign ?? "Bottom",
    set: (r: RangeRef, v: string) => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v)) throw new HostError("InvalidArgument", `Bad verticalAlignment ${v}`);
      eachCellFormat(r, (f) => (f.vAlign = v));
    },
  },
  wrapText: { get: (r: RangeRef) => firstFormat(r).wrap ?? false, set: (r: RangeRef, v: boolean) => eachCellFormat(r, (f) => (f.wrap = v)) },
  indentLevel: {
    get: (r: RangeRef) => firstFormat(r).indent ?? 0,
    set: (r: RangeRef, v: number, ctx: Ctx) => {
      // RangeFormat.indentLevel is ExcelApi 1.9 (@types/office-js).
      if (ctx.host.apiVersion < 109) throw new HostError("ApiNotFound", "RangeFormat.indentLevel needs ExcelApi 1.9");
      eachCellFormat(r, (f) => (f.indent = v));
    },
  },
});

class FillProxy extends ProxyBase<RangeRef> {
  static props: Record<string, Loadable>;
  clear(): void {
    this._call("clear", null, (r) => eachCellFormat(r, (f) => (f.fill = undefined)));
  }
}
defineProps(FillProxy, {
  color: { get: (r: RangeRef) => firstFormat(r).fill ?? "#FFFFFF", set: (r: RangeRef, v: string) => eachCellFormat(r, (f) => (f.fill = color(v))) },
});

class FontProxy extends ProxyBase<RangeRef> {
  static props: Record<string, Loadable>;
}
defineProps(FontProxy, {
  bold: { get: (r: RangeRef) => firstFormat(r).bold ?? false, set: (r: RangeRef, v: boolean) => eachCellFormat(r, (f) => (f.bold = v)) },
  italic: { get: (r: RangeRef) => firstFormat(r).italic ?? false, set: (r: RangeRef, v: boolean) => eachCellFormat(r, (f) => (f.italic = v)) },
  color: { get: (r: RangeRef) => firstFormat(r).fontColor ?? "#000000", set: (r: RangeRef, v: string) => eachCellFormat(r, (f) => (f.fontColor = color(v))) },
  size: {
    get: (r: RangeRef) => firstFormat(r).fontSize ?? 11,
    set: (r: RangeRef, v: number) => {
      if (!(v >= 1 && v <= 409)) throw new HostError("InvalidArgument", `Bad font size ${v}`);
      eachCellFormat(r, (f) => (f.fontSize = v));
    },
  },
  name: { get: () => "Calibri", set: () => undefined },
});

class BorderProxy extends ProxyBase<RangeRef> {
  static props: Record<string, Loadable>;
  constructor(
    ctx: Ctx,
    path: string,
    resolver: () => RangeRef | null,
    readonly edge: string,
  ) {
    super(ctx, path, resolver);
  }

  override _set(prop: string, value: unknown): void {
    if (prop !== "style") return super._set(prop, value);
    if (typeof value !== "string" || !["Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "None", "SlantDashDot"].includes(value)) {
      throw new HostError("InvalidArgument", `Bad border style ${String(value)}`);
    }
    this._loaded.set(prop, value);
    this.context.enqueue(this._path, prop, value, () => this.apply(this._obj(), value !== "None"));
  }

  /** Which cell sides an edge draws: outer edges on the boundary, inside edges between cells. */
  apply(r: RangeRef, on: boolean): void {
    const { r1, r2, c1, c2 } = r.rect;
    const set = (row: number, c: number, side: keyof NonNullable<CellFormat["borders"]>) => {
      const cell = cellAt(r.sheet, row, c, true);
      cell.format ??= {};
      cell.format.borders = { ...cell.format.borders, [side]: on };
    };
    for (let row = r1; row <= r2; row++) {
      for (let c = c1; c <= c2; c++) {
        if (this.edge === "EdgeTop" && row === r1) set(row, c, "top");
        if (this.edge === "EdgeBottom" && row === r2) set(row, c, "bottom");
        if (this.edge === "EdgeLeft" && c === c1) set(row, c, "left");
        if (this.edge === "EdgeRight" && c === c2) set(row, c, "right");
        if (this.edge === "InsideHorizontal") {
          if (row > r1) set(row, c, "top");
          if (row < r2) set(row, c, "bottom");
        }
        if (this.edge === "InsideVertical") {
          if (c > c1) set(row, c, "left");
          if (c < c2) set(row, c, "right");
        }
      }
    }
  }
}
defineProps(BorderProxy, {
  style: { get: () => "Continuous" },
  color: { get: () => "#000000", set: (_r: RangeRef, v: string) => void color(v) },
  weight: { get: () => "Thin", set: () => undefined },
});

// ---------------- conditional formats ----------------

class ConditionalFormatCollectionProxy extends ProxyBase<RangeRef> {
  add(type: string): ConditionalFormatProxy {
    let made: StoredConditionalFormat | undefined;
    const p = new ConditionalFormatProxy(this.context, `${this._path}.add(${type})`, () => made ?? null);
    this._call("add", type, (r) => {
      if (this.context.host.apiVersion < 106) throw new HostError("ApiNotFound", "Conditional formats need ExcelApi 1.6");
      if (type !== "Custom") throw new HostError("InvalidArgument", `Only Custom conditional formats are modelled, not ${type}`);
      made = { rect: r.rect, formula: "" };
      r.sheet.conditionalFormats.push(made);
    });
    return p;
  }
}

class ConditionalFormatProxy extends ProxyBase<StoredConditionalFormat> {
  get custom() {
    const on = (name: string, f: (cf: StoredConditionalFormat, v: never) => void) => (v: unknown) => this._call(name, v, (cf) => f(cf, v as never));
    const prop = <V>(target: object, name: string, f: (cf: StoredConditionalFormat, v: V) => void) =>
      Object.defineProperty(target, name.split(".").pop()!, { set: on(name, f as (cf: StoredConditionalFormat, v: never) => void), enumerable: true });
    const rule = prop({}, "custom.rule.formula", (cf, v: string) => {
      if (typeof v !== "string" || !v.startsWith("=")) throw new HostError("InvalidArgument", "A custom rule formula starts with =");
      cf.formula = v;
    });
    const fill = prop({}, "custom.format.fill.color", (cf, v: string) => (cf.fill = color(v)));
    const font = prop({}, "custom.format.font.color", (cf, v: string) => (cf.fontColor = color(v)));
    prop(font, "custom.format.font.bold", (cf, v: boolean) => (cf.bold = v));
    return { rule, format: { fill, font } } as {
      rule: { formula: string };
      format: { fill: { color: string }; font: { color: string; bold: boolean } };
    };
  }
}
