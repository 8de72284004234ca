import type { IDBPTransaction } from 'idb';
import type { Item } from '../schema';
import type { EarmarkDatabase, EarmarkDB, OutboxRow, StoredItem } from './db';
import { writeItemsWithRows } from './item-writes';
import { pendingItemCount, pendingTally } from './pending-count';

/**
 * Stores an item revision (an edit, an undo, or any item not known to be new) and its outbox rows
 * in one transaction, so an item is never stored without its delivery obligations.
 */
export function saveRevision(
  db: EarmarkDatabase,
  item: Item,
  endpointIds: string[],
  now: number,
): Promise<void> {
  return writeItemsWithRows(db, [{ item, endpointIds, now }], 'revision');
}

/** A capture with the outbox rows it still has. */
export interface CaptureWithRows {
  stored: StoredItem;
  rows: OutboxRow[];
}

/** How many of the newest captures a filtered `recentWithRows` looks through at most. */
export const RECENT_SCAN_LIMIT = 2_000;

/**
 * The newest captures not deleted (and, given a filter, that it keeps), newest first, through the
 * capturedAt index, each with its outbox rows, read in one transaction: read apart, a delivery
 * settling in between (rows deleted, sentAt set) could show a capture with neither rows nor a sent
 * time, which reads as "no endpoint" for a moment. A filter looks through at most the newest
 * RECENT_SCAN_LIMIT captures, so a site with none is no scan of the whole history.
 */
export async function recentWithRows(
  db: EarmarkDatabase,
  limit: number,
  keep: (stored: StoredItem) => boolean = () => true,
): Promise<CaptureWithRows[]> {
  const tx = db.transaction(['items', 'outbox']);
  const shown: StoredItem[] = [];
  let looked = 0;
  let cursor = await tx.objectStore('items').index('by-captured').openCursor(null, 'prev');
  while (cursor && shown.length < limit && looked < RECENT_SCAN_LIMIT) {
    looked++;
    if (!cursor.value.item.deleted && keep(cursor.value)) shown.push(cursor.value);
    cursor = await cursor.continue();
  }
  const byItem = tx.objectStore('outbox').index('by-item');
  const rows = await Promise.all(shown.map((stored) => byItem.getAll(stored.item.id)));
  await tx.done;
  return shown.map((stored, i) => ({ stored, rows: rows[i] ?? [] }));
}

/** Outbox rows still pending (or parked) for an item. */
export async function rowsForItem(db: EarmarkDatabase, itemId: string): Promise<OutboxRow[]> {
  return db.getAllFromIndex('outbox', 'by-item', itemId);
}

/** Number of item × endpoint deliveries still pending, dead letters included. */
export async function pendingCount(db: EarmarkDatabase): Promise<number> {
  return db.count('outbox');
}

/** Items waiting (the queue cap's measure): a running count, not a scan (see pending-count). */
export function pendingItems(db: EarmarkDatabase): Promise<number> {
  return pendingItemCount(db);
}

/** Captures saved with no endpoint to take them, waiting for one (not counted as pending). */
export function unroutedItems(db: EarmarkDatabase): Promise<number> {
  return db.countFromIndex('items', 'by-unrouted');
}

/** Queue size in items, dead letters, and the capture time of the oldest waiting item. */
export async function queueStats(
  db: EarmarkDatabase,
): Promise<{ pendingItems: number; parkedRows: number; oldestPendingAt: string | null }> {
  const tx = db.transaction(['items', 'outbox']);
  const [pendingItems, parkedRows, oldest] = await Promise.all([
    pendingItemCount(db),
    // Dead letters are few (an admin clears them), so counting their index stays cheap.
    tx.objectStore('outbox').index('by-parked').count(),
    // Item ids are UUIDv7, so within the index the first key is the oldest capture.
    tx.objectStore('items').index('by-pending').openCursor(),
  ]);
  return { pendingItems, parkedRows, oldestPendingAt: oldest?.value.item.capturedAt ?? null };
}

/** A read-write transaction over at least the items and outbox stores. */
type ItemsOutboxTx = IDBPTransaction<
  EarmarkDB,
  ['outbox', 'items'] | ['outbox', 'items', 'endpoints'],
  'readwrite'
>;

/** Clears the pending flag of items no outbox row is owed for any more (the queue size is that index). */
export async function clearPendingIfDone(tx: ItemsOutboxTx, itemIds: Iterable<string>): Promise<void> {
  const tally = pendingTally(tx.db);
  let cleared = 0;
  for (const itemId of new Set(itemIds)) {
    if ((await tx.objectStore('outbox').index('by-item').count(itemId)) > 0) continue;
    const stored = await tx.objectStore('items').get(itemId);
    if (stored?.pending) {
      const { pending: _pending, ...rest } = stored;
      await tx.objectStore('items').put(rest);
      cleared++;
    }
  }
  tx.done.then(
    () => tally.add(-cleared),
    () => {}, // aborted: nothing changed
  );
}
