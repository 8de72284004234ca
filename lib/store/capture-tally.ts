import type { EarmarkDatabase } from './db';

/** Captures kept on this device in a range, and how many of them the loop back says a lead triaged. */
export interface LocalTally {
  captures: number;
  /** With a review (reviewed, actioned or declined): the hub's "past new". */
  reviewed: number;
  actioned: number;
}

/** Items read per transaction: short read transactions keep the queue's writes from waiting behind a count. */
const CHUNK = 1000;

/** Where the last chunk stopped in the capture-time index: its key and the item's id. */
interface Position {
  key: string;
  id: string;
}

/**
 * Counts the live (not undone) items captured at or after `from` and before `to` (ISO-8601 UTC,
 * as capturedAt is stored), with the reviews the loop back stored for them. The capture-time index
 * is read in chunks of `chunk` items, each in its own short transaction: a queue of 100,000 this
 * week would otherwise hold one read transaction open for seconds, and every write to the items
 * (a capture, a delivery) would wait for it.
 */
export async function countCaptures(
  db: EarmarkDatabase,
  from: string,
  to: string,
  chunk = CHUNK,
): Promise<LocalTally> {
  const tally: LocalTally = { captures: 0, reviewed: 0, actioned: 0 };
  if (from >= to) return tally;
  // Reviews are few (what leads triaged of this agent's captures): read once.
  const reviews = new Map((await db.getAll('reviews')).map((r) => [r.itemId, r.status]));
  let after: Position | null = null;
  for (;;) {
    const tx = db.transaction('items');
    const range = IDBKeyRange.bound(after?.key ?? from, to, false, true);
    let cursor = await tx.store.index('by-captured').openCursor(range);
    // Resume just past the last item read: several items may share a capture time.
    if (cursor && after && indexedDB.cmp(cursor.primaryKey, after.id) < 0) {
      cursor = await cursor.continuePrimaryKey(after.key, after.id);
    }
    if (cursor && after && cursor.key === after.key && cursor.primaryKey === after.id) {
      cursor = await cursor.continue();
    }
    let read = 0;
    while (cursor && read < chunk) {
      const { item } = cursor.value;
      if (!item.deleted) {
        tally.captures++;
        const status = reviews.get(item.id);
        if (status) tally.reviewed++;
        if (status === 'actioned') tally.actioned++;
      }
      after = { key: cursor.key, id: cursor.primaryKey };
      read++;
      cursor = await cursor.continue();
    }
    await tx.done;
    if (!cursor) return tally;
  }
}
