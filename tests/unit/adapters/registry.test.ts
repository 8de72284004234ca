import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { SITES, SiteSchema } from '../../../lib/schema';
import { ADAPTERS } from '../../../lib/sites/adapters';
import type { Adapter } from '../../../lib/sites/adapters/types';
import { BUILTIN_CRM_MATCHES, CRM_IDS, CRMS, SITE_IDS, siteEntry } from '../../../lib/sites/registry';

// Adding a CRM is its registry entry and its adapter file (docs/adding-a-crm.md): these checks
// tie the two together, and to the item contract, the fixture test and the admin docs.

const ADAPTER_DIR = 'lib/sites/adapters';
/** Files of the adapter folder that are shared code, not a CRM's adapter. */
const HELPERS = ['dom.ts', 'index.ts', 'types.ts'];
const MODULES = import.meta.glob<{ default?: Adapter }>('../../../lib/sites/adapters/*.ts', { eager: true });

/** The default export of lib/sites/adapters/<file>. */
function exportedAdapter(file: string): Adapter | undefined {
  return MODULES[`../../../${ADAPTER_DIR}/${file}`]?.default;
}

const adapterFiles = readdirSync(ADAPTER_DIR).filter((f) => f.endsWith('.ts') && !HELPERS.includes(f));

/** Fixture files a test names (string literals ending in .html, .css or .js). */
function fixturesNamedIn(source: string): string[] {
  return [...source.matchAll(/'([\w.-]+\.(?:html|css|js))'/g)].map((m) => m[1] ?? '');
}

describe('site registry', () => {
  it('is the item contract’s site list, exactly', () => {
    expect(SITES).toEqual(SITE_IDS);
    expect(SiteSchema.options).toEqual([...SITE_IDS]);
    expect(SITE_IDS.at(-1)).toBe('generic');
  });

  it('gives the adapter list in registry order, without generic', () => {
    expect(ADAPTERS.map((a) => a.site)).toEqual(CRM_IDS);
  });

  it('has CRM patterns that are valid, https, host-only and claimed by one CRM each', () => {
    for (const id of CRM_IDS) {
      expect(CRMS[id].matches.length, id).toBeGreaterThan(0);
      for (const pattern of CRMS[id].matches) {
        expect(() => new MatchPattern(pattern), pattern).not.toThrow();
        expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      }
    }
    expect(new Set(BUILTIN_CRM_MATCHES).size).toBe(BUILTIN_CRM_MATCHES.length);
  });

  it('names every site in docs/admin.md, where admins pick an adapter', () => {
    const doc = readFileSync('docs/admin.md', 'utf8');
    for (const id of SITE_IDS) expect(doc, id).toContain(`\`${id}\``);
  });
});

describe('every adapter file', () => {
  it('is a file per registered site, and nothing else besides the shared helpers', () => {
    expect(adapterFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...SITE_IDS].sort());
  });

  describe.each(adapterFiles)('%s', (file) => {
    const site = file.replace(/\.ts$/, '');
    const adapter = exportedAdapter(file);

    it('default-exports the adapter of its own site, with the registry’s label and patterns', () => {
      expect(adapter?.site).toBe(site);
      expect(adapter?.context).toBeTypeOf('function');
      const entry = siteEntry(site as (typeof SITE_IDS)[number]);
      expect(entry.label.trim().length).toBeGreaterThan(0);
      expect(adapter?.label).toBe(entry.label);
      expect(adapter?.matches).toEqual(entry.matches);
    });

    it('has a fixture test that runs the adapter contract on saved pages that exist', () => {
      const testFile = `tests/unit/adapters/${site}.test.ts`;
      expect(existsSync(testFile), testFile).toBe(true);
      const source = readFileSync(testFile, 'utf8');
      expect(source).toContain(`describeAdapterContract(${site},`);
      const fixtures = fixturesNamedIn(source);
      expect(fixtures.length, 'fixtures named').toBeGreaterThan(0);
      for (const fixture of fixtures) expect(existsSync(`tests/fixtures/${fixture}`), fixture).toBe(true);
    });
  });
});
