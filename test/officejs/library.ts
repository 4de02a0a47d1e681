/**
 * Microsoft's office.js, as the npm package `@microsoft/office-js` ships it, loaded once per test
 * process into a jsdom window, offline. `new Excel.RequestContext(url)` sends each batch through
 * `OfficeExtension.HttpUtility.sendRequest`, whose custom-function seam
 * (`HttpUtility.setCustomSendRequestFunc`) is where the in-memory workbook answers.
 */
import { readFileSync } from "fs";

export interface HttpRequestInfo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}
export interface HttpResponseInfo {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
export type SendRequest = (request: HttpRequestInfo) => Promise<HttpResponseInfo>;

export interface OfficeJsLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** Routes every request office.js sends for this URL to `send`. */
  route(url: string, send: SendRequest): void;
  /**
   * Makes `url` the document that `Excel.run(batch)` without a context reaches, as inside Excel
   * (office.js's `ClientRequestContext.defaultRequestUrlAndHeaders`, read when no URL is given).
   */
  useAsDocument(url: string): void;
  /**
   * What `Office.context` gives (office.js's getter asks `OSF._OfficeAppFactory.getContext()`,
   * which Office's host loader sets when the add-in starts inside Excel; no test has that loader).
   */
  setOfficeContext(context: unknown): void;
}

const SCRIPT = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
let library: OfficeJsLibrary | undefined;

type OfficeWindow = { eval(src: string): void; Excel: typeof Excel; OfficeExtension: typeof OfficeExtension; Office: typeof Office; OSF: { _OfficeAppFactory?: unknown } };

/**
 * The window office.js runs in: a jsdom of its own under jest's node environment; under the jsdom
 * environment (the task pane's tests) the test's own window, so the pane's global `Excel` and
 * `Office` are office.js's, as in Excel.
 */
function officeWindow(): OfficeWindow {
  if (typeof window !== "undefined" && typeof document !== "undefined") {
    const win = window as unknown as OfficeWindow;
    (0, eval)(readFileSync(SCRIPT, "utf8"));
    return win;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jsdom only where there is no window yet
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  const win = dom.window as unknown as OfficeWindow;
  win.eval(readFileSync(SCRIPT, "utf8"));
  return win;
}

export function officeJs(): OfficeJsLibrary {
  if (library) return library;
  const win = officeWindow();
  const routes = new Map<string, SendRequest>();
  const http = (win.OfficeExtension as unknown as { HttpUtility: { setCustomSendRequestFunc(f: SendRequest): void } }).HttpUtility;
  http.setCustomSendRequestFunc(async (request) => {
    const base = [...routes.keys()].find((u) => request.url.startsWith(u));
    if (!base) throw new Error(`office.js sent a request to ${request.url}, which no test workbook answers`);
    return routes.get(base)!(request);
  });
  library = {
    Excel: win.Excel,
    OfficeExtension: win.OfficeExtension,
    route: (url, send) => void routes.set(url, send),
    setOfficeContext: (context) => {
      win.OSF._OfficeAppFactory = { getContext: () => context };
    },
    useAsDocument: (url) => {
      (win.OfficeExtension as unknown as { ClientRequestContext: { defaultRequestUrlAndHeaders: unknown } }).ClientRequestContext.defaultRequestUrlAndHeaders = { url, headers: {} };
    },
  };
  return library;
}
