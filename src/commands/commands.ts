/**
 * Ribbon and context-menu commands. They run in the shared runtime (the task pane page), so an
 * ExecuteFunction command can reach the same state as the pane. The Home tab's "Prodbook" button
 * is a ShowTaskpane action and needs no code; the cell menu's "Open Prodbook" is the function here.
 */

/** Names the manifest's <FunctionName> elements use; check-manifest verifies each is associated. */
export const COMMANDS = { showProdbook: "showProdbook" } as const;

/** Opens the task pane from a command; the event must be completed whatever happens. */
export async function showProdbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (e) {
    // Nothing to show the user outside the pane; the console is what F12 / the dev tools show.
    console.error("Prodbook: could not open the task pane.", e);
  } finally {
    event.completed();
  }
}

/** Registers the commands once Office is ready; harmless outside Office (browser tests). */
export function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.onReady) return;
  void Office.onReady(() => {
    if (Office.actions) Office.actions.associate(COMMANDS.showProdbook, showProdbook);
  });
}

registerCommands();
