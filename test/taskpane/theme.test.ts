/** @jest-environment jsdom */
import { officeThemeKind, watchOfficeTheme, ThemeKind } from "../../src/taskpane/theme";

describe("the pane's theme follows Office", () => {
  test("Office's themes: isDarkTheme when given, else the body background's luminance", () => {
    expect(officeThemeKind({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    // Black (#262626, luminance 0.019) and Dark Gray (#666666, 0.133) are dark; Colorful's white is light.
    expect(officeThemeKind({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(officeThemeKind({ bodyBackgroundColor: "#666666" })).toBe("dark");
    expect(officeThemeKind({ bodyBackgroundColor: "#ffffff" })).toBe("light");
    expect(officeThemeKind({ bodyBackgroundColor: "not a colour" })).toBe("light");
    expect(officeThemeKind(undefined)).toBe("light");
  });

  test("a change is picked up on focus, on becoming visible and by the poll; stopping ends it", () => {
    jest.useFakeTimers();
    let office: ThemeKind = "light";
    const seen: ThemeKind[] = [];
    const stop = watchOfficeTheme((k) => seen.push(k), () => office, 1000);
    office = "dark";
    window.dispatchEvent(new Event("focus"));
    expect(seen).toEqual(["dark"]);
    office = "light";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(seen).toEqual(["dark", "light"]);
    office = "dark";
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual(["dark", "light", "dark"]);
    jest.advanceTimersByTime(5000); // no change, no call
    expect(seen).toHaveLength(3);
    stop();
    office = "light";
    jest.advanceTimersByTime(5000);
    window.dispatchEvent(new Event("focus"));
    expect(seen).toHaveLength(3);
    jest.useRealTimers();
  });
});
