import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_LAYOUT, disabledSites, saveLayout } from '../../lib/sidebar/site-prefs';
import type { SidebarSnapshot } from '../../lib/sidebar/snapshot';
import {
  publishedDataKeys,
  SNAPSHOT_SITES,
  saveSnapshot,
  sidebarSnapshots,
  startupPrefs,
} from '../../lib/sidebar/snapshot-store';

const snapshot = (key: string): SidebarSnapshot => ({ key, live: false, sites: [], tree: ['div', [], []] });

describe('stored sidebar snapshots', () => {
  it('reads the site switch, layout, snapshot and data key in one go, with defaults when nothing is stored', async () => {
    const none = {
      enabled: true,
      layout: DEFAULT_LAYOUT,
      snapshot: null,
      dataKey: null,
      surface: 'overlay',
      panelOpenSomewhere: false,
    };
    expect(await startupPrefs('acme.zendesk.com')).toEqual(none);

    await disabledSites.setValue(['acme.zendesk.com']);
    await saveLayout('acme.zendesk.com', { ...DEFAULT_LAYOUT, width: 320 });
    await saveSnapshot('acme.zendesk.com', snapshot('a'));
    await publishedDataKeys.setValue({
      'acme.zendesk.com': '0123456789abcdef',
      'b.example': 'fedcba9876543210',
    });
    expect(await startupPrefs('acme.zendesk.com')).toEqual({
      enabled: false,
      layout: { ...DEFAULT_LAYOUT, width: 320 },
      snapshot: snapshot('a'),
      dataKey: '0123456789abcdef',
      surface: 'overlay',
      panelOpenSomewhere: false,
    });
    // Another site's prefs are its own, and so is its data key (its recent captures are its own).
    expect(await startupPrefs('other.zendesk.com')).toEqual(none);
    expect((await startupPrefs('b.example')).dataKey).toBe('fedcba9876543210');
    // A key published by an earlier version (one string for every site) is no site's key.
    await fakeBrowser.storage.local.set({ sidebarDataKey: '0123456789abcdef' });
    expect((await startupPrefs('acme.zendesk.com')).dataKey).toBeNull();
  });

  it('keeps the snapshots of the sites written last, and ignores what does not validate', async () => {
    for (let i = 0; i < SNAPSHOT_SITES + 3; i++)
      await saveSnapshot(`site${i}.example`, snapshot(`k${i}`), 1000 + i);
    const stored = Object.keys((await sidebarSnapshots.getValue()) as Record<string, unknown>);
    expect(stored).toHaveLength(SNAPSHOT_SITES);
    expect(stored).not.toContain('site0.example');
    expect(stored).toContain(`site${SNAPSHOT_SITES + 2}.example`);

    await fakeBrowser.storage.local.set({
      sidebarSnapshots: { 'bad.example': { savedAt: 1, snapshot: { key: 3, tree: [] } }, 'odd.example': 'x' },
    });
    expect((await startupPrefs('bad.example')).snapshot).toBeNull();
    expect((await startupPrefs('odd.example')).snapshot).toBeNull();
    await saveSnapshot('good.example', snapshot('g'));
    expect(Object.keys((await sidebarSnapshots.getValue()) as Record<string, unknown>)).toEqual([
      'good.example',
    ]);
    await expect(saveSnapshot('x.example', { key: 'k' } as unknown as SidebarSnapshot)).rejects.toThrow(
      'invalid sidebar snapshot',
    );
  });
});
