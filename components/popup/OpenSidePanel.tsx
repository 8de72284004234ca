import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { type PanelApis, panelOpener } from '@/lib/sidepanel/panel-opener';

/**
 * "Open in side panel": Earmark beside the page instead of over it, for this window (Chrome and
 * Edge's side panel, Firefox's sidebar). The window is looked up when the popup opens, so the click
 * calls the browser at once: it opens its panel only during the agent's own click.
 */
export function OpenSidePanel() {
  const [windowId, setWindowId] = useState<number | null>(null);
  const open = useMemo(() => panelOpener(browser as PanelApis), []);
  useEffect(() => {
    if (!open) return;
    void browser.windows.getCurrent().then((current) => setWindowId(current.id ?? null));
  }, [open]);
  if (!open || windowId === null) return null;
  return (
    <button
      type="button"
      onClick={() => {
        void open(windowId).then(
          () => window.close(),
          (error: unknown) => console.error('Earmark: opening the side panel', error),
        );
      }}
    >
      Open in side panel
    </button>
  );
}
