import type { StoredItem } from '../store/db';

// The sidebar lives in an open shadow root, so whatever it lists the CRM page can read. A page
// showing it may therefore see only captures made on its own site: the hostname of the page the
// capture was made on, which the worker takes from the message's sender (set by the browser, not
// by the page or the request body) and keeps on the stored item. Extension pages (the popup, a
// side panel) are Earmark's own and may list every site's captures.

/** Whose captures a `recent` request may see: every site's (extension pages) or one host's. */
export type RecentScope = { all: true } | { all: false; host: string | null };

/** What the worker knows of a message's sender (runtime.MessageSender, as far as it is read here). */
interface SenderLike {
  url?: unknown;
  tab?: { url?: unknown } | null;
}

/** The hostname of a URL, null for anything that is not an http(s) URL. */
export function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** The URL of the document that sent a message: its frame's, else its tab's. */
function senderUrl(sender: unknown): unknown {
  if (typeof sender !== 'object' || sender === null) return undefined;
  const { url, tab } = sender as SenderLike;
  return url ?? tab?.url;
}

/**
 * True when the sender is one of Earmark's own pages (never a content script in a web page). Only
 * the sending frame's own URL counts, never its tab's: this decides who may send pageOnly messages.
 */
export function isExtensionPage(sender: unknown, extensionOrigin: string | undefined): boolean {
  const url = typeof sender === 'object' && sender !== null ? (sender as SenderLike).url : undefined;
  return extensionOrigin !== undefined && typeof url === 'string' && url.startsWith(extensionOrigin);
}

/** The captures a sender may list: an extension page all, a content script its page's host only. */
export function recentScope(sender: unknown, extensionOrigin: string | undefined): RecentScope {
  if (isExtensionPage(sender, extensionOrigin)) return { all: true };
  return { all: false, host: hostOf(senderUrl(sender)) };
}

/**
 * The host a capture is made on: the sending page's, from the browser's sender record. An
 * extension page (a side panel) captures for the ticket it was given, so there the context's URL
 * counts; with no sender at all (the worker's own context-menu capture) the context's URL too,
 * which the worker read from the tab itself.
 */
export function captureHost(
  sender: unknown,
  contextUrl: string,
  extensionOrigin: string | undefined,
): string | null {
  if (sender === undefined || isExtensionPage(sender, extensionOrigin)) return hostOf(contextUrl);
  return hostOf(senderUrl(sender));
}

/**
 * The host a stored capture was made on. Captures stored before hosts were kept fall back to the
 * host of their (trimmed) source URL; with the URL mode 'none' they have none and show on no site.
 * Never the adapter id (`source.site`): two companies' Zendesks share it.
 */
export function capturedOn(stored: StoredItem): string | null {
  return stored.host ?? hostOf(stored.item.source.url);
}

/** True when a stored capture may be listed to a sender of this scope. */
export function inScope(stored: StoredItem, scope: RecentScope): boolean {
  if (scope.all) return true;
  return scope.host !== null && capturedOn(stored) === scope.host;
}
