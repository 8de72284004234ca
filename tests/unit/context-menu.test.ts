import { describe, expect, it, vi } from 'vitest';
import {
  captureRequestFor,
  MENU_ROOT,
  menuEntries,
  openSidePanelFromMenu,
  SIDE_PANEL_MENU,
  sidePanelMenuEntry,
  tagIdOf,
} from '../../lib/capture/context-menu';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';

const zendesk = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export',
  ticketId: '4821',
} as const;

describe('context menu', () => {
  it('has a selection-only parent on CRM pages and one child per tag', () => {
    const entries = menuEntries(DEFAULT_TAXONOMY, ['https://*.zendesk.com/*']);
    expect(entries[0]).toEqual({
      id: MENU_ROOT,
      title: 'Earmark selection as',
      contexts: ['selection'],
      documentUrlPatterns: ['https://*.zendesk.com/*'],
    });
    expect(entries.slice(1).map((e) => e.title)).toEqual(DEFAULT_TAXONOMY.map((t) => t.label));
    expect(entries.slice(1).every((e) => e.parentId === MENU_ROOT)).toBe(true);
    expect(tagIdOf(entries[1]!.id)).toBe(DEFAULT_TAXONOMY[0]!.id);
    expect(tagIdOf(MENU_ROOT)).toBeNull();
  });

  it('captures the selection with the ticket context from the page', async () => {
    const request = await captureRequestFor(
      { menuItemId: 'earmark-tag:bug', selectionText: '  it crashes  ', frameId: 2 },
      7,
      async (tabId, frameId) => (tabId === 7 && frameId === 2 ? zendesk : null),
    );
    expect(request).toEqual({
      type: 'capture',
      tagId: 'bug',
      note: null,
      quote: 'it crashes',
      context: zendesk,
    });
  });

  it('falls back to the page URL when no sidebar answers, and ignores empty selections', async () => {
    const noAnswer = async () => {
      throw new Error('Could not establish connection');
    };
    const request = await captureRequestFor(
      { menuItemId: 'earmark-tag:bug', selectionText: 'x', pageUrl: 'https://crm.example/case/1' },
      7,
      noAnswer,
    );
    expect(request?.context).toEqual({
      site: 'generic',
      url: 'https://crm.example/case/1',
      title: null,
      ticketId: null,
    });
    expect(
      await captureRequestFor({ menuItemId: 'earmark-tag:bug', selectionText: '  ' }, 7, noAnswer),
    ).toBeNull();
    expect(await captureRequestFor({ menuItemId: MENU_ROOT, selectionText: 'x' }, 7, noAnswer)).toBeNull();
  });
});

describe('context menu: open the side panel', () => {
  it('offers "Open Earmark side panel" on CRM pages, with or without a selection', () => {
    expect(sidePanelMenuEntry(['https://*.zendesk.com/*'])).toEqual({
      id: SIDE_PANEL_MENU,
      title: 'Open Earmark side panel',
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['https://*.zendesk.com/*'],
    });
    expect(tagIdOf(SIDE_PANEL_MENU)).toBeNull(); // never a capture
  });

  it("opens the panel in the clicked tab's window within the click, and only for its entry", () => {
    const open = vi.fn(async () => {});
    const onError = vi.fn();
    expect(openSidePanelFromMenu({ menuItemId: SIDE_PANEL_MENU }, { windowId: 4 }, open, onError)).toBe(true);
    // Synchronously: the browser opens its side panel only while the menu click is handled.
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    expect(openSidePanelFromMenu({ menuItemId: 'earmark-tag:bug' }, { windowId: 4 }, open, onError)).toBe(
      false,
    );
    expect(open).toHaveBeenCalledTimes(1);
    // A browser without a side panel: the entry is handled (nothing to capture), nothing opens.
    expect(openSidePanelFromMenu({ menuItemId: SIDE_PANEL_MENU }, { windowId: 4 }, undefined, onError)).toBe(
      true,
    );
  });

  it('reports a refused opening instead of throwing', async () => {
    const onError = vi.fn();
    const open = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture');
    });
    openSidePanelFromMenu({ menuItemId: SIDE_PANEL_MENU }, { windowId: 4 }, open, onError);
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
  });
});
