/**
 * An Excel host for tests whose client library is Microsoft's office.js: `run` is office.js's
 * `Excel.run` on `new Excel.RequestContext(url)`, and every request it sends is answered by the
 * in-memory workbook (test/host) through WorkbookServer. Load/sync rules, PropertyNotLoaded, null
 * objects, tracked objects, error objects and the bytes on the wire are therefore the real
 * library's. The inspection helpers (values, cell, sheetNames, snapshot, type …) and the knobs
 * (apiVersion, failOn, payloadLimit) are the in-memory host's.
 */
import { InMemoryExcel, RequestRecord } from "../host/excel";
import { officeJs } from "./library";
import { ServedRequest, WorkbookServer } from "./workbookServer";

let serial = 0;

export interface OfficeJsRequest extends RequestRecord {
  actions: number;
  error?: string;
}

export class OfficeJsExcel extends InMemoryExcel {
  override requests: OfficeJsRequest[] = [];
  readonly url: string;
  private server: WorkbookServer;

  constructor(firstSheet: string | null = "Sheet1") {
    super(firstSheet);
    this.url = `https://workbook-${++serial}.prodbook.test/`;
    this.server = new WorkbookServer(this, () => this.payloadLimit);
    const lib = officeJs();
    lib.route(this.url, async (request) => {
      const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
      const r = this.server.answer(text, (s: ServedRequest) =>
        this.requests.push({
          bytes: s.bytes,
          responseBytes: s.responseBytes,
          operations: s.actions,
          actions: s.actions,
          calculationSuspended: s.calculationSuspended,
          screenUpdatingSuspended: s.screenUpdatingSuspended,
          error: s.error,
        }),
      );
      return { statusCode: r.statusCode, headers: { "CONTENT-TYPE": "application/json" }, body: r.body };
    });
    this.run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const context = new lib.Excel.RequestContext(this.url);
      return lib.Excel.run(context, batch);
    };
  }

  /** References Excel was asked to keep since the last resetCounters (ranges not untracked in time). */
  get keptReferences(): number {
    return this.server.keptReferences;
  }

  override resetCounters(): void {
    super.resetCounters();
    this.server.keptReferences = 0;
  }

  largestResponse(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
}
