/**
 * The workbook side of the office.js harness: answers the requests office.js sends (its
 * ProcessQuery JSON: `Actions` on `ObjectPaths`) by executing each action, in order, on the
 * in-memory workbook of test/host. What each method does to the workbook is the in-memory host's
 * (each rule citing the documentation it follows, see docs/ADDIN.md); everything on the client side
 * (load/sync, PropertyNotLoaded, null objects, tracked objects, error objects, request bytes) is
 * Microsoft's office.js.
 *
 * The protocol, as office.js 1.1.110 writes and reads it:
 *  - ObjectPathType 1 global object (the workbook), 3 method, 4 property, 5 indexer (getItem),
 *    6 reference id (a tracked object), 7 null object.
 *  - ActionType 1 instantiate, 2 query (load), 3 method, 4 set property.
 *  - Response `{ Results: [{ ActionId, Value }], Error?: { Code, Message, HttpStatusCode, ActionIndex } }`;
 *    query values in PascalCase, collections as `{ _Items: [...] }`; an object Excel.run keeps
 *    (`_KeepReference`) gets a `_ReferenceId`, a sheet or table its `Id` (so office.js addresses it
 *    by id afterwards, as it does in Excel).
 *  - Over the payload limit, HTTP 413 with `{ error: { code: "RequestPayloadSizeLimitExceeded" } }`.
 */
import { Ctx, InMemoryExcel, ProxyBase } from "../host/excel";
import { HostError } from "../host/model";

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}
interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

type Obj = Record<string, unknown>;
const NULL = Symbol("null object");
type Resolved = Obj | typeof NULL;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function isProxy(o: unknown): o is ProxyBase<unknown> {
  return o instanceof ProxyBase;
}

/** One request's execution: object paths resolved at most once each, in the request. */
class Request {
  private paths = new Map<number, Resolved>();
  private kept = new Set<number>();
  readonly results: { ActionId: number; Value: unknown }[] = [];

  constructor(
    private readonly server: WorkbookServer,
    private readonly body: RequestBody,
  ) {}

  private get ctx(): Ctx {
    return this.server.ctx;
  }

  /** Runs `f` as one operation of the in-memory workbook, at once. */
  private op<T>(f: () => T): T {
    return this.ctx.runNow(f);
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const list = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return list.map((a, i) => {
      if (!refs[i]) return a;
      const o = this.path(refs[i]);
      return o === NULL ? null : o;
    });
  }

  path(id: number): Resolved {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const info = this.body.ObjectPaths[String(id)];
    if (!info) throw new HostError("InvalidRequest", `Object path ${id} is not in the request`);
    let out: Resolved;
    if (info.ObjectPathType === 1) out = this.ctx.workbook as unknown as Obj;
    else if (info.ObjectPathType === 6) out = this.server.reference(info.Name);
    else if (info.ObjectPathType === 7) out = NULL;
    else {
      const parent = this.path(info.ParentObjectPathId!);
      if (parent === NULL) out = NULL;
      else if (info.ObjectPathType === 4) out = this.member(parent, info.Name, "property") as Obj;
      else {
        const args = this.args(info.ArgumentInfo);
        const method = info.ObjectPathType === 5 ? "getItem" : camel(info.Name);
        const fn = this.member(parent, method, "method") as (...a: unknown[]) => Obj;
        out = this.op(() => fn.apply(parent, args));
      }
    }
    this.paths.set(id, out);
    return out;
  }

  private member(o: Obj, name: string, kind: "property" | "method"): unknown {
    const key = camel(name);
    const v = kind === "method" ? o[key] : o[key];
    if (v === undefined || (kind === "method" && typeof v !== "function")) {
      throw new HostError("ApiNotFound", `The workbook side does not model the ${kind} ${key} of ${o.constructor?.name ?? "this object"}`);
    }
    return v;
  }

  /** Value of an Instantiate: null for a null object; ids that let office.js address the object again. */
  private instantiate(a: ActionInfo): unknown {
    const o = this.path(a.ObjectPathId);
    if (o === NULL) return null;
    if (!isProxy(o)) return {};
    const bound = this.op(() => o._tryObj());
    if (bound === null) {
      if (o._nullable) return null;
      throw new HostError("ItemNotFound", `The requested resource (${o._path}) doesn't exist.`);
    }
    const value: Obj = {};
    const props = o._props();
    if ("id" in props) value.Id = this.op(() => (props.id.get as (x: unknown) => unknown)(bound));
    if (this.kept.has(a.ObjectPathId)) value._ReferenceId = this.server.keep(o as unknown as Obj);
    return value;
  }

  private query(a: ActionInfo): unknown {
    const o = this.path(a.ObjectPathId);
    if (o === NULL || !isProxy(o)) return null;
    const bound = this.op(() => o._tryObj());
    if (bound === null) return null;
    const select = a.QueryInfo?.Select ?? [];
    const collection = "items" in Object.getOwnPropertyDescriptors(Object.getPrototypeOf(o));
    const wanted = collection ? (select.length ? select.map((s) => `items/${s}`) : ["items"]) : select;
    this.op(() => o.load(wanted.length ? wanted.join(",") : undefined));
    if (collection) {
      const items = (o as unknown as { items: ProxyBase<unknown>[] }).items;
      return { _Items: items.map((item) => this.values(item, select)) };
    }
    return this.values(o, select);
  }

  /** Loaded values of a proxy in office.js's PascalCase, nested for `worksheet/name`. */
  private values(p: ProxyBase<unknown>, select: string[]): Obj {
    const out: Obj = {};
    const props = p._props();
    if ("id" in props && p._loaded.has("id")) out.Id = p._loaded.get("id");
    for (const [k, v] of p._loaded) out[pascal(k)] = v;
    for (const s of select.filter((x) => x.includes("/"))) {
      const [nav, prop] = s.split("/");
      const child = (p as unknown as Obj)[nav] as ProxyBase<unknown> | undefined;
      if (!child || !child._loaded.has(prop)) continue;
      const slot = (out[pascal(nav)] ??= {}) as Obj;
      slot[pascal(prop)] = child._loaded.get(prop);
    }
    return out;
  }

  private method(a: ActionInfo): unknown {
    if (a.Name === "_KeepReference") {
      this.kept.add(a.ObjectPathId);
      this.server.keptReferences++;
      return null;
    }
    if (a.Name === "_RemoveReference") {
      const [id] = this.args(a.ArgumentInfo);
      this.server.release(String(id));
      return null;
    }
    if (a.Name.startsWith("_")) return null; // other bookkeeping of office.js
    const o = this.path(a.ObjectPathId);
    if (o === NULL) throw new HostError("InvalidObjectPath", `${a.Name} on a null object`);
    const args = this.args(a.ArgumentInfo);
    const fn = this.member(o, a.Name, "method") as (...x: unknown[]) => unknown;
    this.op(() => fn.apply(o, args));
    return null;
  }

  private setProperty(a: ActionInfo): unknown {
    const o = this.path(a.ObjectPathId);
    if (o === NULL) throw new HostError("InvalidObjectPath", `${a.Name} on a null object`);
    const [value] = this.args(a.ArgumentInfo);
    this.op(() => {
      o[camel(a.Name)] = value;
    });
    return null;
  }

  run(): { Results: unknown[]; Error?: unknown } {
    const { Actions } = this.body;
    for (let i = 0; i < Actions.length; i++) {
      const a = Actions[i];
      try {
        const value =
          a.ActionType === 1
            ? this.instantiate(a)
            : a.ActionType === 2
              ? this.query(a)
              : a.ActionType === 3
                ? this.method(a)
                : a.ActionType === 4
                  ? this.setProperty(a)
                  : null;
        this.results.push({ ActionId: a.Id, Value: value });
      } catch (e) {
        const err = e instanceof HostError ? e : new HostError("GeneralException", e instanceof Error ? e.message : String(e));
        return { Results: this.results, Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, ActionIndex: i, Location: "" } };
      }
    }
    return { Results: this.results };
  }
}

export interface ServedRequest {
  /** UTF-8 bytes of the request body as office.js serialized it. */
  bytes: number;
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  error?: string;
}

export class WorkbookServer {
  private references = new Map<string, Obj>();
  /**
   * References the add-in asked Excel to keep (`_KeepReference`, sent for every range Excel.run
   * creates unless it is untracked before the request goes): each costs Excel memory and, at the
   * end of Excel.run, one more request to release it.
   */
  keptReferences = 0;
  private nextReference = 1;

  constructor(
    readonly host: InMemoryExcel,
    readonly payloadLimit: () => number,
  ) {}

  get ctx(): Ctx {
    return this.host.serverContext();
  }

  keep(o: Obj): string {
    const id = `ref:${this.nextReference++}`;
    this.references.set(id, o);
    return id;
  }

  release(id: string): void {
    this.references.delete(id);
  }

  reference(id: string): Obj {
    const o = this.references.get(id);
    if (!o) throw new HostError("InvalidObjectPath", `The object ${id} is no longer tracked`);
    return o;
  }

  /** Answers one HTTP request from office.js; `record` sees its sizes. */
  answer(bodyText: string, record: (r: ServedRequest) => void): { statusCode: number; body: string } {
    const bytes = Buffer.byteLength(bodyText, "utf8");
    const limit = this.payloadLimit();
    if (bytes > limit) {
      record({ bytes, responseBytes: 0, actions: 0, calculationSuspended: false, screenUpdatingSuspended: false, error: "RequestPayloadSizeLimitExceeded" });
      return {
        statusCode: 413,
        body: JSON.stringify({ error: { code: "RequestPayloadSizeLimitExceeded", message: `The request payload size (${bytes} bytes) has exceeded the limit.` } }),
      };
    }
    const body = JSON.parse(bodyText) as RequestBody;
    const request = new Request(this, body);
    let response: { Results: unknown[]; Error?: unknown };
    try {
      response = request.run();
    } finally {
      this.ctx.queue = [];
    }
    const suspended = this.host.endServerRequest();
    let text = JSON.stringify(response);
    const responseBytes = Buffer.byteLength(text, "utf8");
    let error = (response.Error as { Code?: string } | undefined)?.Code;
    if (responseBytes > limit) {
      error = "ResponsePayloadSizeLimitExceeded";
      text = JSON.stringify({
        Results: [],
        Error: { Code: error, Message: `The response payload size (${responseBytes} bytes) has exceeded the limit.`, HttpStatusCode: 400, ActionIndex: -1 },
      });
    }
    record({ bytes, responseBytes, actions: body.Actions.length, ...suspended, error });
    return { statusCode: 200, body: text };
  }
}
