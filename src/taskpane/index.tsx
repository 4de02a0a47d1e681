/**
 * Mounts the task pane. Waits for Office (the custom functions in the same page are associated
 * earlier, by their own bundle), then renders App in Fluent's theme matching Office's, and follows
 * it when the user changes Office's theme (src/taskpane/theme.ts).
 * Outside Office (a plain browser, the browser tests, office.js unreachable) it still renders.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./components/App";
import { ThemeKind, fluentTheme, readOfficeTheme, watchOfficeTheme } from "./theme";

function ThemedApp({ initial }: { initial: ThemeKind }) {
  const [kind, setKind] = useState(initial);
  useEffect(() => watchOfficeTheme(setKind), []);
  const theme = fluentTheme(kind);
  useEffect(() => {
    document.body.style.background = theme.colorNeutralBackground1;
    document.documentElement.dataset.theme = kind;
  }, [theme, kind]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App />
    </FluentProvider>
  );
}

function mount(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element.");
  createRoot(container).render(<ThemedApp initial={readOfficeTheme()} />);
}

if (typeof Office !== "undefined" && Office.onReady) {
  void Office.onReady(() => mount());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount);
} else {
  mount();
}
