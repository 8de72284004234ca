import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/protocol/client';
import { unwrapReply } from '@/lib/protocol/messages';
import { isSidebarConfigChange } from '@/lib/sidebar/config-key';
import { pageCanOpenPanel } from '@/lib/sidepanel/panel-opener';
import type { SiteAdapterRule, TicketContext } from '@/lib/sites/adapters';
import type { Prefetched } from '../launcher/handoff';
import { RECENT_LIMIT } from '../launcher/recent-limit';
import { captureMessage } from '../launcher/tag-capture';
import type { SidebarApi } from './sidebar-api';

/** True where a page's click can open the side panel (Chrome, Edge builds; not Firefox's sidebar). */
function hasSidePanel(): boolean {
  try {
    return pageCanOpenPanel(browser.runtime.getManifest());
  } catch {
    return false; // no manifest to read (unit tests' fake browser)
  }
}

/**
 * The sidebar's API over the extension's messages; the ticket context is read at click time.
 * `prefetched` holds the raw replies to the 'sidebar-config' and 'recent' requests the launcher sent
 * while the app was loading: the first config() and recent() validate and use them instead of
 * asking again.
 */
export function createSidebarApi(
  currentContext: () => TicketContext,
  onSites: (sites: SiteAdapterRule[]) => void = () => {},
  prefetched: Prefetched | null = null,
): SidebarApi {
  let earlyConfig = prefetched?.config ?? null;
  let earlyRecent = prefetched?.recent ?? null;
  return {
    config: async () => {
      const early = earlyConfig;
      earlyConfig = null;
      const config = early
        ? unwrapReply('sidebar-config', await early)
        : await sendToBackground('sidebar-config', {});
      onSites(config.sites); // admin-added sites name the adapter that reads them
      return config;
    },
    onConfigChanged(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (isSidebarConfigChange(changes, area)) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    capture: (tagId, note, quote) => {
      const { type, ...body } = captureMessage(tagId, note, quote, currentContext());
      return sendToBackground(type, body);
    },
    adoptCapture: async (reply) => unwrapReply('capture', await reply),
    undo: async (id) => {
      await sendToBackground('undo', { id });
    },
    recent: async () => {
      const early = earlyRecent;
      earlyRecent = null;
      const reply = early
        ? unwrapReply('recent', await early)
        : await sendToBackground('recent', { limit: RECENT_LIMIT });
      return reply.entries;
    },
    revise: async (id, change) => {
      const { revision } = await sendToBackground('revise', { id, change });
      return { revision };
    },
    refreshReviews: async () => (await sendToBackground('reviews-refresh', {})).changed > 0,
    reviewsSeen: async (ids) => {
      await sendToBackground('reviews-seen', { ids });
    },
    // The worker runs the auth window and keeps the tokens; the sidebar hears only the outcome.
    signIn: async () => (await sendToBackground('sign-in', {})).error,
    // Chrome and Edge declare the side panel in the manifest; the worker opens it on the click.
    openSidePanel: hasSidePanel()
      ? async () => {
          await sendToBackground('open-side-panel', {});
        }
      : undefined,
  };
}

export { readPageSelection } from '../launcher/tag-capture';
