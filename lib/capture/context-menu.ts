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

/** Id of the entry "Open Earmark side panel". */
export const SIDE_PANEL_MENU = 'earmark-side-panel';

/**
 * "Open Earmark side panel" on CRM pages, with or without a selection (Chrome, Edge): the menu
 * click is the agent's gesture, during which the browser lets the worker open its side panel.
 */
export function sidePanelMenuEntry(documentUrlPatterns: string[]) {
  return {
    id: SIDE_PANEL_MENU,
    title: 'Open Earmark side panel',
    contexts: ['page', 'selection'] as ['page', 'selection'],
    documentUrlPatterns,
  };
}

/**
 * Opens the side panel for a click on "Open Earmark side panel" in the clicked tab's window, at
 * once (within the gesture). False for any other entry, or where there is no panel to open.
 */
export function openSidePanelFromMenu(
  click: { menuItemId: string | number },
  tab: { windowId?: number } | undefined,
  open: ((options: { windowId: number }) => Promise<void>) | undefined,
  onError: (error: unknown) => void,
): boolean {
  if (click.menuItemId !== SIDE_PANEL_MENU) return false;
  if (open && tab?.windowId !== undefined) open({ windowId: tab.windowId }).catch(onError);
  return true;
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
