import type { ReplyOf, Result, TabMessage } from '@/lib/protocol/messages';
import type { TicketContext } from '@/lib/sites/adapters';
import { readPageSelection } from './tag-capture';

// The launcher answers these on every CRM page, so the check is by hand rather than with the
// PROTOCOL's zod schemas (zod would dominate the eager bundle). Every tab request carries nothing
// but its type, so "exactly { type }" is the whole schema; the background validates the replies.

/**
 * The content script's answer to each message the background sends a tab (the `tab` receiver in
 * lib/protocol/messages.ts): a tab message without one fails typecheck.
 */
export type TabHandlers = { [T in TabMessage]: () => Result<ReplyOf<T>> | Promise<Result<ReplyOf<T>>> };

/** What the content script does for messages from the background. */
export interface TabMessageHandlers {
  /** Our own extension's id: messages from anything else are ignored. */
  extensionId: string;
  /** Alt+Shift+E (routed by the background's command handler); false when no sidebar is shown. */
  toggle(): boolean | Promise<boolean>;
  /**
   * The current ticket context, for a context-menu capture or the side panel; a promise where the
   * adapters are imported on the first request (entrypoints/context-reader.ts).
   */
  context(): TicketContext | Promise<TicketContext>;
  /** The browser's side panel opened (true) or closed (false) in this tab's window. */
  sidePanel(open: boolean): void;
  /** The text selected on the page, for a capture from the side panel (default: the selection). */
  selection?(): string | null;
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

const toggled = (shown: boolean): Result<null> =>
  shown ? { ok: true, value: null } : { ok: false, error: 'no Earmark sidebar on this page' };

const noContext = (error: unknown): Result<TicketContext> => ({
  ok: false,
  error: `no ticket context: ${errorText(error)}`,
});

/** Maps a handler's value, or its promised value, to a reply; a throw or rejection to `failed`. */
function settle<V, R>(
  run: () => V | Promise<V>,
  done: (value: V) => R,
  failed: (error: unknown) => R,
): R | Promise<R> {
  try {
    const value = run();
    return value instanceof Promise ? value.then(done, failed) : done(value);
  } catch (error) {
    return failed(error);
  }
}

/**
 * A `runtime.onMessage` listener for the background's messages to this tab. Anything else, or
 * from elsewhere, is ignored. Replies go through `sendResponse` with `return true`, because
 * Chrome does not reliably use a returned Promise.
 */
export function createTabMessageListener(handlers: TabMessageHandlers): TabMessageListener {
  const answers: TabHandlers = {
    'toggle-sidebar': () => settle(handlers.toggle, toggled, () => toggled(false)),
    'ticket-context': () => settle(handlers.context, (value) => ({ ok: true, value }), noContext),
    'page-selection': () => ({ ok: true, value: (handlers.selection ?? readPageSelection)() }),
    'side-panel-opened': () => {
      handlers.sidePanel(true);
      return { ok: true, value: null };
    },
    'side-panel-closed': () => {
      handlers.sidePanel(false);
      return { ok: true, value: null };
    },
  };
  return (message, sender, sendResponse) => {
    // Exactly `{ type }`, with a type this tab answers (not one of Object's own members).
    const type = (message as { type?: TabMessage } | null)?.type as TabMessage;
    const exact = Object.hasOwn(answers, type) && Object.keys(message as object).length === 1;
    if (sender.id !== handlers.extensionId || !exact) return false;
    const reply = answers[type]();
    if (reply instanceof Promise) void reply.then(sendResponse);
    else sendResponse(reply); // at once where the answer is at hand
    return true;
  };
}
