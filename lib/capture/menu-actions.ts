import type { browser } from 'wxt/browser';
import type { EffectiveConfig } from '../config/policy';
import { anyRequestSchema, PROTOCOL, type RequestOf, type WorkerHandlers } from '../protocol/messages';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '../sites/registry';
import { captureRequestFor, type MenuClick, menuEntries } from './context-menu';

type Api = typeof browser;

/** Recreates the context menu for the current taxonomy and sites (menus persist; duplicates throw). */
export async function rebuildMenus(api: Api, config: EffectiveConfig): Promise<void> {
  await api.contextMenus.removeAll();
  const patterns = [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES, ...config.sites.map((s) => s.match)];
  for (const entry of menuEntries(config.taxonomy, patterns)) api.contextMenus.create(entry);
}

/** Asks the sidebar in a tab/frame for its ticket context; null when none answers validly. */
async function askContext(api: Api, tabId: number, frameId: number) {
  const request: RequestOf<'ticket-context'> = { type: 'ticket-context' };
  anyRequestSchema().parse(request);
  const reply = (await api.tabs.sendMessage(tabId, request, { frameId })) as unknown;
  const parsed = PROTOCOL['ticket-context'].reply.safeParse((reply as { value?: unknown } | null)?.value);
  return parsed.success ? parsed.data : null;
}

/** Captures a selection from the context menu and flags the result on the toolbar icon. */
export async function captureFromMenu(
  api: Api,
  handlers: Pick<WorkerHandlers, 'capture'>,
  click: MenuClick,
  tabId?: number,
): Promise<void> {
  const request = await captureRequestFor(click, tabId, (tab, frame) => askContext(api, tab, frame));
  if (!request) return;
  let ok = true;
  try {
    // The browser's record of the clicked page names the site the capture is listed on.
    await handlers.capture(request, click.pageUrl ? { url: click.pageUrl } : undefined);
  } catch (error) {
    ok = false;
    console.error('Earmark: context-menu capture failed', error);
  }
  if (tabId === undefined) return;
  await api.action.setBadgeBackgroundColor({ tabId, color: ok ? '#1a7f37' : '#b42318' });
  await api.action.setBadgeText({ tabId, text: ok ? '✓' : '!' });
  setTimeout(() => void api.action.setBadgeText({ tabId, text: '' }).catch(() => {}), 2500);
}
