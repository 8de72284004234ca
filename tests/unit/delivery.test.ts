import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { flush } from '../../lib/delivery';
import { MAX_BATCH_ITEMS, planBatches } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { BatchSchema } from '../../lib/schema';
import { type EarmarkDatabase, type OutboxRow, openEarmarkDB } from '../../lib/store/db';
import { pendingCount, saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const endpoint: Endpoint = {
  id: 'hub',
  name: 'Hub',
  url: 'http://127.0.0.1:9/v1/webhook',
  secret: TEST_SECRET,
};

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fake receiver: records every request and answers with the given statuses in turn. */
function receiver(statuses: number[] = []) {
  const requests: Captured[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string>, body: init.body as string });
    const status = statuses.length ? (statuses.shift() as number) : 200;
    if (status === 0) throw new TypeError('Failed to fetch');
    return new Response(status === 200 ? '{}' : 'boom', { status });
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

async function freshDb(): Promise<EarmarkDatabase> {
  return openEarmarkDB(`delivery-${Math.random()}`);
}

function deps(db: EarmarkDatabase, fetchImpl: typeof fetch, now = () => Date.now(), endpoints = [endpoint]) {
  return { db, endpoints, fetch: fetchImpl, now, newBatchId: uuidv7 };
}

describe('signing', () => {
  it('produces headers the official standardwebhooks library verifies', () => {
    const body = JSON.stringify({ hello: 'world' });
    const headers = signBatch(TEST_SECRET, 'batch-1', body, Date.now());
    expect(headers['webhook-id']).toBe('batch-1');
    expect(headers['idempotency-key']).toBe('batch-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(TEST_SECRET).verify(body, headers)).toEqual({ hello: 'world' });
  });

  it('fails verification for a tampered body or another secret', () => {
    const headers = signBatch(TEST_SECRET, 'b', '{"a":1}', Date.now());
    expect(() => new Webhook(TEST_SECRET).verify('{"a":2}', headers)).toThrow(/signature/i);
    const other = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(() => new Webhook(other).verify('{"a":1}', headers)).toThrow(/signature/i);
  });
});

describe('batching', () => {
  const row = (i: number, batchId: string | null = null): OutboxRow => ({
    itemId: `i${i}`,
    endpointId: 'hub',
    revision: 1,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    batchId,
    leaseUntil: 0,
  });

  it('caps a batch at 25 items', () => {
    let n = 0;
    const batches = planBatches(
      Array.from({ length: 60 }, (_, i) => row(i)),
      () => `b${++n}`,
      () => 100,
    );
    expect(batches.map((b) => b.rows.length)).toEqual([MAX_BATCH_ITEMS, MAX_BATCH_ITEMS, 10]);
  });

  it('caps a batch at 64 KB of items', () => {
    const batches = planBatches(
      Array.from({ length: 10 }, (_, i) => row(i)),
      () => uuidv7(),
      () => 20_000,
    );
    expect(batches.map((b) => b.rows.length)).toEqual([3, 3, 3, 1]);
  });

  it('keeps rows of an earlier batch together under the same id', () => {
    const batches = planBatches(
      [row(1, 'old'), row(2), row(3, 'old')],
      () => 'new',
      () => 1,
    );
    expect(batches.find((b) => b.batchId === 'old')?.rows.map((r) => r.itemId)).toEqual(['i1', 'i3']);
    expect(batches.find((b) => b.batchId === 'new')?.rows.map((r) => r.itemId)).toEqual(['i2']);
  });
});

describe('flush', () => {
  it('sends one signed, schema-valid batch and empties the outbox on 2xx', async () => {
    const db = await freshDb();
    const items = [makeItem(), makeItem()];
    for (const item of items) await saveRevision(db, item, ['hub'], 0);
    const { requests, fetchImpl } = receiver();
    const result = await flush(deps(db, fetchImpl));
    expect(result).toMatchObject({ delivered: 2, failed: 0, nextDueAt: null });
    expect(requests).toHaveLength(1);
    const verified = new Webhook(TEST_SECRET).verify(requests[0]!.body, requests[0]!.headers);
    const batch = BatchSchema.parse(verified);
    expect(batch.batchId).toBe(requests[0]!.headers['webhook-id']);
    expect(batch.items.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(await pendingCount(db)).toBe(0);
    expect((await db.get('items', items[0]!.id))?.sentAt).not.toBeNull();
  });

  it('keeps rows after a failure and retries with the same webhook-id and a fresh signature', async () => {
    const db = await freshDb();
    await saveRevision(db, makeItem(), ['hub'], 0);
    let clock = 1_000_000;
    const { requests, fetchImpl } = receiver([500, 0]);
    const first = await flush(deps(db, fetchImpl, () => clock));
    expect(first).toMatchObject({ delivered: 0, failed: 1 });
    expect(await pendingCount(db)).toBe(1);
    const [row] = await db.getAll('outbox');
    expect(row).toMatchObject({ attempts: 1, lastError: 'HTTP 500: boom', leaseUntil: 0 });
    expect(first.nextDueAt).toBeGreaterThan(clock);

    // Not due yet: nothing is sent.
    expect((await flush(deps(db, fetchImpl, () => clock))).delivered + requests.length).toBe(1);
    clock += 60_000;
    await flush(deps(db, fetchImpl, () => clock)); // network error
    clock += 60_000;
    const last = await flush(deps(db, fetchImpl, () => clock));
    expect(last.delivered).toBe(1);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.headers['webhook-timestamp'])).size).toBe(3);
    expect(await pendingCount(db)).toBe(0);
  });

  it('does not send rows leased by a concurrent flush', async () => {
    const db = await freshDb();
    await saveRevision(db, makeItem(), ['hub'], 0);
    const { requests, fetchImpl } = receiver();
    await Promise.all([flush(deps(db, fetchImpl)), flush(deps(db, fetchImpl)), flush(deps(db, fetchImpl))]);
    expect(requests).toHaveLength(1);
  });

  it('keeps a newer revision queued when an older one is acknowledged', async () => {
    const db = await freshDb();
    const item = makeItem();
    await saveRevision(db, item, ['hub'], 0);
    let wrote = false;
    const fetchImpl = (async () => {
      if (!wrote) {
        wrote = true; // the agent undoes while revision 1 is in flight
        await saveRevision(db, { ...item, revision: 2, deleted: true }, ['hub'], 0);
      }
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    await flush(deps(db, fetchImpl));
    const [row] = await db.getAll('outbox');
    expect(row).toMatchObject({ revision: 2 });
    await flush(deps(db, fetchImpl));
    expect(await pendingCount(db)).toBe(0);
  });

  it('routes rows only to their endpoint; one failing endpoint does not hold up another', async () => {
    const db = await freshDb();
    const second: Endpoint = { ...endpoint, id: 'second', url: 'http://127.0.0.1:10/x' };
    await saveRevision(db, makeItem(), ['hub', 'second'], 0);
    const seen: string[] = [];
    const fetchImpl = (async (url: string) => {
      seen.push(url);
      return new Response('', { status: url === endpoint.url ? 503 : 200 });
    }) as unknown as typeof fetch;
    const result = await flush(deps(db, fetchImpl, Date.now, [endpoint, second]));
    expect(result).toMatchObject({ delivered: 1, failed: 1 });
    expect(seen.sort()).toEqual([endpoint.url, second.url].sort());
    expect((await db.getAll('outbox')).map((r) => r.endpointId)).toEqual(['hub']);
  });
});
