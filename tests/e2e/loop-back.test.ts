import type { Locator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { configure, openExtensionPage, TEST_AGENT } from './support/extension';
import { startTestHub, type TestHub } from './support/hub';
import { openWithSidebar } from './support/pages';

// The whole loop: the agent captures on a CRM page → the hub stores it → the lead finds it on the
// review page within seconds and marks it "Actioned" with a comment → the agent's sidebar shows
// it, and the toolbar badge says so until the agent has seen it. (One browser plays both people:
// it holds the agent token and the lead token.)
let crm: CrmServer;
let browser: ExtensionBrowser;
let hub: TestHub;

type Chrome = {
  chrome: {
    action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  };
};
const badge = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({}));
const title = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getTitle({}));

beforeAll(async () => {
  hub = await startTestHub(TEST_AGENT.id);
  crm = await startCrmServer();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  const endpoint: Endpoint = {
    id: 'hub',
    name: 'Team hub',
    url: `${hub.hub.url}/v1/webhook`,
    secret: hub.teamSecret,
  };
  await configure(browser.worker, [endpoint], 0.02);
  await seedSettings(browser.worker, {
    endpoints: [endpoint],
    agent: TEST_AGENT,
    hub: { url: hub.hub.url, agentToken: hub.agentToken, leadToken: hub.leadToken },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await crm?.close();
  await hub?.stop();
});

/** Captures with a note through the sidebar; resolves with the hub's id once the hub has it and the sidebar says Sent. */
async function captureAndDeliver(sidebar: Locator, tag: string, note: string): Promise<string> {
  await sidebar.getByRole('textbox', { name: 'Note' }).fill(note);
  await sidebar.getByRole('button', { name: tag, exact: true }).click();
  await expect.poll(() => sidebar.getByRole('status').first().textContent()).toContain('Saved');
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await hub.asLead('/v1/items?limit=20')).json()) as {
          items: Array<{ item: { id: string; note: string | null } }>;
        };
        id = list.items.find((h) => h.item.note === note)?.item.id;
        return id;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
  await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(/Sent/);
  return id as string;
}

/** The lead opens the review page, finds the capture within seconds and marks it Actioned there. */
async function triageOnReviewPage(note: string, comment: string): Promise<void> {
  const review = await openExtensionPage(browser, 'review.html');
  const grid = review.getByRole('grid', { name: 'Captured items', exact: true });
  const row = grid.getByRole('row').filter({ hasText: note });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  await row.click();
  const detail = review.getByRole('region', { name: 'Item details', exact: true });
  await detail.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Actioned' });
  await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill(comment);
  await detail.getByRole('button', { name: 'Save triage', exact: true }).click();
  await expect
    .poll(() => detail.getByRole('list', { name: 'Triage history', exact: true }).textContent(), {
      timeout: 10_000,
    })
    .toContain(comment);
  await review.close();
}

/** The lead triages an item through the hub API (the same call the review page makes). */
async function triage(id: string, comment: string): Promise<void> {
  const response = await hub.asLead(`/v1/items/${id}`, {
    method: 'PATCH',
    body: { status: 'actioned', comment },
  });
  expect(response.status).toBe(200);
}

describe('the loop back to the agent', () => {
  let page: Page;

  it('shows Actioned and the comment the lead left on the review page after the agent reopens the sidebar', async () => {
    const opened = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4821');
    page = opened.page;
    const { sidebar } = opened;
    const id = await captureAndDeliver(sidebar, 'Feature request', 'Customer wants CSV export by region');
    await triageOnReviewPage('Customer wants CSV export by region', 'Shipped in 4.2, thanks for flagging!');
    const stored = (await (await hub.asLead(`/v1/items/${id}`)).json()) as { status: string };
    expect(stored.status).toBe('actioned');

    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    await page.getByRole('button', { name: 'Open Earmark' }).click();
    const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(/Actioned/);
    const text = await first.textContent();
    expect(text).toMatch(/Feature request.*Sent.*Actioned/);
    expect(text).toContain('Shipped in 4.2, thanks for flagging!');
    // Shown in the open sidebar counts as seen: no badge is left behind.
    await expect.poll(() => badge(browser.worker)).toBe('');
  });

  it('badges an actioned capture found while no sidebar is open, until the agent sees it', async () => {
    const { sidebar } = { sidebar: page.getByRole('complementary', { name: 'Earmark' }) };
    const id = await captureAndDeliver(sidebar, 'Bug', 'Export button does nothing on Safari');
    await page.close();
    await triage(id, 'Fixed in 4.3');

    // The 5-minute alarm, fired now through the worker's own handler (alarms cannot be forced).
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { earmarkAlarm(a: { name: string }): void }).earmarkAlarm({
        name: 'earmark-status',
      }),
    );
    await expect.poll(() => badge(browser.worker), { timeout: 15_000 }).toBe('1');
    expect(await title(browser.worker)).toBe('Earmark: 1 of your captures was actioned');

    // The agent clicks the badge: the popup says what was actioned, and that counts as seen.
    const popup = await openExtensionPage(browser, 'popup.html');
    const actioned = popup.getByRole('list', { name: 'Actioned by your lead', exact: true });
    await expect
      .poll(() => actioned.textContent(), { timeout: 10_000 })
      .toMatch(/Bug.*Export button does nothing on Safari.*Fixed in 4\.3/);
    await expect.poll(() => badge(browser.worker)).toBe('');
    await popup.close();

    const reopened = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4822');
    const first = reopened.sidebar
      .getByRole('list', { name: 'Recent captures' })
      .getByRole('listitem')
      .first();
    await expect.poll(() => first.textContent()).toMatch(/Bug.*Actioned.*Fixed in 4\.3/);
    await expect.poll(() => badge(browser.worker)).toBe('');
    expect(await title(browser.worker)).toBe('Earmark');
    await reopened.page.close();

    // The options page tells the agent the status checks work.
    const options = await openExtensionPage(browser, 'options.html');
    await expect
      .poll(() => options.getByRole('region', { name: 'Hub', exact: true }).textContent())
      .toMatch(/Review statuses last checked .* ago: 2 captures checked\./);
    await options.close();
  });
});
