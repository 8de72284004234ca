import { describe, expect, it } from 'vitest';
import { mergeConfig, parsePolicy } from '../../lib/config/policy';
import { DEFAULT_SETTINGS, DEFAULT_TAXONOMY, isAllowedEndpointUrl } from '../../lib/config/settings';
import { TEST_SECRET } from '../helpers/items';

const endpoint = { id: 'hub', name: 'Hub', url: 'https://hub.example.com/v1/webhook', secret: TEST_SECRET };
const tag = { id: 'billing', label: 'Billing', category: 'Customer insight' };

describe('endpoint URLs', () => {
  it.each([
    ['https://hub.example.com/x', true],
    ['http://127.0.0.1:8787/v1/webhook', true],
    ['http://localhost/x', true],
    ['http://hub.example.com/x', false],
    ['ftp://x', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedEndpointUrl(url)).toBe(allowed));
});

describe('managed policy', () => {
  it('applies endpoints, agent and taxonomy, and locks them', () => {
    const policy = parsePolicy({
      endpoints: [endpoint],
      agent: { id: 'p1', name: 'Pat', team: 'T2' },
      taxonomy: [tag],
    });
    const config = mergeConfig(
      { ...DEFAULT_SETTINGS, agent: { id: 'local', name: 'Local', team: '' } },
      policy,
      DEFAULT_TAXONOMY,
    );
    expect(config.endpoints).toEqual([endpoint]);
    expect(config.agent.id).toBe('p1');
    expect(config.taxonomy).toEqual([tag]); // replaces the default taxonomy
    expect(config.lockedKeys.sort()).toEqual(['agent', 'endpoints', 'taxonomy']);
    expect(config.problems).toEqual([]);
  });

  it('local settings win over defaults when policy is silent', () => {
    const config = mergeConfig(
      { ...DEFAULT_SETTINGS, endpoints: [endpoint], taxonomy: [tag] },
      parsePolicy({}),
      DEFAULT_TAXONOMY,
    );
    expect(config).toMatchObject({ endpoints: [endpoint], taxonomy: [tag], lockedKeys: [] });
    expect(config.agent.id).toBe('unknown');
  });

  it('keeps the valid parts of a partly invalid policy and reports each problem by path', () => {
    const policy = parsePolicy({
      endpoints: [
        endpoint,
        { ...endpoint, id: 'ftp', url: 'ftp://x' },
        { id: 'nosecret', name: 'n', url: endpoint.url },
      ],
      taxonomy: [tag, { ...tag, label: 'Again' }],
      colour: 'blue',
    });
    expect(policy.endpoints).toEqual([endpoint]);
    expect(policy.taxonomy).toEqual([tag]);
    const paths = policy.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['endpoints.1.url', 'endpoints.2.secret', 'taxonomy', 'colour']),
    );
    expect(policy.problems.find((p) => p.path === 'taxonomy')?.message).toMatch(/duplicate id "billing"/);
  });

  it('falls back to the default taxonomy when no policy tag is valid', () => {
    const policy = parsePolicy({ taxonomy: [{ id: 'Bad Id!' }] });
    expect(policy.taxonomy).toBeUndefined();
    expect(mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY).taxonomy).toBe(DEFAULT_TAXONOMY);
  });

  it('reports a non-list key without throwing', () => {
    expect(parsePolicy({ endpoints: 'everywhere' }).problems).toEqual([
      { path: 'endpoints', message: 'must be a list' },
    ]);
  });
});

describe('default taxonomy', () => {
  it('covers insights, failure demand and improvement ideas with unique ids and hotkeys', () => {
    const categories = new Set(DEFAULT_TAXONOMY.map((t) => t.category));
    expect([...categories]).toEqual(['Customer insight', 'Failure demand', 'Improvement idea']);
    const ids = DEFAULT_TAXONOMY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = DEFAULT_TAXONOMY.flatMap((t) => (t.hotkey ? [t.hotkey] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('sites and URL mode', () => {
  it('policy sites and urlMode apply and lock; bad entries are reported by path', () => {
    const policy = parsePolicy({
      sites: [
        { match: 'https://*.crm.example.com/*', adapter: 'generic' },
        { match: 'http://insecure.example.com/*', adapter: 'generic' },
        { match: 'https://x.example.com/*', adapter: 'myspace' },
      ],
      urlMode: 'origin',
    });
    const config = mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY);
    expect(config.sites).toEqual([{ match: 'https://*.crm.example.com/*', adapter: 'generic' }]);
    expect(config.urlMode).toBe('origin');
    expect(config.lockedKeys).toEqual(expect.arrayContaining(['sites', 'urlMode']));
    expect(policy.problems.map((p) => p.path)).toEqual(['sites.1.match', 'sites.2.adapter']);
    expect(parsePolicy({ urlMode: 'everything' }).problems[0]?.path).toBe('urlMode');
  });
});

describe('settings migrations', () => {
  it('brings version 1 settings to version 2 without losing endpoints, agent or taxonomy', async () => {
    const { SETTINGS_MIGRATIONS, LocalSettingsSchema } = await import('../../lib/config/settings');
    const v1 = { endpoints: [endpoint], agent: { id: 'a', name: 'A', team: '' }, taxonomy: [tag] };
    const v2 = SETTINGS_MIGRATIONS[2](v1);
    expect(v2).toEqual({ ...v1, sites: [], urlMode: 'path' });
    expect(LocalSettingsSchema.parse(SETTINGS_MIGRATIONS[3](v2))).toEqual({ ...v2, hub: null });
  });

  it('upgradeSettings runs every step from the stored version', async () => {
    const { upgradeSettings, SETTINGS_VERSION } = await import('../../lib/config/settings');
    const v1 = { endpoints: [endpoint], agent: null, taxonomy: null };
    expect(upgradeSettings(1, v1)).toEqual({ ...v1, sites: [], urlMode: 'path', hub: null });
    const current = { ...DEFAULT_SETTINGS, urlMode: 'full' };
    expect(upgradeSettings(SETTINGS_VERSION, current)).toBe(current);
  });
});

describe('hub', () => {
  const local = {
    ...DEFAULT_SETTINGS,
    hub: { url: 'https://hub.example.com', leadToken: 'lead-token-0123456789ab' },
  };

  it('takes the policy hub URL, keeps a local token for the same URL, and locks the key', () => {
    const policy = parsePolicy({
      hub: { url: 'https://hub.example.com/', agentToken: 'agent-token-0123456789ab' },
    });
    expect(policy.problems).toEqual([]);
    const config = mergeConfig(local, policy, DEFAULT_TAXONOMY);
    expect(config.hub).toEqual({
      url: 'https://hub.example.com',
      agentToken: 'agent-token-0123456789ab',
      leadToken: 'lead-token-0123456789ab',
    });
    expect(config.lockedKeys).toContain('hub');
  });

  it('drops local tokens when policy names another hub, and reports a bad hub by path', () => {
    const config = mergeConfig(
      local,
      parsePolicy({ hub: { url: 'https://other.example.com' } }),
      DEFAULT_TAXONOMY,
    );
    expect(config.hub).toEqual({ url: 'https://other.example.com' });
    const bad = parsePolicy({ hub: { url: 'http://hub.example.com', leadToken: 'has space in it!' } });
    expect(bad.hub).toBeUndefined();
    expect(bad.problems.map((p) => p.path).sort()).toEqual(['hub.leadToken', 'hub.url']);
    expect(mergeConfig(local, bad, DEFAULT_TAXONOMY).hub).toEqual(local.hub);
  });
});

describe('redaction and lockSettings', () => {
  it('narrows the redacted categories and locks every setting', () => {
    const policy = parsePolicy({ redaction: { categories: ['email', 'card'] }, lockSettings: true });
    const config = mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY);
    expect(config.redaction).toEqual(['email', 'card']);
    expect(config.lockedKeys.sort()).toEqual(['agent', 'endpoints', 'hub', 'sites', 'taxonomy', 'urlMode']);
    expect(policy.problems).toEqual([]);
  });

  it('reports bad values by path and keeps the safe defaults', () => {
    const policy = parsePolicy({ redaction: { categories: ['email', 'dna'] }, lockSettings: 'yes' });
    expect(policy.problems.map((p) => p.path)).toEqual(['redaction.categories.1', 'lockSettings']);
    const config = mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY);
    expect(config.redaction).toEqual(['email', 'iban', 'card', 'ssn', 'phone']);
    expect(config.lockedKeys).toEqual([]);
  });
});

describe('surface and surfaceLocked', () => {
  it('sets the default surface and the lock, which the worker mirrors for the launcher', () => {
    const policy = parsePolicy({ surface: 'sidePanel', surfaceLocked: true });
    expect(policy).toMatchObject({ surface: 'sidePanel', surfaceLocked: true, problems: [] });
    const config = mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY);
    expect(config.surface).toEqual({ surface: 'sidePanel', locked: true });
    // Without them: no default of the admin's (the overlay), and agents choose.
    expect(mergeConfig(DEFAULT_SETTINGS, parsePolicy({}), DEFAULT_TAXONOMY).surface).toEqual({
      surface: null,
      locked: false,
    });
  });

  it('is locked by lockSettings too, which allows no local change at all', () => {
    const config = mergeConfig(DEFAULT_SETTINGS, parsePolicy({ lockSettings: true }), DEFAULT_TAXONOMY);
    expect(config.surface).toEqual({ surface: null, locked: true });
  });

  it('reports bad values by path and applies neither', () => {
    const policy = parsePolicy({ surface: 'floating', surfaceLocked: 'yes' });
    expect(policy.problems.map((p) => p.path)).toEqual(['surface', 'surfaceLocked']);
    expect(mergeConfig(DEFAULT_SETTINGS, policy, DEFAULT_TAXONOMY).surface).toEqual({
      surface: null,
      locked: false,
    });
  });
});
