/** The manifest command that opens or closes the sidebar (Alt+Shift+E by default). */
export const TOGGLE_COMMAND = 'toggle-sidebar';

/** The manifest command that opens the browser's side panel with Earmark (Chrome, Edge). */
export const SIDE_PANEL_COMMAND = 'open-side-panel';

/** The tab a command was given in, as chrome.commands.onCommand passes it. */
export interface CommandTab {
  id?: number;
  windowId?: number;
}

/** chrome.sidePanel.open; undefined where the browser has none (Firefox). */
export type OpenSidePanel = (options: { windowId: number }) => Promise<void>;

/** The part of the tabs API the command handler uses. */
export interface TabsLike {
  query(q: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Handles a keyboard command: toggles the sidebar in the active tab, or opens the side panel in
 * the command's window. False when there is nothing to do.
 */
export async function handleCommand(
  command: string,
  tabs: TabsLike,
  tab?: CommandTab,
  openSidePanel?: OpenSidePanel,
): Promise<boolean> {
  if (command === SIDE_PANEL_COMMAND) {
    if (!openSidePanel || tab?.windowId === undefined) return false;
    // Called before any await: the browser opens its side panel only during the agent's gesture.
    await openSidePanel({ windowId: tab.windowId });
    return true;
  }
  if (command !== TOGGLE_COMMAND) return false;
  const [active] = await tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return false;
  try {
    await tabs.sendMessage(active.id, { type: 'toggle-sidebar' });
    return true;
  } catch {
    return false; // no Earmark sidebar on this page
  }
}
