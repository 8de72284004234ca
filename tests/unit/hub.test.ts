import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { createHubApp } from '../../server/app';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { makeItem, TEST_SECRET } from '../helpers/items';

let store: HubStore;
let app: ReturnType<typeof createHubApp>;

// One embedded database per file: PGlite takes a second or two to start, over 10 s on a busy machine.
beforeAll(async () => {
  store = await openPgliteStore();
  app = createHubApp({ store, secret: TEST_SECRET });
}, 30_000);
afterAll(() => store.close());

const countItems = async () => (await store.listItems({ limit: 500 })).length;

function post(body: string, headers: Record<string, string>) {
  return app.request('/v1/webhook', { method: 'POST', body, headers });
}

function signed(body: string, batchId = 'batch-1', at = Date.now()) {
  return post(body, signBatch(TEST_SECRET, batchId, body, at));
}

describe('hub webhook', () => {
  it('stores a valid batch once even when it is posted twice', async () => {
    const items = [makeItem(), makeItem()];
    const body = batchBody('batch-1', items, Date.now());
    const first = await signed(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const again = await signed(body);
    expect(await again.json()).toEqual({ received: 2, stored: 0, duplicates: 2 });
    const list = (await (await app.request('/v1/items')).json()) as { items: unknown[] };
    expect(list.items.filter((i) => items.some((it) => JSON.stringify(i).includes(it.id)))).toHaveLength(2);
  });

  it('keeps the highest revision per item', async () => {
    const item = makeItem();
    await signed(batchBody('b2', [{ ...item, revision: 2, deleted: true }], Date.now()), 'b2');
    await signed(batchBody('b1', [item], Date.now()), 'b1');
    // Deleted (undone) items are listed only on request since the review API.
    const { items } = (await (await app.request('/v1/items?includeDeleted=true')).json()) as {
      items: Array<{ item: { id: string; revision: number } }>;
    };
    expect(items.filter((i) => i.item.id === item.id).map((i) => i.item.revision)).toEqual([2]);
  });

  it('rejects a bad signature with 401 and stores nothing', async () => {
    const before = await countItems();
    const body = batchBody('b', [makeItem()], Date.now());
    const headers = signBatch('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'b', body, Date.now());
    const response = await post(body, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'signature rejected: No matching signature found' });
    expect(await countItems()).toBe(before);
  });

  it('rejects missing signature headers with 401', async () => {
    const response = await post(batchBody('b', [makeItem()], Date.now()), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(401);
  });

  it('rejects a stale timestamp (over 5 minutes) with 401', async () => {
    const before = await countItems();
    const body = batchBody('b', [makeItem()], Date.now());
    const response = await signed(body, 'b', Date.now() - 6 * 60_000);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/too old/);
    expect(await countItems()).toBe(before);
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const response = await signed('{"type": "earmark.items.v1", ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body is not valid JSON' });
  });

  it('answers a schema-invalid batch with 400 naming the field', async () => {
    const body = JSON.stringify({
      type: 'earmark.items.v1',
      batchId: 'b',
      sentAt: new Date().toISOString(),
      items: [{ id: 1 }],
    });
    const response = await signed(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/items\.0\.id/);
  });

  it('serves health, an HTML view with escaped text, and security headers', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, signIn: false }); // no identity provider configured
    await signed(batchBody('b', [makeItem({ note: '<script>alert(1)</script>' })], Date.now()));
    const page = await app.request('/');
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
