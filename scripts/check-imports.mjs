#!/usr/bin/env node
/**
 * The import rules that keep the architecture visible (docs/architecture.md), checked with
 * dependency-cruiser in `npm run lint`:
 * - the eager launcher (every CRM page load pays for it) reaches no zod, React, Preact, WXT storage
 *   layer or sidebar app at run time;
 * - the eager stub (the manifest's content script) reaches neither the overlay launcher nor the site
 *   adapters at run time: it imports them by URL where a page needs them;
 * - UI code reaches IndexedDB and delivery only through the worker's messages;
 * - the sidebar (launcher and app, content scripts) never reaches the settings store, which holds
 *   endpoint secrets and hub tokens;
 * - lib/ imports no UI; server/ imports only the shared contract;
 * - no import cycle, type-only edges included.
 * Usage: node scripts/check-imports.mjs [baseDir]. Exits 1 and lists each violation.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const LAUNCHER =
  '^(components/sidebar/launcher/|entrypoints/content/|entrypoints/(sidebar-launcher|context-reader)[.]ts$)';
/** The manifest's content script: the stub every CRM page load compiles and runs. */
const STUB = '^entrypoints/content/';
/** What the stub imports by URL (entrypoints/sidebar-launcher.ts, entrypoints/context-reader.ts). */
const LAZY_LAUNCHER =
  '^(components/sidebar/launcher/(launcher|overlay|painted)[.]ts|lib/sites/adapters/|entrypoints/(sidebar-launcher|context-reader)[.]ts)';
/** Everything that runs in a CRM page's content script: the stub, the launcher and the lazy sidebar app. */
const SIDEBAR =
  '^(components/sidebar|entrypoints/content|entrypoints/(sidebar-app|sidebar-launcher|context-reader))';
/** What server/ may import from the extension's tree: the item contract, the webhook format and the chat formats' escaping (the digest). */
const SHARED_CONTRACT =
  '^lib/(schema[.]ts|delivery/signing[.]ts|delivery/formats/(text|slack|teams)[.]ts|config/secret[.]ts|config/taxonomy)';

/** Rules on every import, type-only ones included (they are edges of the design all the same). */
export const STRUCTURE_RULES = [
  {
    name: 'no-cycle',
    comment: 'An import cycle hides which module owns what; type-only edges count too.',
    severity: 'error',
    from: { path: '^(lib|components|entrypoints|server)/' },
    to: { circular: true },
  },
  {
    name: 'launcher-not-app',
    comment: 'The eager launcher loads the app by URL when needed; importing it would bundle it.',
    severity: 'error',
    from: { path: LAUNCHER },
    to: { path: '^components/sidebar/app/' },
  },
  {
    name: 'ui-not-store-or-delivery',
    comment: 'One writer per database: pages and the sidebar ask the worker by message.',
    severity: 'error',
    from: { path: '^components/' },
    to: { path: '^lib/(store|delivery)/' },
  },
  {
    name: 'lib-not-ui',
    comment: 'lib/ is framework-free logic; UI and wiring depend on it, never the reverse.',
    severity: 'error',
    from: { path: '^lib/' },
    to: { path: '^(components|entrypoints)/' },
  },
  {
    name: 'server-only-contract',
    comment: 'The hub shares only the item contract and webhook format with the extension.',
    severity: 'error',
    from: { path: '^server/' },
    to: { path: '^(lib|components|entrypoints)/', pathNot: SHARED_CONTRACT },
  },
];

/** Rules on what the eager content script reaches at run time (type-only imports are erased). */
export const BUNDLE_RULES = [
  {
    name: 'launcher-light',
    comment: 'Every CRM page load runs the launcher: no zod, React, Preact or WXT storage layer.',
    severity: 'error',
    from: { path: LAUNCHER },
    to: {
      path: 'node_modules/(zod|react|react-dom|preact|@preact|wxt/dist/utils/storage|@wxt-dev/storage)/',
      reachable: true,
    },
  },
  {
    name: 'stub-not-launcher',
    comment:
      'The stub imports the overlay launcher and the site adapters by URL where a page needs them; ' +
      'a static import would put them back into every CRM page load.',
    severity: 'error',
    from: { path: STUB },
    to: { path: LAZY_LAUNCHER, reachable: true },
  },
  {
    name: 'sidebar-not-settings-store',
    comment: 'Settings hold secrets and tokens: content scripts get the sidebar config by message.',
    severity: 'error',
    from: { path: SIDEBAR },
    to: { path: '^lib/config/(store|settings-db)[.]ts$', reachable: true },
  },
];

const SCANNED = ['lib', 'components', 'entrypoints', 'server'];

async function run(baseDir, rules, tsPreCompilationDeps) {
  const roots = SCANNED.filter((dir) => existsSync(path.join(baseDir, dir)));
  const tsConfigFile = path.join(baseDir, 'tsconfig.json');
  const tsConfig = existsSync(tsConfigFile) ? extractTSConfig(tsConfigFile) : undefined;
  const cwd = process.cwd();
  process.chdir(baseDir); // rule paths and the tsconfig's paths are relative to the tree checked
  try {
    const result = await cruise(
      roots,
      {
        validate: true,
        ruleSet: { forbidden: rules },
        tsPreCompilationDeps,
        tsConfig: tsConfig ? { fileName: 'tsconfig.json' } : undefined,
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '[.]css$|[.]json$' },
        outputType: 'json',
        // WXT's packages export their entry points under the `import` condition only.
        enhancedResolveOptions: {
          conditionNames: ['import', 'default'],
          extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
          exportsFields: ['exports'],
          mainFields: ['module', 'main'],
        },
      },
      // WXT's aliases (.wxt/tsconfig.json): `@/` and `~/` are the project root.
      { alias: { '@': baseDir, '~': baseDir } },
      tsConfig ? { tsConfig } : {},
    );
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    return output.summary.violations.map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      cycle: v.cycle?.map((step) => (typeof step === 'string' ? step : step.name)),
    }));
  } finally {
    process.chdir(cwd);
  }
}

/** Every import-rule violation in the tree at baseDir (empty when the architecture holds). */
export async function checkImports(baseDir = process.cwd()) {
  const structure = await run(baseDir, STRUCTURE_RULES, true);
  const bundle = await run(baseDir, BUNDLE_RULES, false);
  return [...structure, ...bundle];
}

/** One line per violation, for people. */
export function describeViolation(v) {
  const via = v.cycle ? ` (cycle: ${[v.from, ...v.cycle].join(' -> ')})` : '';
  return `${v.rule}: ${v.from} -> ${v.to}${via}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const violations = await checkImports(path.resolve(process.argv[2] ?? '.'));
  for (const v of violations) console.error(`check-imports: ${describeViolation(v)}`);
  if (violations.length > 0) {
    console.error(`check-imports: ${violations.length} violation(s); see docs/architecture.md`);
    process.exit(1);
  }
  console.log('check-imports: ok (bundle boundaries, layering, no cycles)');
}
