/**
 * Mounts the task pane. Waits for Office (the custom functions in the same page are associated
 * earlier, by their own bundle), then renders App in Fluent's theme matching Office's.
 * Outside Office (a plain browser, the browser tests, office.js unreachable) it still renders.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white); undefined when unreadable. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Fluent's dark theme when Office's body background is dark (Office's Black/Dark Gray themes). */
export function officeFluentTheme(): Theme {
  let bg: string | undefined;
  try {
    bg = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  } catch {
    bg = undefined; // officeTheme is unsupported on some hosts; light is the default.
  }
  const l = luminance(bg);
  return l !== undefined && l < 0.2 ? webDarkTheme : webLightTheme;
}

function mount(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element.");
  const theme = officeFluentTheme();
  document.body.style.background = theme.colorNeutralBackground1;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && Office.onReady) {
  void Office.onReady(() => mount());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount);
} else {
  mount();
}
