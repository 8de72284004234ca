import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, type EarmarkDB, MIGRATIONS, openEarmarkDB } from '../../lib/store/db';
import { pendingCount, queueStats, recentWithRows, saveRevision } from '../../lib/store/queue';
import { makeItem } from '../helpers/items';

let counter = 0;
const freshName = () => `earmark-test-db-${++counter}-${Math.random()}`;

describe('IndexedDB schema and upgrade ladder', () => {
  it('has one version per migration step', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('creates every store and index from version 0', async () => {
    const db = await openEarmarkDB(freshName());
    expect([...db.objectStoreNames].sort()).toEqual(['endpoints', 'items', 'outbox', 'reviews']);
    const tx = db.transaction(['items', 'outbox', 'reviews']);
    expect([...tx.objectStore('reviews').indexNames]).toEqual(['by-unseen']);
    expect([...tx.objectStore('items').indexNames].sort()).toEqual([
      'by-captured',
      'by-pending',
      'by-unrouted',
    ]);
    expect([...tx.objectStore('outbox').indexNames].sort()).toEqual([
      'by-due',
      'by-endpoint',
      'by-item',
      'by-parked',
    ]);
    db.close();
  });

  it('keeps queued data when the database is reopened', async () => {
    const name = freshName();
    const first = await openEarmarkDB(name);
    await saveRevision(first, makeItem(), ['hub'], 1000);
    first.close();
    const second = await openEarmarkDB(name);
    expect(await pendingCount(second)).toBe(1);
    expect(await recentWithRows(second, 5)).toHaveLength(1);
    second.close();
  });

  it('upgrades a queue written by every earlier version without losing anything', async () => {
    expect(DB_VERSION).toBeGreaterThan(1);
    for (let old = 1; old < DB_VERSION; old++) {
      const name = freshName();
      const legacy = await openDB<EarmarkDB>(name, old, {
        async upgrade(db, from, _to, tx) {
          for (let v = from; v < old; v++) await MIGRATIONS[v]?.(db, tx);
        },
      });
      // Rows as that version's code wrote them: version 1 had no pending flag (version 2 added it).
      const queued = makeItem();
      await legacy.put('items', { item: queued, sentAt: null, ...(old >= 2 ? { pending: 1 as const } : {}) });
      await legacy.put('outbox', {
        itemId: queued.id,
        endpointId: 'hub',
        revision: 1,
        attempts: 2,
        nextAttemptAt: 5000,
        lastError: 'HTTP 503',
        batchId: 'b-1',
        leaseUntil: 0,
      });
      await legacy.put('items', { item: makeItem(), sentAt: 1234 });
      legacy.close();

      const upgraded = await openEarmarkDB(name);
      expect(upgraded.version).toBe(DB_VERSION);
      expect(await upgraded.count('items')).toBe(2);
      expect(await upgraded.get('outbox', [queued.id, 'hub'])).toMatchObject({ batchId: 'b-1', attempts: 2 });
      expect(await queueStats(upgraded)).toEqual({
        pendingItems: 1,
        parkedRows: 0,
        oldestPendingAt: queued.capturedAt,
      });
      // Version 4 added the reviews store; it starts empty and is usable at once.
      expect(await upgraded.count('reviews')).toBe(0);
      await upgraded.put('reviews', {
        itemId: queued.id,
        status: 'actioned',
        comment: null,
        updatedAt: null,
        unseen: 1,
      });
      expect(await upgraded.countFromIndex('reviews', 'by-unseen')).toBe(1);
      upgraded.close();
    }
  });

  it('stores an item and its outbox rows atomically, one row per endpoint', async () => {
    const db = await openEarmarkDB(freshName());
    const item = makeItem();
    await saveRevision(db, item, ['a', 'b'], 1000);
    const rows = await db.getAllFromIndex('outbox', 'by-item', item.id);
    expect(rows.map((r) => r.endpointId).sort()).toEqual(['a', 'b']);
    expect(rows.every((r) => r.revision === 1 && r.attempts === 0 && r.batchId === null)).toBe(true);
    db.close();
  });

  it('lists recent captures newest first through the index', async () => {
    const db = await openEarmarkDB(freshName());
    for (const minute of [1, 3, 2]) {
      await saveRevision(db, makeItem({ capturedAt: `2026-11-23T10:0${minute}:00.000Z` }), [], 0);
    }
    await saveRevision(db, makeItem({ capturedAt: '2026-11-23T10:04:00.000Z', deleted: true }), [], 0);
    const recent = await recentWithRows(db, 2);
    expect(recent.map((s) => s.stored.item.capturedAt)).toEqual([
      '2026-11-23T10:03:00.000Z',
      '2026-11-23T10:02:00.000Z',
    ]);
    db.close();
  });

  it('reads captures and their rows in one transaction, so a settling delivery never shows neither', async () => {
    const db = await openEarmarkDB(freshName());
    const sent = makeItem({ capturedAt: '2026-11-23T10:01:00.000Z' });
    const queued = makeItem({ capturedAt: '2026-11-23T10:02:00.000Z' });
    await saveRevision(db, sent, ['hub'], 0);
    await saveRevision(db, queued, ['hub', 'backup'], 0);
    const tx = db.transaction(['items', 'outbox'], 'readwrite');
    await tx.objectStore('outbox').delete([sent.id, 'hub']);
    await tx.objectStore('items').put({ item: sent, sentAt: 5 });
    await tx.done;

    // Rows read in a transaction of their own could see a delivery settle after the item was read.
    const transaction = vi.spyOn(db, 'transaction');
    const recent = await recentWithRows(db, 5);
    expect(transaction.mock.calls.map((call) => call[0])).toEqual([['items', 'outbox']]);
    expect(recent.map((r) => [r.stored.sentAt, r.rows.map((row) => row.endpointId).sort()])).toEqual([
      [null, ['backup', 'hub']],
      [5, []],
    ]);
    db.close();
  });
});
