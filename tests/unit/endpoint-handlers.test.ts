import { Webhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { createEndpointHandlers } from '../../lib/delivery/endpoint-handlers';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { saveRevision } from '../../lib/store/queue';
import { testConfig } from '../helpers/config';
import { makeItem, TEST_SECRET } from '../helpers/items';

// Now, as the worker's clock reads it: a receiver verifying the ping refuses an old timestamp.
const NOW = Date.now();
const receiver: Endpoint = {
  id: 'gone',
  name: 'Old receiver',
  url: 'https://old.example.com/hook',
  secret: TEST_SECRET,
};

/** The worker's handlers over one database, with a receiver that answers `answer`. */
async function setup(answer: () => Response = () => Response.json({ ok: true })) {
  const db = await openEarmarkDB(`endpoint-handlers-${Math.random()}`);
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  const base = {
    db: async () => db,
    loadConfig: async () => testConfig(),
    now: () => NOW,
    onQueued: vi.fn(),
  };
  const handlers = { ...createAdminHandlers(base), ...createEndpointHandlers({ ...base, fetch }) };
  const send = async (message: Record<string, unknown>) =>
    dispatch(handlers, message, {}, 'extension-page') as Promise<unknown>;
  return { db, handlers, requests, send };
}

describe('endpoint queue messages', () => {
  it('count, export and drop exactly what one endpoint is owed', async () => {
    const { db, send } = await setup();
    const items = [makeItem(), makeItem(), makeItem()];
    for (const item of items) await saveRevision(db, item, ['gone'], NOW);
    await saveRevision(db, makeItem(), ['hub'], NOW);
    await saveRevision(db, { ...items[0]!, revision: 2, note: 'edited' }, ['gone'], NOW);

    expect(
      unwrapReply('endpoint-queued-count', await send({ type: 'endpoint-queued-count', endpointId: 'gone' })),
    ).toEqual({ count: 3 });
    const exported = unwrapReply(
      'endpoint-queued-export',
      await send({ type: 'endpoint-queued-export', endpointId: 'gone' }),
    );
    expect(exported).toMatchObject({
      type: 'earmark.queued-items.v1',
      endpointId: 'gone',
      exportedAt: new Date(NOW).toISOString(),
    });
    expect(exported.items.map((i) => [i.id, i.revision, i.note]).sort()).toEqual(
      [
        [items[0]!.id, 2, 'edited'],
        [items[1]!.id, 1, 'wants CSV export'],
        [items[2]!.id, 1, 'wants CSV export'],
      ].sort(),
    );

    // Revised after the export: that row is kept, and the reply says so.
    await saveRevision(db, { ...items[1]!, revision: 2 }, ['gone'], NOW);
    const revisions = exported.items.map(({ id, revision }) => ({ id, revision }));
    const drop = { type: 'endpoint-queued-drop', endpointId: 'gone', items: revisions };
    expect(unwrapReply('endpoint-queued-drop', await send(drop))).toEqual({ remaining: 1 });
    expect((await db.getAllFromIndex('outbox', 'by-endpoint', 'gone')).map((r) => r.itemId)).toEqual([
      items[1]!.id,
    ]);
    const health = unwrapReply('queue-health', await send({ type: 'queue-health' }));
    expect(health.pendingItems).toBe(2); // items[1] still owed to 'gone', the other to 'hub'
    expect(health.pendingItems).toBe(await db.countFromIndex('items', 'by-pending'));
  });

  it('refuse an empty endpoint id and a drop of malformed revisions', async () => {
    const { send } = await setup();
    for (const message of [
      { type: 'endpoint-queued-count', endpointId: '' },
      { type: 'endpoint-queued-drop', endpointId: 'gone', items: [{ id: 'not-a-uuid', revision: 1 }] },
      { type: 'endpoint-queued-drop', endpointId: 'gone', items: [{ id: makeItem().id, revision: 0 }] },
    ]) {
      expect(await send(message)).toEqual({ ok: false, error: expect.stringMatching(/^invalid message/) });
    }
  });
});

describe('"Send test" message', () => {
  it('POSTs a signed ping from the worker and reports status, latency and an excerpt', async () => {
    const { requests, send } = await setup();
    const result = unwrapReply('endpoint-test', await send({ type: 'endpoint-test', endpoint: receiver }));
    expect(result).toEqual({
      ok: true,
      status: 200,
      latencyMs: expect.any(Number),
      excerpt: '{"ok":true}',
      error: null,
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(receiver.url);
    const payload = new Webhook(TEST_SECRET).verify(
      String(request?.init.body),
      request?.init.headers as Record<string, string>,
    );
    expect(payload).toEqual({ type: 'earmark.ping.v1', sentAt: new Date(NOW).toISOString() });
    expect(JSON.stringify(result)).not.toContain(TEST_SECRET);
  });

  it('reports a receiver’s refusal as the page shows it', async () => {
    const { send } = await setup(() => new Response('nope', { status: 401 }));
    const result = unwrapReply('endpoint-test', await send({ type: 'endpoint-test', endpoint: receiver }));
    expect(result).toMatchObject({ ok: false, status: 401, error: expect.any(String) });
  });

  it('refuses an endpoint a saved one could not be (plain http off loopback), sending nothing', async () => {
    const { requests, send } = await setup();
    const reply = await send({
      type: 'endpoint-test',
      endpoint: { ...receiver, url: 'http://intranet.example.com/hook' },
    });
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^not a valid endpoint: url: must be an https URL/),
    });
    expect(requests).toEqual([]);
  });
});

describe('endpoint messages from a content script', () => {
  it('are refused: nothing is dropped, nothing is sent', async () => {
    const { db, handlers, requests } = await setup();
    const item = makeItem();
    await saveRevision(db, item, ['gone'], NOW);
    for (const message of [
      { type: 'endpoint-queued-count', endpointId: 'gone' },
      { type: 'endpoint-queued-export', endpointId: 'gone' },
      { type: 'endpoint-queued-drop', endpointId: 'gone', items: [{ id: item.id, revision: 1 }] },
      { type: 'endpoint-test', endpoint: receiver },
    ]) {
      expect(await dispatch(handlers, message, {}, 'content-script')).toEqual({
        ok: false,
        error: expect.stringMatching(/only accepted from Earmark's own pages/),
      });
    }
    expect(await db.countFromIndex('outbox', 'by-endpoint', 'gone')).toBe(1);
    expect(requests).toEqual([]);
  });
});
