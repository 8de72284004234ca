import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureMany, openExtensionPage, uniqueRevisions, verifiedItems } from './support/extension';
import { type Session, startSession } from './support/session';

// Fault injection against a real receiver, with the built extension in real Chromium. The retry
// schedule is shrunk (retryScale) so a test waits seconds, not hours; the schedule itself is
// unit-tested at full scale in tests/unit/delivery-engine.test.ts.
const SCALE = 0.02;
let s: Session;

beforeEach(async () => {
  s = await startSession({ retryScale: SCALE });
});

afterEach(async () => {
  await s?.close();
});

const deliveredCount = () => s.delivered();

describe('delivery under faults', () => {
  it('500 three times then 200: delivered once, no loss', async () => {
    s.receiver.script([500, 500, 500, 200]);
    const page = await openExtensionPage(s.browser, 'popup.html');
    const [id] = await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(1);
    expect(s.receiver.requests.map((r) => r.answer)).toEqual([500, 500, 500, 200]);
    expect(new Set(s.receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(s.received().map((i) => i.id)).toEqual([id]);
  });

  it('commit-then-drop: retried with the same webhook-id, each item counted once after dedupe', async () => {
    s.receiver.script(['commit-then-drop']);
    const page = await openExtensionPage(s.browser, 'popup.html');
    await captureMany(page, ['bug', 'praise', 'chaser']);
    await expect.poll(() => s.receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('All captures delivered.');
    const ids = s.receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids[1]).toBe(ids[0]); // the dropped batch is resent under the same webhook-id
    const firstBatch = verifiedItems([s.receiver.requests[0]!], s.secret).length;
    expect(s.received()).toHaveLength(3 + firstBatch); // the receiver stored the dropped batch twice…
    expect(uniqueRevisions(s.received()).size).toBe(3); // …and keeps three items after dedupe
  });

  it('a receiver that hangs past the 15 s timeout is retried', async () => {
    s.receiver.script(['hang']);
    const page = await openExtensionPage(s.browser, 'popup.html');
    await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 40_000, interval: 500 }).toBe(1);
    expect(s.receiver.requests[1]!.at - s.receiver.requests[0]!.at).toBeGreaterThanOrEqual(14_000);
  });

  it('429 with Retry-After: 2 waits at least 2 s', async () => {
    s.receiver.script([{ status: 429, headers: { 'retry-after': '2' } }]);
    const page = await openExtensionPage(s.browser, 'popup.html');
    await captureMany(page, ['bug']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(1);
    expect(s.receiver.requests[1]!.at - s.receiver.requests[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('410 pauses the endpoint (visible in the popup), keeps items, delivers after re-enable', async () => {
    s.receiver.script([410]);
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await captureMany(popup, ['bug', 'praise']);
    const endpoints = popup.getByRole('list', { name: 'Sync endpoints' });
    await expect.poll(() => endpoints.textContent(), { timeout: 10_000 }).toMatch(/Paused: Gone/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.receiver.requests).toHaveLength(1);
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^2 captures waiting/);
    await popup.getByRole('button', { name: 'Resume Test receiver' }).click();
    await expect.poll(deliveredCount, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => endpoints.textContent()).toMatch(/Healthy/);
  });

  it('401 pauses with "Needs attention" in popup and sidebar, items kept', async () => {
    s.receiver.script([401]);
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Bug' }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toMatch(/Needs attention/);
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await expect
      .poll(() => popup.getByRole('list', { name: 'Sync endpoints' }).textContent())
      .toContain('Needs attention: the endpoint refused our signature or token');
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^1 capture waiting/);
  });

  it('400 parks the batch as dead letters with the response text; "Retry failed" delivers them', async () => {
    s.receiver.script([{ status: 400, body: 'schema mismatch: unknown field' }]);
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Pricing' }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toMatch(/Failed/);
    expect(await entry.getAttribute('title')).toContain('schema mismatch: unknown field');
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await expect.poll(() => popup.getByRole('heading', { name: 'Not delivered' }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Retry failed' }).click();
    await expect.poll(deliveredCount, { timeout: 10_000 }).toBe(1);
    await page.bringToFront(); // the agent returns to the CRM tab: the sidebar refreshes
    await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toMatch(/Sent/);
  });

  it('413 splits the batch and delivers everything', async () => {
    // This receiver takes at most 3 items per request.
    s.receiver.fallback = ({ body }) =>
      (JSON.parse(body) as { items: unknown[] }).items.length > 3 ? 413 : 200;
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await captureMany(popup, ['bug', 'bug', 'bug', 'praise', 'praise', 'praise']);
    await expect.poll(deliveredCount, { timeout: 20_000 }).toBe(6);
    const sizes = s.receiver.requests.map((r) => (JSON.parse(r.body) as { items: unknown[] }).items.length);
    expect(sizes[0]).toBe(6);
    expect(s.receiver.requests[0]!.answer).toBe(413);
    expect(sizes.slice(1).sort()).toEqual([3, 3]);
  });

  it('dead letters can be exported as JSON and discarded after confirmation', async () => {
    s.receiver.script([{ status: 422, body: 'unprocessable: tag retired' }]);
    const popup = await openExtensionPage(s.browser, 'popup.html');
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
    // Nothing waits, and nothing was ever delivered: the popup does not claim "All captures delivered".
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('No captures waiting.');
    expect(s.receiver.requests).toHaveLength(1);
  });
});
