import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Endpoint, TaxonomyTag } from '../../lib/config/settings';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { captureMany, TEST_AGENT } from './support/extension';
import { policyFile, waitForPolicyLoaded } from './support/policy-file';
import { type Session, startSession } from './support/session';
import { comparePngs, compareWithStored, SCREENSHOT_DIR } from './support/stored-screenshot';

// Issue 21: the options page (empty, configured, policy-managed) and the popup (healthy, retrying,
// paused with rejected captures) in light and dark, each compared with its stored PNG in
// docs/screenshots/, so an accidental restyle fails here. UPDATE_SCREENSHOTS=1 stores new ones.
const SCHEMES = ['light', 'dark'] as const;
/** Pixels allowed to differ (anti-aliasing, a caret): a restyle moves far more than this. */
const TOLERANCE = 0.002;
const SECRET = 'whsec_c2NyZWVuc2hvdHMtYXJlLWRldGVybWluaXN0aWMtMDEyMzQ1';
/** The pages' clock: before anything the tests do, so every "… ago" reads "0 s ago". */
const FROZEN = Date.now();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** Endpoints with fixed loopback URLs (nothing is sent to them while the pictures are taken). */
const ENDPOINTS: Endpoint[] = [
  { id: 'team-hub', name: 'Team hub', url: 'http://127.0.0.1:7/v1/webhook', secret: SECRET },
  {
    id: 'product-channel',
    name: 'Product channel',
    url: 'http://localhost:7/slack/product',
    secret: SECRET,
    format: 'slack',
    tags: ['feature-request', 'bug'],
  },
];
const COLOURS = ['#0b57d0', '#b42318', '#1a7f37', '#9a6700'];
const TAXONOMY: TaxonomyTag[] = DEFAULT_TAXONOMY.map((tag, i) => ({ ...tag, color: COLOURS[i % 4] }));

/** Opens an extension page in a colour scheme with its clock fixed at `now`. */
async function openPage(browser: ExtensionBrowser, path: string, scheme: string, now: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.clock.setFixedTime(now);
  await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark', reducedMotion: 'reduce' });
  if (path === 'popup.html') await page.setViewportSize({ width: 360, height: 600 });
  else await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Screenshots `target` and expects it to match its stored picture within the tolerance. */
async function expectLooksAsStored(browser: ExtensionBrowser, name: string, target: Locator): Promise<void> {
  await target.page().mouse.move(0, 0);
  // Sticky parts (the section navigation, the sidebar preview) land by a pixel either way with the
  // scroll position the capture of a tall page passes through: pictured where they sit unscrolled.
  const png = await target.screenshot({
    animations: 'disabled',
    caret: 'hide',
    style: '.em-nav, .em-preview { position: static !important; }',
  });
  const difference = await compareWithStored(browser.context, name, png);
  expect(difference.size, name).toMatch(/^(\d+×\d+) against \1$|^stored anew$/);
  expect(difference.changedShare, name).toBeLessThanOrEqual(TOLERANCE);
}

/** Takes one state's pictures of a page in both schemes once `ready` says the page has settled. */
async function checkState(
  browser: ExtensionBrowser,
  path: string,
  name: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<void> {
  for (const scheme of SCHEMES) {
    const page = await openPage(browser, path, scheme, FROZEN);
    await ready(page);
    const target = path === 'popup.html' ? page.locator('main') : page.locator('.em-settings');
    await expectLooksAsStored(browser, `${name}-${scheme}`, target);
    await page.close();
  }
}

/** The options page once every section has its content. */
async function optionsReady(page: Page, marker: string): Promise<void> {
  await page.getByRole('button', { name: 'Drag Chaser' }).or(page.getByText('Loading…')).first().waitFor();
  await expect.poll(() => page.getByText('Loading…').count()).toBe(0);
  await page.getByText(marker).first().waitFor();
}

describe('the options page looks as designed', () => {
  it('empty, then configured', async () => {
    const crm = await startCrmServer();
    const browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
    closers.push(
      () => crm.close(),
      () => browser.close(),
    );
    await checkState(browser, 'options.html', 'options-empty', (page) =>
      optionsReady(page, 'No endpoint yet.'),
    );
    await seedSettings(browser.worker, { endpoints: ENDPOINTS, agent: TEST_AGENT, taxonomy: TAXONOMY });
    await checkState(browser, 'options.html', 'options-configured', (page) =>
      optionsReady(page, 'Product channel'),
    );
  });

  const file = policyFile(`earmark-e2e-look-${process.pid}.json`);
  it.skipIf(file === null)('policy-managed', async () => {
    const crm = await startCrmServer();
    file?.write({
      endpoints: ENDPOINTS.slice(0, 1),
      agent: { id: 'pol-42', name: 'Pat Policy', team: 'Tier 2' },
    });
    const browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
    try {
      await waitForPolicyLoaded(browser.worker);
      await checkState(browser, 'options.html', 'options-policy', (page) => optionsReady(page, 'Pat Policy'));
    } finally {
      // Every browser on this machine reads the policy directory: the next tests must not see it.
      file?.remove();
      await browser.close();
      await crm.close();
    }
  });
});

describe('the comparison', () => {
  it('catches a restyle: light against dark differs in most pixels', async () => {
    const crm = await startCrmServer();
    const browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
    try {
      const [light, dark] = SCHEMES.map((scheme) =>
        readFileSync(join(SCREENSHOT_DIR, `popup-healthy-${scheme}.png`)),
      );
      const difference = await comparePngs(browser.context, light as Buffer, dark as Buffer);
      expect(difference.sameSize).toBe(true);
      expect(difference.changedShare).toBeGreaterThan(0.5);
    } finally {
      await browser.close();
      await crm.close();
    }
  });
});

describe('the popup looks as designed', () => {
  let s: Session;

  it('healthy', async () => {
    s = await startSession({ retryScale: 0.02 });
    closers.push(() => s.close());
    const popup = await s.browser.context.newPage();
    await popup.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
    await captureMany(popup, ['feature-request']);
    await expect.poll(() => s.delivered(), { timeout: 15_000 }).toBe(1);
    await popup.close();
    await checkState(s.browser, 'popup.html', 'popup-healthy', (page) =>
      page.getByRole('status').filter({ hasText: 'All captures delivered.' }).waitFor(),
    );
  });

  it('retrying', async () => {
    s.receiver.fallback = () => 503;
    const popup = await s.browser.context.newPage();
    await popup.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
    await captureMany(popup, ['bug']);
    const endpoints = popup.getByRole('list', { name: 'Sync endpoints' });
    await expect.poll(() => endpoints.textContent(), { timeout: 15_000 }).toMatch(/Retrying since/);
    await popup.close();
    await checkState(s.browser, 'popup.html', 'popup-retrying', (page) =>
      page.getByText(/Retrying since/).waitFor(),
    );
  });

  it('paused, with rejected captures', async () => {
    s.receiver.fallback = () => 200;
    await expect.poll(() => s.delivered(), { timeout: 15_000 }).toBe(2); // the retried capture
    s.receiver.script([{ status: 422, body: 'unprocessable: tag retired' }]);
    const popup = await s.browser.context.newPage();
    await popup.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
    await captureMany(popup, ['praise']);
    await popup.getByRole('heading', { name: 'Not delivered' }).waitFor();
    s.receiver.script([410]);
    await captureMany(popup, ['pricing']);
    const endpoints = popup.getByRole('list', { name: 'Sync endpoints' });
    await expect.poll(() => endpoints.textContent(), { timeout: 15_000 }).toMatch(/Paused: Gone/);
    await popup.close();
    await checkState(s.browser, 'popup.html', 'popup-paused', (page) =>
      page.getByRole('button', { name: 'Resume Test receiver' }).waitFor(),
    );
  });
});
