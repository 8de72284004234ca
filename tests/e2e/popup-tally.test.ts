import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { captureMany, configure, openExtensionPage, TEST_AGENT } from './support/extension';
import { startTestHub, type TestHub } from './support/hub';

// The popup's "This week" tally: the hub's count of the agent's captures (a lead's triage included)
// with the agent token; this device's count when the hub cannot be reached or none is set.
let browser: ExtensionBrowser;
let hub: TestHub;
let hubStopped = false;
let endpoint: Endpoint;

beforeAll(async () => {
  hub = await startTestHub(TEST_AGENT.id);
  // No CRM pages here: every name but loopback stays unresolved.
  browser = await launchWithExtension({
    hostResolverRules: 'MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  });
  endpoint = { id: 'hub', name: 'Team hub', url: `${hub.hub.url}/v1/webhook`, secret: hub.teamSecret };
  await configure(browser.worker, [endpoint], 0.02);
  await seedSettings(browser.worker, {
    endpoints: [endpoint],
    agent: TEST_AGENT,
    hub: { url: hub.hub.url, agentToken: hub.agentToken, leadToken: hub.leadToken },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (!hubStopped) await hub?.stop();
});

/** The popup's tally region's text once counted: its two lines (tally, source) run together. */
async function tallyIn(popup: Page): Promise<string> {
  const tally = popup.getByRole('region', { name: 'Your captures this week', exact: true });
  await expect.poll(() => tally.textContent(), { timeout: 10_000 }).toMatch(/^This week: /);
  return (await tally.textContent()) ?? '';
}

describe("the popup's weekly tally", () => {
  it('shows the hub’s count, with what the lead reviewed and actioned', async () => {
    const page = await openExtensionPage(browser, 'popup.html');
    const notes = ['Wants CSV export', 'Invoice shows the wrong VAT', 'Cannot reset password'];
    await captureMany(page, ['feature-request', 'bug', 'bug'], notes);
    await page.close();
    let ids: Array<{ id: string }> = [];
    await expect
      .poll(
        async () => {
          const list = (await (await hub.asLead('/v1/items?limit=20')).json()) as {
            items: Array<{ item: { id: string } }>;
          };
          ids = list.items.map((h) => h.item);
          return ids.length;
        },
        { timeout: 15_000 },
      )
      .toBe(3);
    const triage = async (id: string | undefined, status: string) =>
      expect((await hub.asLead(`/v1/items/${id}`, { method: 'PATCH', body: { status } })).status).toBe(200);
    await triage(ids[0]?.id, 'reviewed');
    await triage(ids[1]?.id, 'actioned');

    const popup = await openExtensionPage(browser, 'popup.html');
    // The loop back has not polled: only the hub knows of the lead's triage.
    expect(await tallyIn(popup)).toBe('This week: 3 captures, 2 reviewed, 1 actioned' + 'From the hub');
    await popup.close();
  });

  it('counts on this device, with the statuses the loop back brought, when the hub is down', async () => {
    // The status poll the alarm runs brings the lead's triage to the browser (badge: 1 actioned).
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { earmarkAlarm(a: { name: string }): void }).earmarkAlarm({
        name: 'earmark-status',
      }),
    );
    const badge = () =>
      browser.worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    await hub.stop();
    hubStopped = true;

    const popup = await openExtensionPage(browser, 'popup.html');
    expect(await tallyIn(popup)).toBe(
      'This week: 3 captures, 2 reviewed, 1 actioned' + 'On this device (the hub could not be reached)',
    );
    await popup.close();
  });

  it('counts captures on this device without a hub', async () => {
    await seedSettings(browser.worker, { endpoints: [endpoint], agent: TEST_AGENT });
    const page = await openExtensionPage(browser, 'popup.html');
    await captureMany(page, ['bug'], ['One more, kept on this device']);
    await page.close();

    const popup = await openExtensionPage(browser, 'popup.html');
    expect(await tallyIn(popup)).toBe('This week: 4 captures' + 'On this device');
    await popup.close();
  });
});
