import { parseUndoGrid, undoGrid } from "../../../src/core/optimize/undo";

describe("the saved Stripboard order", () => {
  it("round-trips headers and rows, text and dates included", () => {
    const saved = {
      table: "Stripboard",
      sheet: "Board",
      when: "2027-03-01T10:00:00.000Z",
      headers: ["Scene", "Pages", "Description", "Lock"],
      rows: [
        ["1", "1 3/8", "=not a formula", true],
        ["End of Day", null, null, null],
        ["2", 0.5, new Date(Date.UTC(2027, 2, 1)), null],
      ],
    };
    const grid = undoGrid(saved);
    expect(grid[0][0]).toBe("Prodbook stripboard before optimizing");
    expect(parseUndoGrid(grid)).toEqual(saved);
  });

  it("refuses a sheet that is not a saved board", () => {
    expect(parseUndoGrid([["Scene"], ["1"]])).toBeUndefined();
  });
});
