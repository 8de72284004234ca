// The browser's side panel differs by browser: Chrome and Edge have `chrome.sidePanel` (per window,
// opened with a windowId, reported by sidePanel.onOpened/onClosed), Firefox has `sidebarAction`
// (`sidebar_action` in the manifest; open() takes no window: it opens in the window of the agent's
// gesture, and there is no event when it opens or closes). This module is the one place that knows.
// Both open only while the browser handles the agent's own gesture (a click in an extension page,
// a context-menu click, a keyboard command): open() must be called before any await.

/** The part of the extension API this reads: Chrome's sidePanel and Firefox's sidebarAction. */
export interface PanelApis {
  sidePanel?: {
    open(options: { windowId: number }): Promise<void>;
    onOpened?: unknown;
  };
  sidebarAction?: { open(): Promise<void> };
}

/** Opens the panel in a window; call it synchronously in the gesture's handler. */
export type PanelOpener = (windowId: number) => Promise<void>;

/** How this browser opens Earmark's panel, or undefined where it has none. */
export function panelOpener(api: PanelApis): PanelOpener | undefined {
  const { sidePanel, sidebarAction } = api;
  if (sidePanel) return (windowId) => sidePanel.open({ windowId });
  // Firefox: the window of the gesture is the current one, the one open() uses.
  if (sidebarAction) return () => sidebarAction.open();
  return undefined;
}

/**
 * Whether the panel page itself must tell the worker it opened and closed (Firefox, where the
 * browser reports neither); Chrome's sidePanel.onOpened/onClosed do it there.
 */
export function panelReportsItself(api: PanelApis): boolean {
  return !api.sidePanel?.onOpened && api.sidebarAction !== undefined;
}

/**
 * Whether the in-page sidebar offers "Open in side panel": only where the worker can open the
 * panel while handling a content script's message (Chrome's side_panel). Firefox opens its sidebar
 * only in a gesture the extension's own code receives (popup, menu, command), not in a page's.
 */
export function pageCanOpenPanel(manifest: object): boolean {
  return 'side_panel' in manifest;
}
