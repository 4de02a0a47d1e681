import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { importScript, parseFountain, parseHeading, foldCharacter, paginate, scriptScenes, wrap } from "../../../src/core/script";

const FIX = join(__dirname, "..", "..", "fixtures", "scripts");
const read = (p: string) => readFileSync(join(FIX, p), "utf8");

describe("scene headings", () => {
  test.each([
    ["INT. HOTEL METROPOLE - LOBBY - DAY", "INT", "HOTEL METROPOLE - LOBBY", "DAY", "", ""],
    ["EXT. PIER - DUSK", "EXT", "PIER", "DUSK", "", ""],
    ["INT./EXT. CAR - MOVING - NIGHT", "INT/EXT", "CAR - MOVING", "NIGHT", "", ""],
    ["I/E. TRUCK - DAWN", "INT/EXT", "TRUCK", "DAWN", "", ""],
    ["EXT/INT. SORORITY HOUSE - THE DOORWAY", "INT/EXT", "SORORITY HOUSE - THE DOORWAY", "", "", ""],
    ["INT. KITCHEN - CONTINUOUS", "INT", "KITCHEN", "NIGHT", "CONTINUOUS", ""],
    ["INT. KITCHEN - MOMENTS LATER", "INT", "KITCHEN", "NIGHT", "MOMENTS LATER", ""],
    ["INT. KITCHEN", "INT", "KITCHEN", "", "", ""],
    ["EXT. FIELD - SUNSET", "EXT", "FIELD", "DUSK", "", ""],
    ["INT. OFFICE - DAY (D3)", "INT", "OFFICE", "DAY", "", "3"],
    ["INT. OFFICE - NIGHT 4", "INT", "OFFICE", "NIGHT", "", "4"],
    ["EST. CITY SKYLINE - MORNING", "EXT", "CITY SKYLINE", "MORNING", "", ""],
    ["INT. SANDRA'S BEDROOM - [THE NEXT] MORNING", "INT", "SANDRA'S BEDROOM", "MORNING", "[THE NEXT] MORNING", ""],
    ["INT. BATHROOM - DAY [FLASHFORWARD]", "INT", "BATHROOM", "DAY", "DAY [FLASHFORWARD]", ""],
    ["EXT. RIVER - LATER THAT NIGHT", "EXT", "RIVER", "NIGHT", "LATER THAT NIGHT", ""],
  ])("%s", (text, ie, set, dn, note, day) => {
    const h = parseHeading(text, "NIGHT");
    expect([h.intExt, h.set, h.dayNight, h.timeNote, h.scriptDay]).toEqual([ie, set, dn, note, day]);
  });

  test("OMITTED headings are omitted scenes", () => {
    expect(parseHeading("OMITTED", "").omitted).toBe(true);
  });

  test("extensions fold into one character", () => {
    for (const n of ["MARY (V.O.)", "MARY (O.S.)", "MARY (CONT'D)", "MARY (CONT’D)", "Mary", "MARY ^", "MARY (O.C.) (CONT'D)"]) expect(foldCharacter(n)).toBe("MARY");
  });
});

describe("Fountain edge cases", () => {
  const src = [
    "Title: Edge Cases",
    "Revision: Pink",
    "",
    "INT. HOUSE - DAY #12A#",
    "",
    "A note sits here. [[Props: gun, 2 badges]]",
    "[[Script Day: 2]]",
    "",
    "BRICK",
    "Screw retirement.",
    "",
    "STEEL ^",
    "Screw retirement.",
    "",
    ".FORCED HEADING",
    "",
    "@McCLANE",
    "(quietly)",
    "Yippee.",
    "",
    "[[Cast: HANS]]",
    "",
    "===",
    "",
    "EXT. ROOF #13#",
    "",
    "/* boneyard: INT. NOT A SCENE - DAY */",
    "",
    "CUT TO:",
    "",
    "OMITTED #14#",
    "",
  ].join("\n");

  const script = scriptScenes(parseFountain(src));

  test("headings, forced headings and #numbers#", () => {
    // The forced heading has no number of its own: it follows 12A.
    expect(script.scenes.map((s) => s.number)).toEqual(["12A", "12B", "13"]);
    expect(script.scenes[1].set).toBe("FORCED HEADING");
    expect(script.scenes[2].dayNight).toBe("");
    expect(script.title).toBe("Edge Cases");
    expect(script.revision).toBe("Pink");
  });

  test("dual dialogue speakers, forced and marked-present characters", () => {
    expect(script.scenes[0].characters).toEqual(["BRICK", "STEEL"]);
    expect(script.scenes[1].characters).toEqual(["MCCLANE", "HANS"]);
    expect(script.cast).toEqual(["BRICK", "STEEL", "MCCLANE", "HANS"]);
  });

  test("notes become breakdown elements and the script day", () => {
    expect(script.scenes[0].elements).toEqual([
      { category: "Props", element: "gun" },
      { category: "Props", element: "badges", quantity: 2 },
    ]);
    expect(script.scenes[0].scriptDay).toBe("2");
    expect(script.scenes[0].description).toBe("A note sits here.");
  });

  test("a forced page break starts the next scene on a new page; boneyard text is not a scene", () => {
    expect(script.scenes[2].page).toBe(2);
    expect(script.scenes.some((s) => /NOT A SCENE/.test(s.heading))).toBe(false);
  });

  test("a forced page break gives the rest of the page to the scene before it", () => {
    // Heading 0, blank, action 2, blank, dual speech 4-5, blank: 12B starts on line 7 and runs
    // to the break, 48 lines of 55 = 6.98 eighths → 7/8.
    const doc = parseFountain(src);
    const pag = paginate(doc.elements);
    const i = doc.elements.findIndex((e) => e.text === "FORCED HEADING");
    expect(pag.start[i]).toBe(7);
    expect(script.scenes[1].eighths).toBe(7);
  });
});

describe("pagination", () => {
  test("word wrap at the element width", () => {
    expect(wrap("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrap("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  test("a page holds 55 lines: 27 one-line actions after a heading fill it, the next heading starts page 2", () => {
    // Heading (1) + 27 × (blank + action) = 55 lines exactly.
    const body = Array.from({ length: 27 }, (_, i) => `Line ${i}.`).join("\n\n");
    const s = scriptScenes(parseFountain(`INT. A - DAY\n\n${body}\n\nINT. B - DAY\n\nEnd.`));
    expect(s.scenes[0].lines).toBe(55);
    expect(s.scenes[0].eighths).toBe(8);
    expect(s.scenes[1].page).toBe(2);
  });

  test("a scene heading is never the last line of a page", () => {
    // 26 actions bring page 1 to 53 lines; heading B would sit on 55 with nothing under it.
    const body = Array.from({ length: 26 }, (_, i) => `Line ${i}.`).join("\n\n");
    const s = scriptScenes(parseFountain(`INT. A - DAY\n\n${body}\n\nINT. B - DAY\n\nEnd.`));
    expect(s.scenes[1].page).toBe(2);
    expect(s.scenes[0].lines).toBe(55);
  });

  test("a long speech splits with (MORE) and (CONT'D)", () => {
    const fill = Array.from({ length: 25 }, (_, i) => `Line ${i}.`).join("\n\n");
    const speech = Array.from({ length: 8 }, () => "Word ".repeat(7).trim()).join(" ");
    const s = scriptScenes(parseFountain(`INT. A - DAY\n\n${fill}\n\nBOB\n${speech}\n\nINT. B - DAY\n\nEnd.`));
    // Eight 34-character dialogue lines. Page 1 has 51 lines used: blank, BOB, one dialogue line
    // and (MORE) fill it; page 2 has BOB (CONT'D) and the other 7 lines, then blank + heading B at 9.
    expect(s.scenes[1].page).toBe(2);
    expect(s.scenes[0].lines).toBe(55 + 9);
  });

  test("eighths summed over a script are its length, each scene rounded up by less than one eighth", () => {
    const scene = fc.record({
      actions: fc.array(fc.string({ minLength: 1, maxLength: 200 }).map((t) => t.replace(/[^a-z ]/g, "a").trim() || "a"), { minLength: 0, maxLength: 12 }),
      speeches: fc.array(fc.tuple(fc.constantFrom("ANA", "BEN", "CY"), fc.string({ minLength: 1, maxLength: 300 }).map((t) => t.replace(/[^a-z ]/g, "b").trim() || "b")), { maxLength: 10 }),
      breakBefore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(scene, { minLength: 1, maxLength: 40 }), (scenes) => {
        const text = scenes
          .map((s, i) => [s.breakBefore ? "===" : "", `INT. ROOM ${i} - DAY`, ...s.actions, ...s.speeches.map(([c, d]) => `${c}\n${d}`)].filter(Boolean).join("\n\n"))
          .join("\n\n");
        const r = scriptScenes(parseFountain(text));
        expect(r.scenes).toHaveLength(scenes.length);
        const lines = r.scenes.reduce((n, s) => n + s.lines, 0);
        const eighths = r.scenes.reduce((n, s) => n + s.eighths, 0);
        // Exact: the scenes tile the script from the first heading to the last line.
        expect(Math.ceil((lines * 8) / 55 - 1e-9)).toBe(r.pageEighths);
        expect(eighths).toBeGreaterThanOrEqual(r.pageEighths);
        expect(eighths).toBeLessThan(r.pageEighths + r.scenes.length);
        // Within one eighth a page when scenes are at least a page long on average.
        if (r.scenes.length * 8 <= r.pageEighths) expect(eighths - r.pageEighths).toBeLessThanOrEqual(Math.ceil(r.pageEighths / 8));
      }),
      { numRuns: 150 },
    );
  });
});

describe("real scripts", () => {
  test("Big Fish (Fountain sample feature): 192 scenes, about 121 pages, cast folded", () => {
    const s = importScript("Big Fish.fountain", read("fountain-tests/Big Fish.fountain"));
    expect(s.scenes).toHaveLength(192);
    expect(s.pages).toBe(122);
    expect(s.cast).toContain("EDWARD");
    expect(s.cast.filter((c) => /\(/.test(c))).toEqual([]);
    expect(s.scenes.every((x) => x.eighths >= 1)).toBe(true);
  });

  test("the Fountain syntax test files", () => {
    const nums = scriptScenes(parseFountain(read("fountain-tests/SceneNumbers.fountain")));
    // #1a# repeats #1A# (numbers match case-insensitively): it is renumbered, with a warning.
    expect(nums.scenes.map((s) => s.number)).toEqual(["1", "1A", "1B", "A1", "I-1-A", "1.", "110A"]);
    expect(nums.warnings.map((w) => w.message)).toEqual(["Scene number 1a is used twice; this scene is numbered 1B"]);
    expect([nums.scenes[6].set, nums.scenes[6].dayNight, nums.scenes[6].timeNote]).toEqual(["HOUSE", "DAY", "FLASHBACK (1944)"]);
    const dual = parseFountain(read("fountain-tests/DualDialogue.fountain"));
    expect(dual.elements.map((e) => [e.type, e.text, e.dual])).toEqual([
      ["character", "ADAM", "left"],
      ["dialogue", "Yes.", "left"],
      ["character", "EVE", "right"],
      ["dialogue", "No.", "right"],
    ]);
    const boneyard = parseFountain(read("fountain-tests/Boneyard.fountain"));
    expect(boneyard.elements.map((e) => e.text).join(" ")).not.toMatch(/\/\*|\*\//);
  });

  test("stripboard-dev Harbour: four scenes, their times of day and cast", () => {
    const s = importScript("screenplay-harbour.fountain", read("stripboard-dev/screenplay-harbour.fountain"));
    expect(s.scenes.map((x) => `${x.intExt} ${x.set} ${x.dayNight}`)).toEqual(["EXT TRAWLER DECK DAWN", "INT HARBOUR MASTER OFFICE DAY", "EXT LIGHTHOUSE STAIRS DUSK", "INT LIGHTHOUSE LAMP ROOM NIGHT"]);
    expect(s.cast).toEqual(["NELL", "TOMAS", "MIRA"]);
  });
});
