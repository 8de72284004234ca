import type { IDBPTransaction } from 'idb';
import type { Item } from '../schema';
import type { EarmarkDatabase, EarmarkDB, OutboxRow, StoredItem } from './db';
import { pendingTally } from './pending-count';

// The one place an item is written with its delivery obligations: new captures (lib/capture/commit)
// and revisions (edits, undo: saveRevision) both come here, so an item is never stored without its
// outbox rows (nor the other way round) and the pending tally follows every write.

/** An item revision to store, the endpoints owed it, and when its rows fall due. */
export interface ItemWrite {
  item: Item;
  endpointIds: string[];
  now: number;
  /** The host a new capture was made on (StoredItem.host); a revision keeps the stored one. */
  host?: string | null;
}

/**
 * `new`: brand-new captures (fresh UUIDv7 ids), written without reading first; an id already
 * stored fails the transaction instead of being overwritten. `revision`: a later revision of a
 * stored item, which replaces it and stays pending while rows of earlier revisions are left.
 */
export type WriteKind = 'new' | 'revision';

type ItemsOutboxTx = IDBPTransaction<EarmarkDB, ['items', 'outbox'], 'readwrite'>;

/** A fresh delivery obligation for this item revision, due now. */
export function newOutboxRow(item: Item, endpointId: string, now: number): OutboxRow {
  return {
    itemId: item.id,
    endpointId,
    revision: item.revision,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    bytes: JSON.stringify(item).length,
    batchId: null,
    leaseUntil: 0,
  };
}

/** Writes one item and its rows; resolves to the change in items waiting. */
async function writeOne(tx: ItemsOutboxTx, { item, endpointIds, now, host }: ItemWrite, kind: WriteKind) {
  const items = tx.objectStore('items');
  const outbox = tx.objectStore('outbox');
  const stored: StoredItem = { item, sentAt: null };
  let wasPending = false;
  if (kind === 'new') {
    if (endpointIds.length > 0) stored.pending = 1;
    else if (!item.deleted) stored.unrouted = 1; // no endpoint takes its tags yet: it waits for one
    if (host) stored.host = host;
  } else {
    const [previous, rowsLeft] = await Promise.all([
      items.get(item.id),
      outbox.index('by-item').count(item.id),
    ]);
    wasPending = Boolean(previous?.pending);
    if (previous?.host) stored.host = previous.host;
    if (endpointIds.length > 0 || rowsLeft > 0) stored.pending = 1;
    // An edit of a capture still waiting for an endpoint waits on; its undo has nothing to send.
    else if (previous?.unrouted && !item.deleted) stored.unrouted = 1;
  }
  const writes: Promise<unknown>[] = [kind === 'new' ? items.add(stored) : items.put(stored)];
  for (const endpointId of endpointIds) {
    // A new revision replaces any pending row (same item and endpoint): a batch carries the latest.
    writes.push(outbox.put(newOutboxRow(item, endpointId, now)));
  }
  await Promise.all(writes);
  return (stored.pending ? 1 : 0) - (wasPending ? 1 : 0);
}

/**
 * Stores items and their outbox rows in one transaction and resolves once it has committed; the
 * pending tally is adjusted only then. Default durability: these are the agents' captures and
 * edits, and nothing else holds them yet.
 */
export async function writeItemsWithRows(
  db: EarmarkDatabase,
  writes: readonly ItemWrite[],
  kind: WriteKind,
): Promise<void> {
  const tx = db.transaction(['items', 'outbox'], 'readwrite');
  const tally = pendingTally(db);
  const [deltas] = await Promise.all([Promise.all(writes.map((w) => writeOne(tx, w, kind))), tx.done]);
  tally.add(deltas.reduce((sum, delta) => sum + delta, 0));
}

/**
 * Gives every capture waiting for an endpoint (StoredItem.unrouted) the rows `route` now names for
 * it, in one transaction that reads and writes each item (so an edit made meanwhile is never
 * overwritten); captures it names no endpoint for keep waiting. Resolves to the number routed.
 */
export async function routeWaitingItems(
  db: EarmarkDatabase,
  route: (item: Item) => string[],
  now: number,
): Promise<number> {
  if ((await db.countFromIndex('items', 'by-unrouted')) === 0) return 0;
  const tx = db.transaction(['items', 'outbox'], 'readwrite');
  const tally = pendingTally(db);
  const outbox = tx.objectStore('outbox');
  let routed = 0;
  let newlyPending = 0;
  let cursor = await tx.objectStore('items').index('by-unrouted').openCursor();
  while (cursor) {
    const { unrouted: _unrouted, ...stored } = cursor.value;
    const endpointIds = route(stored.item);
    if (endpointIds.length > 0) {
      for (const endpointId of endpointIds) await outbox.put(newOutboxRow(stored.item, endpointId, now));
      if (!stored.pending) newlyPending++;
      await cursor.update({ ...stored, pending: 1 });
      routed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  tally.add(newlyPending);
  return routed;
}
