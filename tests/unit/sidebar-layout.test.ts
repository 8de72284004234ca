import { describe, expect, it } from 'vitest';
import {
  clampTabTop,
  clampWidth,
  otherSide,
  TAB_SIZE,
  tabTopAfterDrag,
  tabTopAfterKey,
  widthAfterKey,
  widthFromPointer,
} from '../../components/sidebar/launcher/layout';
import { isSidebarLayout, SIDEBAR_WIDTH } from '../../lib/sidebar/site-prefs';

describe('sidebar width', () => {
  it('clamps to the range site-prefs stores, in whole px', () => {
    expect(clampWidth(100)).toBe(SIDEBAR_WIDTH.min);
    expect(clampWidth(9000)).toBe(SIDEBAR_WIDTH.max);
    expect(clampWidth(300.6)).toBe(301);
    expect(clampWidth(Number.NaN)).toBe(SIDEBAR_WIDTH.default);
  });

  it('puts the inner edge under the pointer on either side', () => {
    expect(widthFromPointer('right', 1000, 1280)).toBe(280);
    expect(widthFromPointer('left', 333, 1280)).toBe(333);
    expect(widthFromPointer('right', 10, 1280)).toBe(SIDEBAR_WIDTH.max);
  });

  it('arrow keys move the inner edge: ArrowLeft widens a right-docked sidebar, narrows a left one', () => {
    expect(widthAfterKey('right', 280, 'ArrowLeft')).toBe(296);
    expect(widthAfterKey('right', 280, 'ArrowRight')).toBe(264);
    expect(widthAfterKey('left', 280, 'ArrowRight')).toBe(296);
    expect(widthAfterKey('left', 280, 'ArrowLeft')).toBe(264);
    expect(widthAfterKey('right', 280, 'ArrowLeft', true)).toBe(344);
  });

  it('Home and End jump to the narrowest and widest; other keys are not handled', () => {
    expect(widthAfterKey('right', 280, 'Home')).toBe(SIDEBAR_WIDTH.min);
    expect(widthAfterKey('left', 280, 'End')).toBe(SIDEBAR_WIDTH.max);
    expect(widthAfterKey('right', 280, 'ArrowUp')).toBeNull();
    expect(widthAfterKey('right', SIDEBAR_WIDTH.max, 'ArrowLeft')).toBe(SIDEBAR_WIDTH.max);
  });
});

describe('collapsed tab position', () => {
  it('drags by a fraction of the free viewport height, clamped to 0–1', () => {
    const free = 800 - TAB_SIZE.height;
    expect(tabTopAfterDrag(0.4, free / 10, 800)).toBeCloseTo(0.5);
    expect(tabTopAfterDrag(0.4, -5000, 800)).toBe(0);
    expect(tabTopAfterDrag(0.4, 5000, 800)).toBe(1);
    expect(tabTopAfterDrag(0.4, 50, TAB_SIZE.height)).toBe(0);
  });

  it('moves with ArrowUp/ArrowDown and jumps with Home/End', () => {
    expect(tabTopAfterKey(0.4, 'ArrowUp')).toBeCloseTo(0.35);
    expect(tabTopAfterKey(0.4, 'ArrowDown')).toBeCloseTo(0.45);
    expect(tabTopAfterKey(0.02, 'ArrowUp')).toBe(0);
    expect(tabTopAfterKey(0.4, 'Home')).toBe(0);
    expect(tabTopAfterKey(0.4, 'End')).toBe(1);
    expect(tabTopAfterKey(0.4, 'Enter')).toBeNull();
    expect(clampTabTop(Number.NaN)).toBe(0);
  });

  it('is small enough to cover almost nothing, and every clamped layout is storable', () => {
    expect(TAB_SIZE.width).toBeLessThanOrEqual(32);
    expect(TAB_SIZE.height).toBeLessThanOrEqual(120);
    const layout = {
      side: otherSide('right'),
      width: clampWidth(1e6),
      collapsed: true,
      tabTop: clampTabTop(7),
    };
    expect(isSidebarLayout(layout)).toBe(true);
    expect(otherSide('left')).toBe('right');
  });
});
