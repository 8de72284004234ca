import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from '../../scripts/harness/paths';
import { callSource, inPage } from '../lib/inpage';
import { pollInMainWorld } from './page-load';

/** Where the bench writes the static-sidebar reference extension (rebuilt every run). */
export const STATIC_SIDEBAR_DIR = join(ROOT, '.output/bench-static-sidebar');

/** The markup Earmark's sidebar shows on `url` once ready: its shadow root's HTML, styles included. */
export async function sidebarMarkup(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    await pollInMainWorld(
      cdp,
      callSource(() => {
        const button = document
          .querySelector('earmark-sidebar')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('button.em-tag');
        return button !== null && button !== undefined && !button.disabled;
      }, undefined),
    );
    await cdp.detach();
    return await inPage(
      page,
      () => document.querySelector('earmark-sidebar')?.shadowRoot?.innerHTML ?? '',
      undefined,
    );
  } finally {
    await page.close();
  }
}

/**
 * The floor for any sidebar shown at page load: an extension whose content script, at
 * DOMContentLoaded, puts Earmark's finished markup into a shadow root in one assignment. No
 * framework, no messaging, no storage: only the DOM, style and layout work of the sidebar itself.
 */
export function writeStaticSidebarExtension(markup: string, matches: string[]): string {
  mkdirSync(STATIC_SIDEBAR_DIR, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Static sidebar (bench reference)',
    version: '1.0',
    content_scripts: [{ matches, js: ['static-sidebar.js'], run_at: 'document_start' }],
  };
  writeFileSync(join(STATIC_SIDEBAR_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const script = `const MARKUP = ${JSON.stringify(markup)};
const mount = () => {
  const host = document.createElement('earmark-sidebar');
  host.attachShadow({ mode: 'open' }).innerHTML = MARKUP; // Earmark's own rendered markup
  document.documentElement.append(host);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
`;
  writeFileSync(join(STATIC_SIDEBAR_DIR, 'static-sidebar.js'), script);
  return STATIC_SIDEBAR_DIR;
}
