import { defineConfig } from 'wxt';

// The reference for the eager content-script size: the smallest WXT + React overlay that renders a
// component in a shadow root, built with the repository's own WXT, Vite and React versions.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: '../../.output/bench-reference-overlay',
  manifest: {
    name: 'Reference overlay',
    version: '1.0.0',
    description: 'Bench reference: minimal WXT + React overlay.',
  },
});
