/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { CommandOutcome, PickedFile, ProdbookService, ProgressHandler } from "../../src/taskpane/services/prodbookService";
import type { BudgetSummary, ScheduleSummary } from "../../src/core/summary";

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// Figures in cents. Variance = budget − EFC: 1,850,889.65 − 1,854,906.10 = −4,016.45.
const budget: BudgetSummary = {
  currency: "USD",
  total: 185088965,
  grandTotal: 201099051,
  efc: 185490610,
  variance: -401645,
  over: [{ code: "1403", name: "Stunts", status: "OVER", budget: 1000000, efc: 1260000, variance: -260000, sheet: "Cost Report", row: 25 }],
  watch: [{ code: "2703", name: "Camera Package", status: "WATCH", budget: 3000000, efc: 3000000, variance: 0, sheet: "Cost Report", row: 70 }],
  sections: [
    { code: "1000", name: "Above-the-Line", budget: 62005897, efc: 63000000 },
    { code: "2000", name: "Production", budget: 81777688, efc: 80000000 },
  ],
};
// 11 days from Mon 24 May 2027 (EpochDay 20962) to Tue 8 June (20977); 58 3/8 pages = 467 eighths.
const schedule: ScheduleSummary = { days: 11, eighths: 467, first: 20962, last: 20977, holdCost: 2503000, holdDays: 15, boneyard: 0 };

function fake() {
  let finish: (o: CommandOutcome) => void = () => undefined;
  const pending = (_p: ProgressHandler) => new Promise<CommandOutcome>((r) => (finish = r));
  const service = {
    unavailable: () => undefined,
    newProduction: jest.fn(pending),
    updateBudget: jest.fn(pending),
    buildSchedule: jest.fn(pending),
    selectProblem: jest.fn(async () => ({ ok: true })),
    goTo: jest.fn(async (_s: string, _a: string) => ({ ok: true })),
    importScript: jest.fn((_f: PickedFile, p: ProgressHandler) => pending(p)),
    importLedger: jest.fn((_f: PickedFile, _o: { dayFirst: boolean }, p: ProgressHandler) => pending(p)),
  } satisfies ProdbookService;
  return { service, finish: (o: CommandOutcome) => finish(o) };
}

function renderApp(service: ProdbookService) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} />
    </FluentProvider>,
  );
}

const ok = (extra: Partial<CommandOutcome>): CommandOutcome => ({ ok: true, problems: [], messages: [], written: [], ...extra });

describe("task pane figures", () => {
  test("after Update budget: grand total, EFC, variance, OVER and WATCH lists, chart, links", async () => {
    const f = fake();
    renderApp(f.service);
    fireEvent.click(screen.getByRole("button", { name: "Update budget" }));
    await act(async () =>
      f.finish(ok({ summary: { budget }, written: [{ layout: "Top Sheet", sheet: "Top Sheet", action: "create" }, { layout: "Cost Report", sheet: "Cost Report", action: "create" }] })),
    );
    const region = screen.getByRole("region", { name: "Budget summary" });
    expect(within(region).getByText("EFC 1,854,906.10, variance -4,016.45; 1 account OVER, 1 on WATCH.")).toBeTruthy();
    const terms = within(region).getAllByRole("term").map((t) => t.textContent);
    const defs = within(region).getAllByRole("definition").map((t) => t.textContent);
    expect(terms).toEqual(["Grand total", "EFC", "Variance"]);
    expect(defs).toEqual(["2,010,990.51", "1,854,906.10", "-4,016.45"]);
    // Clicking an OVER account selects its Cost Report row: Code (A) to Status, the 11th column (K).
    const stunts = screen.getByRole("button", { name: "1403 Stunts, OVER, over by 2,600.00. Go to its Cost Report row." });
    await act(async () => fireEvent.click(stunts));
    expect(f.service.goTo).toHaveBeenCalledWith("Cost Report", "A25:K25");
    expect(screen.getByRole("button", { name: /^2703 Camera Package, WATCH/ })).toBeTruthy();
    // The chart: an image named for what it shows, described bar by bar; over budget in the description.
    const chart = screen.getByRole("img", { name: /Budget against EFC by section \(USD\)/ });
    expect(chart.querySelectorAll("rect")).toHaveLength(4);
    expect(chart.querySelector("desc")?.textContent).toBe(
      "Above-the-Line: budget 620,058.97, EFC 630,000.00, over by 9,941.03; Production: budget 817,776.88, EFC 800,000.00",
    );
    expect(chart.querySelectorAll("rect[data-over]")).toHaveLength(1);
    const links = within(screen.getByRole("navigation", { name: "Sheets written" })).getAllByRole("button");
    expect(links.map((l) => l.textContent)).toEqual(["Top Sheet", "Cost Report"]);
    await act(async () => fireEvent.click(links[1]));
    expect(f.service.goTo).toHaveBeenLastCalledWith("Cost Report", "A1");
  });

  test("after Build schedule: days, pages, first and last date, hold cost; call sheets as one link", async () => {
    const f = fake();
    renderApp(f.service);
    fireEvent.click(screen.getByRole("button", { name: "Build schedule" }));
    const written = ["Schedule", "DOOD", ...Array.from({ length: 11 }, (_, i) => `Call D${i + 1}`)].map((s) => ({ layout: s, sheet: s, action: "create" as const }));
    await act(async () => f.finish(ok({ summary: { schedule }, written })));
    const region = screen.getByRole("region", { name: "Schedule summary" });
    expect(within(region).getAllByRole("definition").map((d) => d.textContent)).toEqual(["11", "58 3/8", "2027-05-24", "2027-06-08", "15", "25,030.00"]);
    expect(within(region).getByText("11 shooting days, 58 3/8 pages, 2027-05-24 to 2027-06-08; 15 hold days, hold cost 25,030.00.")).toBeTruthy();
    const links = within(screen.getByRole("navigation", { name: "Sheets written" })).getAllByRole("button");
    expect(links.map((l) => l.textContent)).toEqual(["Schedule", "DOOD", "Call D1 (1 of 11 call sheets)"]);
  });

  test("a failed command shows no figures", async () => {
    const f = fake();
    renderApp(f.service);
    fireEvent.click(screen.getByRole("button", { name: "Update budget" }));
    await act(async () => f.finish({ ok: false, problems: [], written: [], messages: [{ intent: "error", text: "No Budget table: press New production" }] }));
    expect(screen.queryByRole("region", { name: "Budget summary" })).toBeNull();
    expect(screen.getByRole("alert").textContent).toContain("No Budget table: press New production");
  });
});

function pick(input: HTMLInputElement, name: string, text: string) {
  const file = new File([text], name, { type: "text/plain" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fireEvent.change(input);
}

describe("task pane imports", () => {
  test("Import script reads the picked file in the pane and lists scenes added, changed, omitted", async () => {
    const f = fake();
    renderApp(f.service);
    const input = document.querySelector<HTMLInputElement>('input[data-file-input="importScript"]')!;
    expect(input.accept).toBe(".fountain,.fdx,.spmd,.txt");
    pick(input, "pilot.fountain", "INT. KITCHEN - DAY\n\nCoffee.\n");
    await screen.findByRole("progressbar");
    expect(f.service.importScript).toHaveBeenCalledWith({ name: "pilot.fountain", text: "INT. KITCHEN - DAY\n\nCoffee.\n" }, expect.any(Function));
    await act(async () =>
      f.finish(
        ok({
          messages: [{ intent: "success", text: "pilot.fountain: 3 scenes. Merged into the Stripboard (Blue revision): 1 changed: 2; 1 new in the boneyard: 4; 1 omitted: 3." }],
          details: [
            { title: "Added to the boneyard (1)", items: ["Scene 4"] },
            { title: "Changed (1)", items: ["Scene 2"] },
            { title: "Omitted (1)", items: ["Scene 3"] },
          ],
        }),
      ),
    );
    expect(screen.getByRole("list", { name: "Added to the boneyard (1)" }).textContent).toBe("Scene 4");
    expect(screen.getByRole("list", { name: "Omitted (1)" }).textContent).toBe("Scene 3");
  });

  test("Import ledger CSV passes Dates are day first and lists refused rows with their CSV row", async () => {
    const f = fake();
    renderApp(f.service);
    fireEvent.click(screen.getByRole("checkbox", { name: /Dates are day first/ }));
    pick(document.querySelector<HTMLInputElement>('input[data-file-input="importLedger"]')!, "export.csv", "Date,Account,Amount\n3/4/2027,9999,10\n");
    await screen.findByRole("progressbar");
    expect(f.service.importLedger).toHaveBeenCalledWith({ name: "export.csv", text: "Date,Account,Amount\n3/4/2027,9999,10\n" }, { dayFirst: true }, expect.any(Function));
    await act(async () =>
      f.finish({
        ok: false,
        problems: [],
        written: [],
        messages: [{ intent: "error", text: "Nothing was imported: 1 line of export.csv was refused." }],
        details: [{ title: "Refused (1)", items: ['ERROR export.csv row 2, Account: Account "9999" is not a Code in Accounts'] }],
      }),
    );
    expect(screen.getByRole("list", { name: "Refused (1)" }).textContent).toBe('ERROR export.csv row 2, Account: Account "9999" is not a Code in Accounts');
  });

  test("a pane whose service has no imports shows no import buttons", () => {
    const { importScript: _a, importLedger: _b, ...rest } = fake().service;
    renderApp(rest);
    expect(screen.queryByRole("button", { name: "Import script" })).toBeNull();
  });
});
