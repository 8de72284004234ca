import type { Item } from '../schema';
import type { EarmarkDatabase, OutboxRow } from '../store/db';
import { clearPendingIfDone } from '../store/queue';

/** A parked delivery as an admin exports it. */
export interface DeadLetter {
  endpointId: string;
  parkedAt: string;
  reason: string;
  item: Item | null;
}

async function parkedRows(db: EarmarkDatabase): Promise<OutboxRow[]> {
  return db.getAllFromIndex('outbox', 'by-parked');
}

/** Every dead letter with its item, for export as JSON. */
export async function exportDeadLetters(db: EarmarkDatabase): Promise<DeadLetter[]> {
  const rows = await parkedRows(db);
  return Promise.all(
    rows.map(async (row) => ({
      endpointId: row.endpointId,
      parkedAt: new Date(row.parkedAt ?? 0).toISOString(),
      reason: row.parkedReason ?? 'unknown',
      item: (await db.get('items', row.itemId))?.item ?? null,
    })),
  );
}

/** A dead letter made live again: due now, with a fresh batch and attempt count. */
export function revivedRow(row: OutboxRow, now: number): OutboxRow {
  const {
    parkedAt: _at,
    parkedReason: _reason,
    parkedForRemoval: _removal,
    firstFailureAt: _first,
    ...live
  } = row;
  return { ...live, attempts: 0, nextAttemptAt: now, batchId: null, leaseUntil: 0, lastError: null };
}

/**
 * Puts every dead letter back in the queue, due now. Given the endpoints configured now, a dead
 * letter owed to any other endpoint stays parked: nothing could send it.
 */
export async function retryDeadLetters(
  db: EarmarkDatabase,
  now: number,
  configured?: ReadonlySet<string>,
): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.index('by-parked').openCursor();
  let count = 0;
  while (cursor) {
    if (!configured || configured.has(cursor.value.endpointId)) {
      await cursor.update(revivedRow(cursor.value, now));
      count++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return count;
}

/** How many dead letters each reason stands for, most first, among the oldest `limit`. */
export async function deadLetterReasons(
  db: EarmarkDatabase,
  limit = 1000,
): Promise<Array<{ reason: string; count: number }>> {
  const counts = new Map<string, number>();
  for (const row of await db.getAllFromIndex('outbox', 'by-parked', null, limit)) {
    const reason = row.parkedReason ?? 'unknown';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** Deletes every dead letter (after the admin confirmed); items no longer pending lose the flag. */
export async function discardDeadLetters(db: EarmarkDatabase): Promise<number> {
  const tx = db.transaction(['outbox', 'items'], 'readwrite');
  const rows = await tx.objectStore('outbox').index('by-parked').getAll();
  for (const row of rows) await tx.objectStore('outbox').delete([row.itemId, row.endpointId]);
  await clearPendingIfDone(
    tx,
    rows.map((r) => r.itemId),
  );
  await tx.done;
  return rows.length;
}
