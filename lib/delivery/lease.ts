import type { Item } from '../schema';
import type { OutboxRow } from '../store/db';
import { type PlannedBatch, planBatches } from './batching';
import type { DeliveryDeps } from './deps';
import { pausedEndpoints } from './endpoint-state';
import { batchLimits, renderedSize } from './formats';
import { readItems } from './span-read';

const DEFAULT_LEASE_MS = 20_000;

/** What one lease takes: at most `limit` rows, none of a batch already leased in this flush. */
export interface LeaseOptions {
  limit: number;
  skipBatchIds: ReadonlySet<string>;
  /** Rows this flush holds leases on (still due, so read again and skipped). */
  held: number;
}

function leaseHeld(row: OutboxRow, now: number, workerId: string | undefined): boolean {
  return row.leaseUntil > now && (workerId === undefined || row.leaseOwner === workerId);
}

/** Leased rows in their batches, and the items they carry as read in the lease's transaction. */
export interface Lease {
  batches: PlannedBatch[];
  items: Map<string, Item>;
}

/**
 * Takes a lease on due rows of active endpoints and assigns them to batches, atomically, reading
 * their items in the same transaction (one read for a whole lease, not one per batch). The due
 * rows are read a page at a time; only when a page holds too few rows that can be sent now (most
 * leased, or owed to paused endpoints) does it walk the index row by row.
 */
export async function leaseDueRows(
  deps: DeliveryDeps,
  now: number,
  { limit, skipBatchIds, held }: LeaseOptions,
): Promise<Lease> {
  const paused = await pausedEndpoints(deps.db);
  const active = new Set(
    deps.endpoints.filter((e) => e.enabled !== false && !paused.has(e.id)).map((e) => e.id),
  );
  const sendable = (row: OutboxRow) =>
    !leaseHeld(row, now, deps.workerId) &&
    row.parkedAt === undefined &&
    active.has(row.endpointId) &&
    !(row.batchId && skipBatchIds.has(row.batchId));
  // Relaxed: a lease lost to a power cut only means the rows are leased again.
  const tx = deps.db.transaction(['outbox', 'items'], 'readwrite', { durability: 'relaxed' });
  const byDue = tx.objectStore('outbox').index('by-due');
  const range = IDBKeyRange.upperBound(now);
  const pageSize = held + 2 * limit + 100;
  const page = await byDue.getAll(range, pageSize);
  let due = page.filter(sendable).slice(0, limit);
  if (due.length < limit && page.length === pageSize) {
    due = [];
    let cursor = await byDue.openCursor(range);
    while (cursor && due.length < limit) {
      if (sendable(cursor.value)) due.push(cursor.value);
      cursor = await cursor.continue();
    }
  }
  const stored = await readItems(
    tx.objectStore('items'),
    due.map((row) => row.itemId),
  );
  const items = new Map<string, Item>([...stored].map(([id, entry]) => [id, entry.item]));
  const formatOf = (endpointId: string) => deps.endpoints.find((e) => e.id === endpointId)?.format ?? 'json';
  // Rows queued since sizes were recorded carry theirs; older ones are measured from the item.
  // Teams batches are sized by the rendered card, so each holds only what shows in full.
  const sizeOf = (row: OutboxRow) => {
    const item = items.get(row.itemId);
    const rendered = item ? renderedSize(formatOf(row.endpointId), item) : null;
    return rendered ?? row.bytes ?? (item ? JSON.stringify(item).length : 0);
  };
  const batches = planBatches(due, deps.newBatchId, sizeOf, (id) => batchLimits(formatOf(id)));
  const leaseUntil = now + (deps.leaseMs ?? DEFAULT_LEASE_MS);
  const writes: Promise<unknown>[] = [];
  for (const batch of batches) {
    for (const row of batch.rows) {
      Object.assign(row, { batchId: batch.batchId, leaseUntil, leaseOwner: deps.workerId });
      writes.push(tx.objectStore('outbox').put(row));
    }
  }
  await Promise.all([...writes, tx.done]);
  return { batches, items };
}
