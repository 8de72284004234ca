import '@/components/sidebar/launcher/tokens.css';
import '@/components/sidebar/launcher/controls.css';
import '@/components/sidebar/launcher/recent.css';
import '@/components/sidepanel/side-panel.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { browserTabReader, createPanelApi } from '@/components/sidepanel/panel-api';
import { SidePanel } from '@/components/sidepanel/SidePanel';

// The browser's side panel (Chrome, Edge): an extension page beside the tab, so nothing of the
// CRM page is covered. Wiring only: it follows the active tab of its own window.
/** Renders the panel for the window it is shown in. */
async function start(root: HTMLElement) {
  const { id: windowId } = await browser.windows.getCurrent();
  if (windowId === undefined) return;
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
