import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { captureMany, configure, TEST_AGENT } from './support/extension';
import { startTestHub, type TestHub } from './support/hub';

// Issue 21: axe finds no serious or critical violation on any extension page in either colour
// scheme, and every control of the options page and the popup is reached by Tab with a visible
// focus ring. The pages carry real content: endpoints, a hub with captures to review.
const PAGES = ['options.html', 'popup.html', 'review.html', 'sidepanel.html'];
let hub: TestHub;
let browser: ExtensionBrowser;
let closeCrm: () => Promise<void>;

beforeAll(async () => {
  hub = await startTestHub(TEST_AGENT.id);
  const crm = await startCrmServer();
  closeCrm = () => crm.close();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  const endpoint = {
    id: 'team-hub',
    name: 'Team hub',
    url: `${hub.hub.url}/v1/webhook/${hub.teamId}`,
    secret: hub.teamSecret,
  };
  await configure(browser.worker, [endpoint]);
  await seedSettings(browser.worker, {
    endpoints: [endpoint],
    agent: TEST_AGENT,
    hub: { url: hub.hub.url, agentToken: hub.agentToken, leadToken: hub.leadToken },
  });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await captureMany(page, ['feature-request', 'chaser', 'bug'], ['Wants CSV export', 'Second chase']);
  // Delivered to the hub, so the review page has captures to show.
  const deadline = Date.now() + 20_000;
  const stored = async () =>
    ((await (await hub.asLead('/v1/items?limit=10')).json()) as { items: unknown[] }).items.length;
  while ((await stored()) < 3) {
    if (Date.now() > deadline) throw new Error('the captures did not reach the hub');
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await closeCrm?.();
  await hub?.stop();
});

/** Opens an extension page in a colour scheme once its content has loaded. */
async function open(path: string, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.getByRole('heading').first().waitFor();
  await expect.poll(() => page.getByText(/^Loading…$|^Loading/).count(), { timeout: 15_000 }).toBe(0);
  return page;
}

describe.each(['light', 'dark'] as const)('extension pages in %s', (scheme) => {
  it.each(PAGES)('%s has no serious or critical axe violation', async (path) => {
    const page = await open(path, scheme);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = blocking.map(
      (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary, `${path} (${scheme})`).toEqual([]);
    expect(results.passes.length, `${path}: axe checked nothing`).toBeGreaterThan(10);
    await page.close();
  });
});

/** Every enabled control of the page, by a description that tells them apart. */
function controls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')]
      .filter((e) => !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''} ${e.id}`,
      ),
  );
}

// The review page is left out here: its captured-items grid is one Tab stop moved through with the
// arrow keys (the ARIA grid pattern), which review.test.ts drives.
describe.each(['options.html', 'popup.html', 'sidepanel.html'])('%s from the keyboard', (path) => {
  it('reaches every control by Tab, each with a visible focus ring', async () => {
    const page = await open(path, 'light');
    const expected = await controls(page);
    expect(expected.length).toBeGreaterThan(path === 'options.html' ? 50 : 1);
    const reached: string[] = [];
    const withoutRing: string[] = [];
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
        const name = `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''} ${e.id}`;
        return { name, ring };
      });
      if (!focused || reached.includes(focused.name)) continue;
      reached.push(focused.name);
      if (!focused.ring) withoutRing.push(focused.name);
    }
    expect(expected.filter((c) => !reached.includes(c))).toEqual([]);
    expect(withoutRing).toEqual([]);
    await page.close();
  });
});
