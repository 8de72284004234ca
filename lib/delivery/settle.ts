import type { IDBPTransaction } from 'idb';
import { retryDelayMs } from '../backoff';
import type { EarmarkDatabase, EarmarkDB, OutboxRow } from '../db';
import type { Item } from '../schema';
import type { Decision } from './outcome';

/** A failing row is parked after this long, never before. */
export const PARK_AFTER_MS = 7 * 24 * 60 * 60_000;
/** Dead letters sort after every live row in the by-due index. */
export const NEVER = Number.MAX_SAFE_INTEGER;
/** How soon an offline or clock-skewed row is looked at again (the alarm may come first). */
const RECHECK_MS = 30_000;

type Key = [string, string];
const keyOf = (row: OutboxRow): Key => [row.itemId, row.endpointId];

type ItemsOutboxTx = IDBPTransaction<EarmarkDB, ['outbox', 'items'], 'readwrite'>;

/** Clears the item's pending flag once its last outbox row is gone; records sentAt if given. */
async function refreshPending(tx: ItemsOutboxTx, itemId: string, sentAt: number | null) {
  const items = tx.objectStore('items');
  const stored = await items.get(itemId);
  if (!stored) return;
  const remaining = await tx.objectStore('outbox').index('by-item').count(itemId);
  const next = { ...stored, ...(sentAt !== null ? { sentAt } : {}) };
  if (remaining === 0) delete next.pending;
  await items.put(next);
}

/** Settles a delivered batch: rows whose pending revision was sent leave the outbox. */
export async function settleDelivered(
  db: EarmarkDatabase,
  rows: OutboxRow[],
  sent: Map<string, Item>,
  now: number,
) {
  const tx = db.transaction(['outbox', 'items'], 'readwrite');
  for (const row of rows) {
    const current = await tx.objectStore('outbox').get(keyOf(row));
    if (!current) continue;
    const sentItem = sent.get(row.itemId);
    if (!sentItem || current.revision <= sentItem.revision) await tx.objectStore('outbox').delete(keyOf(row));
    else await tx.objectStore('outbox').put({ ...current, leaseUntil: 0 });
    const stored = await tx.objectStore('items').get(row.itemId);
    const sentCurrent = stored && sentItem && stored.item.revision === sentItem.revision;
    await refreshPending(tx, row.itemId, sentCurrent ? now : null);
  }
  await tx.done;
}

/** Applies a non-delivered decision to each row of the batch. */
export async function settleFailed(
  db: EarmarkDatabase,
  rows: OutboxRow[],
  decision: Exclude<Decision, { kind: 'delivered' }>,
  now: number,
  newBatchId: () => string,
  retryScale = 1,
) {
  const halves = decision.kind === 'split' ? [newBatchId(), newBatchId()] : [];
  const tx = db.transaction('outbox', 'readwrite');
  const current = await Promise.all(rows.map((row) => tx.store.get(keyOf(row))));
  // One delay for the whole batch (jitter drawn once), so its rows stay together on retry.
  const attempts = Math.max(0, ...current.map((r) => r?.attempts ?? 0)) + 1;
  const delay =
    decision.kind === 'retry' ? Math.max(retryDelayMs(attempts) * retryScale, decision.retryAfterMs ?? 0) : 0;
  for (const [index, row] of current.entries()) {
    if (!row) continue;
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
    } else if (decision.kind === 'skew' || !decision.countsAsAttempt) {
      next.lastError = decision.kind === 'skew' ? decision.reason : decision.error;
      next.nextAttemptAt = now + RECHECK_MS;
    } else {
      next.attempts = attempts;
      next.lastError = decision.error;
      next.firstFailureAt = row.firstFailureAt ?? now;
      next.nextAttemptAt = now + delay;
      if (now - next.firstFailureAt >= PARK_AFTER_MS) {
        Object.assign(next, {
          parkedAt: now,
          parkedReason: `Undeliverable for 7 days: ${decision.error}`,
          nextAttemptAt: NEVER,
        });
      }
    }
    await tx.store.put(next);
  }
  await tx.done;
}
