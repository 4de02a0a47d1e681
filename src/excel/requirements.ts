import type { ExcelHost } from "./host";

/**
 * ExcelApi sets Prodbook uses. 1.7 is the floor (worksheet tabColor, freezePanes.freezeRows,
 * workbook.name, getUsedRangeOrNullObject, conditional formats, suspendApiCalculationUntilNextSync);
 * 1.9 adds page layout (call sheets print one page wide) and suspendScreenUpdatingUntilNextSync,
 * which are used when present and skipped otherwise. The manifest declares ExcelApi 1.7.
 */
export const REQUIRED_SET = { name: "ExcelApi", version: "1.7" } as const;
export const OPTIONAL_SETS = {
  pageLayout: { name: "ExcelApi", version: "1.9" },
  screenUpdating: { name: "ExcelApi", version: "1.9" },
} as const;

export interface HostFeatures {
  /** False when the host lacks REQUIRED_SET: commands refuse with `message`. */
  ok: boolean;
  pageLayout: boolean;
  screenUpdating: boolean;
  message?: string;
}

export function hostFeatures(host: ExcelHost): HostFeatures {
  const has = (s: { name: string; version: string }) => host.isSetSupported(s.name, s.version);
  const ok = has(REQUIRED_SET);
  return {
    ok,
    pageLayout: has(OPTIONAL_SETS.pageLayout),
    screenUpdating: has(OPTIONAL_SETS.screenUpdating),
    message: ok
      ? undefined
      : "This version of Excel is too old for Prodbook: it needs the Excel JavaScript API 1.7 (Excel 2019, Excel 2021, " +
        "Microsoft 365 or Excel on the web). The command line `prodbook build` works with any Excel file.",
  };
}
