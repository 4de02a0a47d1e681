/**
 * Bad input to a worksheet function. The custom-function wrappers turn it into an Excel error
 * with this message: "value" → #VALUE!, "na" → #N/A (the two error codes that carry a message).
 */
export class FunctionInputError extends Error {
  constructor(
    message: string,
    readonly code: "value" | "na" = "value",
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}
