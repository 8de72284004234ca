/** The manifest command that opens or closes the sidebar (Alt+Shift+E by default). */
export const TOGGLE_COMMAND = 'toggle-sidebar';

/** The part of the tabs API the command handler uses. */
export interface TabsLike {
  query(q: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** Handles a keyboard command: toggles the sidebar in the active tab. False when nothing to toggle. */
export async function handleCommand(command: string, tabs: TabsLike): Promise<boolean> {
  if (command !== TOGGLE_COMMAND) return false;
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await tabs.sendMessage(tab.id, { type: 'toggle-sidebar' });
    return true;
  } catch {
    return false; // no Earmark sidebar on this page
  }
}
