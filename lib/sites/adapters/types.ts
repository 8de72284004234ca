import type { Site } from '../../schema';

/** What an adapter reads off a CRM page at click time. */
export interface TicketContext {
  site: Site;
  url: string;
  title: string | null;
  ticketId: string | null;
  /** Customer display name if the page shows one; used only where an admin allows it. */
  customer: string | null;
}

/** One CRM: which pages it covers and how to read the ticket context from them. */
export interface Adapter {
  site: Site;
  /** Chrome match patterns of the pages this adapter understands. */
  matches: readonly string[];
  /** Pure: reads the current ticket from the document and URL; never throws on odd pages. */
  context(doc: Document, url: URL): TicketContext;
}

/** Longest page text an adapter copies, so a hostile page cannot flood an item. */
export const MAX_PAGE_TEXT = 300;

/** Trimmed, whitespace-collapsed, length-limited text, or null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TEXT);
  return text.length ? text : null;
}
