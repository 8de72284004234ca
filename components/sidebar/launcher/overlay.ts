import { browser } from 'wxt/browser';
import { followDataKey } from '@/lib/sidebar/data-key-follow';
import { saveLayout } from '@/lib/sidebar/site-prefs';
import { snapshotEnvironment } from '@/lib/sidebar/snapshot-environment';
import { saveSnapshot } from '@/lib/sidebar/snapshot-store';
import { startupPlan } from '@/lib/sidebar/surface';
import type { TicketContext } from '@/lib/sites/adapters';
import { type Prefetched, sidebarApp, sidebarAppLoaded } from './handoff';
import { createSidebarLauncher, type SidebarLauncher } from './launcher';
import type { OverlayOptions } from './modules';
import { isSnapshotCurrent } from './painted';
import { RECENT_LIMIT } from './recent-limit';

// The in-page sidebar's launcher, started by the eager stub (entrypoints/content) on a page whose
// surface is the overlay, right after the stub's storage read at document_start: it decides at once
// whether the sidebar app and its first data are needed (no snapshot, or a stale one), so they are
// on their way while the page is still parsing; the stub mounts the shadow root at DOMContentLoaded.

let loadingApp: Promise<unknown> | null = null;

/** Imports the sidebar app into this isolated world, once; resolves when it has handed itself over. */
async function loadApp() {
  if (!sidebarAppLoaded()) {
    loadingApp ??= import(/* @vite-ignore */ browser.runtime.getURL('/sidebar-app.js')).catch(
      (error: unknown) => {
        loadingApp = null; // let a later open try again
        throw error;
      },
    );
    await loadingApp;
  }
  return sidebarApp();
}

/**
 * What the open sidebar shows first, asked of the background: its config and the agent's recent
 * captures (constant requests; the app validates the replies).
 */
function requestFirstData(): Prefetched {
  const prefetched = {
    config: browser.runtime.sendMessage({ type: 'sidebar-config' }) as Promise<unknown>,
    recent: browser.runtime.sendMessage({ type: 'recent', limit: RECENT_LIMIT }) as Promise<unknown>,
  };
  // The app reports a failed request itself.
  prefetched.config.catch(() => {});
  prefetched.recent.catch(() => {});
  return prefetched;
}

/** Starts the overlay launcher for this page (see LauncherModule.startOverlay). */
export function startOverlay(options: OverlayOptions, context: () => TicketContext): SidebarLauncher {
  const { ctx, host, prefs } = options;
  const environment = snapshotEnvironment(browser.runtime.getManifest().version);
  let snapshot = prefs.snapshot;
  let dataKey = prefs.dataKey;
  let early: Prefetched | null = null;
  const current = !!snapshot && isSnapshotCurrent(snapshot, dataKey, prefs.layout, environment);
  // Where the worker is asked about the side panel, the page may show nothing: no app preloaded.
  if (!options.askPanel && startupPlan(prefs, current).preloadApp) {
    void loadApp().catch(() => {}); // a failure is reported when the launcher mounts the app
    early = requestFirstData();
  }
  const launcher = createSidebarLauncher({
    loadApp,
    // The first request takes the answers asked for during the parse; later ones ask again.
    prefetch: () => {
      const prefetched = early ?? requestFirstData();
      early = null;
      return prefetched;
    },
    saveLayout: (layout) => saveLayout(host, layout),
    snapshot: () => snapshot,
    dataKey: () => dataKey,
    saveSnapshot: async (next) => {
      snapshot = next;
      await saveSnapshot(host, next);
    },
    environment,
    context,
    send: (message) => browser.runtime.sendMessage(message),
    setSiteRules: options.setSiteRules,
    onError: (error) => console.error('Earmark:', error),
    // Chrome and Edge: the worker opens the side panel on the click. Firefox opens its sidebar only
    // in the extension's own gestures (popup, menu, command), so the page offers none there.
    openSidePanel: options.canOpenPanel
      ? () => void browser.runtime.sendMessage({ type: 'open-side-panel' }).catch(console.error)
      : undefined,
  });
  // A painted snapshot checks itself when the tab is shown again, and on a new data key, which a
  // tab the agent sees checks at once (a hidden tab checks when it is shown again).
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') launcher.recheck();
  });
  const stopFollowing = followDataKey(host, dataKey, (key) => {
    dataKey = key;
    if (document.visibilityState === 'visible') launcher.recheck();
  });
  ctx.onInvalidated(stopFollowing);
  return launcher;
}
