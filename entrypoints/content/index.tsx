import '@/components/sidebar.css';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar } from '@/components/Sidebar';
import type { SidebarApi } from '@/components/sidebar-api';
import { adapterFor } from '@/lib/adapters';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from '@/lib/adapters/matches';
import { sendToBackground } from '@/lib/messaging-client';

/** Reads the ticket context at click time, so SPA navigation is always reflected. */
function currentContext() {
  const url = new URL(location.href);
  return adapterFor(url).context(document, url);
}

const api: SidebarApi = {
  config: () => sendToBackground('sidebar-config', {}),
  capture: (tagId, note, quote) =>
    sendToBackground('capture', { tagId, note, quote, context: currentContext() }),
  undo: async (id) => {
    await sendToBackground('undo', { id });
  },
  recent: async () => (await sendToBackground('recent', { limit: 10 })).entries,
};

function readSelection(): string | null {
  const text = window.getSelection()?.toString().trim() ?? '';
  return text ? text.slice(0, 10_000) : null;
}

export default defineContentScript({
  matches: [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES],
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Only real HTML pages in the top frame get a sidebar (not JSON views, not iframes), and
    // pages may opt out (the hub's own item view does).
    if (document.contentType !== 'text/html' || window.top !== window) return;
    if (document.querySelector('meta[name="earmark"][content="no-sidebar"]')) return;
    const toggleListeners = new Set<() => void>();
    const onToggle = (listener: () => void) => {
      toggleListeners.add(listener);
      return () => toggleListeners.delete(listener);
    };
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown })?.type !== 'toggle-sidebar') return;
      for (const listener of toggleListeners) listener();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'earmark-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const root = createRoot(container);
        root.render(<Sidebar api={api} readSelection={readSelection} onToggle={onToggle} />);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
  },
});
