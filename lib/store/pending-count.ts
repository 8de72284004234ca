import type { EarmarkDatabase } from './db';

// "Items waiting" is asked on every capture (the queue cap) and every popup refresh. Counting the
// by-pending index each time costs O(queue) (the capture rate fell from 277 to 34/s over a 10k
// burst), so it is counted once per database connection, i.e. once per worker start, and then
// kept by every write that sets or clears an item's pending flag. The count lives in memory only:
// a killed worker loses it and the next one counts again, so it is never stale across restarts.
//
// IndexedDB runs a read-write transaction after every overlapping transaction created before it,
// and before those created after it. A writer takes `pendingTally` while its transaction is open
// and adds its change once committed. If the count was still running when the tally was taken, the
// count may or may not include the write, so the count is started again instead (this can only
// happen around the first count of a worker); a count started after the tally includes the write.

/** A running count that writers adjust after their transaction commits. */
export interface PendingTally {
  add(delta: number): void;
}

interface Count {
  value: Promise<number>;
  settled: boolean;
}

const counts = new WeakMap<EarmarkDatabase, Count>();

/** Items with an outbox row (dead letters included), counted once then maintained. */
export function pendingItemCount(db: EarmarkDatabase): Promise<number> {
  let count = counts.get(db);
  if (!count) {
    const created: Count = { value: db.countFromIndex('items', 'by-pending'), settled: false };
    created.value.then(
      () => {
        created.settled = true;
      },
      () => {
        if (counts.get(db) === created) counts.delete(db); // count again next time
      },
    );
    counts.set(db, created);
    count = created;
  }
  return count.value;
}

/** The tally a writer adjusts; take it while the writing transaction is open, add after commit. */
export function pendingTally(db: EarmarkDatabase): PendingTally {
  const count = counts.get(db);
  const running = count !== undefined && !count.settled;
  return {
    add(delta) {
      if (!count || delta === 0 || counts.get(db) !== count) return; // a newer count includes it
      if (running) counts.delete(db);
      else count.value = count.value.then((value) => value + delta);
    },
  };
}
