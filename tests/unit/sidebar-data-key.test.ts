import { describe, expect, it } from 'vitest';
import { sidebarDataKey, snapshotKey } from '../../lib/sidebar/data-key';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';

const CONFIG = { taxonomy: [{ id: 'bug', label: 'Bug' }], agentName: 'Ada', sites: [] };
const RECENT = { entries: [{ id: 'a', status: 'Sent', note: null }] };
const ENVIRONMENT = { version: '1.0.0', timezoneOffset: 0, language: 'en' };

describe('sidebar data and snapshot keys', () => {
  it('keys the data by content, not by the order its fields were built in (the background and the app agree)', () => {
    const reordered = {
      sites: [],
      agentName: 'Ada',
      taxonomy: [{ label: 'Bug', id: 'bug' }],
    };
    expect(sidebarDataKey(reordered, RECENT)).toBe(sidebarDataKey(CONFIG, RECENT));
    expect(sidebarDataKey(CONFIG, RECENT)).toMatch(/^[0-9a-f]{16}$/);
    expect(sidebarDataKey(CONFIG, { entries: [{ id: 'a', status: 'Queued', note: null }] })).not.toBe(
      sidebarDataKey(CONFIG, RECENT),
    );
    expect(sidebarDataKey({ ...CONFIG, agentName: 'Bo' }, RECENT)).not.toBe(sidebarDataKey(CONFIG, RECENT));
  });

  it('keys a snapshot by its data, the layout and the build and clock it was drawn with', () => {
    const data = sidebarDataKey(CONFIG, RECENT);
    const key = snapshotKey(data, DEFAULT_LAYOUT, ENVIRONMENT);
    expect(snapshotKey(data, { ...DEFAULT_LAYOUT }, { ...ENVIRONMENT })).toBe(key);
    expect(snapshotKey(data, { ...DEFAULT_LAYOUT, side: 'left' }, ENVIRONMENT)).not.toBe(key);
    expect(snapshotKey(data, DEFAULT_LAYOUT, { ...ENVIRONMENT, version: '1.0.1' })).not.toBe(key);
    expect(snapshotKey(data, DEFAULT_LAYOUT, { ...ENVIRONMENT, timezoneOffset: -60 })).not.toBe(key);
    expect(snapshotKey('another', DEFAULT_LAYOUT, ENVIRONMENT)).not.toBe(key);
  });
});
