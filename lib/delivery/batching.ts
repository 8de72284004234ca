import { BATCH_TYPE, type Batch, type Item } from '../schema';
import type { OutboxRow } from '../store/db';

/** Most items one request carries. */
export const MAX_BATCH_ITEMS = 25;
/** Most body bytes one request carries (a single larger item still goes alone). */
export const MAX_BATCH_BYTES = 64 * 1024;

/** How much one request to an endpoint may carry, in items and in `sizeOf` units. */
export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}
/** The limits of the signed JSON batch. */
export const JSON_BATCH_LIMITS: BatchLimits = { maxItems: MAX_BATCH_ITEMS, maxBytes: MAX_BATCH_BYTES };

/** Rows that travel together in one request to one endpoint. */
export interface PlannedBatch {
  batchId: string;
  endpointId: string;
  rows: OutboxRow[];
}

/**
 * Groups due rows into batches: rows already sent in a batch stay together under the same id
 * (so a retry keeps its webhook-id); new rows fill fresh batches within their endpoint's limits
 * (chat formats are smaller, so every item of a batch renders in full).
 */
export function planBatches(
  rows: OutboxRow[],
  newBatchId: () => string,
  sizeOf: (row: OutboxRow) => number,
  limitsOf: (endpointId: string) => BatchLimits = () => JSON_BATCH_LIMITS,
): PlannedBatch[] {
  const byKey = new Map<string, PlannedBatch>();
  const fresh = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    if (row.batchId) {
      const key = `${row.endpointId}\u0000${row.batchId}`;
      const batch = byKey.get(key) ?? { batchId: row.batchId, endpointId: row.endpointId, rows: [] };
      batch.rows.push(row);
      byKey.set(key, batch);
    } else {
      fresh.set(row.endpointId, [...(fresh.get(row.endpointId) ?? []), row]);
    }
  }
  const planned = [...byKey.values()];
  for (const [endpointId, pending] of fresh) {
    const { maxItems, maxBytes } = limitsOf(endpointId);
    let current: PlannedBatch | null = null;
    let bytes = 0;
    for (const row of pending) {
      const size = sizeOf(row);
      const full = current && (current.rows.length >= maxItems || bytes + size > maxBytes);
      if (!current || full) {
        current = { batchId: newBatchId(), endpointId, rows: [] };
        planned.push(current);
        bytes = 0;
      }
      current.rows.push(row);
      bytes += size;
    }
  }
  return planned;
}

/** The webhook body for a batch (design.md: earmark.items.v1). */
export function batchBody(batchId: string, items: Item[], sentAtMs: number): string {
  const batch: Batch = { type: BATCH_TYPE, batchId, sentAt: new Date(sentAtMs).toISOString(), items };
  return JSON.stringify(batch);
}
