import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importScript, ScriptError } from "../../../src/core/script";

const FIX = join(__dirname, "..", "..", "fixtures", "scripts");

describe("Final Draft", () => {
  const s = importScript("tagged.fdx", readFileSync(join(FIX, "edge", "tagged.fdx"), "utf8"));

  test("scene numbers, headings, CONTINUOUS taking the previous time of day", () => {
    expect(s.scenes.map((x) => [x.number, x.intExt, x.set, x.dayNight, x.timeNote])).toEqual([
      ["1", "INT", "DINER", "NIGHT", ""],
      ["2A", "EXT", "PARKING LOT", "NIGHT", "CONTINUOUS"],
      ["3", "INT", "JO'S APARTMENT", "", ""],
    ]);
  });

  test("TagData: props, background with a count, vehicles; a Cast tag marks a character present", () => {
    expect(s.scenes[0].elements).toEqual([
      { category: "Props", element: "revolver" },
      { category: "Background", element: "diners", quantity: 12 },
    ]);
    expect(s.scenes[1].elements).toEqual([{ category: "Vehicles", element: "pickup truck" }]);
    expect(s.scenes[0].characters).toEqual(["JO", "SAM"]);
  });

  test("dual dialogue speakers and revision marks", () => {
    expect(s.scenes[1].characters).toEqual(["JO", "SAM"]);
    expect(s.scenes[1].revision).toBe("Blue");
    expect(s.scenes[0].revision).toBeUndefined();
    expect(s.revision).toBe("Blue");
  });

  test("eighths worked by hand: 10 lines → 2/8; to a forced page break 45 lines → 7/8; 3 lines → 1/8", () => {
    expect(s.scenes.map((x) => [x.lines, x.eighths, x.page])).toEqual([
      [10, 2, 1],
      [45, 7, 1],
      [3, 1, 2],
    ]);
    expect(s.pageEighths).toBe(9);
  });

  test("the stripboard-dev Metropole script", () => {
    const m = importScript("screenplay-metropole.fdx", readFileSync(join(FIX, "stripboard-dev", "screenplay-metropole.fdx"), "utf8"));
    expect(m.scenes).toHaveLength(5);
    expect(m.cast).toEqual(["ANSELM", "INES", "TOMAS"]);
    expect(m.scenes[0].description).toMatch(/^Rain streaks the revolving door\./);
  });

  test("a damaged .fdx is a clear error", () => {
    expect(() => importScript("bad.fdx", "<FinalDraft><Content><Paragraph>")).toThrow(ScriptError);
    expect(() => importScript("x.fdx", "<?xml version='1.0'?><Other/>")).toThrow(/not a Final Draft/);
  });

  test("a script with no scene headings says so", () => {
    expect(() => importScript("notes.fountain", "Just some words.\n")).toThrow(/no scene headings/);
  });
});
