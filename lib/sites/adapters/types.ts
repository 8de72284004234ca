import { type SiteId, siteEntry } from '../registry';

/**
 * What an adapter reads off a CRM page at click time. Nothing about the customer: an item
 * needs the ticket, not the person (docs/privacy.md).
 */
export interface TicketContext {
  site: SiteId;
  url: string;
  title: string | null;
  ticketId: string | null;
}

/** One CRM: its registry entry (name, pages) and how to read the ticket context from them. */
export interface Adapter {
  site: SiteId;
  /** The CRM's name, from the site registry. */
  label: string;
  /** Chrome match patterns of the pages this adapter understands, from the site registry. */
  matches: readonly string[];
  /** Pure: reads the current ticket from the document and URL; never throws on odd pages. */
  context(doc: Document, url: URL): TicketContext;
}

/**
 * An adapter for a site of the registry (lib/sites/registry.ts), which supplies its label and
 * match patterns: the adapter file itself says only which site it reads and how.
 */
export function defineAdapter(reader: Pick<Adapter, 'site' | 'context'>): Adapter {
  const { label, matches } = siteEntry(reader.site);
  return { site: reader.site, label, matches, context: reader.context };
}

/** Longest page text an adapter copies, so a hostile page cannot flood an item. */
export const MAX_PAGE_TEXT = 300;

/** Trimmed, whitespace-collapsed, length-limited text, or null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TEXT);
  return text.length ? text : null;
}
