import { useCallback, useRef, useState } from 'react';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import { clampTabTop, clampWidth } from '../launcher/layout';

/** Stores a site's layout (the content script passes site-prefs' saveLayout bound to the host). */
export type SaveLayout = (layout: SidebarLayout) => Promise<void>;

/** The sidebar's layout state and how to change it. */
export interface LayoutControls {
  layout: SidebarLayout;
  /** Applies a change; `persist: false` while a drag is in progress (saved on release). */
  update(change: Partial<SidebarLayout>, options?: { persist?: boolean }): void;
  /** Saves the current layout (at the end of a drag). */
  commit(): void;
}

/** Normalises a layout so only values site-prefs accepts are ever stored. */
function normalised(layout: SidebarLayout): SidebarLayout {
  return {
    side: layout.side === 'left' ? 'left' : 'right',
    width: clampWidth(layout.width),
    collapsed: layout.collapsed,
    // Three decimals are finer than a pixel on any screen and keep storage tidy.
    tabTop: Math.round(clampTabTop(layout.tabTop) * 1000) / 1000,
  };
}

/**
 * Holds the layout, saving each committed change for this site. Saves run one after another so
 * quick key presses cannot land out of order and leave an older layout stored.
 */
export function useSidebarLayout(initial: SidebarLayout, save: SaveLayout): LayoutControls {
  const [layout, setLayout] = useState(() => normalised(initial));
  const current = useRef(layout);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const persist = useCallback(
    (value: SidebarLayout) => {
      // A failed save only loses the remembered layout, never a capture: keep the UI working.
      queue.current = queue.current.then(() => save(value)).catch(() => undefined);
    },
    [save],
  );

  const update = useCallback(
    (change: Partial<SidebarLayout>, options: { persist?: boolean } = {}) => {
      const next = normalised({ ...current.current, ...change });
      current.current = next;
      setLayout(next);
      if (options.persist !== false) persist(next);
    },
    [persist],
  );

  const commit = useCallback(() => persist(current.current), [persist]);

  return { layout, update, commit };
}
