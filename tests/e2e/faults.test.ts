import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSecret } from '../../lib/config/secret';
import type { Endpoint } from '../../lib/config/settings';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/harness/launch';
import {
  captureMany,
  configure,
  openExtensionPage,
  uniqueRevisions,
  verifiedItems,
} from './support/extension';
import { type Receiver, startReceiver } from './support/receiver';

// Fault injection against a real receiver, with the built extension in real Chromium. The retry
// schedule is shrunk (retryScale) so a test waits seconds, not hours; the schedule itself is
// unit-tested at full scale in tests/unit/delivery-engine.test.ts.
const SCALE = 0.02;
const secret = generateSecret();
let crm: CrmServer;
let receiver: Receiver;
let browser: ExtensionBrowser;
let endpoint: Endpoint;

beforeEach(async () => {
  crm = await startCrmServer();
  receiver = await startReceiver();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  endpoint = { id: 'receiver', name: 'Test receiver', url: receiver.url, secret };
  await configure(browser.worker, [endpoint], SCALE);
});

afterEach(async () => {
  await browser?.close();
  await receiver?.close();
  await crm?.close();
});

const received = () => verifiedItems(receiver.committed(), secret);

async function deliveredCount(): Promise<number> {
  return uniqueRevisions(received()).size;
}

describe('delivery under faults', () => {
  it('500 three times then 200: delivered once, no loss', async () => {
    receiver.script([500, 500, 500, 200]);
    const page = await openExtensionPage(browser, 'popup.html');
    const [id] = await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(1);
    expect(receiver.requests.map((r) => r.answer)).toEqual([500, 500, 500, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(received().map((i) => i.id)).toEqual([id]);
  });

  it('commit-then-drop: retried with the same webhook-id, each item counted once after dedupe', async () => {
    receiver.script(['commit-then-drop']);
    const page = await openExtensionPage(browser, 'popup.html');
    await captureMany(page, ['bug', 'praise', 'chaser']);
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('All captures delivered.');
    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids[1]).toBe(ids[0]); // the dropped batch is resent under the same webhook-id
    const firstBatch = verifiedItems([receiver.requests[0]!], secret).length;
    expect(received()).toHaveLength(3 + firstBatch); // the receiver stored the dropped batch twice…
    expect(uniqueRevisions(received()).size).toBe(3); // …and keeps three items after dedupe
  });

  it('a receiver that hangs past the 15 s timeout is retried', async () => {
    receiver.script(['hang']);
    const page = await openExtensionPage(browser, 'popup.html');
    await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 40_000, interval: 500 }).toBe(1);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(14_000);
  });

  it('429 with Retry-After: 2 waits at least 2 s', async () => {
    receiver.script([{ status: 429, headers: { 'retry-after': '2' } }]);
    const page = await openExtensionPage(browser, 'popup.html');
    await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(1);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('410 pauses the endpoint (visible in the popup), keeps items, delivers after re-enable', async () => {
    receiver.script([410]);
    const popup = await openExtensionPage(browser, 'popup.html');
    await captureMany(popup, ['bug', 'praise']);
    const endpoints = popup.getByRole('list', { name: 'Sync endpoints' });
    await expect.poll(() => endpoints.textContent(), { timeout: 10_000 }).toMatch(/Paused: Gone/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.requests).toHaveLength(1);
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^2 captures waiting/);
    await popup.getByRole('button', { name: 'Resume Test receiver' }).click();
    await expect.poll(deliveredCount, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => endpoints.textContent()).toMatch(/Healthy/);
  });

  it('401 pauses with "Needs attention" in popup and sidebar, items kept', async () => {
    receiver.script([401]);
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Bug' }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toMatch(/Needs attention/);
    const popup = await openExtensionPage(browser, 'popup.html');
    await expect
      .poll(() => popup.getByRole('list', { name: 'Sync endpoints' }).textContent())
      .toContain('Needs attention: the endpoint refused our signature or token');
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^1 capture waiting/);
  });

  it('400 parks the batch as dead letters with the response text; "Retry failed" delivers them', async () => {
    receiver.script([{ status: 400, body: 'schema mismatch: unknown field' }]);
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Pricing' }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toMatch(/Failed/);
    expect(await entry.getAttribute('title')).toContain('schema mismatch: unknown field');
    const popup = await openExtensionPage(browser, 'popup.html');
    await expect.poll(() => popup.getByRole('heading', { name: 'Not delivered' }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Retry failed' }).click();
    await expect.poll(deliveredCount, { timeout: 10_000 }).toBe(1);
    await page.bringToFront(); // the agent returns to the CRM tab: the sidebar refreshes
    await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toMatch(/Sent/);
  });

  it('413 splits the batch and delivers everything', async () => {
    // This receiver takes at most 3 items per request.
    receiver.fallback = ({ body }) =>
      (JSON.parse(body) as { items: unknown[] }).items.length > 3 ? 413 : 200;
    const popup = await openExtensionPage(browser, 'popup.html');
    await captureMany(popup, ['bug', 'bug', 'bug', 'praise', 'praise', 'praise']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(6);
    const sizes = receiver.requests.map((r) => (JSON.parse(r.body) as { items: unknown[] }).items.length);
    expect(sizes[0]).toBe(6);
    expect(receiver.requests[0]!.answer).toBe(413);
    expect(sizes.slice(1).sort()).toEqual([3, 3]);
  });

  it('dead letters can be exported as JSON and discarded after confirmation', async () => {
    receiver.script([{ status: 422, body: 'unprocessable: tag retired' }]);
    const popup = await openExtensionPage(browser, 'popup.html');
    const [id] = await captureMany(popup, ['praise']);
    await expect.poll(() => popup.getByRole('heading', { name: 'Not delivered' }).count()).toBe(1);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export failed as JSON' }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as Array<{
      reason: string;
      item: { id: string; tags: Array<{ id: string }> };
    }>;
    expect(exported).toEqual([
      expect.objectContaining({ endpointId: 'receiver', reason: expect.stringContaining('tag retired') }),
    ]);
    expect(exported[0]?.item.id).toBe(id);
    await popup.getByRole('button', { name: 'Discard failed' }).click();
    const confirm = popup.getByRole('group', { name: 'Confirm discard' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => popup.getByRole('heading', { name: 'Not delivered' }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Discard failed' }).click();
    await confirm.getByRole('button', { name: 'Yes, discard' }).click();
    await expect.poll(() => popup.getByRole('heading', { name: 'Not delivered' }).count()).toBe(0);
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('All captures delivered.');
    expect(receiver.requests).toHaveLength(1);
  });
});
