import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createSidebarHost } from '@/components/sidebar/launcher/host';
import type { SidebarLauncher } from '@/components/sidebar/launcher/launcher';
import {
  CONTEXT_READER_SLOT,
  type ContextReader,
  LAUNCHER_SLOT,
  type LauncherModule,
  loadModule,
} from '@/components/sidebar/launcher/modules';
import { PANEL_BUTTON_STYLES, showPanelButton } from '@/components/sidebar/launcher/panel-button';
import { holdStartMessageWhereSafe } from '@/components/sidebar/launcher/script-context';
import { askSidePanelOpen } from '@/components/sidebar/launcher/side-panel-state';
import { createTabMessageListener } from '@/components/sidebar/launcher/tab-messages';
import { asHostList, layoutFor } from '@/lib/sidebar/site-prefs';
import { startupPrefs, surfaceFor } from '@/lib/sidebar/snapshot-store';
import { launcherAtStart, type PageUi, pageUi, usableSurface } from '@/lib/sidebar/surface';
import { inWorld } from '@/lib/sidebar/world-slot';
import { pageCanOpenPanel } from '@/lib/sidepanel/panel-opener';
import type { SiteAdapterRule } from '@/lib/sites/adapters';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '@/lib/sites/registry';
import { DISABLED_SITES_KEY, SIDEBAR_SURFACES_KEY, SURFACE_POLICY_KEY } from '@/lib/storage-keys';

// The eager content script is only a stub, since every CRM page load compiles and runs it: one
// storage read, the surface decision (lib/sidebar/surface.ts), the background's tab messages, and on
// a side-panel site the "Open Earmark side panel" button. The rest is imported by URL from the
// extension's own web-accessible files into this same isolated world, only where it is needed:
// - sidebar-launcher.js (painted snapshot, collapsed tab, loading the sidebar app, site adapters),
//   at document_start right after the storage read where the page shows the overlay, so it is
//   there by DOMContentLoaded; it imports the sidebar app (React) when the sidebar needs it;
// - context-reader.js (the site adapters) on the first message that needs the ticket context on a
//   page without the launcher (the side panel's requests).
// Why a dynamic import() of a web-accessible file, not `scripting.executeScript` from the
// background: WXT 0.21 builds content scripts as single IIFE bundles (no chunks), but an unlisted
// script's IIFE also runs as a module, and an import() from a content script evaluates it in this
// same isolated world. Chrome compiles an imported module off the main thread, while an injected
// file is compiled on it; it needs no round trip to a possibly sleeping service worker, and no
// host permissions beyond the content-script matches. The import rule `stub-not-launcher`
// (scripts/check-imports.mjs) keeps the launcher and the adapters out of this bundle.

// Set before WXT creates this script's context (its entry imports this module first) and released
// when main() starts: WXT's start message is not posted to the page (launcher/script-context.ts).
// WXT also imports this module in Node at build time, where there is no window.
const releaseStartMessage = holdStartMessageWhereSafe(
  typeof window === 'undefined' ? undefined : window,
  import.meta.env.FIREFOX,
);

// Admin-added sites (from the sidebar config) name the adapter for pages no built-in one covers.
let siteRules: SiteAdapterRule[] = [];

const importModule = (url: string) => import(/* @vite-ignore */ url);

/** The overlay launcher module, imported once. */
const launcherModule = () =>
  loadModule<LauncherModule>(browser.runtime.getURL('/sidebar-launcher.js'), LAUNCHER_SLOT, importModule);

/** Reads the ticket context at request time (SPA navigation), with the launcher's adapters if loaded. */
async function currentContext() {
  const reader =
    inWorld<LauncherModule>(LAUNCHER_SLOT) ??
    (await loadModule<ContextReader>(
      browser.runtime.getURL('/context-reader.js'),
      CONTEXT_READER_SLOT,
      importModule,
    ));
  return reader.readContext(siteRules);
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
  // At document_start, while the page is still parsing: the launcher, and an open sidebar's app
  // and config, are on their way before DOMContentLoaded. Nothing is mounted before the DOM is.
  runAt: 'document_start',
  async main(ctx) {
    releaseStartMessage();
    // Only real HTML pages in the top frame get a sidebar (not JSON views, not iframes).
    if (document.contentType !== 'text/html' || window.top !== window) return;
    const host = location.hostname;
    // Firefox opens its sidebar only from the extension's own gesture handlers (popup, menu,
    // command), never for a page's button: where the browser has no side panel a page can open,
    // every site gets the in-page sidebar, whatever surface is stored.
    const canOpenPanel = pageCanOpenPanel(browser.runtime.getManifest());
    const stored = await startupPrefs(host); // the one storage read
    const prefs = { ...stored, surface: usableSurface(stored.surface, canOpenPanel) };
    // While the browser's side panel is open in some window, the worker is asked whether it is
    // this tab's (the page cannot tell its window); asked at once, so the answer is usually in by
    // the time the DOM is. Only then is the panel Earmark's surface here.
    const askPanel = prefs.panelOpenSomewhere;
    let sidePanelOpen: boolean | null = askPanel ? null : false;
    const sidePanelState = askPanel
      ? askSidePanelOpen((message) => browser.runtime.sendMessage(message))
      : Promise.resolve(false);
    void sidePanelState.then((open) => {
      sidePanelOpen ??= open;
    });

    let launcher: Promise<SidebarLauncher> | null = null;
    /** Imports and starts the overlay launcher, once (again after a failed import). */
    const startLauncher = () =>
      (launcher ??= launcherModule()
        .then((module) =>
          module.startOverlay({
            ctx,
            host,
            prefs,
            askPanel,
            canOpenPanel,
            siteRules: () => siteRules,
            setSiteRules: (rules) => {
              siteRules = rules;
            },
          }),
        )
        .catch((error: unknown) => {
          launcher = null;
          throw error;
        }));
    if (launcherAtStart(prefs)) void startLauncher().catch(() => {}); // reported when shown

    await domReady();
    // Pages may opt out (the hub's own item view does).
    if (!ctx.isValid || document.querySelector('meta[name="earmark"][content="no-sidebar"]')) return;

    const onMessage = createTabMessageListener({
      extensionId: browser.runtime.id,
      // Alt+Shift+E: only where the launcher runs is there a sidebar to toggle.
      toggle: () => launcher?.then((started) => started.toggle()) ?? false,
      context: currentContext,
      sidePanel: (open) => {
        sidePanelOpen = open;
        applyVisibility();
      },
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    let layout = prefs.layout;
    let shown: PageUi = 'nothing';
    let mounted: HTMLElement | null = null;
    let shownLauncher: SidebarLauncher | null = null;
    let removePanelButton: (() => void) | null = null;
    const onError = (error: unknown) => console.error('Earmark:', error);
    const ui = createSidebarHost(document, {
      onMount: (container) => {
        mounted = container;
        if (shown === 'panel-button') {
          removePanelButton = showPanelButton(
            container,
            layout,
            () => browser.runtime.sendMessage({ type: 'open-side-panel' }),
            onError,
          );
          return;
        }
        startLauncher().then((started) => {
          if (mounted !== container) return; // removed meanwhile
          shownLauncher = started;
          started.show(container, layout);
        }, onError);
      },
      onRemove: () => {
        mounted = null;
        removePanelButton?.();
        removePanelButton = null;
        shownLauncher?.hide();
        shownLauncher = null;
      },
    });
    ctx.onInvalidated(() => ui.remove()); // an extension reload or update leaves nothing behind

    /** The stylesheet for what is shown: the sidebar's comes with the launcher module. */
    const stylesFor = async (next: PageUi) => {
      if (next !== 'sidebar') return PANEL_BUTTON_STYLES;
      await startLauncher();
      return inWorld<LauncherModule>(LAUNCHER_SLOT)?.styles ?? '';
    };
    // The agent can switch Earmark off for this site from the toolbar popup: follow that live.
    // Changes are applied one at a time, so a quick off-on cannot leave two sidebars.
    let applying = Promise.resolve();
    const apply = (next: PageUi, known?: typeof layout) => {
      applying = applying
        .then(async () => {
          if (next === shown || !ctx.isValid) return;
          ui.remove();
          shown = next;
          if (next === 'nothing') return;
          const styles = await stylesFor(next);
          layout = known ?? (await layoutFor(host));
          ui.mount(styles);
        })
        .catch((error: unknown) => {
          shown = 'nothing'; // the launcher did not load: a later change tries again
          onError(error);
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
    // switched on or off, or its surface changed. The launcher follows the sidebar data key itself.
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
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  },
});
