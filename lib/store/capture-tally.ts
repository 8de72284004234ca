import type { EarmarkDatabase } from './db';

/** Captures kept on this device in a range, and how many of them the loop back says a lead triaged. */
export interface LocalTally {
  captures: number;
  /** With a review (reviewed, actioned or declined): the hub's "past new". */
  reviewed: number;
  actioned: number;
}

/**
 * Counts the live (not undone) items captured at or after `from` and before `to` (ISO-8601 UTC,
 * as capturedAt is stored), with the reviews the loop back stored for them. One read transaction
 * over the capture-time index, so only the range is read.
 */
export async function countCaptures(db: EarmarkDatabase, from: string, to: string): Promise<LocalTally> {
  const tally: LocalTally = { captures: 0, reviewed: 0, actioned: 0 };
  if (from >= to) return tally;
  const tx = db.transaction(['items', 'reviews']);
  const reviews = tx.objectStore('reviews');
  const range = IDBKeyRange.bound(from, to, false, true);
  let cursor = await tx.objectStore('items').index('by-captured').openCursor(range);
  while (cursor) {
    const { item } = cursor.value;
    if (!item.deleted) {
      tally.captures++;
      const review = await reviews.get(item.id);
      if (review) tally.reviewed++;
      if (review?.status === 'actioned') tally.actioned++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return tally;
}
