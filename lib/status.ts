import type { OutboxRow, StoredItem } from './db';
import type { RecentEntry, SyncStatus } from './messages';

/** Derives the one status word an agent sees for a capture from its pending outbox rows. */
export function syncStatus(
  stored: StoredItem,
  rows: OutboxRow[],
  knownEndpoints: ReadonlySet<string>,
  now: number,
): { status: SyncStatus; detail: string | null } {
  if (rows.length === 0) {
    if (stored.sentAt !== null) return { status: 'Sent', detail: null };
    return { status: 'Needs attention', detail: 'No sync endpoint is configured for this tag' };
  }
  if (rows.some((r) => !knownEndpoints.has(r.endpointId))) {
    return { status: 'Needs attention', detail: 'Its sync endpoint was removed from the settings' };
  }
  if (rows.some((r) => r.leaseUntil > now)) return { status: 'Sending', detail: null };
  const failing = rows.find((r) => r.lastError);
  return { status: 'Queued', detail: failing ? `Will retry: ${failing.lastError}` : null };
}

/** Builds the sidebar line for a stored capture. */
export function toRecentEntry(
  stored: StoredItem,
  rows: OutboxRow[],
  knownEndpoints: ReadonlySet<string>,
  now: number,
): RecentEntry {
  const { item } = stored;
  return {
    id: item.id,
    tags: item.tags.map((t) => t.label),
    note: item.note,
    capturedAt: item.capturedAt,
    ...syncStatus(stored, rows, knownEndpoints, now),
  };
}
