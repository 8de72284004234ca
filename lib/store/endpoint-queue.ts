import type { Item } from '../schema';
import type { EarmarkDatabase, OutboxRow } from './db';
import { clearPendingIfDone } from './queue';

/** The queue as seen by one endpoint, for deleting an endpoint without losing items. */

async function rowsFor(db: EarmarkDatabase, endpointId: string): Promise<OutboxRow[]> {
  return db.getAllFromIndex('outbox', 'by-endpoint', endpointId);
}

/** Outbox rows (waiting or parked) still owed to this endpoint. Read-only. */
export async function queuedCount(db: EarmarkDatabase, endpointId: string): Promise<number> {
  return (await rowsFor(db, endpointId)).length;
}

/** The items still owed to one endpoint, as an admin downloads them before deleting it. */
export interface QueuedExport {
  type: 'earmark.queued-items.v1';
  endpointId: string;
  exportedAt: string;
  items: Item[];
}

/** Reads (without changing anything) the items still owed to this endpoint, latest revisions. */
export async function exportQueued(
  db: EarmarkDatabase,
  endpointId: string,
  now: number,
): Promise<QueuedExport> {
  const rows = await rowsFor(db, endpointId);
  const items: Item[] = [];
  for (const row of rows) {
    const stored = await db.get('items', row.itemId);
    if (stored) items.push(stored.item);
  }
  return { type: 'earmark.queued-items.v1', endpointId, exportedAt: new Date(now).toISOString(), items };
}

/** Which item revisions were exported for an endpoint (a QueuedExport is one). */
export interface ExportedRevisions {
  endpointId: string;
  items: ReadonlyArray<Pick<Item, 'id' | 'revision'>>;
}

/**
 * Deletes this endpoint's rows for exactly the item revisions that were exported, plus its health
 * record. A row queued or revised after the export stays; the count of such rows is returned, so
 * the caller keeps the endpoint rather than lose them.
 */
export async function dropExported(db: EarmarkDatabase, exported: ExportedRevisions): Promise<number> {
  const revisions = new Map(exported.items.map((item) => [item.id, item.revision]));
  const tx = db.transaction(['outbox', 'items', 'endpoints'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  let remaining = 0;
  const touched: string[] = [];
  let cursor = await outbox.index('by-endpoint').openCursor(exported.endpointId);
  while (cursor) {
    const row = cursor.value;
    const revision = revisions.get(row.itemId);
    if (revision !== undefined && row.revision <= revision) {
      await cursor.delete();
      touched.push(row.itemId);
    } else remaining++;
    cursor = await cursor.continue();
  }
  await clearPendingIfDone(tx, touched);
  if (remaining === 0) await tx.objectStore('endpoints').delete(exported.endpointId);
  await tx.done;
  return remaining;
}
