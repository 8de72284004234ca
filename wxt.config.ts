import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { LOOPBACK_MATCHES } from './lib/adapters/matches';

// Only the public key is committed: it fixes the extension ID (see README) so policies can name it.
const publicKey = readFileSync(new URL('./extension-key.pub', import.meta.url), 'utf8').trim();

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    build: {
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
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'contextMenus', 'scripting'],
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
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // The sidebar's stylesheet is fetched by the content script, also on admin-added https sites.
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) {
          resource.matches = [...new Set([...(resource.matches ?? []), 'https://*/*'])];
        }
      }
    },
  },
});
