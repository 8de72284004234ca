import type { Item } from '../schema';
import type { EarmarkDatabase, StoredItem } from '../store/db';
import { pendingTally } from '../store/pending-count';
import { newOutboxRow } from '../store/queue';

// Read-write transactions over the same stores run one after another, so one transaction per
// capture made each capture wait for the previous one's commit: a burst was bound by commit
// latency (~4 ms each on the bench machine), with the worker mostly idle. Captures that arrive
// while a commit is in flight now share the next transaction (group commit). A lone capture is
// written at once, as before. A brand-new capture (fresh UUIDv7 id) has nothing stored yet, so it
// is written without reading first.

interface Pending {
  item: Item;
  endpointIds: string[];
  now: number;
  done(error?: unknown): void;
}

interface Group {
  queued: Pending[];
  writing: boolean;
}

const groups = new WeakMap<EarmarkDatabase, Group>();

/** Writes some new captures and their outbox rows in one transaction (default durability). */
async function writeTogether(db: EarmarkDatabase, batch: Pending[]): Promise<void> {
  // Default durability: these are the agents' captures, and nothing else holds them yet.
  const tx = db.transaction(['items', 'outbox'], 'readwrite');
  const tally = pendingTally(db);
  const writes: Promise<unknown>[] = [];
  let waiting = 0;
  for (const { item, endpointIds, now } of batch) {
    const stored: StoredItem = { item, sentAt: null };
    if (endpointIds.length > 0) {
      stored.pending = 1;
      waiting++;
    }
    writes.push(tx.objectStore('items').add(stored)); // add: never overwrite an existing id
    for (const endpointId of endpointIds) {
      writes.push(tx.objectStore('outbox').put(newOutboxRow(item, endpointId, now)));
    }
  }
  await Promise.all([...writes, tx.done]);
  tally.add(waiting);
}

/** Commits everything queued, then whatever queued meanwhile, until the queue is empty. */
async function drain(db: EarmarkDatabase, group: Group): Promise<void> {
  group.writing = true;
  try {
    while (group.queued.length > 0) {
      const batch = group.queued.splice(0);
      try {
        await writeTogether(db, batch);
        for (const entry of batch) entry.done();
      } catch (error) {
        if (batch.length === 1) batch[0]?.done(error);
        // One bad capture must not fail the others it happened to share a transaction with.
        else for (const entry of batch) await writeTogether(db, [entry]).then(() => entry.done(), entry.done);
      }
    }
  } finally {
    group.writing = false; // never leave later captures waiting on a drain that stopped
  }
}

/**
 * Stores a new capture (revision 1, a fresh id) and its outbox rows atomically; resolves once
 * committed. Concurrent captures are committed together.
 */
export function saveCapture(
  db: EarmarkDatabase,
  item: Item,
  endpointIds: string[],
  now: number,
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
      done: (error) => (error === undefined ? resolve() : reject(error)),
    });
    if (!current.writing) void drain(db, current);
  });
}
