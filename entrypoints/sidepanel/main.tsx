import '@/components/shared/tokens.css';
import '@/components/sidebar/launcher/controls.css';
import '@/components/sidebar/launcher/recent.css';
import '@/components/sidepanel/side-panel.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { browserTabReader, createPanelApi } from '@/components/sidepanel/panel-api';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import { sendToBackground } from '@/lib/protocol/client';
import { type PanelApis, panelReportsItself } from '@/lib/sidepanel/panel-opener';

// The browser's side panel (Chrome, Edge) or sidebar (Firefox's sidebar_action): an extension page
// beside the tab, so nothing of the CRM page is covered. Wiring only: it follows the active tab of
// its own window.

/** Firefox reports no sidebar opening or closing: the page tells the worker itself. */
function reportShown(windowId: number) {
  if (!panelReportsItself(browser as PanelApis)) return;
  const report = (open: boolean) =>
    void sendToBackground('side-panel-page', { open, windowId }).catch(() => {});
  report(true);
  window.addEventListener('pagehide', () => report(false));
}

/** Renders the panel for the window it is shown in. */
async function start(root: HTMLElement) {
  const { id: windowId } = await browser.windows.getCurrent();
  if (windowId === undefined) return;
  reportShown(windowId);
  const reader = browserTabReader(windowId);
  const tabChanges = (listener: () => void) => {
    const onActivated = (info: { windowId: number }) => info.windowId === windowId && listener();
    const onUpdated = (_id: number, _change: unknown, tab: { windowId?: number; active?: boolean }) =>
      tab.windowId === windowId && tab.active && listener();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  };
  createRoot(root).render(<SidePanel api={createPanelApi(reader)} reader={reader} tabChanges={tabChanges} />);
}

const root = document.getElementById('root');
if (root) void start(root);
