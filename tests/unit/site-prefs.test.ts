import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  isSiteEnabled,
  layoutFor,
  saveLayout,
  setSiteEnabled,
  sidebarLayouts,
} from '../../lib/site-prefs';

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

  it('switches Earmark off and on per host', async () => {
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(true);
    await setSiteEnabled('acme.zendesk.com', false);
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(false);
    expect(await isSiteEnabled('other.zendesk.com')).toBe(true);
    await setSiteEnabled('acme.zendesk.com', true);
    expect(await isSiteEnabled('acme.zendesk.com')).toBe(true);
  });
});
