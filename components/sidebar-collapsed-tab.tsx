import { type PointerEvent, type Ref, useRef } from 'react';
import type { SidebarLayout } from '@/lib/site-prefs';
import { DRAG_THRESHOLD, TAB_SIZE, tabTopAfterDrag, tabTopAfterKey } from './sidebar-layout';

interface Props {
  side: SidebarLayout['side'];
  tabTop: number;
  onOpen(): void;
  /** New position (fraction of the free viewport height); `persist: false` mid-drag. */
  onMove(tabTop: number, persist: boolean): void;
  onCommit(): void;
  buttonRef?: Ref<HTMLButtonElement>;
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
export function CollapsedTab({ side, tabTop, onOpen, onMove, onCommit, buttonRef }: Props) {
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const finish = (event: PointerEvent<HTMLButtonElement>) => {
    const current = drag.current;
    if (current?.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    if (current.moved) {
      suppressClick.current = true; // the click that ends a drag must not open the sidebar
      onCommit();
    }
  };
  return (
    <button
      ref={buttonRef}
      type="button"
      className={`em-tab em-tab-${side}`}
      aria-label="Open Earmark"
      aria-keyshortcuts="Alt+Shift+E"
      title="Open Earmark (Alt+Shift+E). Drag, or use the arrow keys, to move this tab."
      // The CSSOM, not a style attribute, so a strict page CSP does not block it.
      style={{ top: `calc((100% - ${TAB_SIZE.height}px) * ${tabTop})` }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        suppressClick.current = false;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { pointerId: event.pointerId, startY: event.clientY, startTop: tabTop, moved: false };
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (current?.pointerId !== event.pointerId) return;
        const deltaY = event.clientY - current.startY;
        if (!current.moved && Math.abs(deltaY) < DRAG_THRESHOLD) return;
        current.moved = true;
        onMove(tabTopAfterDrag(current.startTop, deltaY, window.innerHeight), false);
      }}
      onPointerUp={finish}
      onPointerCancel={finish}
      onClick={() => {
        if (suppressClick.current) {
          suppressClick.current = false;
          return;
        }
        onOpen();
      }}
      onKeyDown={(event) => {
        const next = tabTopAfterKey(tabTop, event.key);
        if (next === null) return;
        event.preventDefault();
        onMove(next, true);
      }}
    >
      <span className="em-tab-label" aria-hidden="true">
        Earmark
      </span>
    </button>
  );
}
