// The cell menu's "Open Prodbook" command: it must open the pane and always complete the event,
// or Excel shows the command as running forever.
type Associated = Record<string, (event: { completed: () => void }) => Promise<void>>;

function installOffice(showAsTaskpane: () => Promise<void>): Associated {
  const associated: Associated = {};
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb: () => void) => {
      cb();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate: (id: string, fn: Associated[string]) => (associated[id] = fn) },
    addin: { showAsTaskpane },
  };
  return associated;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  jest.resetModules();
});

test("associates showProdbook, which opens the pane and completes the event", async () => {
  const show = jest.fn(() => Promise.resolve());
  const associated = installOffice(show);
  await import("../../src/commands/commands");
  expect(Object.keys(associated)).toEqual(["showProdbook"]);
  const completed = jest.fn();
  await associated.showProdbook({ completed });
  expect(show).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("completes the event even when the pane cannot be shown", async () => {
  const associated = installOffice(() => Promise.reject(new Error("not in a shared runtime")));
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await import("../../src/commands/commands");
  const completed = jest.fn();
  await associated.showProdbook({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(spy).toHaveBeenCalledWith("Prodbook: could not open the task pane.", expect.any(Error));
  spy.mockRestore();
});

test("does nothing outside Office (no Office global)", async () => {
  const mod = await import("../../src/commands/commands");
  expect(mod.COMMANDS.showProdbook).toBe("showProdbook");
});
