import { type ReplyOf, unwrapReply } from '../protocol/messages';
import { siteEntry } from '../sites/registry';

// The side panel captures for the page in the active tab of its window, read by that tab's content
// script (its adapter and the page's selection). Where no content script answers (not a CRM or an
// added site, a browser page, no host permission) the panel says so and captures nothing.

/** The ticket context a content script read with its adapter. */
export type TicketContext = ReplyOf<'ticket-context'>;

/** What the panel captures for: the active tab's ticket, or why there is none. */
export type PanelTarget =
  | { kind: 'ticket'; tabId: number; context: TicketContext }
  | { kind: 'unreadable'; reason: string };

/** What reading the active tab takes: the browser APIs, in tests fakes. */
export interface TabReader {
  /** The id of the active tab of the panel's window (undefined: none). */
  activeTabId(): Promise<number | undefined>;
  /** Sends the tab a tab message of the protocol; resolves with its raw (unvalidated) reply. */
  ask(tabId: number, type: 'ticket-context' | 'page-selection'): Promise<unknown>;
}

/** The panel's plain words for a page Earmark cannot read. */
export const UNREADABLE_PAGE =
  'Earmark cannot read this page (not a CRM or a site added to Earmark, or a browser page): nothing is captured from it.';

/** The active tab's ticket context, or why the panel cannot capture for that tab. */
export async function readTarget(reader: TabReader): Promise<PanelTarget> {
  const tabId = await reader.activeTabId();
  if (tabId === undefined) return { kind: 'unreadable', reason: UNREADABLE_PAGE };
  try {
    const context = unwrapReply('ticket-context', await reader.ask(tabId, 'ticket-context'));
    return { kind: 'ticket', tabId, context };
  } catch {
    // No content script in the tab (the browser refuses the message), or no context: unreadable.
    return { kind: 'unreadable', reason: UNREADABLE_PAGE };
  }
}

/** What a capture from the panel carries from the page: its ticket context and selected text. */
export interface CaptureSource {
  context: TicketContext;
  quote: string | null;
}

/**
 * The context and the quote for a capture, read from the active tab at click time (so a tab
 * switch or an SPA navigation just before the click counts). Throws, and nothing is captured,
 * when the tab cannot be read.
 */
export async function readCaptureSource(reader: TabReader): Promise<CaptureSource> {
  const target = await readTarget(reader);
  if (target.kind === 'unreadable') throw new Error(target.reason);
  // The selection stays on the page while focus is in the panel; no selection is no quote.
  const quote = await reader.ask(target.tabId, 'page-selection').then(
    (reply) => unwrapReply('page-selection', reply),
    () => null,
  );
  return { context: target.context, quote };
}

/** The line the panel shows for the page it captures for: site, ticket id and title. */
export function targetLabel(context: TicketContext): string {
  // A generic page is named by its host: "Generic (page title and URL)" says nothing to the agent.
  const site = context.site === 'generic' ? new URL(context.url).hostname : siteEntry(context.site).label;
  const ticket = context.ticketId ? `#${context.ticketId}` : null;
  return [site, ticket, context.title].filter((part) => part).join(' · ');
}

/** Two targets show the same thing (then the panel keeps the state it has). */
export function sameTarget(a: PanelTarget | null, b: PanelTarget): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
