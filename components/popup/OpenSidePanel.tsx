import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The browser's side panel API where there is one (Chrome, Edge); Firefox has none. */
function sidePanelApi(): { open(options: { windowId: number }): Promise<void> } | undefined {
  return (browser as { sidePanel?: { open(options: { windowId: number }): Promise<void> } }).sidePanel;
}

/**
 * "Open in side panel": Earmark beside the page instead of over it, for this window. The window is
 * looked up when the popup opens, so the click calls the browser at once: it opens its side panel
 * only during the agent's own click.
 */
export function OpenSidePanel() {
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    if (!sidePanelApi()) return;
    void browser.windows.getCurrent().then((current) => setWindowId(current.id ?? null));
  }, []);
  const api = sidePanelApi();
  if (!api || windowId === null) return null;
  return (
    <button
      type="button"
      onClick={() => {
        void api.open({ windowId }).then(
          () => window.close(),
          (error: unknown) => console.error('Earmark: opening the side panel', error),
        );
      }}
    >
      Open in side panel
    </button>
  );
}
