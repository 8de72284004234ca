import { SIGN_IN_TO_SEND } from '../auth/hold';
import type { RecentEntry, SyncStatus } from '../protocol/messages';
import type { OutboxRow, StoredItem } from './db';

/** What the status of a capture depends on besides its own rows. */
export interface StatusContext {
  knownEndpoints: ReadonlySet<string>;
  /** Reason per paused endpoint. */
  paused: ReadonlyMap<string, string>;
  now: number;
  /** The policy requires a sign-in and nobody is signed in: every capture waits (lib/auth/hold.ts). */
  awaitingSignIn?: boolean;
}

/** Derives the one status word an agent sees for a capture from its outbox rows. */
export function syncStatus(
  stored: StoredItem,
  rows: OutboxRow[],
  context: StatusContext,
): { status: SyncStatus; detail: string | null } {
  if (rows.length === 0) {
    if (stored.sentAt !== null) return { status: 'Sent', detail: null };
    if (stored.unrouted) {
      return { status: 'Needs attention', detail: 'Saved, waiting for an endpoint that takes this tag' };
    }
    return { status: 'Needs attention', detail: 'No sync endpoint is configured for this tag' };
  }
  const parked = rows.find((r) => r.parkedAt !== undefined);
  if (parked) return { status: 'Failed', detail: parked.parkedReason ?? 'Could not be delivered' };
  if (rows.some((r) => !context.knownEndpoints.has(r.endpointId))) {
    return { status: 'Needs attention', detail: 'Its sync endpoint was removed from the settings' };
  }
  if (context.awaitingSignIn) return { status: 'Queued', detail: SIGN_IN_TO_SEND };
  const paused = rows.find((r) => context.paused.has(r.endpointId));
  if (paused) return { status: 'Needs attention', detail: context.paused.get(paused.endpointId) ?? null };
  if (rows.some((r) => r.leaseUntil > context.now)) return { status: 'Sending', detail: null };
  const failing = rows.find((r) => r.lastError);
  return { status: 'Queued', detail: failing ? `Will retry: ${failing.lastError}` : null };
}

/** Builds the sidebar line for a stored capture. */
export function toRecentEntry(stored: StoredItem, rows: OutboxRow[], context: StatusContext): RecentEntry {
  const { item } = stored;
  return {
    id: item.id,
    tags: item.tags.map((t) => t.label),
    note: item.note,
    capturedAt: item.capturedAt,
    ...syncStatus(stored, rows, context),
  };
}
