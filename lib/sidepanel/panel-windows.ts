import type { HandlersFor, TabMessage } from '../protocol/messages';

// The browser's side panel is per window: while it is open there, every tab of that window shows
// no in-page sidebar (the panel is the surface). The worker keeps which windows have it open in
// storage (the worker may be stopped while a panel stays open), and tells each tab
// of the window when that changes. The list is in storage.local, where the eager launcher reads it
// in its one startup read: only while some window has the panel open does a content script
// starting up ask whether it is its own window ('side-panel-state'), since it cannot tell.

/** What the worker's side-panel bookkeeping depends on (the browser APIs, in tests fakes). */
export interface PanelWindowDeps {
  /** The ids of the windows whose side panel is open, as last saved. */
  load(): Promise<number[]>;
  save(windowIds: number[]): Promise<void>;
  /** The ids of the tabs in a window. */
  tabsIn(windowId: number): Promise<number[]>;
  /** Sends a tab a message; a tab without Earmark's content script rejects, which is ignored. */
  tell(tabId: number, type: Extract<TabMessage, 'side-panel-opened' | 'side-panel-closed'>): Promise<unknown>;
  /** chrome.sidePanel.open: must be called while the agent's click is being handled. */
  open(options: { tabId: number; windowId?: number }): Promise<void>;
}

/** The sender of a message, as far as the side panel handlers read it. */
interface TabSender {
  tab?: { id?: number; windowId?: number };
}

/** The worker's side-panel state and the messages about it. */
export interface PanelWindows {
  /** The side panel opened in a window (sidePanel.onOpened): its tabs hide the in-page sidebar. */
  opened(windowId: number): Promise<void>;
  /** The side panel closed in a window (sidePanel.onClosed): its tabs show the sidebar again. */
  closed(windowId: number): Promise<void>;
  /** The browser started or Earmark was reloaded: no window of before has the panel open now. */
  reset(): Promise<void>;
  handlers: HandlersFor<'side-panel-state' | 'open-side-panel' | 'side-panel-page'>;
}

export { asWindowIds } from '../sidebar/surface';

/** Keeps which windows show the side panel and answers the content scripts' side-panel messages. */
export function createPanelWindows(deps: PanelWindowDeps): PanelWindows {
  // One change at a time, so an open and a close in quick succession are saved in order.
  let queue: Promise<unknown> = Promise.resolve();
  const change = (windowId: number, open: boolean) => {
    const next = queue.then(async () => {
      const ids = new Set(await deps.load());
      if (open) ids.add(windowId);
      else ids.delete(windowId);
      await deps.save([...ids]);
      const type = open ? 'side-panel-opened' : 'side-panel-closed';
      const tabs = await deps.tabsIn(windowId);
      await Promise.all(tabs.map((tabId) => deps.tell(tabId, type).catch(() => {})));
    });
    queue = next.catch(() => {});
    return next;
  };
  return {
    opened: (windowId) => change(windowId, true),
    closed: (windowId) => change(windowId, false),
    reset() {
      // Kept in storage.local, which outlives the browser session: a stale id would hide the
      // sidebar in a new window that happens to get the same id.
      const next = queue.then(() => deps.save([]));
      queue = next.catch(() => {});
      return next;
    },
    handlers: {
      async 'side-panel-state'(_request, sender) {
        const windowId = (sender as TabSender | undefined)?.tab?.windowId;
        if (windowId === undefined) return { open: false };
        await queue;
        return { open: (await deps.load()).includes(windowId) };
      },
      async 'side-panel-page'(request) {
        // Firefox's sidebar: the panel page itself says when it is shown and gone.
        await change(request.windowId, request.open);
        return null;
      },
      async 'open-side-panel'(_request, sender) {
        const tab = (sender as TabSender | undefined)?.tab;
        if (tab?.id === undefined) throw new Error('only a page in a tab can open the side panel');
        // Called before any await: the browser opens the panel only during the agent's gesture.
        await deps.open({ tabId: tab.id, windowId: tab.windowId });
        return null;
      },
    },
  };
}
