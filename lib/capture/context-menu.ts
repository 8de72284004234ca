import type { TaxonomyTag } from '../config/settings';
import type { RequestOf } from '../protocol/messages';
import type { TicketContext } from '../sites/adapters/types';

/** Id of the parent entry "Earmark selection as ▸". */
export const MENU_ROOT = 'earmark-selection';
const TAG_PREFIX = 'earmark-tag:';

/** One context-menu entry as `contextMenus.create` takes it. */
export interface MenuEntry {
  id: string;
  title: string;
  contexts: ['selection'];
  parentId?: string;
  documentUrlPatterns?: string[];
}

/** The menu: a parent shown on CRM pages when text is selected, one child per tag. */
export function menuEntries(taxonomy: TaxonomyTag[], documentUrlPatterns: string[]): MenuEntry[] {
  return [
    { id: MENU_ROOT, title: 'Earmark selection as', contexts: ['selection'], documentUrlPatterns },
    ...taxonomy.map((tag) => ({
      id: `${TAG_PREFIX}${tag.id}`,
      parentId: MENU_ROOT,
      title: tag.label,
      contexts: ['selection'] as ['selection'],
    })),
  ];
}

/** The tag id a clicked entry stands for, or null for entries that are not tags. */
export function tagIdOf(menuItemId: string | number): string | null {
  const id = String(menuItemId);
  return id.startsWith(TAG_PREFIX) ? id.slice(TAG_PREFIX.length) : null;
}

/** What a menu click carries (a subset of chrome.contextMenus.OnClickData). */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
  frameId?: number;
}

/** Builds the capture request for a menu click; the page's adapter context when its sidebar answers. */
export async function captureRequestFor(
  click: MenuClick,
  tabId: number | undefined,
  askContext: (tabId: number, frameId: number) => Promise<TicketContext | null>,
): Promise<RequestOf<'capture'> | null> {
  const tagId = tagIdOf(click.menuItemId);
  if (!tagId || !click.selectionText?.trim()) return null;
  const fromPage = tabId === undefined ? null : await askContext(tabId, click.frameId ?? 0).catch(() => null);
  const fallback: TicketContext | null = click.pageUrl
    ? { site: 'generic', url: click.pageUrl, title: null, ticketId: null }
    : null;
  const context = fromPage ?? fallback;
  if (!context) return null;
  return { type: 'capture', tagId, note: null, quote: click.selectionText.trim().slice(0, 10_000), context };
}
