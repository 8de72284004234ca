import { routeEndpoints } from '../capture/build';
import type { Endpoint } from '../config/settings';
import type { EarmarkDatabase } from '../store/db';
import { routeWaitingItems } from '../store/item-writes';
import { revivedRow } from './dead-letters';
import { NEVER } from './settle';

// Endpoints come and go with the settings and the policy, and the queue has to follow: a capture
// no endpoint took waits for one, and rows owed to an endpoint that left would otherwise sit in the
// queue for ever (never leased, never parked, counted against the cap). The worker runs this when
// it starts and whenever the configuration changes (entrypoints/background).

/** The dead-letter reason of a row whose endpoint left the configuration. */
export function removedEndpointReason(endpointId: string): string {
  return `Its endpoint "${endpointId}" was removed from the settings or by policy`;
}

/**
 * Parks the live rows of every endpoint not in `configured` (with the reason), and puts rows parked
 * that way back in the queue once their endpoint is configured again. Resolves to both counts.
 */
export async function parkRowsOfRemovedEndpoints(
  db: EarmarkDatabase,
  configured: ReadonlySet<string>,
  now: number,
): Promise<{ parked: number; revived: number }> {
  const tx = db.transaction('outbox', 'readwrite');
  const byEndpoint = tx.store.index('by-endpoint');
  // Distinct endpoint ids only: a key cursor that skips each endpoint's other rows.
  const removed: string[] = [];
  let key = await byEndpoint.openKeyCursor(null, 'nextunique');
  while (key) {
    if (!configured.has(key.key)) removed.push(key.key);
    key = await key.continue();
  }
  let parked = 0;
  for (const endpointId of removed) {
    let cursor = await byEndpoint.openCursor(endpointId);
    while (cursor) {
      if (cursor.value.parkedAt === undefined) {
        const reason = removedEndpointReason(endpointId);
        await cursor.update({
          ...cursor.value,
          parkedAt: now,
          parkedReason: reason,
          parkedForRemoval: true,
          nextAttemptAt: NEVER,
          lastError: reason,
        });
        parked++;
      }
      cursor = await cursor.continue();
    }
  }
  let revived = 0;
  let cursor = await tx.store.index('by-parked').openCursor();
  while (cursor) {
    if (cursor.value.parkedForRemoval && configured.has(cursor.value.endpointId)) {
      await cursor.update(revivedRow(cursor.value, now));
      revived++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return { parked, revived };
}

/** What following a change of endpoints did to the queue. */
export interface EndpointChanges {
  /** Captures that were waiting for an endpoint and now have rows. */
  routed: number;
  parked: number;
  revived: number;
}

/** Makes the queue follow the configured endpoints: routes waiting captures, parks or revives rows. */
export async function applyEndpointChanges(
  db: EarmarkDatabase,
  endpoints: readonly Endpoint[],
  now: number,
): Promise<EndpointChanges> {
  const list = [...endpoints];
  const routed = await routeWaitingItems(
    db,
    (item) =>
      routeEndpoints(
        list,
        item.tags.map((t) => t.id),
      ),
    now,
  );
  const rows = await parkRowsOfRemovedEndpoints(db, new Set(list.map((e) => e.id)), now);
  return { routed, ...rows };
}

/** What the worker's endpoint follower reads. */
export interface FollowDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<{ endpoints: Endpoint[] }>;
  now: () => number;
}

/**
 * Applies the endpoints in force to the queue; `moved` is called when rows were added, parked or
 * revived (the worker then flushes and republishes the sidebar's statuses). Errors are logged.
 */
export async function followEndpoints(deps: FollowDeps, moved: () => void): Promise<void> {
  try {
    const { endpoints } = await deps.loadConfig();
    const changes = await applyEndpointChanges(await deps.db(), endpoints, deps.now());
    if (changes.routed + changes.parked + changes.revived > 0) moved();
  } catch (error) {
    console.error('Earmark: following the configured endpoints', error);
  }
}
