import '@/components/sidebar.css';
import '@/components/sidebar-controls.css';
import '@/components/sidebar-recent.css';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar } from '@/components/Sidebar';
import { createSidebarApi, createTabMessageListener, readPageSelection } from '@/components/sidebar-wiring';
import { adapterFor, type SiteAdapterRule } from '@/lib/adapters';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '@/lib/adapters/matches';
import { DEFAULT_LAYOUT, disabledSites, isSiteEnabled, layoutFor, saveLayout } from '@/lib/site-prefs';

// Admin-added sites (from the sidebar config) name the adapter for pages no built-in one covers.
let siteRules: SiteAdapterRule[] = [];

/** Reads the ticket context at click time, so SPA navigation is always reflected. */
function currentContext() {
  const url = new URL(location.href);
  return adapterFor(url, siteRules).context(document, url);
}

export default defineContentScript({
  matches: [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES],
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Only real HTML pages in the top frame get a sidebar (not JSON views, not iframes), and
    // pages may opt out (the hub's own item view does).
    if (document.contentType !== 'text/html' || window.top !== window) return;
    if (document.querySelector('meta[name="earmark"][content="no-sidebar"]')) return;
    const host = location.hostname;
    const api = createSidebarApi(currentContext, (sites) => {
      siteRules = sites;
    });
    const toggleListeners = new Set<() => void>();
    const onToggle = (listener: () => void) => {
      toggleListeners.add(listener);
      return () => toggleListeners.delete(listener);
    };

    const onMessage = createTabMessageListener({
      extensionId: browser.runtime.id,
      toggle: () => {
        for (const listener of toggleListeners) listener();
        return toggleListeners.size > 0;
      },
      context: currentContext,
    });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    let layout = DEFAULT_LAYOUT;
    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'earmark-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Keys typed in the sidebar stop at its shadow root, so the CRM's own shortcuts stay quiet.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const root = createRoot(container);
        root.render(
          <Sidebar
            api={api}
            readSelection={readPageSelection}
            onToggle={onToggle}
            initialLayout={layout}
            saveLayout={(value) => saveLayout(host, value)}
          />,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });

    // The agent can switch Earmark off for this site from the toolbar popup: follow that live.
    // Changes are applied one at a time, so a quick off-on cannot leave two sidebars.
    let mounted = false;
    let applying = Promise.resolve();
    const apply = (enabled: boolean) => {
      applying = applying.then(async () => {
        if (enabled === mounted || !ctx.isValid) return;
        if (enabled) {
          layout = await layoutFor(host);
          ui.mount();
        } else {
          ui.remove();
        }
        mounted = enabled;
      });
    };
    apply(await isSiteEnabled(host));
    const unwatch = disabledSites.watch((sites) => apply(!(sites ?? []).includes(host)));
    ctx.onInvalidated(unwatch);
  },
});
