import * as path from "node:path";
import { runSolve } from "../../src/cli/solveCommand";

const TALENT_DIR = path.resolve(__dirname, "../../../shared/data/talent");

const TINY = "tiny\n4\n3\n\n1 0 1 0    1\n1 1 0 1    2\n0 1 1 0    3\n\n\n1 2 3 1\n";

function fakeIo(files: Record<string, string> = {}) {
  const io = {
    out: "",
    err: "",
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
    readFile: (p: string): string => {
      if (p in files) return files[p];
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
    },
  };
  return io;
}

describe("prodbook solve", () => {
  it("prints the optimum as JSON with exactly the documented keys", async () => {
    const io = fakeIo({ "tiny.dat": TINY });
    expect(await runSolve(["tiny.dat", "--json"], io)).toBe(0);
    expect(io.err).toBe("");
    expect(io.out).toMatch(/^\{"order": \[\d(, \d){3}\], "totalPaid": 29, "idle": 2, "optimal": true, "lowerBound": null, "gap": null, "ms": [\d.]+\}\n$/);
    const out = JSON.parse(io.out) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["order", "totalPaid", "idle", "optimal", "lowerBound", "gap", "ms"]);
    expect([...(out.order as number[])].sort()).toEqual([0, 1, 2, 3]);
  });

  it("prints a readable summary without --json", async () => {
    const io = fakeIo({ "tiny.dat": TINY });
    expect(await runSolve(["tiny.dat"], io)).toBe(0);
    expect(io.out).toContain("tiny: 4 scenes, 3 actors");
    expect(io.out).toContain("Total paid: 29");
    expect(io.out).toContain("Idle (waiting) cost: 2");
    expect(io.out).toMatch(/Optimal: yes, proved in [\d.]+ ms/);
  });

  it("reads the file system when the io has no readFile, and honours --time-limit", async () => {
    const io = fakeIo();
    const { stdout, stderr } = io;
    const file = path.join(TALENT_DIR, "Shaw2020.dat");
    expect(await runSolve([file, "--time-limit", "0.001", "--json"], { stdout, stderr })).toBe(0);
    const out = JSON.parse(io.out) as { order: number[]; totalPaid: number; optimal: boolean; lowerBound: number; gap: number };
    expect(out.optimal).toBe(false);
    // The gap is the order's excess over the proved bound, as a fraction of the bound.
    expect(out.lowerBound).toBeLessThanOrEqual(out.totalPaid);
    expect(out.gap).toBeCloseTo((out.totalPaid - out.lowerBound) / out.lowerBound, 12);
    expect([...out.order].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(out.totalPaid).toBeGreaterThanOrEqual(877);
  });

  it("says when the time limit stopped the proof", async () => {
    const io = fakeIo();
    const file = path.join(TALENT_DIR, "Shaw2020.dat");
    expect(await runSolve([file, "--time-limit=0"], { stdout: io.stdout, stderr: io.stderr })).toBe(0);
    expect(io.out).toMatch(/Optimal: not proved within the time limit .*the optimum is at least \d+, so this order is at most \d+% above the best possible/);
  });

  it("prints help", async () => {
    const io = fakeIo();
    expect(await runSolve(["--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: prodbook solve FILE.dat [--json] [--time-limit S]");
  });

  it.each([
    [[], /needs a file/, 2],
    [["a.dat", "b.dat"], /takes one file, got a.dat and b.dat/, 2],
    [["tiny.dat", "--fast"], /unknown option --fast/, 2],
    [["tiny.dat", "--time-limit"], /--time-limit needs a number of seconds/, 2],
    [["tiny.dat", "--time-limit", "soon"], /--time-limit needs a number of seconds, got "soon"/, 2],
    [["tiny.dat", "--time-limit=-1"], /--time-limit needs a number of seconds, got "-1"/, 2],
    [["missing.dat"], /no such file: missing.dat/, 3],
    [["bad.dat"], /bad.dat: line 6: scene flag 2 of actor 2 must be 0 or 1, found "x"/, 4],
  ])("exits with a message for %j", async (args, message, code) => {
    const io = fakeIo({ "tiny.dat": TINY, "bad.dat": TINY.replace("1 1 0 1    2", "1 x 0 1    2") });
    expect(await runSolve(args, io)).toBe(code);
    expect(io.out).toBe("");
    expect(io.err).toMatch(message);
    expect(io.err).toMatch(/^prodbook solve: /);
  });
});
