import { basicArg, basicValue } from "../../src/functions/dataTypes";
import { efc, pages } from "../../src/functions/functions";

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: class extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
});

// Shapes from Excel.CellValue in @types/office-js (FormattedNumberCellValue, EntityCellValue, StringCellValue).
const formatted = (n: number) => ({ type: "FormattedNumber", basicType: "Double", basicValue: n, numberFormat: "$#,##0.00" });
const entity = (text: string) => ({ type: "Entity", basicType: "Error", basicValue: "#VALUE!", text, properties: {} });

describe("data-type arguments (allowCustomDataForDataTypeAny)", () => {
  test("a formatted number counts as its number", () => {
    // EFC = actual + committed + estimate to complete: 600 + 150 + 250.
    expect(efc([[formatted(1000)]], [[formatted(600)]], [[150]], [[formatted(250)]])).toEqual([[1000]]);
  });

  test("an entity counts as its text; a string data type as its string", () => {
    expect(pages([[entity("2 3/8")]])).toEqual([[2.375]]);
    expect(pages([[{ type: "String", basicType: "String", basicValue: "3/8" }]])).toEqual([[0.375]]);
  });

  test("plain values and matrices pass through unchanged", () => {
    expect(basicArg([[1, "a", null, true]])).toEqual([[1, "a", null, true]]);
    expect(basicValue(undefined)).toBeUndefined();
    expect(basicArg(formatted(5))).toBe(5);
  });
});
