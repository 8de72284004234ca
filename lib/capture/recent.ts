import { awaitingSignIn } from '../auth/hold';
import type { EffectiveConfig } from '../config/policy';
import { endpointStates } from '../delivery';
import { withReview } from '../hub/status/recent';
import { reviewsFor } from '../hub/status/reviews';
import type { RecentEntry } from '../protocol/messages';
import type { EarmarkDatabase, StoredItem } from '../store/db';
import { recentWithRows } from '../store/queue';
import { type StatusContext, toRecentEntry } from '../store/sync-status';
import { capturedOn, inScope, type RecentScope } from './site-scope';

/** What reading "Recent captures" depends on. */
export interface RecentDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  now: () => number;
}

/** Everything the status of a capture depends on, read once per request. */
export async function statusContext(
  db: EarmarkDatabase,
  config: EffectiveConfig,
  now: number,
): Promise<StatusContext> {
  const states = await endpointStates(db);
  const paused = new Map<string, string>();
  for (const state of states.values())
    if (state.status === 'paused') paused.set(state.endpointId, state.reason ?? '');
  for (const e of config.endpoints) {
    if (e.enabled === false) paused.set(e.id, 'Its sync endpoint is disabled in the settings');
  }
  return {
    knownEndpoints: new Set(config.endpoints.map((e) => e.id)),
    paused,
    now,
    awaitingSignIn: awaitingSignIn(config),
  };
}

/** The newest captures `keep` accepts, as "Recent captures" lines (one scan, one status read). */
async function entriesOf(
  deps: RecentDeps,
  limit: number,
  keep: (stored: StoredItem) => boolean,
): Promise<Array<{ stored: StoredItem; entry: RecentEntry }>> {
  const db = await deps.db();
  const context = await statusContext(db, await deps.loadConfig(), deps.now());
  const shown = await recentWithRows(db, limit, keep);
  const reviews = await reviewsFor(
    db,
    shown.map((s) => s.stored.item.id),
  );
  return shown.map(({ stored, rows }) => ({
    stored,
    entry: withReview(toRecentEntry(stored, rows, context), reviews.get(stored.item.id)),
  }));
}

/** The newest captures a sender of this scope may see, as "Recent captures" lines. */
export async function recentEntries(
  deps: RecentDeps,
  limit: number,
  scope: RecentScope,
): Promise<{ entries: RecentEntry[] }> {
  const shown = await entriesOf(deps, limit, (stored) => inScope(stored, scope));
  return { entries: shown.map((s) => s.entry) };
}

/**
 * Each host's "Recent captures" answer, as a content script on that host gets it: one scan of the
 * same newest captures a per-host request looks at, each host keeping its newest `limit`.
 */
export async function recentBySite(
  deps: RecentDeps,
  limit: number,
  hosts: readonly string[],
): Promise<Record<string, { entries: RecentEntry[] }>> {
  const taken = new Map(hosts.map((host) => [host, 0]));
  const shown = await entriesOf(deps, limit * taken.size, (stored) => {
    const host = capturedOn(stored);
    const count = host === null ? undefined : taken.get(host);
    if (host === null || count === undefined || count >= limit) return false;
    taken.set(host, count + 1);
    return true;
  });
  const answers: Record<string, { entries: RecentEntry[] }> = {};
  for (const host of taken.keys()) answers[host] = { entries: [] };
  for (const { stored, entry } of shown) answers[capturedOn(stored) as string]?.entries.push(entry);
  return answers;
}
