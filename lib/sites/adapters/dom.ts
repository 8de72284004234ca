import type { SiteId } from '../registry';
import { cleanText, type TicketContext } from './types';

/** Inline styles that hide an element; CRMs park background tabs this way. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Whether markup hides the element or an ancestor (`hidden` attribute or inline display:none).
 * Reads attributes rather than computed style so it behaves the same on saved pages, in
 * background tabs and in tests, none of which have layout. aria-hidden is deliberately not
 * used: modal dialogs set it on the whole app, which would blank out the ticket underneath.
 */
function hiddenByMarkup(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    if (HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** What an element shows: a form control's value, otherwise its text; cleaned, or null. */
export function shownText(element: Element | null | undefined): string | null {
  if (!element) return null;
  const tag = element.tagName.toUpperCase();
  if ((tag === 'INPUT' || tag === 'TEXTAREA') && 'value' in element && typeof element.value === 'string') {
    return cleanText(element.value);
  }
  return cleanText(element.textContent);
}

/**
 * Text of the first element that is not hidden and has text, trying the selectors in order
 * (so the list reads as a preference: the most specific, current DOM first).
 */
export function textOf(root: ParentNode | null | undefined, selectors: readonly string[]): string | null {
  if (!root) return null;
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector)) {
      if (hiddenByMarkup(element)) continue;
      const text = shownText(element);
      if (text) return text;
    }
  }
  return null;
}

/** The document title with the product/account suffix the CRM appends removed, or null. */
export function titleWithout(doc: Document, suffix: RegExp): string | null {
  return cleanText((doc.title ?? '').replace(suffix, ''));
}

/**
 * A shareable ticket link: origin + the ticket's path, plus only the named query parameters.
 * Everything else in the address (session tokens, view state, fragments) is dropped.
 */
export function canonicalUrl(url: URL, path: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${url.origin}${path.replace(/\/+$/, '')}${search ? `?${search}` : ''}`;
}

/** The context of a page that is not a ticket (a list, a dashboard): its title and address only. */
export function notATicket(site: SiteId, url: URL, title: string | null): TicketContext {
  return { site, url: url.href, title, ticketId: null };
}
