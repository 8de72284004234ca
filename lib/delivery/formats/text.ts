import type { Item } from '../../schema';

/**
 * Shared, format-neutral text helpers for the chat renderers. Everything here returns raw
 * (unescaped) text; each format escapes for its own markup after clipping, so a clip can never
 * cut an escape sequence in half.
 */

/** Most characters of a quote or note shown in a chat message (the full text stays in json endpoints). */
export const LONG_TEXT_MAX = 1200;
/** Most characters of a short field (labels, names, titles) shown in a chat message. */
export const SHORT_TEXT_MAX = 200;

/** Cuts text to at most `max` UTF-16 units, ending in "…", without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  // A lone high surrogate would render as a replacement glyph.
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Normalises captured text to lines: unifies line endings, turns tabs into spaces and drops other
 * control characters (they render as boxes or break payload parsers), then clips.
 */
export function cleanLines(text: string, max: number): string[] {
  const unified = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ''));
  return clip(unified.trim(), max)
    .split('\n')
    .map((line) => line.trimEnd());
}

/** A single-line, clipped version of a short field (names, labels, titles). */
export function cleanLine(text: string, max = SHORT_TEXT_MAX): string {
  return cleanLines(text.replace(/\s*\n\s*/g, ' '), max).join(' ');
}

/**
 * The URL as a normalised http(s) href, or null for anything else (javascript:, data:, garbage),
 * so chat messages never carry a clickable non-web link.
 */
export function httpUrl(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The item's tag labels, joined for one line. */
export function tagLabels(item: Item): string {
  return cleanLine(item.tags.map((t) => t.label).join(', '), 300);
}

/** The item's distinct tag categories, joined for one line. */
export function tagCategories(item: Item): string {
  return cleanLine([...new Set(item.tags.map((t) => t.category))].join(', '));
}

/** "Ticket 4821 · Page title" (either part optional), or "" when the item has neither. */
export function ticketLabel(item: Item): string {
  const { ticketId, title } = item.source;
  const parts = [ticketId ? `Ticket ${cleanLine(ticketId)}` : '', title ? cleanLine(title) : ''];
  return parts.filter(Boolean).join(' · ');
}

/** "2026-11-23 10:00 UTC": readable in any client without relying on the viewer's locale. */
export function utcMinute(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? cleanLine(iso)
    : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A quote or note as clipped lines; none when it is absent or blank. */
export function longTextLines(text: string | null): string[] {
  return text?.trim() ? cleanLines(text, LONG_TEXT_MAX) : [];
}

/** What a chat message says about one item besides its tags: cleaned and clipped, not yet escaped. */
export interface ItemFacts {
  categories: string;
  agent: string;
  team: string;
  site: string;
  /** "Ticket 4821 · Page title", or "" when the item has neither. */
  ticket: string;
  /** The ticket link, only when it is an http(s) URL. */
  url: string | null;
  quote: string[];
  note: string[];
}

/** The facts both chat formats show of an item, so they agree on how each is cleaned and clipped. */
export function itemFacts(item: Item): ItemFacts {
  return {
    categories: tagCategories(item),
    agent: cleanLine(item.agent.name),
    team: cleanLine(item.agent.team),
    site: item.source.site,
    ticket: ticketLabel(item),
    url: httpUrl(item.source.url),
    quote: longTextLines(item.quote),
    note: longTextLines(item.note),
  };
}

/** Plain-text batch summary, e.g. "3 new Earmark captures" or "2 new Earmark captures, 1 withdrawn". */
export function summaryText(items: Item[]): string {
  const withdrawn = items.filter((i) => i.deleted).length;
  const fresh = items.length - withdrawn;
  const noun = (n: number) => (n === 1 ? 'capture' : 'captures');
  if (fresh && withdrawn) return `${fresh} new Earmark ${noun(fresh)}, ${withdrawn} withdrawn`;
  if (withdrawn) return `${withdrawn} Earmark ${noun(withdrawn)} withdrawn`;
  return `${fresh} new Earmark ${noun(fresh)}`;
}
