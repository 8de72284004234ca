import { describe, expect, it, vi } from 'vitest';
import { openEarmarkDB } from '../../lib/store/db';
import { writeItemsWithRows } from '../../lib/store/item-writes';
import { pendingItemCount } from '../../lib/store/pending-count';
import { makeItem } from '../helpers/items';

const openDb = () => openEarmarkDB(`item-writes-${Math.random()}`);

describe('writing an item with its outbox rows', () => {
  it('stores a new item waiting, with one row per endpoint, in one transaction and without reading', async () => {
    const db = await openDb();
    expect(await pendingItemCount(db)).toBe(0);
    const transactions = vi.spyOn(db, 'transaction');
    const item = makeItem();
    await writeItemsWithRows(db, [{ item, endpointIds: ['a', 'b'], now: 1000 }], 'new');
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(transactions.mock.calls[0]?.[2]).toBeUndefined(); // default durability, never relaxed
    expect(await db.get('items', item.id)).toEqual({ item, sentAt: null, pending: 1 });
    expect(await db.getAllFromIndex('outbox', 'by-item', item.id)).toEqual([
      expect.objectContaining({
        endpointId: 'a',
        revision: 1,
        attempts: 0,
        nextAttemptAt: 1000,
        batchId: null,
      }),
      expect.objectContaining({
        endpointId: 'b',
        revision: 1,
        attempts: 0,
        nextAttemptAt: 1000,
        batchId: null,
      }),
    ]);
    expect(await pendingItemCount(db)).toBe(1);

    // A "new" item whose id is already stored is refused whole: nothing is overwritten or added.
    const again = { ...item, note: 'overwritten?' };
    await expect(
      writeItemsWithRows(db, [{ item: again, endpointIds: ['c'], now: 2000 }], 'new'),
    ).rejects.toThrow();
    expect((await db.get('items', item.id))?.item.note).toBe(item.note);
    expect(await db.count('outbox')).toBe(2);
    expect(await pendingItemCount(db)).toBe(1);
    db.close();
  });

  it('replaces a revision that still has rows, keeps it waiting for them, and counts it once', async () => {
    const db = await openDb();
    const item = makeItem();
    await writeItemsWithRows(db, [{ item, endpointIds: ['a', 'b'], now: 1000 }], 'new');
    expect(await pendingItemCount(db)).toBe(1);

    // Revision 2 routed to 'a' only: a's row carries revision 2, b's row of revision 1 is left.
    const edited = { ...item, revision: 2, note: 'edited' };
    await writeItemsWithRows(db, [{ item: edited, endpointIds: ['a'], now: 2000 }], 'revision');
    expect(await db.get('items', item.id)).toEqual({ item: edited, sentAt: null, pending: 1 });
    const rows = await db.getAllFromIndex('outbox', 'by-item', item.id);
    expect(rows.map((r) => [r.endpointId, r.revision, r.nextAttemptAt])).toEqual([
      ['a', 2, 2000],
      ['b', 1, 1000],
    ]);
    expect(await pendingItemCount(db)).toBe(1);

    // Undo routed nowhere: still waiting, since b's row is still owed.
    const undone = { ...edited, revision: 3, deleted: true };
    await writeItemsWithRows(db, [{ item: undone, endpointIds: [], now: 3000 }], 'revision');
    expect((await db.get('items', item.id))?.pending).toBe(1);
    expect(await pendingItemCount(db)).toBe(1);
    expect(await db.countFromIndex('items', 'by-pending')).toBe(1);
    db.close();
  });

  it('leaves a revision with no rows and no endpoints out of the count', async () => {
    const db = await openDb();
    const item = makeItem();
    await writeItemsWithRows(db, [{ item, endpointIds: [], now: 0 }], 'revision');
    expect(await db.get('items', item.id)).toEqual({ item, sentAt: null });
    expect(await pendingItemCount(db)).toBe(0);
    db.close();
  });
});
