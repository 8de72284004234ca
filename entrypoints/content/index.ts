import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type Prefetched, sidebarApp, sidebarAppLoaded } from '@/components/sidebar/launcher/handoff';
import { createSidebarHost } from '@/components/sidebar/launcher/host';
import { createSidebarLauncher } from '@/components/sidebar/launcher/launcher';
import { isSnapshotCurrent } from '@/components/sidebar/launcher/painted';
import { showPanelButton } from '@/components/sidebar/launcher/panel-button';
import { RECENT_LIMIT } from '@/components/sidebar/launcher/recent-limit';
import { holdStartMessage } from '@/components/sidebar/launcher/script-context';
import { askSidePanelOpen } from '@/components/sidebar/launcher/side-panel-state';
import { createTabMessageListener } from '@/components/sidebar/launcher/tab-messages';
import { publishedKeyFor } from '@/lib/sidebar/data-key';
import { asHostList, layoutFor, saveLayout } from '@/lib/sidebar/site-prefs';
import { snapshotEnvironment } from '@/lib/sidebar/snapshot-environment';
import { saveSnapshot, startupPrefs, surfaceFor } from '@/lib/sidebar/snapshot-store';
import { type PageUi, pageUi, startupPlan, usableSurface } from '@/lib/sidebar/surface';
import { pageCanOpenPanel } from '@/lib/sidepanel/panel-opener';
import { adapterFor, type SiteAdapterRule } from '@/lib/sites/adapters';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '@/lib/sites/registry';
import {
  DISABLED_SITES_KEY,
  SIDEBAR_DATA_KEY,
  SIDEBAR_SURFACES_KEY,
  SURFACE_POLICY_KEY,
} from '@/lib/storage-keys';

// The eager content script is only a launcher (no React, no zod): it decides whether and where
// the sidebar goes, shows the collapsed tab or paints the open sidebar from its last snapshot
// (components/sidebar/launcher/painted.ts), and imports the sidebar app (entrypoints/sidebar-app, React)
// from the extension's own files when the sidebar is opened or reached for, or when there is no
// snapshot, or it is stale.
// Why a dynamic import() of a web-accessible file, not `scripting.executeScript` from the
// background: WXT 0.21 builds content scripts as single IIFE bundles (no chunks), but an unlisted
// script's IIFE also runs as a module, and an import() from a content script evaluates it in this
// same isolated world, where it finds the launcher (components/sidebar/launcher/handoff.ts).
// Chrome compiles an imported module off the main thread, while an injected file is compiled on
// it (measured: ~100 ms less main-thread work per load on the bench machine); it needs no round
// trip to a possibly sleeping service worker, and no host permissions beyond the content-script
// matches.

// Set before WXT creates this script's context (its entry imports this module first) and released
// when main() starts: WXT's start message is not posted to the page (launcher/script-context.ts).
// WXT also imports this module in Node at build time, where there is no window.
const releaseStartMessage = typeof window === 'undefined' ? () => {} : holdStartMessage(window);

// Admin-added sites (from the sidebar config) name the adapter for pages no built-in one covers.
let siteRules: SiteAdapterRule[] = [];

/** Reads the ticket context at click time, so SPA navigation is always reflected. */
function currentContext() {
  const url = new URL(location.href);
  return adapterFor(url, siteRules).context(document, url);
}

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

/** Resolves once the DOM is parsed (at once when it already is). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

export default defineContentScript({
  matches: [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES],
  // At document_start, while the page is still parsing: an open sidebar's app and config are on
  // their way before DOMContentLoaded, so its tags are clickable right after it. The launcher
  // itself waits for the DOM before it mounts anything.
  runAt: 'document_start',
  async main(ctx) {
    releaseStartMessage();
    // Only real HTML pages in the top frame get a sidebar (not JSON views, not iframes).
    if (document.contentType !== 'text/html' || window.top !== window) return;
    const host = location.hostname;
    // One storage read. A current snapshot is painted at DOMContentLoaded with nothing else to do;
    // otherwise the app and its first data are on their way while the page is still parsing.
    // Firefox opens its sidebar only from the extension's own gesture handlers (popup, menu,
    // command), never for a page's button: where the browser has no side panel a page can open,
    // every site gets the in-page sidebar, whatever surface is stored.
    const canOpenPanel = pageCanOpenPanel(browser.runtime.getManifest());
    const stored = await startupPrefs(host);
    const prefs = { ...stored, surface: usableSurface(stored.surface, canOpenPanel) };
    const environment = snapshotEnvironment(browser.runtime.getManifest().version);
    let snapshot = prefs.snapshot;
    let dataKey = prefs.dataKey;
    let early: Prefetched | null = null;
    const current = !!snapshot && isSnapshotCurrent(snapshot, dataKey, prefs.layout, environment);
    const plan = startupPlan(prefs, current);
    if (plan.preloadApp) {
      void loadApp().catch(() => {}); // a failure is reported when the launcher mounts the app
      early = requestFirstData();
    }
    // While the browser's side panel is open in this window, it is the surface: no sidebar here.
    // Only while a panel is open somewhere is the worker asked (the page cannot tell its window);
    // asked at once, so the answer is usually in by the time the DOM is.
    let sidePanelOpen: boolean | null = plan.askPanel ? null : false;
    const sidePanelState = plan.askPanel
      ? askSidePanelOpen((message) => browser.runtime.sendMessage(message))
      : Promise.resolve(false);
    void sidePanelState.then((open) => {
      sidePanelOpen ??= open;
    });
    await domReady();
    // Pages may opt out (the hub's own item view does).
    if (!ctx.isValid || document.querySelector('meta[name="earmark"][content="no-sidebar"]')) return;

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
      context: currentContext,
      send: (message) => browser.runtime.sendMessage(message),
      setSiteRules: (rules) => {
        siteRules = rules;
      },
      onError: (error) => console.error('Earmark:', error),
      // Chrome and Edge: the worker opens the side panel on the click. Firefox opens its sidebar only
      // in the extension's own gestures (popup, menu, command), so the page offers none there.
      openSidePanel: canOpenPanel
        ? () => void browser.runtime.sendMessage({ type: 'open-side-panel' }).catch(console.error)
        : undefined,
    });

    const onMessage = createTabMessageListener({
      extensionId: browser.runtime.id,
      toggle: launcher.toggle,
      context: currentContext,
      sidePanel: (open) => {
        sidePanelOpen = open;
        applyVisibility();
      },
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // A painted snapshot checks itself when the tab is shown again (and on a new data key below).
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') launcher.recheck();
    });

    let layout = prefs.layout;
    let shown: PageUi = 'nothing';
    let removePanelButton: (() => void) | null = null;
    const ui = createSidebarHost(document, {
      onMount: (container) => {
        if (shown !== 'panel-button') return launcher.show(container, layout);
        removePanelButton = showPanelButton(
          container,
          layout,
          () => browser.runtime.sendMessage({ type: 'open-side-panel' }),
          (error) => console.error('Earmark:', error),
        );
      },
      onRemove: () => {
        removePanelButton?.();
        removePanelButton = null;
        launcher.hide();
      },
    });
    ctx.onInvalidated(() => ui.remove()); // an extension reload or update leaves nothing behind

    // The agent can switch Earmark off for this site from the toolbar popup: follow that live.
    // Changes are applied one at a time, so a quick off-on cannot leave two sidebars.
    let applying = Promise.resolve();
    const apply = (next: PageUi, known?: typeof layout) => {
      applying = applying.then(async () => {
        if (next === shown || !ctx.isValid) return;
        ui.remove();
        shown = next;
        if (next === 'nothing') return;
        layout = known ?? (await layoutFor(host));
        ui.mount();
      });
    };
    // The sidebar where the site is on (toolbar popup), its surface is the overlay and the side
    // panel is not open in this window; only the panel's button where its surface is the panel.
    // Nothing is painted before the worker has said whether the panel is open here (when asked).
    let siteEnabled = prefs.enabled;
    let surface = prefs.surface;
    const applyVisibility = (known?: typeof layout) => {
      if (sidePanelOpen !== null) apply(pageUi(siteEnabled, surface, sidePanelOpen), known);
    };
    if (sidePanelOpen !== null) applyVisibility(prefs.layout);
    else void sidePanelState.then(() => applyVisibility(prefs.layout)); // the answer comes after the DOM
    // One storage listener (not WXT's watch, which costs a storage read at start): the site
    // switched on or off, and a new sidebar data key, which a painted snapshot in a tab the agent
    // sees checks at once (a hidden tab checks when it is shown again).
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (SURFACE_POLICY_KEY in changes || SIDEBAR_SURFACES_KEY in changes) {
        void surfaceFor(host).then((next) => {
          surface = usableSurface(next, canOpenPanel);
          applyVisibility();
        });
      }
      if (DISABLED_SITES_KEY in changes) {
        siteEnabled = !asHostList(changes[DISABLED_SITES_KEY]?.newValue).includes(host);
        applyVisibility();
      }
      if (SIDEBAR_DATA_KEY in changes) {
        dataKey = publishedKeyFor(changes[SIDEBAR_DATA_KEY]?.newValue, host);
        if (document.visibilityState === 'visible') launcher.recheck();
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  },
});
