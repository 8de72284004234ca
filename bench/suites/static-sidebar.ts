import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from '../../scripts/harness/paths';
import { callSource, inPage } from '../lib/inpage';
import { pollInMainWorld } from './page-load';

/** Where the bench writes the static-sidebar reference extensions (rebuilt every run). */
export const STATIC_SIDEBAR_DIR = join(ROOT, '.output/bench-static-sidebar');
export const FRAMED_SIDEBAR_DIR = join(ROOT, '.output/bench-framed-sidebar');
export const BUTTON_ONLY_DIR = join(ROOT, '.output/bench-button-only');

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

/** Writes a content-script-only MV3 extension for `matches` into `dir`, plus any extra files. */
function writeReferenceExtension(
  dir: string,
  name: string,
  matches: string[],
  script: string,
  extra: { war?: string[]; files?: Record<string, string> } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    content_scripts: [{ matches, js: ['sidebar.js'], run_at: 'document_start' }],
    ...(extra.war ? { web_accessible_resources: [{ resources: extra.war, matches }] } : {}),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'sidebar.js'), script);
  for (const [file, text] of Object.entries(extra.files ?? {})) writeFileSync(join(dir, file), text);
  return dir;
}

/** Runs `mount` at DOMContentLoaded (at once if the DOM is already parsed). */
const AT_DOM_READY = `if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
`;

/**
 * The floor for any sidebar shown at page load: an extension whose content script, at
 * DOMContentLoaded, puts Earmark's finished markup into a shadow root in one assignment. No
 * framework, no messaging, no storage: only the DOM, style and layout work of the sidebar itself.
 */
export function writeStaticSidebarExtension(markup: string, matches: string[]): string {
  const script = `const MARKUP = ${JSON.stringify(markup)};
const mount = () => {
  const host = document.createElement('earmark-sidebar');
  host.attachShadow({ mode: 'open' }).innerHTML = MARKUP; // Earmark's own rendered markup
  document.documentElement.append(host);
};
${AT_DOM_READY}`;
  return writeReferenceExtension(STATIC_SIDEBAR_DIR, 'Static sidebar (bench reference)', matches, script);
}

/**
 * The same markup in an extension page shown in an iframe (the other common way to put a panel on
 * a page, its document in the extension's process): what the page's own main thread still pays
 * for the frame. A hidden tag button appears in the host once the frame has loaded, so the
 * bench's readiness probe sees it when the panel is there.
 */
export function writeFramedSidebarExtension(markup: string, matches: string[]): string {
  const script = `const mount = () => {
  const host = document.createElement('earmark-sidebar');
  const root = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('sidebar.html');
  frame.title = 'Earmark';
  frame.style.cssText = 'position:fixed;top:0;right:0;width:320px;height:100vh;border:0;z-index:2147483646';
  frame.onload = () => {
    const ready = document.createElement('button');
    ready.className = 'em-tag';
    ready.hidden = true;
    root.append(ready);
  };
  root.append(frame);
  document.documentElement.append(host);
};
${AT_DOM_READY}`;
  return writeReferenceExtension(FRAMED_SIDEBAR_DIR, 'Framed sidebar (bench reference)', matches, script, {
    war: ['sidebar.html'],
    files: { 'sidebar.html': `<!doctype html><meta charset="utf-8"><body>${markup}</body>` },
  });
}

/**
 * The floor for any content script at all: one that, at DOMContentLoaded, shows a single button
 * in a shadow root (what a side-panel site's page shows of Earmark) with no stylesheet, storage or
 * messaging. What it costs is what injecting a content script costs the page (its isolated world,
 * its script), and the least a side-panel site's page can pay while a content script reads its ticket.
 */
export function writeButtonOnlyExtension(matches: string[]): string {
  const script = `const mount = () => {
  const host = document.createElement('earmark-sidebar');
  const button = document.createElement('button');
  button.className = 'em-tag'; // what the bench's readiness probe waits for
  button.setAttribute('aria-label', 'Open Earmark side panel');
  button.textContent = 'Earmark';
  host.attachShadow({ mode: 'open' }).append(button);
  document.documentElement.append(host);
};
${AT_DOM_READY}`;
  return writeReferenceExtension(
    BUTTON_ONLY_DIR,
    'Button-only content script (bench reference)',
    matches,
    script,
  );
}
