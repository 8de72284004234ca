import { describe, expect, it, vi } from 'vitest';
import { handleCommand, SIDE_PANEL_COMMAND, TOGGLE_COMMAND } from '../../lib/capture/commands';

/** A tabs API whose active tab is tab 7 with Earmark's sidebar. */
function tabs() {
  return {
    query: vi.fn(async () => [{ id: 7 }]),
    sendMessage: vi.fn(async () => ({ ok: true, value: true })),
  };
}

describe('keyboard commands', () => {
  it("opens the side panel in the command's window, within the key press", () => {
    const open = vi.fn(async () => {});
    const api = tabs();
    void handleCommand(SIDE_PANEL_COMMAND, api, { id: 7, windowId: 3 }, open);
    // Synchronously, before any await: the browser opens its side panel only during the gesture.
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    expect(api.sendMessage).not.toHaveBeenCalled(); // the sidebar is not toggled
  });

  it('does nothing for the side panel command where there is no panel or no window', async () => {
    const open = vi.fn(async () => {});
    expect(await handleCommand(SIDE_PANEL_COMMAND, tabs(), { id: 7, windowId: 3 })).toBe(false);
    expect(await handleCommand(SIDE_PANEL_COMMAND, tabs(), undefined, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('still toggles the sidebar in the active tab', async () => {
    const api = tabs();
    expect(await handleCommand(TOGGLE_COMMAND, api, { id: 7, windowId: 3 }, vi.fn())).toBe(true);
    expect(api.sendMessage).toHaveBeenCalledWith(7, { type: 'toggle-sidebar' });
    expect(await handleCommand('something-else', api)).toBe(false);
  });
});
