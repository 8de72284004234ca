import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../lib/config/secret';
import type { LocalSettings } from '../../lib/config/settings';
import { BatchSchema, type Item } from '../../lib/schema';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { type Receiver, startReceiver } from './support/receiver';

const secret = generateSecret();
const agent = { id: 'agent-7', name: 'Ada Agent', team: 'Tier 1' };
let crm: CrmServer;
let receiver: Receiver;
let browser: ExtensionBrowser;

/** Verifies a received batch with the official library and returns its items. */
function verifiedItems(request: { headers: Record<string, unknown>; body: string }): Item[] {
  const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  return BatchSchema.parse(verified).items;
}

beforeAll(async () => {
  crm = await startCrmServer();
  receiver = await startReceiver();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  const settings: Partial<LocalSettings> = {
    endpoints: [{ id: 'test-receiver', name: 'Test receiver', url: receiver.url, secret }],
    agent,
    taxonomy: null,
  };
  await seedSettings(browser.worker, settings);
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await crm?.close();
});

describe('capture on a Zendesk ticket', () => {
  it('delivers a signed batch with the tag, site, ticket id and agent', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Feature request' }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toContain('Saved');

    const request = await receiver.waitFor((r) => r.body.includes('feature-request'), 10_000);
    const [item] = verifiedItems(request as { headers: Record<string, unknown>; body: string });
    expect(request.headers['webhook-id']).toBe(request.headers['idempotency-key']);
    expect(item).toMatchObject({
      revision: 1,
      deleted: false,
      tags: [{ id: 'feature-request', label: 'Feature request', category: 'Customer insight' }],
      source: {
        site: 'zendesk',
        ticketId: '4821',
        url: 'https://acme.zendesk.com/agent/tickets/4821',
        title: 'Export to CSV keeps timing out',
      },
      agent,
    });
    const list = sidebar.getByRole('list', { name: 'Recent captures' });
    await expect
      .poll(() => list.getByRole('listitem').first().textContent(), { timeout: 10_000 })
      .toContain('Sent');
    await page.close();
  });

  it('queues while the receiver is down and delivers when it comes back', async () => {
    await receiver.down();
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/5150');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Chaser' }).click();
    const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent()).toMatch(/Chaser.*Queued/);
    // Stay down through at least one failed attempt before coming back.
    await new Promise((r) => setTimeout(r, 2500));
    await expect.poll(() => first.textContent()).toMatch(/Queued/);
    await receiver.up();

    const request = await receiver.waitFor((r) => r.body.includes('"chaser"'), 45_000);
    const items = verifiedItems(request as { headers: Record<string, unknown>; body: string });
    expect(items.find((i) => i.tags[0]?.id === 'chaser')?.source.ticketId).toBe('5150');
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toMatch(/Chaser.*Sent/);
    await page.close();
  });
});
