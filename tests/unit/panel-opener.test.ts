import { describe, expect, it, vi } from 'vitest';
import { pageCanOpenPanel, panelOpener, panelReportsItself } from '../../lib/sidepanel/panel-opener';

// Chrome/Edge (chrome.sidePanel) and Firefox (sidebarAction) open Earmark's panel differently.

const chrome = () => ({ sidePanel: { open: vi.fn(async () => {}), onOpened: {} } });
const firefox = () => ({ sidebarAction: { open: vi.fn(async () => {}) } });

describe('the side panel in each browser', () => {
  it("opens Chrome's side panel for the gesture's window", async () => {
    const api = chrome();
    await panelOpener(api)?.(7);
    expect(api.sidePanel.open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it("opens Firefox's sidebar synchronously, in the window of the gesture (open() takes none)", () => {
    const api = firefox();
    void panelOpener(api)?.(7);
    expect(api.sidebarAction.open).toHaveBeenCalledWith();
  });

  it('has nothing to open where the browser has neither', () => {
    expect(panelOpener({})).toBeUndefined();
  });

  it('has the panel page report its opening and closing only in Firefox', () => {
    expect(panelReportsItself(firefox())).toBe(true);
    expect(panelReportsItself(chrome())).toBe(false);
    expect(panelReportsItself({})).toBe(false);
  });

  it('offers "Open in side panel" in the page only where the worker can open it (side_panel)', () => {
    expect(pageCanOpenPanel({ side_panel: { default_path: 'sidepanel.html' } })).toBe(true);
    expect(pageCanOpenPanel({ sidebar_action: { default_panel: 'sidepanel.html' } })).toBe(false);
  });
});
