import type { Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/harness/launch';
import { attachSidePanel, closeSidePanel } from '../../tests/e2e/support/side-panel';
import { type ChromeApi, callSource, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';
import { armClick, type ClickProbe, clickResult } from './clicks';
import { type LoadVariant, READY } from './page-load';

// Earmark in the browser's side panel: what a CRM page pays when its site's surface is the panel
// (the launcher shows only the "Open Earmark side panel" button, no sidebar, no app), and click →
// "Saved" timed inside the panel, which is a CDP page target that Playwright does not list.

/** The agent's surface choice for `host` (as the popup's switch writes it), or none. */
export function setSurface(worker: Worker, host: string, surface: 'sidePanel' | null): Promise<void> {
  return inPage(
    worker,
    async ({ h, s }) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await (s
        ? api.storage.local.set({ sidebarSurfaces: { [h]: s } })
        : api.storage.local.remove('sidebarSurfaces'));
    },
    { h: host, s: surface },
  );
}

/** Loads with the side panel chosen for the site, ready when the page shows the panel's button. */
export function sidePanelLoads(worker: Worker, host: string): LoadVariant {
  return {
    before: () => setSurface(worker, host, 'sidePanel'),
    after: () => setSurface(worker, host, null),
    waitFor: 'panelButton',
  };
}

/**
 * click → "Saved" in the side panel, `gapMs` apart after two warm-up clicks: the site's surface is
 * set to the panel, a tab of `url` shows the panel's button, a trusted click on it opens the panel
 * (the worker opens it during the agent's gesture), and the bench attaches to the panel's target.
 * Each click is timed inside the panel like the in-page clicks (clicks.ts: armClick), with trusted
 * CDP mouse input at the tag's place; a capture there reads the active tab's ticket and selection.
 * Afterwards the panel is closed and the site goes back to the overlay.
 */
export async function measureSidePanelClicks(
  browser: ExtensionBrowser,
  url: string,
  runs: number,
  gapMs: number,
): Promise<number[]> {
  const host = new URL(url).hostname;
  await setSurface(browser.worker, host, 'sidePanel');
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    await page.waitForFunction(
      callSource(
        (selector) => !!document.querySelector('earmark-sidebar')?.shadowRoot?.querySelector(selector),
        READY.panelButton,
      ),
      undefined,
      { timeout: 20_000, polling: 50 },
    );
    await page.getByRole('button', { name: 'Open Earmark side panel' }).click();
    const panel = await attachSidePanel(cdp, browser.extensionId);
    // Ready: the panel names the tab's ticket and shows its tags (attached early, it may have no body yet).
    for (const deadline = Date.now() + 20_000; ; await sleep(50)) {
      const ready = await panel.evaluate<boolean>(
        "!!document.body?.innerText.includes('Capturing for') && document.querySelectorAll('button.em-tag').length >= 2",
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the side panel did not get ready: ${await panel.text()}`);
    }
    const samples: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const probe = await panel.evaluate<ClickProbe>(
        callSource(armClick, { timeoutMs: 10_000, inShadow: false }),
      );
      await panel.clickAt(probe.x, probe.y);
      const ms = await panel.evaluate<number | null>(callSource(clickResult, undefined));
      if (ms === null) throw new Error(`no measurement for "${probe.expected}" in the side panel`);
      if (i >= 2) samples.push(ms); // two warm-up clicks
      await sleep(gapMs);
    }
    return samples;
  } finally {
    await closeSidePanel(browser.worker).catch(() => {});
    await cdp.detach().catch(() => {});
    await page.close();
    await setSurface(browser.worker, host, null);
  }
}
