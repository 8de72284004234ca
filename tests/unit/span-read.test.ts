import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { flush } from '../../lib/delivery';
import { readItems, readOutboxRowsOfItems, spanLimit } from '../../lib/delivery/span-read';
import { type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { pendingCount, saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const freshDb = () => openEarmarkDB(`span-read-${Math.random()}`);

/** Saves `n` items (uuidv7 ids, so in capture order) owed to the given endpoints; returns their ids. */
async function seed(db: EarmarkDatabase, n: number, endpointIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = makeItem();
    ids.push(item.id);
    await saveRevision(db, item, endpointIds, 0);
  }
  return ids;
}

describe('span reads', () => {
  it('reads the wanted items in one span, skipping the others in it and ids that do not exist', async () => {
    const db = await freshDb();
    const ids = await seed(db, 12, ['hub']);
    const wanted = [ids[1], ids[4], ids[10]] as string[];
    const missing = uuidv7();
    const found = await readItems(db.transaction('items').store, [...wanted, missing]);
    expect([...found.keys()].sort()).toEqual([...wanted].sort());
    expect(found.get(ids[4] as string)?.item.id).toBe(ids[4]);
  });

  it('finds every wanted item when the span holds more than its limit', async () => {
    const db = await freshDb();
    const ids = await seed(db, spanLimit(2) + 10, ['hub']);
    const wanted = [ids[0], ids[ids.length - 1]] as string[];
    const found = await readItems(db.transaction('items').store, wanted);
    expect([...found.keys()].sort()).toEqual([...wanted].sort());
  });

  it("lists each item's rows for every endpoint, and only the wanted items' rows", async () => {
    const db = await freshDb();
    const ids = await seed(db, 6, ['hub', 'second']);
    const store = db.transaction('outbox').store;
    const rows = await readOutboxRowsOfItems(store, store.index('by-item'), [ids[2], ids[3]] as string[]);
    expect([...rows.keys()].sort()).toEqual([ids[2], ids[3]].sort());
    for (const list of rows.values()) expect(list.map((r) => r.endpointId).sort()).toEqual(['hub', 'second']);
  });

  it('completes the rows of items past a span that was cut short', async () => {
    const db = await freshDb();
    const ids = await seed(db, spanLimit(2), ['hub', 'second']);
    const wanted = [ids[0], ids[ids.length - 1]] as string[];
    const store = db.transaction('outbox').store;
    const rows = await readOutboxRowsOfItems(store, store.index('by-item'), wanted);
    expect(rows.get(wanted[0] as string)).toHaveLength(2);
    expect(rows.get(wanted[1] as string)).toHaveLength(2);
  });
});

describe('settling with span reads', () => {
  const hub: Endpoint = { id: 'hub', name: 'Hub', url: 'http://127.0.0.1:9/hub', secret: TEST_SECRET };
  const second: Endpoint = { ...hub, id: 'second', url: 'http://127.0.0.1:9/second' };

  it('keeps an item pending while another endpoint still owes it, and clears it after', async () => {
    const db = await freshDb();
    await seed(db, 30, ['hub', 'second']);
    let secondUp = false;
    const fetchImpl = (async (url: string) =>
      new Response('{}', { status: url === second.url && !secondUp ? 503 : 200 })) as unknown as typeof fetch;
    const deps = { db, endpoints: [hub, second], fetch: fetchImpl, now: Date.now, newBatchId: uuidv7 };
    await flush(deps);
    expect(await pendingCount(db)).toBe(30);
    expect((await db.getAll('items')).every((s) => s.sentAt !== null)).toBe(true);
    expect((await db.getAll('outbox')).every((r) => r.endpointId === 'second')).toBe(true);
    secondUp = true;
    await db.clear('endpoints'); // the failure paused nothing here, but start from healthy anyway
    for (const row of await db.getAll('outbox')) await db.put('outbox', { ...row, nextAttemptAt: 0 });
    await flush(deps);
    expect(await pendingCount(db)).toBe(0);
    expect(await db.count('outbox')).toBe(0);
  });
});
