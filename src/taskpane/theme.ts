/**
 * The pane's Fluent theme follows Office's: read from `Office.context.officeTheme` at start and
 * whenever it may have changed. Office has a theme-change event only in Outlook
 * (`Office.EventType.OfficeThemeChanged`, Mailbox 1.14); Excel has none, so the pane also reads
 * the theme again when it gets focus or becomes visible, and every few seconds while shown.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

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

export type ThemeKind = "light" | "dark";

/** Dark when Office says so (isDarkTheme), else when its body background is dark (Black, Dark Gray). */
export function officeThemeKind(theme: Partial<Office.OfficeTheme> | undefined): ThemeKind {
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = luminance(theme.bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? "dark" : "light";
}

/** The theme Office shows now; light where officeTheme is unsupported. */
export function readOfficeTheme(): ThemeKind {
  try {
    return officeThemeKind(typeof Office !== "undefined" ? Office.context?.officeTheme : undefined);
  } catch {
    return "light"; // officeTheme throws on some hosts: light is the default.
  }
}

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : webLightTheme;
}

/** How often the theme is read again while the pane is visible. */
export const THEME_POLL_MS = 3000;

/**
 * Calls `onChange` with the new kind whenever Office's theme differs from the last one read.
 * Returns the function that stops watching.
 */
export function watchOfficeTheme(onChange: (kind: ThemeKind) => void, read: () => ThemeKind = readOfficeTheme, pollMs = THEME_POLL_MS): () => void {
  let last = read();
  const check = () => {
    const now = read();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  };
  const onVisible = () => document.visibilityState === "visible" && check();
  window.addEventListener("focus", check);
  document.addEventListener("visibilitychange", onVisible);
  const timer = window.setInterval(() => document.visibilityState !== "hidden" && check(), pollMs);
  // Where the host has the event (Outlook today), it tells us at once.
  try {
    const type = typeof Office !== "undefined" ? (Office.EventType as unknown as Record<string, string> | undefined)?.OfficeThemeChanged : undefined;
    const doc = typeof Office !== "undefined" ? (Office.context?.document as unknown as { addHandlerAsync?: (t: string, h: () => void, cb?: () => void) => void } | undefined) : undefined;
    if (type && doc?.addHandlerAsync) doc.addHandlerAsync(type, check, () => undefined);
  } catch {
    // No event in this host: focus, visibility and the poll cover it.
  }
  return () => {
    window.removeEventListener("focus", check);
    document.removeEventListener("visibilitychange", onVisible);
    window.clearInterval(timer);
  };
}
