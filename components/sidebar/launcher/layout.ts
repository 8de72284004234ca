import { SIDEBAR_WIDTH, type SidebarLayout } from '@/lib/sidebar/layout-shape';

/** Size of the collapsed tab in px: small enough to cover almost nothing of the CRM. */
export const TAB_SIZE = { width: 28, height: 96 } as const;

/** How far one arrow key press resizes the sidebar (px) or moves the collapsed tab (fraction). */
export const KEY_STEP = { width: 16, widthLarge: 64, tabTop: 0.05 } as const;

/** Pointer movement (px) below which a press on the tab is a click, not a drag. */
export const DRAG_THRESHOLD = 4;

/** Clamps a width to the range site-prefs accepts, as a whole number of px. */
export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_WIDTH.default;
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

/** Clamps the collapsed tab's position to 0–1 (a fraction of the free viewport height). */
export function clampTabTop(tabTop: number): number {
  if (!Number.isFinite(tabTop)) return 0;
  return Math.min(1, Math.max(0, tabTop));
}

/** The width that puts the sidebar's inner edge under the pointer. */
export function widthFromPointer(
  side: SidebarLayout['side'],
  clientX: number,
  viewportWidth: number,
): number {
  return clampWidth(side === 'right' ? viewportWidth - clientX : clientX);
}

/**
 * The width after an arrow key on the resize handle. The arrows move the inner edge, so on a
 * right-docked sidebar ArrowLeft widens it and on a left-docked one ArrowRight does; Home and End
 * jump to the narrowest and widest. Null for keys the handle does not handle.
 */
export function widthAfterKey(
  side: SidebarLayout['side'],
  width: number,
  key: string,
  large = false,
): number | null {
  if (key === 'Home') return SIDEBAR_WIDTH.min;
  if (key === 'End') return SIDEBAR_WIDTH.max;
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null;
  const step = large ? KEY_STEP.widthLarge : KEY_STEP.width;
  const widens = (key === 'ArrowLeft') === (side === 'right');
  return clampWidth(width + (widens ? step : -step));
}

/** The tab position after dragging it by `deltaY` px from `startTop` in a viewport `viewportHeight` high. */
export function tabTopAfterDrag(startTop: number, deltaY: number, viewportHeight: number): number {
  const free = viewportHeight - TAB_SIZE.height;
  if (free <= 0) return 0;
  return clampTabTop(startTop + deltaY / free);
}

/** The tab position after an arrow key (Home/End jump to the top or bottom); null for other keys. */
export function tabTopAfterKey(tabTop: number, key: string): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return 1;
  if (key === 'ArrowUp') return clampTabTop(tabTop - KEY_STEP.tabTop);
  if (key === 'ArrowDown') return clampTabTop(tabTop + KEY_STEP.tabTop);
  return null;
}

/** The other edge of the viewport. */
export function otherSide(side: SidebarLayout['side']): SidebarLayout['side'] {
  return side === 'right' ? 'left' : 'right';
}
