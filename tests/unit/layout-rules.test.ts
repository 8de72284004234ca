import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { checkLayout, MAX_LOOSE_LIB_FILES } from '../../scripts/check-layout.mjs';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes empty files at the given paths and checks the tree's layout. */
function layoutOf(paths: string[]): string[] {
  const root = mkdtempSync(join(tmpdir(), 'earmark-layout-'));
  temps.push(root);
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  return checkLayout(root);
}

describe('check-layout', () => {
  it('passes on the project itself', () => {
    expect(checkLayout()).toEqual([]);
  });

  it('passes on surface folders with one naming rule', () => {
    expect(
      layoutOf([
        'components/sidebar/app/Sidebar.tsx',
        'components/sidebar/app/useCaptures.ts',
        'components/sidebar/launcher/early-input.ts',
        'components/sidebar/launcher/sidebar.css',
        'lib/redact/index.ts',
        'lib/schema.ts',
      ]),
    ).toEqual([]);
  });

  it('fails on a loose components file, a mixed-style name and a file/folder pair', () => {
    const problems = layoutOf([
      'components/sidebar-painted.ts',
      'components/sidebar/app/sidebar-panel.tsx',
      'components/sidebar/app/recentLabels.ts',
      'lib/redact.ts',
      'lib/redact/card.ts',
    ]);
    expect(problems).toEqual([
      'components/sidebar-painted.ts: components/ holds surface folders only',
      'components/sidebar/app/recentLabels.ts: a module or asset is kebab-case (hooks: useThing.ts)',
      'components/sidebar/app/sidebar-panel.tsx: a component file is PascalCase.tsx',
      'lib/redact.ts: a file and a folder share the name lib/redact',
    ]);
  });

  it('fails when lib/ keeps more than a dozen loose files', () => {
    const loose = Array.from({ length: MAX_LOOSE_LIB_FILES + 1 }, (_, i) => `lib/module-${i}.ts`);
    expect(layoutOf(loose)).toEqual([
      `lib/: ${loose.length} loose files (at most 12); move them to their concern`,
    ]);
  });
});
