import { type PlannedBatch, planBatches } from '../batching';
import type { Endpoint } from '../config';
import type { EarmarkDatabase, OutboxRow } from '../db';
import { renderBody } from '../formats';
import { postBatch } from '../post';
import type { Item } from '../schema';
import { signBatch } from '../signing';
import { pausedEndpoints, recordEndpoint } from './endpoint-state';
import { decide } from './outcome';
import { settleDelivered, settleFailed } from './settle';

/** What a flush needs from the outside world, injected so tests can fake time and network. */
export interface DeliveryDeps {
  db: EarmarkDatabase;
  endpoints: Endpoint[];
  fetch: typeof fetch;
  now: () => number;
  newBatchId: () => string;
  /** Identifies this worker instance: leases held by another (killed) instance are void. */
  workerId?: string;
  /** False while the browser is offline: nothing is attempted and no attempt is burned. */
  isOnline?: () => boolean;
  /** How long a flush owns the rows it sends; must exceed the request timeout. */
  leaseMs?: number;
  /** Multiplies the retry schedule (1 in production; tests shorten it). */
  retryScale?: number;
}

/** Summary of one flush. */
export interface FlushResult {
  delivered: number;
  failed: number;
  /** Earliest time a live row becomes due again, null when none is waiting. */
  nextDueAt: number | null;
}

const DEFAULT_LEASE_MS = 20_000;
const MAX_ROWS_PER_FLUSH = 1000;

function leaseHeld(row: OutboxRow, now: number, workerId: string | undefined): boolean {
  return row.leaseUntil > now && (workerId === undefined || row.leaseOwner === workerId);
}

/** Takes a lease on the due rows of active endpoints and assigns them to batches, atomically. */
async function leaseDueRows(deps: DeliveryDeps, now: number): Promise<PlannedBatch[]> {
  const paused = await pausedEndpoints(deps.db);
  const active = new Set(
    deps.endpoints.filter((e) => e.enabled !== false && !paused.has(e.id)).map((e) => e.id),
  );
  const tx = deps.db.transaction(['outbox', 'items'], 'readwrite');
  const due: OutboxRow[] = [];
  const sizes = new Map<string, number>();
  let cursor = await tx.objectStore('outbox').index('by-due').openCursor(IDBKeyRange.upperBound(now));
  while (cursor && due.length < MAX_ROWS_PER_FLUSH) {
    const row = cursor.value;
    if (!leaseHeld(row, now, deps.workerId) && row.parkedAt === undefined && active.has(row.endpointId))
      due.push(row);
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
      Object.assign(row, { batchId: batch.batchId, leaseUntil, leaseOwner: deps.workerId });
      await tx.objectStore('outbox').put(row);
    }
  }
  await tx.done;
  return batches;
}

/** Sends one batch and settles it; true when the receiver accepted it. */
async function sendBatch(deps: DeliveryDeps, endpoint: Endpoint, batch: PlannedBatch): Promise<boolean> {
  const items = new Map<string, Item>();
  for (const row of batch.rows) {
    const stored = await deps.db.get('items', row.itemId);
    if (stored) items.set(row.itemId, stored.item);
  }
  const now = deps.now();
  if (items.size === 0) {
    await settleDelivered(deps.db, batch.rows, items, now); // nothing left to deliver
    return true;
  }
  const format = endpoint.format ?? 'json';
  const body = renderBody(format, batch.batchId, [...items.values()], now);
  // Chat services check no Standard Webhooks signature; the signed contract is the json format.
  const headers =
    format === 'json'
      ? signBatch(endpoint.secret, batch.batchId, body, now)
      : { 'content-type': 'application/json' };
  const outcome = await postBatch(deps.fetch, endpoint.url, headers, body, now);
  const online = deps.isOnline?.() ?? true;
  const decision = decide(outcome, { online, rows: batch.rows.length, nowMs: now });
  const settledAt = deps.now();
  if (decision.kind === 'delivered') {
    await settleDelivered(deps.db, batch.rows, items, settledAt);
    await recordEndpoint(deps.db, endpoint.id, settledAt, 'healthy', null);
    return true;
  }
  await settleFailed(deps.db, batch.rows, decision, settledAt, deps.newBatchId, deps.retryScale);
  if (decision.kind === 'pause')
    await recordEndpoint(deps.db, endpoint.id, settledAt, 'paused', decision.reason);
  else if (decision.kind === 'retry' || decision.kind === 'skew') {
    const reason = decision.kind === 'skew' ? decision.reason : decision.error;
    await recordEndpoint(deps.db, endpoint.id, settledAt, 'retrying', reason);
  }
  return false;
}

/** Earliest nextAttemptAt of a live row, null when nothing is waiting to be sent. */
async function nextDue(db: EarmarkDatabase): Promise<number | null> {
  const cursor = await db.transaction('outbox').store.index('by-due').openCursor();
  return cursor && cursor.value.parkedAt === undefined ? cursor.value.nextAttemptAt : null;
}

/**
 * Sends every due outbox row: endpoints in parallel (one down never holds up another),
 * batches of one endpoint in order. Safe to call concurrently: leased rows are skipped.
 */
export async function flush(deps: DeliveryDeps): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, failed: 0, nextDueAt: null };
  // Offline: nothing is attempted and no timer is set (which would spin); the `online` event or
  // the alarm starts the next flush.
  if (deps.isOnline && !deps.isOnline()) return result;
  const batches = await leaseDueRows(deps, deps.now());
  const byEndpoint = new Map<string, PlannedBatch[]>();
  for (const batch of batches)
    byEndpoint.set(batch.endpointId, [...(byEndpoint.get(batch.endpointId) ?? []), batch]);
  await Promise.all(
    deps.endpoints.map(async (endpoint) => {
      for (const batch of byEndpoint.get(endpoint.id) ?? []) {
        if (await sendBatch(deps, endpoint, batch)) result.delivered += batch.rows.length;
        else result.failed += batch.rows.length;
      }
    }),
  );
  result.nextDueAt = await nextDue(deps.db);
  return result;
}
