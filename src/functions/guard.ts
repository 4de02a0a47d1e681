import { FunctionInputError } from "./errors";

/**
 * Runs a function body so that Excel always gets a value or an Excel error with a message:
 * #N/A for a missing code, #VALUE! for the rest. A bare exception would show a bare #VALUE!.
 */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const na = e instanceof FunctionInputError && e.code === "na";
    const message = e instanceof FunctionInputError ? e.message : `Prodbook could not compute this: ${e instanceof Error ? e.message : String(e)}`;
    throw new CustomFunctions.Error(na ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, message);
  }
}
