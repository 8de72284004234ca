import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as keys from '../../lib/storage-keys';
import { keysIn, keysOwnedBy, STORAGE_KEYS, storageItemKey } from '../../lib/storage-keys';

const ROOT = join(__dirname, '../..');
const MODULE = 'lib/storage-keys.ts';

/** Every .ts/.tsx file under a source folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Ways of naming a storage key in place: WXT's `<area>:<key>` item names, a storage call given a
// literal key (string, array, or object literal with a plain property), a launcher `localItem`
// with a literal key, and a storage change looked up by a literal key.
const KEY_IN_PLACE: [string, RegExp][] = [
  ['an area-prefixed item name', /['"`](local|session|sync|managed):[\w$]/],
  [
    'a storage call with a literal key',
    /storage\.(local|session|sync|managed)\.\w+\(\s*(['"`]|\[\s*['"`]|\{\s*['"\w])/,
  ],
  ['a localItem with a literal key', /localItem(<[^>]*>)?\(\s*['"`]/],
  ['a storage change by a literal key', /['"`]\w+['"`]\s+in\s+changes\b|\bchanges\[\s*['"`]/],
];

describe('the storage keys module', () => {
  it('declares each key once, in a real area, with an owner', () => {
    const names = STORAGE_KEYS.map((spec) => spec.key);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of STORAGE_KEYS) {
      expect(['local', 'session', 'sync', 'managed']).toContain(spec.area);
      expect(['worker', 'launcher', 'app', 'pages', 'admin']).toContain(spec.owner);
      expect(spec.area === 'managed').toBe(spec.owner === 'admin'); // only the policy writes managed storage
    }
  });

  it('lists every exported key name in the table (storage.local keys, and the worker-only session one)', () => {
    const exported = Object.entries(keys).filter(([name]) => name.endsWith('_KEY'));
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) {
      expect([...keysIn('local'), ...keysIn('session')], name).toContain(value);
    }
    // storage.session holds only what must never reach disk (the failed menu captures' text).
    expect(keysIn('session')).toEqual([keys.MENU_FAILURES_KEY]);
    // The windows whose side panel is open: storage.local, which the eager launcher can read at
    // start (content scripts cannot read storage.session), instead of asking the worker.
    expect(keysIn('local')).toContain(keys.SIDE_PANEL_WINDOWS_KEY);
    expect(keysOwnedBy('worker')).toContain(keys.MENU_FAILURES_KEY);
    expect(keysOwnedBy('worker')).toContain(keys.SIDE_PANEL_WINDOWS_KEY);
  });

  it('lists exactly the policy keys of managed_schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(keysIn('managed').sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('derives WXT item names and the sidebar-written keys from the table', () => {
    expect(storageItemKey(keys.LEGACY_SETTINGS_KEY)).toBe('local:settings');
    expect(storageItemKey(keys.REVIEW_POLL_KEY)).toBe('local:reviewPoll');
    expect(keysOwnedBy('launcher', 'app')).toEqual([keys.SIDEBAR_LAYOUTS_KEY, keys.SIDEBAR_SNAPSHOTS_KEY]);
  });

  it('is the only place in lib/, components/ and entrypoints/ that names a storage key', () => {
    const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);
    expect(files).toContain(MODULE);
    const found: string[] = [];
    for (const file of files.filter((f) => f !== MODULE)) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const [what, pattern] of KEY_IN_PLACE) {
            if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  it('would catch each way of naming a key in place', () => {
    const samples = [
      "storage.defineItem('local:settings')",
      "browser.storage.local.get('sidebarLayouts')",
      'browser.storage.session.set({ draft: 1 })',
      "browser.storage.local.get(['a', 'b'])",
      "localItem<string[]>('disabledSites', [])",
      "if ('settings' in changes) reload();",
      "changes['sidebarDataKey']?.newValue",
    ];
    for (const sample of samples) {
      expect(
        KEY_IN_PLACE.some(([, pattern]) => pattern.test(sample)),
        sample,
      ).toBe(true);
    }
    expect(
      KEY_IN_PLACE.some(([, pattern]) => pattern.test('browser.storage.local.set({ [KEY]: value })')),
    ).toBe(false);
  });
});
