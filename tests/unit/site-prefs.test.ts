import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  asHostList,
  DEFAULT_LAYOUT,
  disabledSites,
  isSidebarLayout,
  isSiteEnabled,
  layoutFor,
  SIDEBAR_WIDTH,
  saveLayout,
  setSiteEnabled,
  sidebarLayouts,
} from '../../lib/sidebar/site-prefs';

/** The schema the hand-written guard stands in for (the launcher cannot afford zod). */
const LayoutSchema = z.strictObject({
  side: z.enum(['left', 'right']),
  width: z.int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
  collapsed: z.boolean(),
  tabTop: z.number().min(0).max(1),
});

/** Near-valid layouts: each field from valid values and a few wrong ones, keys sometimes extra or missing. */
const layoutLike = fc
  .record(
    {
      side: fc.constantFrom<unknown>('left', 'right', 'top', '', null, 1),
      width: fc.oneof(
        fc.integer({ min: 0, max: 800 }),
        fc.double({ noNaN: false }),
        fc.constantFrom<unknown>('280', null),
      ),
      collapsed: fc.constantFrom<unknown>(true, false, 0, 'true', null),
      tabTop: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constantFrom<unknown>(Number.NaN, '0.4')),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((value) => value as unknown);

describe('site preferences', () => {
  it('remembers a layout per host and falls back to the default', async () => {
    await saveLayout('acme.zendesk.com', { side: 'left', width: 320, collapsed: true, tabTop: 0.2 });
    expect(await layoutFor('acme.zendesk.com')).toEqual({
      side: 'left',
      width: 320,
      collapsed: true,
      tabTop: 0.2,
    });
    expect(await layoutFor('acme.freshdesk.com')).toEqual(DEFAULT_LAYOUT);
  });

  it('refuses invalid layouts and ignores corrupt stored ones', async () => {
    await expect(saveLayout('x', { ...DEFAULT_LAYOUT, width: 5000 })).rejects.toThrow();
    await sidebarLayouts.setValue({ 'bad.example': { side: 'top', width: 'wide' } });
    expect(await layoutFor('bad.example')).toEqual(DEFAULT_LAYOUT);
  });

  it('validates stored layouts exactly as the zod schema would', () => {
    fc.assert(
      fc.property(fc.oneof(layoutLike, fc.anything()), (value) => {
        expect(isSidebarLayout(value)).toBe(LayoutSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
    expect(isSidebarLayout(DEFAULT_LAYOUT)).toBe(true);
  });

  it('reads corrupt stored values as defaults, and stores only what it validates', async () => {
    await disabledSites.setValue('acme.zendesk.com' as unknown as string[]);
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(true);
    expect(asHostList(['a', 1])).toEqual([]);
    await sidebarLayouts.setValue([] as unknown as Record<string, unknown>);
    expect(await layoutFor('acme.zendesk.com')).toEqual(DEFAULT_LAYOUT);
    await expect(saveLayout('acme.zendesk.com', { ...DEFAULT_LAYOUT, extra: 1 } as never)).rejects.toThrow();
    await saveLayout('acme.zendesk.com', DEFAULT_LAYOUT);
    expect(await sidebarLayouts.getValue()).toEqual({ 'acme.zendesk.com': DEFAULT_LAYOUT });
  });

  it('switches Earmark off and on per host', async () => {
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(true);
    await setSiteEnabled('acme.zendesk.com', false);
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(false);
    expect(await isSiteEnabled('other.zendesk.com')).toBe(true);
    await setSiteEnabled('acme.zendesk.com', true);
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(true);
  });
});
