/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { CommandOutcome, ProdbookService, ProgressHandler } from "../../src/taskpane/services/prodbookService";
import type { Problem } from "../../src/core/problems";

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own size with one.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const problem: Problem = { severity: "error", sheet: "Budget", table: "Budget", row: 5, column: "Rate", cell: "F5", message: 'Rate must be a number, not "lots"' };
const warning: Problem = { severity: "warning", sheet: "Stripboard", table: "Stripboard", row: 9, column: "Pages", cell: "F9", message: "Scene 12 has no pages; counted as 1/8" };

/** A fake whose commands wait until the test finishes them, so progress can be seen. */
function fakeService(unavailable?: string) {
  let finish: (o: CommandOutcome) => void = () => undefined;
  let report: ProgressHandler = () => undefined;
  const pending = () =>
    new Promise<CommandOutcome>((resolve) => {
      finish = resolve;
    });
  const service: ProdbookService & { selectProblem: jest.Mock } = {
    unavailable: () => unavailable,
    newProduction: (p) => ((report = p), pending()),
    updateBudget: (p) => ((report = p), pending()),
    buildSchedule: (p) => ((report = p), pending()),
    selectProblem: jest.fn(async () => ({ ok: true })),
  };
  return { service, finish: (o: CommandOutcome) => finish(o), progress: (s: string, f: number) => report(s, f) };
}

function renderApp(service: ProdbookService) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  test("a command shows its progress, disables the buttons, then shows messages and problems", async () => {
    const fake = fakeService();
    renderApp(fake.service);
    const update = screen.getByRole("button", { name: "Update budget" });
    fireEvent.click(update);
    act(() => fake.progress("Writing sheets (2 of 4)", 0.4));
    expect(screen.getByRole("progressbar", { name: "Updating the budget: Writing sheets (2 of 4)" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Build schedule" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      fake.finish({
        ok: false,
        written: [],
        problems: [warning, problem],
        messages: [{ intent: "warning", text: "Top Sheet was changed since Prodbook wrote it, so it was kept and the new one is Top Sheet (2)." }],
      }),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText(/kept and the new one is Top Sheet \(2\)/)).toBeTruthy();
    const items = screen.getAllByRole("button", { name: /Go to the cell/ });
    // Errors first, with place and message in the accessible name.
    expect(items.map((b) => b.getAttribute("aria-label"))).toEqual([
      'Error at Budget!F5 (Rate): Rate must be a number, not "lots". Go to the cell.',
      "Warning at Stripboard!F9 (Pages): Scene 12 has no pages; counted as 1/8. Go to the cell.",
    ]);
    expect((screen.getByRole("button", { name: "Build schedule" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("clicking a problem asks the service to select its cell", async () => {
    const fake = fakeService();
    renderApp(fake.service);
    fireEvent.click(screen.getByRole("button", { name: "Build schedule" }));
    await act(async () => fake.finish({ ok: false, written: [], problems: [problem], messages: [] }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /Error at Budget!F5/ }));
    });
    expect(fake.service.selectProblem).toHaveBeenCalledWith(problem);
  });

  test("a second click while a command runs is ignored", async () => {
    const fake = fakeService();
    const spy = jest.spyOn(fake.service, "updateBudget");
    renderApp(fake.service);
    const btn = screen.getByRole("button", { name: "Update budget" });
    fireEvent.click(btn);
    fireEvent.click(btn);
    expect(spy).toHaveBeenCalledTimes(1);
    await act(async () => fake.finish({ ok: true, written: [], problems: [], messages: [{ intent: "success", text: "Wrote Top Sheet and Cost Report." }] }));
    expect(screen.getByText("Wrote Top Sheet and Cost Report.")).toBeTruthy();
  });

  test("New production offers an empty production or the sample", async () => {
    const fake = fakeService();
    const spy = jest.spyOn(fake.service, "newProduction");
    renderApp(fake.service);
    fireEvent.click(screen.getByRole("button", { name: "New production" }));
    const items = await screen.findAllByRole("menuitem");
    expect(items.map((i) => i.textContent)).toEqual(["Empty production", "Sample production (The Long Way Home)"]);
    fireEvent.click(items[0]);
    expect(spy).toHaveBeenCalledWith(expect.any(Function), "empty");
    await act(async () => fake.finish({ ok: true, written: [], problems: [], messages: [{ intent: "success", text: "Started an empty production." }] }));
    fireEvent.click(screen.getByRole("button", { name: "New production" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Sample production (The Long Way Home)" }));
    expect(spy).toHaveBeenLastCalledWith(expect.any(Function), "sample");
  });

  test("a host that cannot run Prodbook says why and offers no commands", () => {
    renderApp(fakeService("This version of Excel is too old for Prodbook").service);
    expect(screen.getByRole("alert").textContent).toContain("too old for Prodbook");
    for (const name of ["New production", "Update budget", "Build schedule"]) {
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    }
  });

  test("commands are buttons with their hint as description (keyboard and screen readers)", () => {
    renderApp(fakeService().service);
    const btn = screen.getByRole("button", { name: "Update budget" });
    const hint = document.getElementById(btn.getAttribute("aria-describedby")!);
    expect(hint?.textContent).toBe("Writes the Top Sheet and the Cost Report.");
    expect(screen.getByRole("main", { name: "Prodbook" })).toBeTruthy();
  });
});
