import type { Item } from '../schema';
import type { EarmarkDatabase } from '../store/db';
import { type ItemWrite, writeItemsWithRows } from '../store/item-writes';

// Read-write transactions over the same stores run one after another, so one transaction per
// capture made each capture wait for the previous one's commit: a burst was bound by commit
// latency (~4 ms each on the bench machine), with the worker mostly idle. Captures that arrive
// while a commit is in flight now share the next transaction (group commit). A lone capture is
// written at once, as before. A brand-new capture (fresh UUIDv7 id) has nothing stored yet, so it
// is written without reading first (writeItemsWithRows 'new', default durability).

interface Pending extends ItemWrite {
  done(error?: unknown): void;
}

interface Group {
  queued: Pending[];
  writing: boolean;
}

const groups = new WeakMap<EarmarkDatabase, Group>();

/** Commits everything queued, then whatever queued meanwhile, until the queue is empty. */
async function drain(db: EarmarkDatabase, group: Group): Promise<void> {
  group.writing = true;
  try {
    while (group.queued.length > 0) {
      const batch = group.queued.splice(0);
      try {
        await writeItemsWithRows(db, batch, 'new');
        for (const entry of batch) entry.done();
      } catch (error) {
        if (batch.length === 1) {
          batch[0]?.done(error);
        } else {
          // One bad capture must not fail the others it happened to share a transaction with.
          for (const entry of batch) {
            await writeItemsWithRows(db, [entry], 'new').then(() => entry.done(), entry.done);
          }
        }
      }
    }
  } finally {
    group.writing = false; // never leave later captures waiting on a drain that stopped
  }
}

/**
 * Stores a new capture (revision 1, a fresh id) and its outbox rows atomically; resolves once
 * committed. Concurrent captures are committed together. `host`: the page's host it was made on.
 */
export function saveCapture(
  db: EarmarkDatabase,
  item: Item,
  endpointIds: string[],
  now: number,
  host: string | null = null,
): Promise<void> {
  let group = groups.get(db);
  if (!group) {
    group = { queued: [], writing: false };
    groups.set(db, group);
  }
  const current = group;
  return new Promise((resolve, reject) => {
    current.queued.push({
      item,
      endpointIds,
      now,
      host,
      done: (error) => (error === undefined ? resolve() : reject(error)),
    });
    if (!current.writing) void drain(db, current);
  });
}
