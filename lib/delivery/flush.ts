import type { Endpoint } from '../config/settings';
import type { Item } from '../schema';
import type { EarmarkDatabase } from '../store/db';
import type { PlannedBatch } from './batching';
import type { DeliveryDeps } from './deps';
import { renderBody } from './formats';
import { hubAuthorization } from './hub-token';
import { leaseDueRows } from './lease';
import { decide } from './outcome';
import { postBatch } from './post';
import { type EndpointOutcome, settleDelivered, settleFailed } from './settle';
import { signBatch } from './signing';

export type { DeliveryDeps };

/** Summary of one flush. */
export interface FlushResult {
  delivered: number;
  failed: number;
  /** Earliest time a live row becomes due again, null when none is waiting. */
  nextDueAt: number | null;
}

const MAX_ROWS_PER_FLUSH = 1000;
/**
 * Rows leased at a time within a flush: a small first lease gets the first request out at once,
 * and the next leases run while earlier batches are on the wire.
 */
const LEASES = { first: 100, next: 300 } as const;
/**
 * Batches of one endpoint in flight at once. One at a time left the link idle while each batch's
 * IndexedDB settle ran (the drain managed ~380 items/s); a few overlap the settles with the next
 * requests without flooding a receiver. Delivery order was never guaranteed (docs/delivery.md).
 */
export const BATCHES_IN_FLIGHT = 4;

/** Sends one batch and settles it; true when the receiver accepted it. */
async function sendBatch(
  deps: DeliveryDeps,
  endpoint: Endpoint,
  batch: PlannedBatch,
  leasedItems: ReadonlyMap<string, Item>,
): Promise<boolean> {
  // The items as read in the lease's transaction. One revised since is still sent as leased: the
  // settle keeps the newer revision's row, so that revision follows (receivers keep the highest).
  const items = new Map<string, Item>();
  for (const row of batch.rows) {
    const item = leasedItems.get(row.itemId);
    if (item) items.set(row.itemId, item);
  }
  const now = deps.now();
  if (items.size === 0) {
    await settleDelivered(deps.db, batch.rows, items, now, null); // nothing left to deliver
    return true;
  }
  const format = endpoint.format ?? 'json';
  const body = renderBody(format, batch.batchId, [...items.values()], now);
  // Chat services check no Standard Webhooks signature; the signed contract is the json format.
  const headers = {
    ...(format === 'json'
      ? signBatch(endpoint.secret, batch.batchId, body, now)
      : { 'content-type': 'application/json' }),
    ...hubAuthorization(endpoint.url, deps.hub),
  };
  const outcome = await postBatch(deps.fetch, endpoint.url, headers, body, now);
  const online = deps.isOnline?.() ?? true;
  const decision = decide(outcome, { online, rows: batch.rows.length, nowMs: now });
  const settledAt = deps.now();
  const endpointId = endpoint.id;
  if (decision.kind === 'delivered') {
    const healthy: EndpointOutcome = { endpointId, status: 'healthy', reason: null };
    await settleDelivered(deps.db, batch.rows, items, settledAt, healthy);
    return true;
  }
  let health: EndpointOutcome | null = null; // a parked or split batch says nothing about health
  if (decision.kind === 'pause') health = { endpointId, status: 'paused', reason: decision.reason };
  else if (decision.kind === 'retry' || decision.kind === 'skew') {
    const reason = decision.kind === 'skew' ? decision.reason : decision.error;
    health = { endpointId, status: 'retrying', reason };
  }
  const scale = deps.retryScale ?? 1;
  await settleFailed(deps.db, batch.rows, decision, settledAt, deps.newBatchId, scale, health);
  return false;
}

/** Batches of one endpoint, sent as they are leased, at most `limit` at once. */
interface BatchPool {
  push(batch: PlannedBatch): void;
  /** Resolves when every pushed batch has been sent and settled. */
  close(): Promise<void>;
}

function createBatchPool(limit: number, send: (batch: PlannedBatch) => Promise<void>): BatchPool {
  const waiting: PlannedBatch[] = [];
  const running = new Set<Promise<void>>();
  const next = () => {
    while (running.size < limit && waiting.length > 0) {
      const batch = waiting.shift() as PlannedBatch;
      const task: Promise<void> = send(batch)
        .catch((error: unknown) => console.error('Earmark: sending a batch failed', error))
        .finally(() => {
          running.delete(task);
          next();
        });
      running.add(task);
    }
  };
  return {
    push(batch) {
      waiting.push(batch);
      next();
    },
    async close() {
      while (running.size > 0) await Promise.race(running);
    },
  };
}

/** Earliest nextAttemptAt of a live row, null when nothing is waiting to be sent. */
async function nextDue(db: EarmarkDatabase): Promise<number | null> {
  const cursor = await db.transaction('outbox').store.index('by-due').openCursor();
  return cursor && cursor.value.parkedAt === undefined ? cursor.value.nextAttemptAt : null;
}

/**
 * Sends every due outbox row: endpoints in parallel (one down never holds up another), up to
 * BATCHES_IN_FLIGHT batches of one endpoint at a time. Safe to call concurrently: leased rows
 * are skipped.
 */
export async function flush(deps: DeliveryDeps): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, failed: 0, nextDueAt: null };
  // Offline: nothing is attempted and no timer is set (which would spin); the `online` event or
  // the alarm starts the next flush.
  if (deps.isOnline && !deps.isOnline()) return result;
  const pools = new Map<string, BatchPool>();
  const leasedItems = new Map<string, Item>();
  const poolFor = (endpoint: Endpoint) => {
    let pool = pools.get(endpoint.id);
    if (!pool) {
      pool = createBatchPool(BATCHES_IN_FLIGHT, async (batch) => {
        if (await sendBatch(deps, endpoint, batch, leasedItems)) result.delivered += batch.rows.length;
        else result.failed += batch.rows.length;
      });
      pools.set(endpoint.id, pool);
    }
    return pool;
  };
  const endpoints = new Map(deps.endpoints.map((e) => [e.id, e]));
  // A batch id leased here is not leased again in this flush: rows of a retried batch that a
  // lease's limit left behind go in a later flush, never alongside the part already in flight.
  const leasedBatchIds = new Set<string>();
  let leased = 0;
  try {
    while (leased < MAX_ROWS_PER_FLUSH) {
      const limit = Math.min(leased === 0 ? LEASES.first : LEASES.next, MAX_ROWS_PER_FLUSH - leased);
      const { batches, items } = await leaseDueRows(deps, deps.now(), {
        limit,
        skipBatchIds: leasedBatchIds,
        held: leased - result.delivered - result.failed,
      });
      for (const [id, item] of items) leasedItems.set(id, item);
      let rows = 0;
      for (const batch of batches) {
        const endpoint = endpoints.get(batch.endpointId);
        if (!endpoint) continue; // leases cover active endpoints only
        leasedBatchIds.add(batch.batchId);
        rows += batch.rows.length;
        poolFor(endpoint).push(batch);
      }
      leased += rows;
      // A short lease took everything due; what is queued meanwhile goes in the next flush.
      if (rows < limit) break;
    }
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
  result.nextDueAt = await nextDue(deps.db);
  return result;
}
