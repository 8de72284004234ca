import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type LocalSettings } from '../../lib/config/settings';
import { loadConfig, readLocalSettings, updateLocalSettings } from '../../lib/config/store';
import { LEGACY_SETTINGS_KEY, SETTINGS_CHANGED_KEY } from '../../lib/storage-keys';
import { TEST_SECRET } from '../helpers/items';
import { storedSettings, storeSettings } from '../helpers/settings';

const AGENT_TOKEN = 'agent-token-0123456789abcdef';
const LEAD_TOKEN = 'lead-token-0123456789abcdef';
const SECRET_SETTINGS: LocalSettings = {
  ...DEFAULT_SETTINGS,
  endpoints: [{ id: 'hub', name: 'Hub', url: 'https://hub.example.com/hook', secret: TEST_SECRET }],
  agent: { id: 'a-1', name: 'Ada', team: 'Tier 1' },
  hub: { url: 'https://hub.example.com', agentToken: AGENT_TOKEN, leadToken: LEAD_TOKEN },
};

/** Everything a content script could read: storage.local as a whole, as text. */
async function contentScriptView(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('settings out of content-script reach', () => {
  it('saving settings with a secret and tokens leaves none of them in storage.local', async () => {
    await updateLocalSettings(() => SECRET_SETTINGS);
    expect(await readLocalSettings()).toEqual(SECRET_SETTINGS);
    const local = await contentScriptView();
    for (const secret of [TEST_SECRET, 'whsec_', AGENT_TOKEN, LEAD_TOKEN, 'hub.example.com']) {
      expect(local).not.toContain(secret);
    }
    // What open sidebars and pages watch: a change, announced without its content.
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([SETTINGS_CHANGED_KEY]);
  });

  it('announces each save with a new value, so storage.onChanged fires every time', async () => {
    const seen: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if (SETTINGS_CHANGED_KEY in changes) seen.push(changes[SETTINGS_CHANGED_KEY]?.newValue);
    });
    await updateLocalSettings((s) => ({ ...s, urlMode: 'full' }));
    await updateLocalSettings((s) => ({ ...s, urlMode: 'full' }));
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toEqual(seen[1]);
  });

  it('keeps both of two edits saved at the same moment (read and write in one transaction)', async () => {
    const site = (match: string) => ({ match, adapter: 'generic' as const });
    await Promise.all([
      updateLocalSettings((s) => ({ ...s, sites: [...s.sites, site('https://a.example.com/*')] })),
      updateLocalSettings((s) => ({ ...s, sites: [...s.sites, site('https://b.example.com/*')] })),
    ]);
    const matches = (await readLocalSettings()).sites.map((s) => s.match).sort();
    expect(matches).toEqual(['https://a.example.com/*', 'https://b.example.com/*']);
  });

  it('a refused change writes nothing', async () => {
    await updateLocalSettings(() => SECRET_SETTINGS);
    const bad = { ...SECRET_SETTINGS, urlMode: 'everything' } as unknown as LocalSettings;
    await expect(updateLocalSettings(() => bad)).rejects.toThrow();
    expect(await storedSettings()).toEqual(SECRET_SETTINGS);
  });

  it('corrupt stored settings read as defaults and are not overwritten by the read', async () => {
    await storeSettings({ endpoints: 'nope' });
    expect(await readLocalSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await storedSettings()).toEqual({ endpoints: 'nope' });
  });

  it('upgrades a record stored in an older settings version on read', async () => {
    await storeSettings({ endpoints: [], agent: null, taxonomy: null }, 1);
    expect(await readLocalSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings an older build kept in storage.local', () => {
  it('are imported once, with their WXT version, and removed from storage.local', async () => {
    const v1 = { endpoints: SECRET_SETTINGS.endpoints, agent: SECRET_SETTINGS.agent, taxonomy: null };
    await fakeBrowser.storage.local.set({ [LEGACY_SETTINGS_KEY]: v1, [`${LEGACY_SETTINGS_KEY}$`]: { v: 1 } });
    const config = await loadConfig();
    expect(config.endpoints.map((e) => e.secret)).toEqual([TEST_SECRET]);
    expect(await readLocalSettings()).toEqual({ ...v1, sites: [], urlMode: 'path', hub: null });
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local)).toEqual([SETTINGS_CHANGED_KEY]);
    expect(await contentScriptView()).not.toContain('whsec_');
  });

  it('a current-version record is imported as it was', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_SETTINGS_KEY]: SECRET_SETTINGS,
      [`${LEGACY_SETTINGS_KEY}$`]: { v: 3 },
    });
    expect(await readLocalSettings()).toEqual(SECRET_SETTINGS);
  });

  it('after the import, settings a content script writes to storage.local are ignored', async () => {
    await updateLocalSettings(() => SECRET_SETTINGS);
    const planted = {
      ...SECRET_SETTINGS,
      endpoints: [{ ...SECRET_SETTINGS.endpoints[0]!, id: 'evil', url: 'https://evil.example/' }],
    };
    await fakeBrowser.storage.local.set({
      [LEGACY_SETTINGS_KEY]: planted,
      [`${LEGACY_SETTINGS_KEY}$`]: { v: 3 },
    });
    expect(await readLocalSettings()).toEqual(SECRET_SETTINGS);
    expect((await loadConfig()).endpoints.map((e) => e.id)).toEqual(['hub']);
  });

  it('a fresh install marks the import done, so a later planted record is ignored too', async () => {
    expect(await readLocalSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({
      [LEGACY_SETTINGS_KEY]: SECRET_SETTINGS,
      [`${LEGACY_SETTINGS_KEY}$`]: { v: 3 },
    });
    expect(await readLocalSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('never overwrites settings already in the database', async () => {
    await storeSettings(SECRET_SETTINGS);
    await fakeBrowser.storage.local.set({
      [LEGACY_SETTINGS_KEY]: DEFAULT_SETTINGS,
      [`${LEGACY_SETTINGS_KEY}$`]: { v: 3 },
    });
    expect(await readLocalSettings()).toEqual(SECRET_SETTINGS);
    expect(await fakeBrowser.storage.local.get(LEGACY_SETTINGS_KEY)).toEqual({});
  });
});
