// The sidebar layout's shape and limits, without the storage that keeps it (lib/sidebar/site-prefs.ts):
// the sidebar app imports these, and must not bundle a second copy of WXT's storage.

/** Narrowest and widest the sidebar may be dragged. */
export const SIDEBAR_WIDTH = { min: 220, max: 560, default: 280 } as const;

/** Where and how the sidebar sits on one site; remembered per hostname. */
export interface SidebarLayout {
  side: 'left' | 'right';
  /** Open width in px (a whole number within SIDEBAR_WIDTH). */
  width: number;
  collapsed: boolean;
  /** Vertical position of the collapsed tab, as a fraction of the viewport height. */
  tabTop: number;
}

const LAYOUT_KEYS = ['collapsed', 'side', 'tabTop', 'width'];

/** True for exactly a valid layout: the four keys, nothing else, each in its range. */
export function isSidebarLayout(value: unknown): value is SidebarLayout {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).sort().join() !== LAYOUT_KEYS.join()) return false;
  return (
    (v.side === 'left' || v.side === 'right') &&
    Number.isInteger(v.width) &&
    (v.width as number) >= SIDEBAR_WIDTH.min &&
    (v.width as number) <= SIDEBAR_WIDTH.max &&
    typeof v.collapsed === 'boolean' &&
    typeof v.tabTop === 'number' &&
    v.tabTop >= 0 &&
    v.tabTop <= 1
  );
}
