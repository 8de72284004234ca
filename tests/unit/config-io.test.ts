import { beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../lib/config/extension-id';
import { parsePolicy } from '../../lib/config/policy';
import { DEFAULT_TAXONOMY, type LocalSettings } from '../../lib/config/settings';
import { readLocalSettings } from '../../lib/config/store';
import { exportConfig, importConfig, planImport, policyFileFor } from '../../lib/config/transfer';
import { TEST_SECRET } from '../helpers/items';
import { storedSettings, storeSettings } from '../helpers/settings';

const OTHER_SECRET = 'whsec_C2FtcGxlLXNlY3JldC1mb3ItdGVzdHMtb25seQ==';
const stored: LocalSettings = {
  endpoints: [
    { id: 'hub', name: 'Hub', url: 'https://hub.example.com/hook', secret: TEST_SECRET },
    { id: 'local', name: 'Local', url: 'http://127.0.0.1:8080/h', secret: OTHER_SECRET, tags: ['bug'] },
  ],
  agent: { id: 'a-1', name: 'Ada', team: 'Tier 1' },
  taxonomy: [
    { id: 'bug', label: 'Bug', category: 'Insight', hotkey: 'b', color: '#aa0000' },
    { id: 'idea', label: 'Idea', category: 'Improvement' },
  ],
  sites: [{ match: 'https://support.example.com/*', adapter: 'generic' }],
  urlMode: 'origin',
  hub: { url: 'https://hub.example.com', agentToken: 'agent-token-0123456789abcdef' },
};

/** A valid exported file (secrets included) with one change applied to a copy. */
function file(change: (f: { earmarkConfig: unknown; settings: Record<string, unknown> }) => void = () => {}) {
  const f = JSON.parse(JSON.stringify(exportConfig(stored, { includeSecrets: true })));
  change(f);
  return JSON.stringify(f);
}

beforeEach(async () => {
  await storeSettings(stored);
});

describe('export', () => {
  it('leaves secrets out by default (null), and includes them only when asked', () => {
    const without = JSON.stringify(exportConfig(stored, { includeSecrets: false }));
    expect(without).not.toContain('whsec_');
    expect(JSON.parse(without).settings.endpoints.map((e: { secret: unknown }) => e.secret)).toEqual([
      null,
      null,
    ]);
    expect(JSON.stringify(exportConfig(stored, { includeSecrets: true }))).toContain(TEST_SECRET);
  });

  it('round-trips with secrets, and without them onto the same browser (secrets kept by id)', async () => {
    await storeSettings({ ...stored, urlMode: 'full', sites: [] });
    expect(await importConfig(file())).toEqual({ ok: true, settings: stored });
    expect(await readLocalSettings()).toEqual(stored);
    const withoutSecrets = JSON.stringify(exportConfig(stored, { includeSecrets: false }));
    expect(await importConfig(withoutSecrets)).toMatchObject({ ok: true });
    expect(await readLocalSettings()).toEqual(stored);
  });

  it('writes a Chrome policy file for this extension that parsePolicy accepts without problems', () => {
    const policy = policyFileFor(stored) as {
      '3rdparty': { extensions: Record<string, Record<string, unknown>> };
    };
    const inner = policy['3rdparty'].extensions[EXTENSION_ID]!;
    expect(Object.keys(inner)).toEqual(['endpoints', 'agent', 'taxonomy', 'sites', 'urlMode', 'hub']);
    expect(parsePolicy(inner).problems).toEqual([]);
    const fresh = policyFileFor({ ...stored, agent: null, taxonomy: null }) as typeof policy;
    expect(fresh['3rdparty'].extensions[EXTENSION_ID]).not.toHaveProperty('agent');
    expect(fresh['3rdparty'].extensions[EXTENSION_ID]?.taxonomy).toEqual(DEFAULT_TAXONOMY);
  });
});

type Case = [name: string, text: string, path: string, message: RegExp];
const cases: Case[] = [
  ['not JSON', '{"earmarkConfig": 1,', '(file)', /not valid JSON/],
  ['wrong envelope version', file((f) => (f.earmarkConfig = 2)), 'earmarkConfig', /must be 1/],
  ['unknown top-level key', file((f) => Object.assign(f, { extra: true })), 'extra', /unknown key/],
  ['settings missing', '{"earmarkConfig":1}', 'settings', /expected object/],
  [
    'ftp endpoint url',
    file((f) => ep(f, 0, { url: 'ftp://files.example.com/x' })),
    'settings.endpoints.0.url',
    /https URL/,
  ],
  [
    'http, not loopback',
    file((f) => ep(f, 1, { url: 'http://hub.example.com/h' })),
    'settings.endpoints.1.url',
    /https URL/,
  ],
  ['bad secret', file((f) => ep(f, 0, { secret: 'sk_live_123' })), 'settings.endpoints.0.secret', /whsec_/],
  [
    'unknown endpoint key',
    file((f) => ep(f, 0, { priority: 1 })),
    'settings.endpoints.0.priority',
    /unknown key/,
  ],
  [
    'duplicate endpoint ids',
    file((f) => ep(f, 1, { id: 'hub' })),
    'settings.endpoints.1.id',
    /duplicate endpoint id "hub"/,
  ],
  ['bad format', file((f) => ep(f, 0, { format: 'xml' })), 'settings.endpoints.0.format', /json|slack/],
  [
    'duplicate tag ids',
    file((f) => tag(f, 1, { id: 'bug' })),
    'settings.taxonomy.1.id',
    /duplicate tag id "bug"/,
  ],
  [
    'duplicate hotkeys',
    file((f) => tag(f, 1, { hotkey: 'B' })),
    'settings.taxonomy.1.hotkey',
    /hotkey "B" is already used/,
  ],
  ['bad colour', file((f) => tag(f, 0, { color: 'crimson' })), 'settings.taxonomy.0.color', /#rrggbb/],
  [
    'agent missing name',
    file((f) => (f.settings.agent = { id: 'a-1', team: '' })),
    'settings.agent.name',
    /expected string/,
  ],
  [
    'invalid site pattern',
    file((f) => (f.settings.sites = [{ match: 'http://x.example.com/*', adapter: 'generic' }])),
    'settings.sites.0.match',
    /match pattern/,
  ],
  ['invalid urlMode', file((f) => (f.settings.urlMode = 'everything')), 'settings.urlMode', /full|path/],
  [
    'null secret, unknown endpoint',
    file((f) => ep(f, 0, { id: 'new-hub', secret: null })),
    'settings.endpoints.0.secret',
    /no secret in the file and no endpoint "new-hub"/,
  ],
];

function ep(f: { settings: Record<string, unknown> }, index: number, change: Record<string, unknown>) {
  Object.assign((f.settings.endpoints as Array<Record<string, unknown>>)[index]!, change);
}
function tag(f: { settings: Record<string, unknown> }, index: number, change: Record<string, unknown>) {
  Object.assign((f.settings.taxonomy as Array<Record<string, unknown>>)[index]!, change);
}

describe('hub in the configuration file', () => {
  it("exports the hub address without tokens by default and keeps this browser's tokens on import", () => {
    const exported = exportConfig(stored, { includeSecrets: false });
    expect(exported.settings.hub).toEqual({ url: 'https://hub.example.com' });
    const plan = planImport(JSON.stringify(exported), stored);
    expect(plan).toMatchObject({ ok: true, settings: { hub: stored.hub } });
  });

  it('imports a file written before settings v3 (no hub key) without touching the hub', () => {
    const old = JSON.parse(file());
    delete old.settings.hub;
    expect(planImport(JSON.stringify(old), stored)).toMatchObject({
      ok: true,
      settings: { hub: stored.hub },
    });
  });

  it('names only the hub address in a policy file', () => {
    const policy = policyFileFor(stored)['3rdparty'] as {
      extensions: Record<string, Record<string, unknown>>;
    };
    expect(Object.values(policy.extensions)[0]?.hub).toEqual({ url: 'https://hub.example.com' });
  });
});

describe('import refuses bad input precisely and changes nothing', () => {
  it.each(cases)('%s → %s', async (_name, text, path, message) => {
    const before = await storedSettings();
    const plan = await importConfig(text);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await storedSettings()).toEqual(before);
  });

  it('lists every problem of a file at once, schema and cross-entry ones together', () => {
    const text = file((f) => {
      ep(f, 0, { url: 'ftp://x.example.com/' });
      ep(f, 1, { id: 'hub' });
      tag(f, 1, { hotkey: 'b', color: 'red' });
      f.settings.urlMode = 'all';
    });
    const plan = planImport(text, stored);
    expect(plan.ok ? [] : plan.problems.map((p) => p.path).sort()).toEqual([
      'settings.endpoints.0.url',
      'settings.endpoints.1.id',
      'settings.taxonomy.1.color',
      'settings.taxonomy.1.hotkey',
      'settings.urlMode',
    ]);
  });
});
