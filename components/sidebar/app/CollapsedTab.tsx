import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import {
  type CollapsedTabHandlers,
  type CollapsedTabWidget,
  createCollapsedTab,
} from '../launcher/collapsed-tab-dom';

interface Props extends CollapsedTabHandlers {
  side: SidebarLayout['side'];
  tabTop: number;
  buttonRef?: RefObject<HTMLButtonElement | null>;
}

/**
 * The collapsed sidebar's tab in React: a host for the plain-DOM tab the launcher also shows
 * before the sidebar app is loaded (one implementation, the same look and behaviour).
 */
export function CollapsedTab({ side, tabTop, onOpen, onMove, onCommit, onOpenSidePanel, buttonRef }: Props) {
  const slotRef = useRef<HTMLSpanElement>(null);
  const widget = useRef<CollapsedTabWidget | null>(null);
  const handlers = useRef<CollapsedTabHandlers>({ onOpen, onMove, onCommit, onOpenSidePanel });
  handlers.current = { onOpen, onMove, onCommit, onOpenSidePanel };
  const withPanel = onOpenSidePanel !== undefined; // whether the browser has one does not change

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; position follows below.
  useLayoutEffect(() => {
    const slot = slotRef.current;
    if (!slot) return;
    const tab = createCollapsedTab(
      slot.ownerDocument,
      { side, tabTop },
      {
        onOpen: () => handlers.current.onOpen(),
        onMove: (top, persist) => handlers.current.onMove(top, persist),
        onCommit: () => handlers.current.onCommit(),
        onOpenSidePanel: withPanel ? () => handlers.current.onOpenSidePanel?.() : undefined,
      },
    );
    slot.append(tab.element);
    if (tab.panelButton) slot.append(tab.panelButton);
    widget.current = tab;
    if (buttonRef) buttonRef.current = tab.element;
    return () => {
      tab.destroy();
      widget.current = null;
      if (buttonRef?.current === tab.element) buttonRef.current = null;
    };
  }, []);
  useLayoutEffect(() => widget.current?.update(side, tabTop), [side, tabTop]);

  return <span ref={slotRef} className="em-tab-slot" />;
}
