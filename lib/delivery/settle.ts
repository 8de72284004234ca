import type { IDBPTransaction } from 'idb';
import type { Item } from '../schema';
import type { EarmarkDatabase, EarmarkDB, EndpointState, OutboxRow, StoredItem } from '../store/db';
import { pendingTally } from '../store/pending-count';
import { retryDelayMs } from './backoff';
import { healthyState } from './endpoint-state';
import type { Decision } from './outcome';
import { readItems, readOutboxRowsOfItems } from './span-read';

/** A failing row is parked after this long, never before. */
export const PARK_AFTER_MS = 7 * 24 * 60 * 60_000;
/** Dead letters sort after every live row in the by-due index. */
export const NEVER = Number.MAX_SAFE_INTEGER;
/** How soon an offline or clock-skewed row is looked at again (the alarm may come first). */
const RECHECK_MS = 30_000;

/** Parks a row that has failed for PARK_AFTER_MS, keeping the last error as the reason. */
function parkAfterSevenDays(row: OutboxRow, now: number, error: string): void {
  Object.assign(row, {
    parkedAt: now,
    parkedReason: `Undeliverable for 7 days: ${error}`,
    nextAttemptAt: NEVER,
  });
}

type Key = [string, string];
const keyOf = (row: OutboxRow): Key => [row.itemId, row.endpointId];

/** Delivery bookkeeping can be redone (a lost settle only means a re-send the receiver dedupes),
 * so it skips the flush to disk that guards against power loss: see docs/delivery.md. */
const RELAXED = { durability: 'relaxed' } as const;

/** How an attempt leaves its endpoint's health, recorded in the settle's own transaction. */
export interface EndpointOutcome {
  endpointId: string;
  status: EndpointState['status'];
  reason: string | null;
}

type SettleTx = IDBPTransaction<EarmarkDB, ['outbox', 'items', 'endpoints'], 'readwrite'>;

/** Records an attempt's effect on an endpoint's health; `since` moves only when the status changes. */
async function recordOutcome(tx: SettleTx, outcome: EndpointOutcome, now: number): Promise<void> {
  const store = tx.objectStore('endpoints');
  const previous = (await store.get(outcome.endpointId)) ?? healthyState(outcome.endpointId, now);
  await store.put({
    ...previous,
    status: outcome.status,
    reason: outcome.reason,
    since: previous.status === outcome.status ? previous.since : now,
    lastAttemptAt: now,
    lastSuccessAt: outcome.status === 'healthy' ? now : previous.lastSuccessAt,
  });
}

/**
 * Settles a delivered batch in one transaction: rows whose pending revision was sent leave the
 * outbox, items with no row left lose their pending flag, and the endpoint is recorded healthy.
 * The batch's rows and items are read with span reads (span-read.ts), and the writes issued
 * together (IndexedDB runs them in order within the transaction).
 */
export async function settleDelivered(
  db: EarmarkDatabase,
  rows: OutboxRow[],
  sent: Map<string, Item>,
  now: number,
  outcome: EndpointOutcome | null,
) {
  const tx = db.transaction(['outbox', 'items', 'endpoints'], 'readwrite', RELAXED);
  const tally = pendingTally(db);
  const outbox = tx.objectStore('outbox');
  const items = tx.objectStore('items');
  const ids = rows.map((row) => row.itemId);
  // Each item's rows for every endpoint: another endpoint's row may keep the item pending.
  const [owed, stored] = await Promise.all([
    readOutboxRowsOfItems(outbox, outbox.index('by-item'), ids),
    readItems(items, ids),
  ]);
  const left = new Map([...owed].map(([id, list]) => [id, list.length]));
  const live = rows.map((row) => owed.get(row.itemId)?.find((r) => r.endpointId === row.endpointId));
  const writes: Promise<unknown>[] = [];
  for (const [index, row] of rows.entries()) {
    const current = live[index];
    if (!current) continue;
    const sentItem = sent.get(row.itemId);
    if (!sentItem || current.revision <= sentItem.revision) {
      writes.push(outbox.delete(keyOf(row)));
      left.set(row.itemId, (left.get(row.itemId) ?? 1) - 1);
    } else writes.push(outbox.put({ ...current, leaseUntil: 0 }));
  }
  let cleared = 0;
  const updates: Promise<unknown>[] = [];
  for (const [index, row] of rows.entries()) {
    const item = stored.get(row.itemId);
    if (!item || !live[index]) continue;
    const sentItem = sent.get(row.itemId);
    const next: StoredItem = { ...item };
    if (sentItem && item.item.revision === sentItem.revision) next.sentAt = now;
    if (left.get(row.itemId) === 0 && next.pending) {
      delete next.pending;
      cleared++;
    }
    updates.push(items.put(next));
  }
  if (outcome) updates.push(recordOutcome(tx, outcome, now));
  await Promise.all([...writes, ...updates, tx.done]);
  tally.add(-cleared);
}

/** Applies a non-delivered decision to each row of the batch, and the endpoint's new health. */
export async function settleFailed(
  db: EarmarkDatabase,
  rows: OutboxRow[],
  decision: Exclude<Decision, { kind: 'delivered' }>,
  now: number,
  newBatchId: () => string,
  retryScale: number,
  outcome: EndpointOutcome | null,
) {
  const halves = decision.kind === 'split' ? [newBatchId(), newBatchId()] : [];
  const tx = db.transaction(['outbox', 'items', 'endpoints'], 'readwrite', RELAXED);
  const store = tx.objectStore('outbox');
  const current = await Promise.all(rows.map((row) => store.get(keyOf(row))));
  // One delay for the whole batch (jitter drawn once), so its rows stay together on retry.
  const attempts = Math.max(0, ...current.map((r) => r?.attempts ?? 0)) + 1;
  const delay =
    decision.kind === 'retry' ? Math.max(retryDelayMs(attempts) * retryScale, decision.retryAfterMs ?? 0) : 0;
  const writes: Promise<unknown>[] = [];
  for (const [index, row] of current.entries()) {
    // Gone, or parked while in flight (its endpoint was removed): an attempt's outcome changes neither.
    if (!row || row.parkedAt !== undefined) continue;
    const next: OutboxRow = { ...row, leaseUntil: 0 };
    delete next.leaseOwner;
    if (decision.kind === 'split') {
      next.batchId = halves[index < current.length / 2 ? 0 : 1] ?? null;
      next.nextAttemptAt = now;
    } else if (decision.kind === 'pause') {
      next.lastError = decision.reason; // kept waiting; resumeEndpoint makes it due again
    } else if (decision.kind === 'park') {
      Object.assign(next, {
        parkedAt: now,
        parkedReason: decision.reason,
        nextAttemptAt: NEVER,
        lastError: decision.reason,
      });
    } else if (decision.kind === 'skew') {
      // A wrong clock is fixed on this computer, not by the receiver: keep trying, but not forever.
      next.lastError = decision.reason;
      next.firstFailureAt = row.firstFailureAt ?? now;
      next.nextAttemptAt = now + RECHECK_MS;
      if (now - next.firstFailureAt >= PARK_AFTER_MS) parkAfterSevenDays(next, now, decision.reason);
    } else if (!decision.countsAsAttempt) {
      next.lastError = decision.error;
      next.nextAttemptAt = now + RECHECK_MS;
    } else {
      next.attempts = attempts;
      next.lastError = decision.error;
      next.firstFailureAt = row.firstFailureAt ?? now;
      next.nextAttemptAt = now + delay;
      if (now - next.firstFailureAt >= PARK_AFTER_MS) parkAfterSevenDays(next, now, decision.error);
    }
    writes.push(store.put(next));
  }
  if (outcome) writes.push(recordOutcome(tx, outcome, now));
  await Promise.all([...writes, tx.done]);
}
