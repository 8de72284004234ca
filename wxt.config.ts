import { readFileSync } from 'node:fs';
import { defineConfig, type WxtHooks } from 'wxt';
import { adaptManifestForFirefox } from './lib/firefox-manifest';
import { BUILTIN_CRM_MATCHES, LOOPBACK_MATCHES } from './lib/sites/registry';
import { removeManifestKey, SOURCES_EXCLUDE, SOURCES_INCLUDE } from './scripts/store-package';

// Only the public key is committed: it fixes the extension ID (see README) so policies can name it.
const publicKey = readFileSync(new URL('./extension-key.pub', import.meta.url), 'utf8').trim();

// Vite's alias types, as WXT's own Vite (not the root one) declares them.
type ViteConfig = Parameters<WxtHooks['vite:build:extendConfig']>[1];
type AliasOptions = NonNullable<NonNullable<ViteConfig['resolve']>['alias']>;
type Alias = Extract<AliasOptions, readonly unknown[]>[number];

/** React's entry points, each mapped exactly (not as a prefix) to Preact's compatible one. */
const PREACT_FOR_REACT = [
  ['react-dom/client', 'preact/compat/client'],
  ['react-dom', 'preact/compat'],
  ['react/jsx-runtime', 'preact/compat/jsx-runtime'],
  ['react/jsx-dev-runtime', 'preact/compat/jsx-dev-runtime'],
  ['react', 'preact/compat'],
].map(([from, to]): Alias => ({ find: new RegExp(`^${from}$`), replacement: to as string }));

/** Vite accepts aliases as a record or a list; the hook appends to a list. */
function toAliasList(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias)
    ? [...(alias as readonly Alias[])]
    : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    build: {
      // For profiling (a CPU profile mapped back to our sources): EARMARK_SOURCEMAP=1 npx wxt build.
      sourcemap: process.env.EARMARK_SOURCEMAP ? true : undefined,
      rollupOptions: {
        // zod ships comments Rollup cannot place; the warning is noise, not a problem in our code.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  }),
  manifest: {
    name: 'Earmark',
    description:
      'Tag customer insights and improvement ideas from any CRM page in one click; queued locally, synced to signed webhooks.',
    key: publicKey,
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'contextMenus', 'scripting', 'identity'],
    // Loopback is granted up front for demos and local receivers; other endpoint origins are
    // requested at runtime because the worker's POST (no CORS preflight answered) needs host access.
    host_permissions: [...LOOPBACK_MATCHES],
    optional_host_permissions: ['https://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open or close the Earmark sidebar',
      },
      // No default key (Chrome allows four suggested keys, and most are taken by CRMs): agents
      // set one at chrome://extensions/shortcuts.
      'open-side-panel': {
        description: "Open Earmark in the browser's side panel",
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // The modules the eager stub (entrypoints/content) imports on the CRM page: the overlay's
    // launcher, the site adapters alone (for the side panel's requests), and the sidebar app
    // (React), which the launcher imports when the sidebar is open or opened. A dynamic URL (per
    // session) keeps pages from probing for them; admin-added sites get https://*/* (hook below).
    web_accessible_resources: [
      {
        resources: ['sidebar-launcher.js', 'context-reader.js', 'sidebar-app.js'],
        matches: [...BUILTIN_CRM_MATCHES, ...LOOPBACK_MATCHES],
        use_dynamic_url: true,
      },
    ],
  },
  // `npm run zip`: store packages, and for Firefox the sources zip Mozilla's reviewers rebuild from.
  zip: { excludeSources: SOURCES_EXCLUDE, includeSources: SOURCES_INCLUDE },
  hooks: {
    // The sidebar app runs on every CRM page an agent opens: its build renders the same React
    // components with Preact (preact/compat), 12 kB instead of react-dom's 210 kB of script to
    // parse and run on the page's main thread. Extension pages (options, popup, review) keep React.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === 'sidebar-app')) {
        viteConfig.resolve ??= {};
        viteConfig.resolve.alias = [...toAliasList(viteConfig.resolve.alias), ...PREACT_FOR_REACT];
      }
    },
    'zip:extension:done': async (wxt, zipPath) => {
      if (wxt.config.browser !== 'firefox') await removeManifestKey(zipPath);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // Firefox: a fixed add-on id instead of Chrome's `key` (see lib/firefox-manifest.ts).
      if (wxt.config.browser === 'firefox') adaptManifestForFirefox(manifest as Record<string, unknown>);
      // The sidebar's stylesheet and app are fetched by the content script, also on admin-added
      // https sites.
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) {
          resource.matches = [...new Set([...(resource.matches ?? []), 'https://*/*'])];
        }
      }
    },
  },
});
