import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parsePolicy } from '../../lib/config/policy';
import { DEFAULT_SETTINGS } from '../../lib/config/settings';
import { loadConfig, readPolicy } from '../../lib/config/store';
import {
  adaptManifestForFirefox,
  FIREFOX_ADDON_ID,
  FIREFOX_DATA_COLLECTION,
  FIREFOX_MIN_VERSION,
} from '../../lib/firefox-manifest';
import { storeSettings } from '../helpers/settings';

const adminDoc = readFileSync(new URL('../../docs/admin.md', import.meta.url), 'utf8');

/** The ```json block right after an HTML-comment marker in docs/admin.md, parsed. */
function blockAfter(marker: string): Record<string, unknown> {
  const match = adminDoc.match(new RegExp(`<!-- ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``));
  if (!match?.[1]) throw new Error(`no json block after <!-- ${marker} -->`);
  return JSON.parse(match[1]);
}

describe('Firefox manifest', () => {
  it('gets a fixed add-on id, a minimum version and the data it transmits; loses Chrome-only keys', () => {
    const manifest: Record<string, unknown> = {
      name: 'Earmark',
      key: 'MIIB…',
      permissions: ['storage'],
      browser_specific_settings: { safari: { strict_min_version: '17' } },
    };
    adaptManifestForFirefox(manifest);
    expect(manifest).toEqual({
      name: 'Earmark',
      permissions: ['storage'],
      browser_specific_settings: {
        safari: { strict_min_version: '17' },
        gecko: {
          id: FIREFOX_ADDON_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          data_collection_permissions: { required: [...FIREFOX_DATA_COLLECTION] },
        },
      },
    });
  });

  it('declares data categories addons-linter knows, and never "none" with others', () => {
    const known = [
      'authenticationInfo',
      'bookmarksInfo',
      'browsingActivity',
      'financialAndPaymentInfo',
      'healthInfo',
      'locationInfo',
      'personalCommunications',
      'personallyIdentifyingInfo',
      'searchTerms',
      'websiteActivity',
      'websiteContent',
    ];
    for (const category of FIREFOX_DATA_COLLECTION) expect(known).toContain(category);
    expect(FIREFOX_ADDON_ID).toMatch(/^[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+$/);
  });
});

describe('Firefox managed policy', () => {
  it('without a policy, Firefox rejects the managed read: Earmark runs on local settings', async () => {
    // Firefox's words when no policies.json names the add-on.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    await storeSettings({ ...DEFAULT_SETTINGS, agent: { id: 'a-1', name: 'Ada', team: 'T1' } });
    expect(await readPolicy()).toEqual({});
    const config = await loadConfig();
    expect(config.agent).toEqual({ id: 'a-1', name: 'Ada', team: 'T1' });
    expect(config.lockedKeys).toEqual([]);
  });

  it('reads the same keys from 3rdparty.Extensions as from Chrome policy', async () => {
    const file = blockAfter('example-firefox-policies') as {
      policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } };
    };
    const inner = file.policies['3rdparty'].Extensions[FIREFOX_ADDON_ID];
    expect(inner).toBeDefined();
    const example = blockAfter('example-policy');
    for (const [key, value] of Object.entries(inner ?? {})) expect(value).toEqual(example[key]);
    expect(parsePolicy(inner ?? {}).problems).toEqual([]);
    // What Firefox hands the add-on is that object: the same parsing applies and locks the keys.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(inner as never);
    const config = await loadConfig();
    expect(config.agent).toEqual(example.agent);
    expect(config.lockedKeys).toEqual(expect.arrayContaining(['agent', 'urlMode']));
  });
});
