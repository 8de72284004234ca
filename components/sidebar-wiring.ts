import { browser } from 'wxt/browser';
import type { SiteAdapterRule, TicketContext } from '@/lib/adapters';
import { AnyRequestSchema, PROTOCOL, type Result } from '@/lib/messages';
import { sendToBackground } from '@/lib/messaging-client';
import type { SidebarApi } from './sidebar-api';

/** Most characters of page selection kept as a quote (the capture message's limit). */
const MAX_QUOTE = 10_000;

/** The sidebar's API over the extension's messages; the ticket context is read at click time. */
export function createSidebarApi(
  currentContext: () => TicketContext,
  onSites: (sites: SiteAdapterRule[]) => void = () => {},
): SidebarApi {
  return {
    config: async () => {
      const config = await sendToBackground('sidebar-config', {});
      onSites(config.sites); // admin-added sites name the adapter that reads them
      return config;
    },
    onConfigChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area === 'managed' || (area === 'local' && 'settings' in changes)) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    capture: (tagId, note, quote) =>
      sendToBackground('capture', { tagId, note, quote, context: currentContext() }),
    undo: async (id) => {
      await sendToBackground('undo', { id });
    },
    recent: async () => (await sendToBackground('recent', { limit: 10 })).entries,
    revise: async (id, change) => {
      const { revision } = await sendToBackground('revise', { id, change });
      return { revision };
    },
  };
}

/** Text the agent has selected on the page, trimmed and length-limited; null when none. */
export function readPageSelection(): string | null {
  const text = window.getSelection()?.toString().trim() ?? '';
  return text ? text.slice(0, MAX_QUOTE) : null;
}

/** What the content script does for messages from the background. */
export interface TabMessageHandlers {
  /** Our own extension's id: messages from anything else are ignored. */
  extensionId: string;
  /** Alt+Shift+E (routed by the background's command handler); false when no sidebar is shown. */
  toggle(): boolean;
  /** The current ticket context, for a context-menu capture. */
  context(): TicketContext;
}

/** The shape of a `runtime.onMessage` listener that answers through `sendResponse`. */
export type TabMessageListener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (reply: Result<unknown>) => void,
) => boolean;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A `runtime.onMessage` listener for the background's messages to this tab. Anything that does
 * not parse against the protocol, or comes from elsewhere, is ignored. Replies go through
 * `sendResponse` with `return true`, because Chrome does not reliably use a returned Promise.
 */
export function createTabMessageListener(handlers: TabMessageHandlers): TabMessageListener {
  return (message, sender, sendResponse) => {
    if (sender.id !== handlers.extensionId) return false;
    const parsed = AnyRequestSchema.safeParse(message);
    if (!parsed.success) return false;
    if (parsed.data.type === 'toggle-sidebar') {
      const shown = handlers.toggle();
      sendResponse(
        shown ? { ok: true, value: null } : { ok: false, error: 'no Earmark sidebar on this page' },
      );
      return true;
    }
    if (parsed.data.type === 'ticket-context') {
      try {
        sendResponse({ ok: true, value: PROTOCOL['ticket-context'].reply.parse(handlers.context()) });
      } catch (error) {
        sendResponse({ ok: false, error: `no ticket context: ${errorText(error)}` });
      }
      return true;
    }
    return false; // messages for the background or extension pages, not for this tab
  };
}
