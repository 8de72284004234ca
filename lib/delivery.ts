import { retryDelayMs } from './backoff';
import { batchBody, type PlannedBatch, planBatches } from './batching';
import type { Endpoint } from './config';
import type { EarmarkDatabase, OutboxRow } from './db';
import { postBatch } from './post';
import type { Item } from './schema';
import { signBatch } from './signing';

/** What a flush needs from the outside world, injected so tests can fake time and network. */
export interface DeliveryDeps {
  db: EarmarkDatabase;
  endpoints: Endpoint[];
  fetch: typeof fetch;
  now: () => number;
  newBatchId: () => string;
  /** How long a flush owns the rows it sends; must exceed the request timeout. */
  leaseMs?: number;
}

/** Summary of one flush. */
export interface FlushResult {
  delivered: number;
  failed: number;
  /** Earliest time a pending row becomes due again, null when the outbox is empty. */
  nextDueAt: number | null;
}

const DEFAULT_LEASE_MS = 60_000;
const MAX_ROWS_PER_FLUSH = 1000;

/** Takes a lease on the due rows of known endpoints and assigns them to batches, atomically. */
async function leaseDueRows(deps: DeliveryDeps, now: number): Promise<PlannedBatch[]> {
  const known = new Set(deps.endpoints.map((e) => e.id));
  const tx = deps.db.transaction(['outbox', 'items'], 'readwrite');
  const due: OutboxRow[] = [];
  const sizes = new Map<string, number>();
  let cursor = await tx.objectStore('outbox').index('by-due').openCursor(IDBKeyRange.upperBound(now));
  while (cursor && due.length < MAX_ROWS_PER_FLUSH) {
    const row = cursor.value;
    if (row.leaseUntil <= now && known.has(row.endpointId)) due.push(row);
    cursor = await cursor.continue();
  }
  for (const row of due) {
    const stored = await tx.objectStore('items').get(row.itemId);
    sizes.set(row.itemId, stored ? JSON.stringify(stored.item).length : 0);
  }
  const batches = planBatches(due, deps.newBatchId, (row) => sizes.get(row.itemId) ?? 0);
  const leaseUntil = now + (deps.leaseMs ?? DEFAULT_LEASE_MS);
  for (const batch of batches) {
    for (const row of batch.rows) {
      row.batchId = batch.batchId;
      row.leaseUntil = leaseUntil;
      await tx.objectStore('outbox').put(row);
    }
  }
  await tx.done;
  return batches;
}

/** Marks a batch delivered: rows whose pending revision was sent leave the outbox. */
async function settleDelivered(
  deps: DeliveryDeps,
  batch: PlannedBatch,
  sent: Map<string, Item>,
  now: number,
) {
  const tx = deps.db.transaction(['outbox', 'items'], 'readwrite');
  for (const row of batch.rows) {
    const key: [string, string] = [row.itemId, row.endpointId];
    const current = await tx.objectStore('outbox').get(key);
    const sentItem = sent.get(row.itemId);
    const revision = sentItem?.revision ?? 0;
    if (!current) continue;
    if (!sentItem || current.revision <= revision) await tx.objectStore('outbox').delete(key);
    else await tx.objectStore('outbox').put({ ...current, leaseUntil: 0 });
    const stored = await tx.objectStore('items').get(row.itemId);
    if (stored && stored.item.revision === revision)
      await tx.objectStore('items').put({ ...stored, sentAt: now });
  }
  await tx.done;
}

/** Records a failed attempt on each row and schedules its retry. */
async function settleFailed(
  deps: DeliveryDeps,
  batch: PlannedBatch,
  error: string,
  retryAfterMs: number | null,
) {
  const now = deps.now();
  const tx = deps.db.transaction('outbox', 'readwrite');
  for (const row of batch.rows) {
    const current = await tx.store.get([row.itemId, row.endpointId]);
    if (!current) continue;
    const attempts = current.attempts + 1;
    const delay = Math.max(retryDelayMs(attempts), retryAfterMs ?? 0);
    await tx.store.put({ ...current, attempts, lastError: error, nextAttemptAt: now + delay, leaseUntil: 0 });
  }
  await tx.done;
}

/** Sends one batch; true when the receiver accepted it. */
async function sendBatch(deps: DeliveryDeps, endpoint: Endpoint, batch: PlannedBatch): Promise<boolean> {
  const items = new Map<string, Item>();
  for (const row of batch.rows) {
    const stored = await deps.db.get('items', row.itemId);
    if (stored) items.set(row.itemId, stored.item);
  }
  const now = deps.now();
  if (items.size === 0) {
    // Rows whose item vanished have nothing left to deliver.
    await settleDelivered(deps, batch, items, now);
    return true;
  }
  const body = batchBody(batch.batchId, [...items.values()], now);
  const headers = signBatch(endpoint.secret, batch.batchId, body, now);
  const outcome = await postBatch(deps.fetch, endpoint.url, headers, body, now);
  if (outcome.ok) await settleDelivered(deps, batch, items, deps.now());
  else await settleFailed(deps, batch, outcome.error, outcome.retryAfterMs);
  return outcome.ok;
}

/** Earliest nextAttemptAt in the outbox, null when nothing is pending. */
async function nextDue(db: EarmarkDatabase): Promise<number | null> {
  const cursor = await db.transaction('outbox').store.index('by-due').openCursor();
  return cursor ? cursor.value.nextAttemptAt : null;
}

/**
 * Sends every due outbox row: endpoints in parallel (one down never holds up another),
 * batches of one endpoint in order. Safe to call concurrently: leased rows are skipped.
 */
export async function flush(deps: DeliveryDeps): Promise<FlushResult> {
  const batches = await leaseDueRows(deps, deps.now());
  const result: FlushResult = { delivered: 0, failed: 0, nextDueAt: null };
  const byEndpoint = new Map<string, PlannedBatch[]>();
  for (const batch of batches)
    byEndpoint.set(batch.endpointId, [...(byEndpoint.get(batch.endpointId) ?? []), batch]);
  await Promise.all(
    deps.endpoints.map(async (endpoint) => {
      for (const batch of byEndpoint.get(endpoint.id) ?? []) {
        if (batch.rows.length === 0) continue;
        const ok = await sendBatch(deps, endpoint, batch);
        if (ok) result.delivered += batch.rows.length;
        else result.failed += batch.rows.length;
      }
    }),
  );
  result.nextDueAt = await nextDue(deps.db);
  return result;
}
