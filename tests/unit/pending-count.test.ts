import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { tombstone } from '../../lib/capture/build';
import type { Endpoint } from '../../lib/config/settings';
import { discardDeadLetters, flush } from '../../lib/delivery';
import { type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { dropExported, exportQueued } from '../../lib/store/endpoint-queue';
import { pendingItemCount } from '../../lib/store/pending-count';
import { saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const endpoint = (id: string): Endpoint => ({
  id,
  name: id,
  url: `https://${id}.example.com/hook`,
  secret: TEST_SECRET,
});

/** The truth the running count must equal: the by-pending index, counted now. */
const indexCount = (db: EarmarkDatabase) => db.countFromIndex('items', 'by-pending');

/** Flushes with a receiver that answers every request with `status`. */
function flushAll(db: EarmarkDatabase, ids: string[], status: number) {
  return flush({
    db,
    endpoints: ids.map(endpoint),
    fetch: (async () => new Response('x', { status })) as unknown as typeof fetch,
    now: Date.now,
    newBatchId: uuidv7,
  });
}

describe('the running count of items waiting', () => {
  it('follows captures, revisions, deliveries, dead letters and endpoint drops', async () => {
    const name = `count-${Math.random()}`;
    const db = await openEarmarkDB(name);
    expect(await pendingItemCount(db)).toBe(0);
    const items = Array.from({ length: 6 }, () => makeItem());
    for (const item of items) await saveRevision(db, item, ['a', 'b'], Date.now());
    await saveRevision(db, makeItem(), [], Date.now()); // no endpoint: never waiting
    expect(await pendingItemCount(db)).toBe(6);

    // A revision of a waiting item is still one item; a tombstone with no route either.
    await saveRevision(db, tombstone(items[0]!, Date.now()), ['a'], Date.now());
    expect(await pendingItemCount(db)).toBe(6);

    // Delivered to 'a' only: still owed to 'b'. Then 'b' rejects everything: parked, still waiting.
    await flushAll(db, ['a'], 200);
    expect(await pendingItemCount(db)).toBe(6);
    await flushAll(db, ['b'], 422);
    expect(await pendingItemCount(db)).toBe(6);
    expect(await discardDeadLetters(db)).toBe(6);
    expect(await pendingItemCount(db)).toBe(0);
    expect(await indexCount(db)).toBe(0);

    // Owed to one endpoint, then that endpoint's queue exported and dropped.
    for (const item of items.slice(0, 3)) await saveRevision(db, { ...item, revision: 9 }, ['c'], Date.now());
    expect(await pendingItemCount(db)).toBe(3);
    await dropExported(db, await exportQueued(db, 'c', Date.now()));
    expect(await pendingItemCount(db)).toBe(0);

    // A worker restart is a new connection: counted again from the index.
    for (const item of items.slice(0, 2))
      await saveRevision(db, { ...item, revision: 10 }, ['a'], Date.now());
    db.close();
    const reopened = await openEarmarkDB(name);
    expect(await pendingItemCount(reopened)).toBe(2);
  });

  it('stays exact when writes run while the first count is still counting', async () => {
    const name = `count-race-${Math.random()}`;
    const seeded = await openEarmarkDB(name);
    for (let i = 0; i < 20; i++) await saveRevision(seeded, makeItem(), ['a'], Date.now());
    await flushAll(seeded, ['a'], 422); // 20 dead letters
    seeded.close();

    // A fresh worker: the discard's transaction is created before the first count, and takes its
    // tally only later (inside clearPendingIfDone), while that count is still waiting for it.
    const db = await openEarmarkDB(name);
    const discarded = discardDeadLetters(db);
    const writes = Array.from({ length: 10 }, () => saveRevision(db, makeItem(), ['a'], Date.now()));
    const first = pendingItemCount(db);
    const more = Array.from({ length: 5 }, () => saveRevision(db, makeItem(), ['a'], Date.now()));
    await Promise.all([discarded, first, ...writes, ...more]);
    expect(await pendingItemCount(db)).toBe(15);
    expect(await indexCount(db)).toBe(15);
  });
});
