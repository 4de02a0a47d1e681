/**
 * The one seam between Prodbook and Office.js: `run` is Excel.run, `isSetSupported` asks Office
 * which ExcelApi sets the host has. Tests and the browser harness pass the in-memory host instead.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The host office.js gives inside Excel; call only after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}
