/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { VersionsPanel } from "../../src/taskpane/components/VersionsPanel";
import { excelService } from "../../src/taskpane/services/prodbookService";
import { newProduction } from "../../src/excel/commands";
import { excelHost } from "../excel/fixtures";

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

describe("VersionsPanel", () => {
  test("locks the Original, lists it, and writes the Compare sheet against it", async () => {
    const host = excelHost();
    expect((await newProduction(host)).ok).toBe(true);
    const service = excelService(host).versions!;
    render(
      <FluentProvider theme={webLightTheme}>
        <VersionsPanel service={service} />
      </FluentProvider>,
    );
    await screen.findByText("No version is locked yet.");
    fireEvent.click(screen.getByRole("button", { name: "Lock version" }));
    await screen.findByText(/Locked "Original" as the Original/);
    expect(screen.getByRole("combobox")).toHaveProperty("value", "Original");
    // The name field moves on to the next version's name.
    expect(screen.getByRole("textbox")).toHaveProperty("value", "Revision 1");
    fireEvent.click(screen.getByRole("button", { name: "Compare" }));
    await waitFor(() => expect(host.sheetNames()).toContain("Compare"));
    await screen.findByText(/Wrote Compare: the grand total is 0.00 more than "Original"/);
  });
});
