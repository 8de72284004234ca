import type { browser } from 'wxt/browser';
import type { EffectiveConfig } from '../config/policy';
import { anyRequestSchema, PROTOCOL, type RequestOf, type WorkerHandlers } from '../protocol/messages';
import { describeZodError } from '../schema';
import { type PanelApis, panelOpener } from '../sidepanel/panel-opener';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '../sites/registry';
import { captureRequestFor, type MenuClick, menuEntries, sidePanelMenuEntry, tagIdOf } from './context-menu';
import { type MenuFailureLog, unusableClickReason } from './menu-failures';

type Api = typeof browser;

/** Recreates the context menu for the current taxonomy and sites (menus persist; duplicates throw). */
export async function rebuildMenus(api: Api, config: EffectiveConfig): Promise<void> {
  await api.contextMenus.removeAll();
  const patterns = [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES, ...config.sites.map((s) => s.match)];
  for (const entry of menuEntries(config.taxonomy, patterns)) api.contextMenus.create(entry);
  // Only where the browser has a panel to open (Chrome's side panel, Firefox's sidebar).
  if (panelOpener(api as PanelApis)) api.contextMenus.create(sidePanelMenuEntry(patterns));
}

/** Asks the sidebar in a tab/frame for its ticket context; null when none answers validly. */
async function askContext(api: Api, tabId: number, frameId: number) {
  const request: RequestOf<'ticket-context'> = { type: 'ticket-context' };
  anyRequestSchema().parse(request);
  const reply = (await api.tabs.sendMessage(tabId, request, { frameId })) as unknown;
  const parsed = PROTOCOL['ticket-context'].reply.safeParse((reply as { value?: unknown } | null)?.value);
  return parsed.success ? parsed.data : null;
}

/** How a failed menu capture is kept for the agent (the popup shows it until dealt with). */
export interface MenuFailureDeps {
  log: MenuFailureLog;
  newId: () => string;
  now: () => number;
  /** The label of a tag in the taxonomy in force, null when it has none. */
  tagLabel: (tagId: string) => Promise<string | null>;
}

/** The toolbar title of a tab whose menu capture failed: the "!" is not only a colour and a sign. */
export const MENU_FAILED_TITLE = 'Earmark: a selection was not saved. Open Earmark to see why and try again.';

/** The capture a click asks for, checked as the sidebar's would be; or why there is none. */
async function requestFor(
  api: Api,
  click: MenuClick,
  tabId: number | undefined,
): Promise<{ request: RequestOf<'capture'> } | { error: string }> {
  const built = await captureRequestFor(click, tabId, (tab, frame) => askContext(api, tab, frame));
  if (!built) return { error: unusableClickReason(click.selectionText) };
  const parsed = PROTOCOL.capture.request.safeParse(built);
  if (!parsed.success) {
    return { error: `Earmark could not read this page: ${describeZodError(parsed.error)}` };
  }
  return { request: parsed.data };
}

/**
 * Captures a selection from the context menu. Saved: a "✓" flashes on the toolbar icon. Not saved:
 * the icon shows "!" and, given `failures`, the failure is kept with the selected text until the
 * agent retries or dismisses it in the popup. Resolves to whether it was saved (null: not an
 * Earmark tag entry).
 */
export async function captureFromMenu(
  api: Api,
  handlers: Pick<WorkerHandlers, 'capture'>,
  click: MenuClick,
  tabId?: number,
  failures?: MenuFailureDeps,
): Promise<boolean | null> {
  const tagId = tagIdOf(click.menuItemId);
  if (!tagId) return null;
  let request: RequestOf<'capture'> | null = null;
  let error: string | null = null;
  try {
    const built = await requestFor(api, click, tabId);
    if ('error' in built) error = built.error;
    else {
      request = built.request;
      // The browser's record of the clicked page names the site the capture is listed on.
      await handlers.capture(request, click.pageUrl ? { url: click.pageUrl } : undefined);
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  if (error !== null) {
    console.error('Earmark: context-menu capture failed', error);
    await failures?.log.add({
      id: failures.newId(),
      at: new Date(failures.now()).toISOString(),
      tagId,
      tagLabel: await failures.tagLabel(tagId).catch(() => null),
      error,
      text: click.selectionText?.trim().slice(0, 10_000) || null,
      pageUrl: click.pageUrl ?? null,
      request,
      tabId: tabId ?? null,
    });
  }
  if (tabId !== undefined) await showOutcome(api, tabId, error === null, failures !== undefined);
  return error === null;
}

/** "✓" for 2.5 s; "!" until the failure kept for the agent is dealt with (else for 2.5 s too). */
async function showOutcome(api: Api, tabId: number, saved: boolean, kept: boolean): Promise<void> {
  await api.action.setBadgeBackgroundColor({ tabId, color: saved ? '#1a7f37' : '#b42318' });
  await api.action.setBadgeText({ tabId, text: saved ? '✓' : '!' });
  if (!saved && kept) {
    await api.action.setTitle({ tabId, title: MENU_FAILED_TITLE });
    return;
  }
  setTimeout(() => void api.action.setBadgeText({ tabId, text: '' }).catch(() => {}), 2500);
}

/** Takes the "!" of a failed menu capture off a tab's toolbar icon (its title back to the global one). */
export async function clearMenuFailureBadge(api: Api, tabId: number): Promise<void> {
  await api.action.setBadgeText({ tabId, text: '' });
  await api.action.setTitle({ tabId, title: await api.action.getTitle({}) });
}
