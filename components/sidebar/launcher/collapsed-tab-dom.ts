import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import { DRAG_THRESHOLD, TAB_SIZE, tabTopAfterDrag, tabTopAfterKey } from './layout';

// Plain DOM, no React: the launcher shows this tab on collapsed sites before (and without ever)
// loading the sidebar app, and the React sidebar wraps the same widget, so there is one tab.

/** What the tab reports to its owner, which keeps the layout (the tab is controlled). */
export interface CollapsedTabHandlers {
  onOpen(): void;
  /** New position (fraction of the free viewport height); `persist: false` mid-drag. */
  onMove(tabTop: number, persist: boolean): void;
  /** Saves the position at the end of a drag. */
  onCommit(): void;
  /** Opens Earmark in the browser's side panel; absent where the browser has none. */
  onOpenSidePanel?: () => void;
}

/** The tab element and how to move or drop it. */
export interface CollapsedTabWidget {
  element: HTMLButtonElement;
  /** The small "Open in side panel" button beside the tab (null without onOpenSidePanel): append it too. */
  panelButton: HTMLButtonElement | null;
  /** Shows the tab on this side at this position. */
  update(side: SidebarLayout['side'], tabTop: number): void;
  /** Removes the tab and its listeners. */
  destroy(): void;
}

interface Drag {
  pointerId: number;
  startY: number;
  startTop: number;
  moved: boolean;
}

/**
 * The collapsed sidebar: a small tab on the docked edge. A click opens Earmark; dragging it (or
 * ArrowUp/ArrowDown while focused) slides it along the edge, out of the way of the CRM's own UI.
 */
export function createCollapsedTab(
  doc: Document,
  initial: { side: SidebarLayout['side']; tabTop: number },
  handlers: CollapsedTabHandlers,
): CollapsedTabWidget {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Open Earmark');
  button.setAttribute('aria-keyshortcuts', 'Alt+Shift+E');
  button.title = 'Open Earmark (Alt+Shift+E). Drag, or use the arrow keys, to move this tab.';
  const label = doc.createElement('span');
  label.className = 'em-tab-label';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = 'Earmark';
  button.append(label);

  const panelButton = handlers.onOpenSidePanel ? createPanelButton(doc, handlers.onOpenSidePanel) : null;

  let tabTop = initial.tabTop;
  let drag: Drag | null = null;
  let suppressClick = false;
  const update = (side: SidebarLayout['side'], top: number) => {
    tabTop = top;
    button.className = `em-tab em-tab-${side}`;
    // The CSSOM, not a style attribute, so a strict page CSP does not block it.
    const tabAt = `(100% - ${TAB_SIZE.height}px) * ${top}`;
    button.style.top = `calc(${tabAt})`;
    if (!panelButton) return;
    // Below the tab, or above it in the lower half of the edge, so it stays on screen.
    panelButton.className = `em-tab-panel em-tab-${side}`;
    const gap = PANEL_BUTTON_SIZE + 4;
    panelButton.style.top =
      top > 0.5 ? `calc(${tabAt} - ${gap}px)` : `calc(${tabAt} + ${TAB_SIZE.height + 4}px)`;
  };
  update(initial.side, initial.tabTop);

  const finish = (event: PointerEvent) => {
    const current = drag;
    if (current?.pointerId !== event.pointerId) return;
    drag = null;
    if (button.hasPointerCapture(event.pointerId)) button.releasePointerCapture(event.pointerId);
    if (current.moved) {
      suppressClick = true; // the click that ends a drag must not open the sidebar
      handlers.onCommit();
    }
  };
  const listeners: Array<[string, (event: never) => void]> = [
    [
      'pointerdown',
      (event: PointerEvent) => {
        if (event.button !== 0) return;
        suppressClick = false;
        button.setPointerCapture(event.pointerId);
        drag = { pointerId: event.pointerId, startY: event.clientY, startTop: tabTop, moved: false };
      },
    ],
    [
      'pointermove',
      (event: PointerEvent) => {
        const current = drag;
        if (current?.pointerId !== event.pointerId) return;
        const deltaY = event.clientY - current.startY;
        if (!current.moved && Math.abs(deltaY) < DRAG_THRESHOLD) return;
        current.moved = true;
        handlers.onMove(tabTopAfterDrag(current.startTop, deltaY, window.innerHeight), false);
      },
    ],
    ['pointerup', finish],
    ['pointercancel', finish],
    [
      'click',
      () => {
        if (suppressClick) {
          suppressClick = false;
          return;
        }
        handlers.onOpen();
      },
    ],
    [
      'keydown',
      (event: KeyboardEvent) => {
        const next = tabTopAfterKey(tabTop, event.key);
        if (next === null) return;
        event.preventDefault();
        handlers.onMove(next, true);
      },
    ],
  ];
  for (const [type, listener] of listeners) button.addEventListener(type, listener as EventListener);

  return {
    element: button,
    panelButton,
    update,
    destroy() {
      for (const [type, listener] of listeners) button.removeEventListener(type, listener as EventListener);
      button.remove();
      panelButton?.remove();
    },
  };
}

/** The side panel button's height and width (px). */
const PANEL_BUTTON_SIZE = 28;

/** "Open in side panel" next to the tab; only the agent's own click opens it (the browser's rule too). */
function createPanelButton(doc: Document, open: () => void): HTMLButtonElement {
  const panel = doc.createElement('button');
  panel.type = 'button';
  panel.setAttribute('aria-label', 'Open in side panel');
  panel.title = 'Open in side panel (beside the page, covering nothing)';
  const glyph = doc.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = '◨';
  panel.append(glyph);
  panel.addEventListener('click', (event) => {
    if (event.isTrusted) open();
  });
  return panel;
}
