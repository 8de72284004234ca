import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import {
  AUTH_REFUSED,
  type DeliveryDeps,
  discardDeadLetters,
  endpointStates,
  exportDeadLetters,
  flush,
  PARK_AFTER_MS,
  resumeEndpoint,
  retryDeadLetters,
} from '../../lib/delivery';
import { BatchSchema } from '../../lib/schema';
import { type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { queueStats, saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const endpoint: Endpoint = {
  id: 'hub',
  name: 'Hub',
  url: 'https://hub.example.com/v1/webhook',
  secret: TEST_SECRET,
};
type Answer = number | 'network' | { status: number; headers?: Record<string, string>; body?: string };

/** A scripted receiver: each request takes the next answer (200 once the script runs out). */
function scripted(answers: Answer[]) {
  const bodies: Array<{ headers: Record<string, string>; body: string }> = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    bodies.push({ headers: init.headers as Record<string, string>, body: init.body as string });
    const answer = answers.shift() ?? 200;
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const { status, headers, body } =
      typeof answer === 'number' ? { status: answer, headers: {}, body: '' } : answer;
    return new Response(body ?? `status ${status}`, { status, headers });
  }) as unknown as typeof fetch;
  return { bodies, fetchImpl };
}

async function setup(items = 1, endpointIds = ['hub']) {
  const db = await openEarmarkDB(`engine-${Math.random()}`);
  for (let i = 0; i < items; i++) await saveRevision(db, makeItem(), endpointIds, 0);
  return db;
}

function deps(
  db: EarmarkDatabase,
  fetchImpl: typeof fetch,
  clock: { t: number },
  extra: Partial<DeliveryDeps> = {},
) {
  return { db, endpoints: [endpoint], fetch: fetchImpl, now: () => clock.t, newBatchId: uuidv7, ...extra };
}

/** Flushes repeatedly, jumping the clock to each next due time, until nothing is due or a limit. */
async function drain(d: DeliveryDeps & { now: () => number }, clock: { t: number }, maxRounds = 50) {
  for (let round = 0; round < maxRounds; round++) {
    const result = await flush(d);
    if (result.nextDueAt === null) return;
    clock.t = Math.max(clock.t, result.nextDueAt);
  }
}

/** The error the official standardwebhooks library raises for a stale webhook-timestamp. */
function officialTimestampError(): string {
  const stale = Math.floor(Date.now() / 1000) - 3600;
  const headers = { 'webhook-id': 'b', 'webhook-timestamp': String(stale), 'webhook-signature': 'v1,x' };
  try {
    new Webhook(TEST_SECRET).verify('{}', headers);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the library accepted a timestamp an hour old');
}

describe('delivery engine', () => {
  it('500 three times then 200: delivered once, no loss, same webhook-id on every attempt', async () => {
    const db = await setup(3);
    const clock = { t: Date.now() };
    const { bodies, fetchImpl } = scripted([500, 500, 500, 200]);
    await drain(deps(db, fetchImpl, clock), clock);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies.map((b) => b.headers['webhook-id'])).size).toBe(1);
    const last = bodies[3]!;
    const batch = BatchSchema.parse(new Webhook(TEST_SECRET).verify(last.body, last.headers));
    expect(batch.items).toHaveLength(3);
    expect((await queueStats(db)).pendingItems).toBe(0);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const db = await setup();
    const clock = { t: Date.parse('2026-11-23T10:00:00Z') };
    const { fetchImpl } = scripted([{ status: 429, headers: { 'retry-after': '120' } }]);
    const first = await flush(deps(db, fetchImpl, clock));
    expect(first.nextDueAt).toBeGreaterThanOrEqual(clock.t + 120_000);
    const db2 = await setup();
    const date = new Date(clock.t + 600_000).toUTCString();
    const second = await flush(
      deps(db2, scripted([{ status: 503, headers: { 'retry-after': date } }]).fetchImpl, clock),
    );
    expect(second.nextDueAt).toBeGreaterThanOrEqual(clock.t + 599_000);
  });

  it('410 pauses the endpoint, keeps the items, and delivers after re-enable', async () => {
    const db = await setup(2);
    const clock = { t: 5_000 };
    const { bodies, fetchImpl } = scripted([410]);
    await drain(deps(db, fetchImpl, clock), clock);
    expect(bodies).toHaveLength(1);
    expect((await endpointStates(db)).get('hub')).toMatchObject({
      status: 'paused',
      reason: expect.stringMatching(/Gone/),
    });
    clock.t += 3_600_000;
    await flush(deps(db, fetchImpl, clock));
    expect(bodies).toHaveLength(1); // paused: nothing sent
    expect((await queueStats(db)).pendingItems).toBe(2);
    await resumeEndpoint(db, 'hub', clock.t);
    await flush(deps(db, fetchImpl, clock));
    expect((await queueStats(db)).pendingItems).toBe(0);
    expect((await endpointStates(db)).get('hub')?.status).toBe('healthy');
  });

  it('401 pauses with "Needs attention" and keeps the items', async () => {
    const db = await setup();
    const clock = { t: 5_000 };
    await flush(deps(db, scripted([401]).fetchImpl, clock));
    const state = (await endpointStates(db)).get('hub');
    expect(state?.status).toBe('paused');
    expect(state?.reason).toContain(AUTH_REFUSED);
    expect((await queueStats(db)).pendingItems).toBe(1);
  });

  it('400 parks the batch as dead letters with the response text; retry delivers them', async () => {
    const db = await setup(2);
    const clock = { t: 5_000 };
    const { bodies, fetchImpl } = scripted([{ status: 400, body: 'unknown field "foo"' }]);
    await drain(deps(db, fetchImpl, clock), clock);
    expect((await queueStats(db)).parkedRows).toBe(2);
    const letters = await exportDeadLetters(db);
    expect(letters[0]?.reason).toContain('unknown field "foo"');
    expect(letters[0]?.item).not.toBeNull();
    expect(await retryDeadLetters(db, clock.t)).toBe(2);
    await drain(deps(db, fetchImpl, clock), clock);
    expect(bodies).toHaveLength(2);
    expect(await queueStats(db)).toMatchObject({ pendingItems: 0, parkedRows: 0 });
  });

  it('discarding dead letters clears them and the pending count', async () => {
    const db = await setup(1);
    const clock = { t: 5_000 };
    await flush(deps(db, scripted([422]).fetchImpl, clock));
    expect(await discardDeadLetters(db)).toBe(1);
    expect(await queueStats(db)).toMatchObject({ pendingItems: 0, parkedRows: 0 });
  });

  it('413 splits the batch and delivers both halves; a single oversized item is parked', async () => {
    const db = await setup(4);
    const clock = { t: 5_000 };
    const { bodies, fetchImpl } = scripted([413]);
    await drain(deps(db, fetchImpl, clock), clock);
    expect(bodies.map((b) => (JSON.parse(b.body) as { items: unknown[] }).items.length)).toEqual([4, 2, 2]);
    expect((await queueStats(db)).pendingItems).toBe(0);
    const single = await setup(1);
    await drain(deps(single, scripted([413]).fetchImpl, clock), clock);
    expect((await exportDeadLetters(single))[0]?.reason).toMatch(/Too large/);
  });

  it('offline for 3 days: no attempt, nothing parked, all delivered when back online', async () => {
    const db = await setup(5);
    const clock = { t: 0 };
    let online = false;
    const { bodies, fetchImpl } = scripted([]);
    const d = deps(db, fetchImpl, clock, { isOnline: () => online });
    for (let hour = 0; hour < 72; hour++) {
      clock.t = hour * 3_600_000;
      // No retry timer while offline: the online event or the alarm wakes delivery.
      expect((await flush(d)).nextDueAt).toBeNull();
    }
    expect(bodies).toHaveLength(0);
    expect((await queueStats(db)).parkedRows).toBe(0);
    online = true;
    await flush(d);
    expect(bodies).toHaveLength(1);
    expect((await queueStats(db)).pendingItems).toBe(0);
  });

  it('network errors while the browser reports offline do not burn attempts', async () => {
    const db = await setup();
    const clock = { t: 0 };
    let online = true;
    const fetchImpl = (async () => {
      online = false; // the connection drops during the request
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await flush(deps(db, fetchImpl, clock, { isOnline: () => online }));
    const [row] = await db.getAll('outbox');
    expect(row?.attempts).toBe(0);
  });

  it('parks an item only after 7 days of failing', async () => {
    const db = await setup();
    const clock = { t: 0 };
    const failing = scripted(Array.from({ length: 100 }, () => 503 as Answer)).fetchImpl;
    const d = deps(db, failing, clock);
    let next: number | null = 0;
    while (next !== null && next < PARK_AFTER_MS) {
      clock.t = next;
      next = (await flush(d)).nextDueAt;
      expect((await queueStats(db)).parkedRows).toBe(0);
    }
    clock.t = next ?? PARK_AFTER_MS;
    await flush(d);
    const [letter] = await exportDeadLetters(db);
    expect(letter?.reason).toMatch(/Undeliverable for 7 days: HTTP 503/);
  });

  it('a lease held by a killed worker does not block the next worker', async () => {
    const db = await setup();
    const clock = { t: 10_000 };
    const hang = (() => new Promise(() => {})) as unknown as typeof fetch;
    void flush(deps(db, hang, clock, { workerId: 'old-worker' }));
    await new Promise((r) => setTimeout(r, 50));
    const [leased] = await db.getAll('outbox');
    expect(leased?.leaseOwner).toBe('old-worker');
    const { bodies, fetchImpl } = scripted([]);
    await flush(deps(db, fetchImpl, clock, { workerId: 'new-worker' }));
    expect(bodies).toHaveLength(1);
    expect((await queueStats(db)).pendingItems).toBe(0);
  });

  it('reports clock skew instead of parking or pausing', async () => {
    const db = await setup();
    const clock = { t: Date.parse('2026-11-23T10:00:00Z') };
    const farDate = new Date(clock.t - 2 * 3_600_000).toUTCString();
    await flush(
      deps(db, scripted([{ status: 401, headers: { date: farDate }, body: 'stale' }]).fetchImpl, clock),
    );
    const state = (await endpointStates(db)).get('hub');
    expect(state?.status).toBe('retrying');
    expect(state?.reason).toMatch(/clock \(about 120 min ahead\)/);
    expect((await queueStats(db)).parkedRows).toBe(0);
  });

  it('pauses on a 401 that only says "token expired": no Date header, so no evidence of skew', async () => {
    const db = await setup();
    const clock = { t: Date.now() };
    await flush(deps(db, scripted([{ status: 401, body: 'token expired' }]).fetchImpl, clock));
    const state = (await endpointStates(db)).get('hub');
    expect(state?.status).toBe('paused');
    expect(state?.reason).toBe(`${AUTH_REFUSED} (HTTP 401: token expired)`);
  });

  it('parks a 400 that mentions an expired link or a timestamp field: a bad request, not skew', async () => {
    const db = await setup();
    const body = 'invalid timestamp field; link expired';
    await flush(deps(db, scripted([{ status: 400, body }]).fetchImpl, { t: Date.now() }));
    const [letter] = await exportDeadLetters(db);
    expect(letter?.reason).toBe(`Rejected by the receiver (HTTP 400: ${body})`);
  });

  it("treats the official library's timestamp error as skew, even without a Date header", async () => {
    const db = await setup();
    const clock = { t: Date.now() };
    const body = JSON.stringify({ error: officialTimestampError() });
    await flush(deps(db, scripted([{ status: 400, body }]).fetchImpl, clock));
    const state = (await endpointStates(db)).get('hub');
    expect(state?.status).toBe('retrying');
    expect(state?.reason).toMatch(/check this computer's clock\. HTTP 400: .*Message timestamp too old/);
    expect((await queueStats(db)).parkedRows).toBe(0);
  });

  it('keeps retrying a skewed batch, then parks it after 7 days', async () => {
    const db = await setup();
    const start = Date.parse('2026-11-23T10:00:00Z');
    const clock = { t: start };
    // The receiver's clock is always 2 h behind ours.
    const fetchImpl = (async () =>
      new Response('stale', {
        status: 401,
        headers: { date: new Date(clock.t - 2 * 3_600_000).toUTCString() },
      })) as unknown as typeof fetch;
    const d = deps(db, fetchImpl, clock);
    const first = await flush(d);
    expect(first.nextDueAt).toBe(start + 30_000);
    clock.t = start + PARK_AFTER_MS - 30_000;
    expect((await flush(d)).nextDueAt).toBe(clock.t + 30_000);
    expect((await queueStats(db)).parkedRows).toBe(0);
    clock.t = start + PARK_AFTER_MS;
    expect((await flush(d)).nextDueAt).toBeNull();
    const [letter] = await exportDeadLetters(db);
    expect(letter?.reason).toMatch(/^Undeliverable for 7 days: The receiver rejected our timestamp/);
  });

  it('routes by endpoint and one endpoint down does not delay the other', async () => {
    const db = await setup(1, ['hub', 'chat']);
    const chat: Endpoint = { ...endpoint, id: 'chat', url: 'https://chat.example.com/hook', format: 'slack' };
    const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string>, body: init.body as string });
      return new Response('', { status: url === endpoint.url ? 503 : 200 });
    }) as unknown as typeof fetch;
    await flush({ ...deps(db, fetchImpl, { t: 0 }), endpoints: [endpoint, chat] });
    const toChat = seen.find((s) => s.url === chat.url);
    expect(toChat?.headers['webhook-signature']).toBeUndefined(); // chat formats are not signed
    expect(JSON.parse(toChat?.body ?? '{}')).toHaveProperty('blocks');
    expect((await db.getAll('outbox')).map((r) => r.endpointId)).toEqual(['hub']);
  });
});

describe('disabled endpoints', () => {
  it('still queue captures but send nothing; the queue goes out once re-enabled', async () => {
    const { routeEndpoints } = await import('../../lib/capture/build');
    const disabled = { ...endpoint, enabled: false };
    expect(routeEndpoints([disabled], ['bug'])).toEqual(['hub']);
    const db = await setup(2);
    const clock = { t: Date.now() };
    const { bodies, fetchImpl } = scripted([]);
    await flush({ ...deps(db, fetchImpl, clock), endpoints: [disabled] });
    expect(bodies).toHaveLength(0);
    expect((await queueStats(db)).pendingItems).toBe(2);
    await flush(deps(db, fetchImpl, clock));
    expect(bodies).toHaveLength(1);
    expect((await queueStats(db)).pendingItems).toBe(0);
  });
});

describe('draining a long queue', () => {
  it('keeps up to 4 batches of one endpoint in flight and delivers every item exactly once', async () => {
    const db = await setup(600);
    let inFlight = 0;
    let most = 0;
    const delivered: string[] = [];
    const webhookIds = new Set<string>();
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const headers = init.headers as Record<string, string>;
      webhookIds.add(headers['webhook-id'] as string);
      const batch = BatchSchema.parse(new Webhook(TEST_SECRET).verify(init.body as string, headers));
      delivered.push(...batch.items.map((item) => item.id));
      inFlight--;
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const result = await flush({
      db,
      endpoints: [endpoint],
      fetch: fetchImpl,
      now: Date.now,
      newBatchId: uuidv7,
    });
    expect(result).toMatchObject({ delivered: 600, failed: 0, nextDueAt: null });
    expect(most).toBe(4);
    expect(webhookIds.size).toBe(24); // 25 items a batch
    expect(new Set(delivered).size).toBe(600);
    expect(delivered).toHaveLength(600);
    expect((await queueStats(db)).pendingItems).toBe(0);
    expect(await db.count('outbox')).toBe(0);
  });
});
