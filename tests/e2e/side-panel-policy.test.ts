import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/harness/launch';
import { openExtensionPage } from './support/extension';
import { policyFile, waitForPolicyLoaded } from './support/policy-file';

// The admin's `surface` and `surfaceLocked` policy keys, from a managed policy file (as
// policy.test.ts: Chromium reads it at start and re-reads a rewritten file within seconds). The
// worker mirrors them into storage.local, where each page's launcher reads them at load.
const file = policyFile(`earmark-e2e-surface-${process.pid}.json`);
const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const EVERY_SITE = 'Side panel on every site (unless chosen per site in the popup)';
let crm: CrmServer;
let browser: ExtensionBrowser;

/** What Earmark shows on a freshly loaded page: the sidebar (open or collapsed), the panel's button, or nothing. */
async function onNewPage(url: string): Promise<string> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    await page.waitForTimeout(500);
    return await onPage(page);
  } finally {
    await page.close();
  }
}

async function onPage(page: Page): Promise<string> {
  if ((await page.getByRole('complementary', { name: 'Earmark' }).count()) > 0) return 'sidebar';
  if ((await page.getByRole('button', { name: 'Open Earmark', exact: true }).count()) > 0) return 'sidebar';
  if ((await page.getByRole('button', { name: 'Open Earmark side panel' }).count()) > 0)
    return 'panel-button';
  return 'nothing';
}

describe.skipIf(file === null)('the surface set by managed policy', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    crm = await startCrmServer();
    file?.write({ surface: 'sidePanel', surfaceLocked: true });
    browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
    // Before the first page: the tests below open and close tabs in a row, which can keep
    // Chromium from loading the policy at all (support/policy-file.ts).
    expect(await waitForPolicyLoaded(browser.worker)).toEqual({ surface: 'sidePanel', surfaceLocked: true });
  });
  afterAll(async () => {
    file?.remove();
    await browser?.close();
    await crm?.close();
  });

  it('gives new tabs the side panel: only its button on the page, no sidebar', async () => {
    await expect.poll(() => onNewPage(ZENDESK), { timeout: 15_000 }).toBe('panel-button');
  });

  it('keeps it where the policy locks it, whatever the agent chose before', async () => {
    await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
      };
      await chrome.storage.local.set({ sidebarSurfaces: { '*': 'overlay', 'acme.zendesk.com': 'overlay' } });
    });
    expect(await onNewPage(ZENDESK)).toBe('panel-button');
    const options = await openExtensionPage(browser, 'options.html');
    const toggle = options.getByRole('switch', { name: EVERY_SITE });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await toggle.isDisabled()).toBe(true);
    await options.close();
  });

  it('lets the agent change it where the policy sets the default without the lock', async () => {
    await browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { remove(k: string): Promise<void> } } };
      };
      await chrome.storage.local.remove('sidebarSurfaces');
    });
    file?.write({ surface: 'sidePanel' });
    const options = await openExtensionPage(browser, 'options.html');
    // The worker mirrors the rewritten policy; the options page reads the mirror when it opens.
    await expect
      .poll(
        async () => {
          await options.reload();
          return options.getByRole('switch', { name: EVERY_SITE }).isEnabled();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const toggle = options.getByRole('switch', { name: EVERY_SITE });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(() => onNewPage(ZENDESK), { timeout: 10_000 }).toBe('sidebar');
    await options.close();
  });
});
