import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/protocol/client';
import { readCaptureSource, type TabReader } from '@/lib/sidepanel/panel-target';
import type { SidebarApi } from '../sidebar/app/sidebar-api';
import { createSidebarApi } from '../sidebar/app/wiring';
import { captureMessage } from '../sidebar/launcher/tag-capture';

/** Reads the active tab of one window through its content script (tab messages of the protocol). */
export function browserTabReader(windowId: number): TabReader {
  return {
    activeTabId: async () => (await browser.tabs.query({ active: true, windowId }))[0]?.id,
    // The top frame only: that is where Earmark's content script reads the ticket.
    ask: (tabId, type) => browser.tabs.sendMessage(tabId, { type }, { frameId: 0 }),
  };
}

/**
 * The sidebar's API for the side panel: the same messages to the worker, except that a capture
 * takes its ticket context and quote from the active tab at click time (the panel has no page).
 */
export function createPanelApi(reader: TabReader): SidebarApi {
  const base = createSidebarApi(() => {
    throw new Error('the side panel reads the ticket context from its tab');
  });
  return {
    ...base,
    capture: async (tagId, note) => {
      const source = await readCaptureSource(reader);
      const { type, ...body } = captureMessage(tagId, note, source.quote, source.context);
      return sendToBackground(type, body);
    },
    openSidePanel: undefined, // already there
  };
}
