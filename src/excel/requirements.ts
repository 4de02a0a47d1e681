import type { ExcelHost } from "./host";

/**
 * What Prodbook needs from Excel, said once for the manifest, the pane and the docs.
 *
 * The manifest asks for SharedRuntime 1.1 (custom functions and the pane share one runtime) and
 * ExcelApi 1.7. SharedRuntime 1.1 is what sets the real floor: only Microsoft 365 (Version 2002 or
 * later), Excel 2021 and later, Excel on the web and Excel for Mac 16.35 or later have it; Excel
 * 2019 and Excel 2016 do not offer the add-in at all. ExcelApi 1.7 is what the commands call
 * (worksheet tabColor, freezePanes, workbook.name, getUsedRangeOrNullObject, conditional formats,
 * suspendApiCalculationUntilNextSync); ExcelApi 1.9 adds page layout (call sheets print one page
 * wide), suspendScreenUpdatingUntilNextSync and RangeFormat.indentLevel, each used only when
 * `isSetSupported` says the host has it.
 */
export const REQUIRED_SET = { name: "ExcelApi", version: "1.7" } as const;
export const SHARED_RUNTIME_SET = { name: "SharedRuntime", version: "1.1" } as const;
export const OPTIONAL_SETS = {
  pageLayout: { name: "ExcelApi", version: "1.9" },
  screenUpdating: { name: "ExcelApi", version: "1.9" },
  indentLevel: { name: "ExcelApi", version: "1.9" },
} as const;

/** The Excel versions that can run Prodbook, as the pane and the docs name them. */
export const SUPPORTED_EXCEL = "Microsoft 365 (Version 2002 or later), Excel 2021 or later, Excel on the web, or Excel for Mac 16.35 or later";

export interface HostFeatures {
  /** False when the host lacks REQUIRED_SET: commands refuse with `message`. */
  ok: boolean;
  pageLayout: boolean;
  screenUpdating: boolean;
  indentLevel: boolean;
  message?: string;
}

export function hostFeatures(host: ExcelHost): HostFeatures {
  const has = (s: { name: string; version: string }) => host.isSetSupported(s.name, s.version);
  const ok = has(REQUIRED_SET);
  return {
    ok,
    pageLayout: has(OPTIONAL_SETS.pageLayout),
    screenUpdating: has(OPTIONAL_SETS.screenUpdating),
    indentLevel: has(OPTIONAL_SETS.indentLevel),
    message: ok
      ? undefined
      : `This version of Excel is too old for Prodbook: it needs ${SUPPORTED_EXCEL} (the Excel JavaScript API 1.7 and the shared runtime 1.1). ` +
        "The command line `prodbook build` works with any Excel file.",
  };
}
