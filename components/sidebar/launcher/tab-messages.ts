import type { RequestOf, Result } from '@/lib/protocol/messages';
import type { TicketContext } from '@/lib/sites/adapters';

// The launcher answers these on every CRM page, so the check is by hand rather than with the
// PROTOCOL's zod schemas (zod would dominate the eager bundle). Both requests carry nothing but
// their type, so "exactly { type }" is the whole schema; the background validates the replies.

/** The two requests the background sends to a tab. */
type TabRequest = RequestOf<'toggle-sidebar'> | RequestOf<'ticket-context'>;

/** True for exactly `{ type: 'toggle-sidebar' }` or `{ type: 'ticket-context' }`. */
export function isTabRequest(message: unknown): message is TabRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const keys = Object.keys(message);
  const { type } = message as { type?: unknown };
  return keys.length === 1 && (type === 'toggle-sidebar' || type === 'ticket-context');
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
 * A `runtime.onMessage` listener for the background's messages to this tab. Anything else, or
 * from elsewhere, is ignored. Replies go through `sendResponse` with `return true`, because
 * Chrome does not reliably use a returned Promise.
 */
export function createTabMessageListener(handlers: TabMessageHandlers): TabMessageListener {
  return (message, sender, sendResponse) => {
    if (sender.id !== handlers.extensionId || !isTabRequest(message)) return false;
    if (message.type === 'toggle-sidebar') {
      const shown = handlers.toggle();
      sendResponse(
        shown ? { ok: true, value: null } : { ok: false, error: 'no Earmark sidebar on this page' },
      );
      return true;
    }
    try {
      sendResponse({ ok: true, value: handlers.context() });
    } catch (error) {
      sendResponse({ ok: false, error: `no ticket context: ${errorText(error)}` });
    }
    return true;
  };
}
