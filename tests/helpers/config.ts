import type { EffectiveConfig } from '../../lib/config/policy';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { CATEGORIES } from '../../lib/redact';
import { TEST_SECRET } from './items';

/** An effective configuration with one loopback endpoint and the starter taxonomy. */
export function testConfig(overrides: Partial<EffectiveConfig> = {}): EffectiveConfig {
  return {
    endpoints: [{ id: 'hub', name: 'Hub', url: 'http://127.0.0.1:8787/v1/webhook', secret: TEST_SECRET }],
    agent: { id: 'a-1', name: 'Ada Agent', team: 'Tier 1' },
    taxonomy: DEFAULT_TAXONOMY,
    sites: [],
    urlMode: 'path',
    redaction: [...CATEGORIES],
    hub: null,
    signedIn: null,
    surface: { surface: null, locked: false },
    lockedKeys: [],
    problems: [],
    ...overrides,
  };
}
