import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The import rules of docs/architecture.md (scripts/check-imports.mjs, run by `npm run lint`), fed
// small trees with one forbidden import each. The trees live under tests/.tmp so that package
// imports (zod, preact) resolve through the project's node_modules.

const SCRIPT = resolve('scripts/check-imports.mjs');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes a tree of files (path -> source) and runs the checker on it. */
function check(files: Record<string, string>) {
  mkdirSync(resolve('tests/.tmp'), { recursive: true });
  const root = mkdtempSync(resolve('tests/.tmp/imports-'));
  temps.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const LIGHT_LAUNCHER = {
  'entrypoints/content/index.ts': "import { paint } from '@/components/sidebar/launcher/paint';\npaint();\n",
  'components/sidebar/launcher/paint.ts': 'export function paint(): void {}\n',
};

describe('check-imports', () => {
  // The whole project's scan takes about 8 s of CPU: on a loaded 2-core machine its wall time
  // comes close to the suite's 30 s default, so this one check gets more.
  it('passes on the project itself', { timeout: 90_000 }, () => {
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes on a light launcher that names zod-built types only', () => {
    const result = check({
      ...LIGHT_LAUNCHER,
      'components/sidebar/launcher/paint.ts':
        "import type { Shape } from '@/lib/protocol/shape';\nexport function paint(_: Shape | null = null): void {}\n",
      'lib/protocol/shape.ts':
        "import * as z from 'zod/mini';\nexport const S = z.string();\nexport type Shape = z.infer<typeof S>;\n",
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails when the launcher imports zod', () => {
    const result = check({
      ...LIGHT_LAUNCHER,
      'components/sidebar/launcher/paint.ts':
        "import { z } from 'zod';\nexport const paint = () => z.string();\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /launcher-light: components\/sidebar\/launcher\/paint\.ts -> \S*node_modules\/zod\//,
    );
  });

  it('fails when the launcher reaches Preact through lib/ at run time', () => {
    const result = check({
      ...LIGHT_LAUNCHER,
      'components/sidebar/launcher/paint.ts':
        "import { h } from '@/lib/sidebar/render';\nexport const paint = h;\n",
      'lib/sidebar/render.ts': "export { h } from 'preact';\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /launcher-light: entrypoints\/content\/index\.ts -> \S*node_modules\/preact\//,
    );
  });

  it('fails when the launcher imports the sidebar app', () => {
    const result = check({
      ...LIGHT_LAUNCHER,
      'components/sidebar/launcher/paint.ts':
        "import { App } from '../app/App';\nexport const paint = App;\n",
      'components/sidebar/app/App.ts': 'export const App = 1;\n',
    });
    expect(result.stderr).toContain(
      'launcher-not-app: components/sidebar/launcher/paint.ts -> components/sidebar/app/App.ts',
    );
  });

  it('passes on a stub that names the launcher by type only and imports it by URL', () => {
    const result = check({
      'entrypoints/content/index.ts':
        "import type { Launcher } from '@/components/sidebar/launcher/launcher';\n" +
        'export const start = (url: string) => import(url) as Promise<Launcher>;\n',
      'components/sidebar/launcher/launcher.ts': 'export interface Launcher { show(): void }\n',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails when the stub imports the overlay launcher statically, also through a helper', () => {
    const result = check({
      'entrypoints/content/index.ts':
        "import { start } from '@/components/sidebar/launcher/start';\nstart();\n",
      'components/sidebar/launcher/start.ts':
        "import { createSidebarLauncher } from './launcher';\nexport const start = createSidebarLauncher;\n",
      'components/sidebar/launcher/launcher.ts': 'export function createSidebarLauncher(): void {}\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'stub-not-launcher: entrypoints/content/index.ts -> components/sidebar/launcher/launcher.ts',
    );
  });

  it('fails when the stub bundles the site adapters', () => {
    const result = check({
      'entrypoints/content/index.ts': "import { adapterFor } from '@/lib/sites/adapters';\nadapterFor();\n",
      'lib/sites/adapters/index.ts': 'export function adapterFor(): void {}\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'stub-not-launcher: entrypoints/content/index.ts -> lib/sites/adapters/index.ts',
    );
  });

  it('fails when a page opens the database or runs delivery itself', () => {
    const result = check({
      'components/options/Queue.tsx': "import { open } from '@/lib/store/db';\nexport const Queue = open;\n",
      'components/popup/Send.tsx': "import { send } from '@/lib/delivery/post';\nexport const Send = send;\n",
      'lib/store/db.ts': 'export const open = 1;\n',
      'lib/delivery/post.ts': 'export const send = 1;\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'ui-not-store-or-delivery: components/options/Queue.tsx -> lib/store/db.ts',
    );
    expect(result.stderr).toContain(
      'ui-not-store-or-delivery: components/popup/Send.tsx -> lib/delivery/post.ts',
    );
  });

  it('fails when the sidebar reaches the settings store (secrets and tokens) through lib/', () => {
    const result = check({
      'components/sidebar/app/Panel.tsx':
        "import { hub } from '@/lib/hub/token';\nexport const Panel = hub;\n",
      'lib/hub/token.ts':
        "import { readLocalSettings } from '../config/store';\nexport const hub = readLocalSettings;\n",
      'lib/config/store.ts': 'export const readLocalSettings = 1;\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'sidebar-not-settings-store: components/sidebar/app/Panel.tsx -> lib/config/store.ts',
    );
  });

  it('fails on an import cycle in lib/, also when one edge is type-only', () => {
    const result = check({
      'lib/config/a.ts': "import { b } from './b';\nexport interface A { n: number }\nexport const a = b;\n",
      'lib/config/b.ts': "import type { A } from './a';\nexport const b: A | null = null;\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no-cycle:');
  });

  it('fails when lib/ imports UI or the hub imports more than the shared contract', () => {
    const result = check({
      'lib/capture/build.ts':
        "import { Tag } from '../../components/sidebar/app/Tag';\nexport const t = Tag;\n",
      'components/sidebar/app/Tag.tsx': 'export const Tag = 1;\n',
      'server/app.ts':
        "import { s } from '../lib/config/settings';\nimport { i } from '../lib/schema';\nexport const x = [s, i];\n",
      'lib/config/settings.ts': 'export const s = 1;\n',
      'lib/schema.ts': 'export const i = 1;\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('lib-not-ui: lib/capture/build.ts -> components/sidebar/app/Tag.tsx');
    expect(result.stderr).toContain('server-only-contract: server/app.ts -> lib/config/settings.ts');
    expect(result.stderr).not.toContain('-> lib/schema.ts');
  });
});
