/** @jest-environment jsdom */
/**
 * The task pane as it runs inside Excel: no service is passed, so App takes defaultService(), whose
 * officeHost() calls the global `Excel.run` and `Office.context.requirements.isSetSupported`. Here
 * those globals are Microsoft's office.js itself, loaded into this test's window; the requests it
 * sends are answered by the in-memory workbook (test/officejs). Only `Office.context` is ours:
 * Office sets it when the add-in starts inside Excel, which no test can.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { excelHost } from "../excel/fixtures";
import type { OfficeJsExcel } from "../officejs/host";
import { officeJs } from "../officejs/library";
import { enableTableRows } from "../host/tableRows";
import { setTypedYear } from "../host/model";

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

beforeAll(() => {
  enableTableRows();
  setTypedYear(2027);
});

/** A workbook that Excel.run() without a context reaches, as the one the add-in was opened in. */
function openIn(host: OfficeJsExcel): void {
  officeJs().useAsDocument(host.url);
  officeJs().setOfficeContext({ requirements: { isSetSupported: (name: string, version: string) => host.isSetSupported(name, version) } });
}

function renderPane() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

const SAMPLE = "Sample production (The Long Way Home)";

/** Whether a command is running: the pane disables its command buttons meanwhile (a cheap look, not a role query). */
const running = () => [...document.querySelectorAll("button")].some((b) => b.textContent === "Update budget" && b.disabled);

/** Clicks a command button (and, for a menu such as New production's, its item). */
async function click(name: string, item?: string): Promise<void> {
  if (item) fireEvent.click(screen.getByRole("button", { name }));
  const target = item ? await screen.findByRole("menuitem", { name: item }) : screen.getByRole("button", { name });
  await act(async () => {
    fireEvent.click(target);
    // The command's Excel.run (office.js's promise chain and our workbook's answers), then React's updates.
    for (let i = 0; i < 1000 && (running() || i < 2); i++) await new Promise((r) => setTimeout(r, 2));
  });
}

describe("the task pane through Microsoft's office.js", () => {
  test("the globals are office.js's: Excel.run without a context reaches the open workbook", async () => {
    const host = excelHost();
    openIn(host);
    expect(Excel).toBe(officeJs().Excel);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["from the pane"]];
      await ctx.sync();
    });
    expect(host.value("Sheet1", "A1")).toBe("from the pane");
    expect(host.requests).toHaveLength(2); // the write, then Excel.run releasing the range it kept
  });

  test("New production, Update budget and Build schedule from the pane write the workbook through office.js", async () => {
    const host = excelHost();
    openIn(host);
    renderPane();
    await click("New production", SAMPLE);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Settings", "Budget", "Stripboard", "Cast"]));
    expect(host.requests.length).toBeGreaterThan(0); // they went over office.js's wire
    await click("Update budget");
    expect(screen.getByText("Wrote Top Sheet, Cost Report and Schedule vs Budget.")).toBeTruthy();
    await click("Build schedule");
    expect(screen.getByText("Wrote Schedule, DOOD and 11 call sheets.")).toBeTruthy();
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["Schedule", "DOOD", "Call D1", "Call D11"]));
    expect(host.keptReferences).toBe(0);
  });

  test("a problem the pane lists selects its cell in the workbook when clicked", async () => {
    const host = excelHost();
    openIn(host);
    renderPane();
    await click("New production", SAMPLE);
    host.type("Budget", "F2", "lots"); // Rate must be a number
    await click("Update budget");
    const item = screen.getAllByRole("button", { name: /Error at Budget!F2/ })[0];
    await act(async () => {
      fireEvent.click(item);
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    });
    expect(host.wb.selection).toEqual({ sheetId: host.sheet("Budget").id, rect: { r1: 2, c1: 6, r2: 2, c2: 6 } });
  });

  test("an Excel without ExcelApi 1.7 (Office.context.requirements says no) gets the message and no command", () => {
    const host = excelHost();
    host.apiVersion = 106;
    openIn(host);
    renderPane();
    expect(screen.getByRole("alert").textContent).toContain("too old for Prodbook");
    expect((screen.getByRole("button", { name: "New production" }) as HTMLButtonElement).disabled).toBe(true);
    expect(host.requests).toEqual([]);
  });
});
