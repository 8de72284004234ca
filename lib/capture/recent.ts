import type { EffectiveConfig } from '../config/policy';
import { endpointStates } from '../delivery';
import { withReview } from '../hub/status/recent';
import { reviewsFor } from '../hub/status/reviews';
import type { RecentEntry } from '../protocol/messages';
import type { EarmarkDatabase } from '../store/db';
import { recentWithRows } from '../store/queue';
import { type StatusContext, toRecentEntry } from '../store/sync-status';
import { inScope, type RecentScope } from './site-scope';

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
  return { knownEndpoints: new Set(config.endpoints.map((e) => e.id)), paused, now };
}

/** The newest captures a sender of this scope may see, as "Recent captures" lines. */
export async function recentEntries(
  deps: RecentDeps,
  limit: number,
  scope: RecentScope,
): Promise<{ entries: RecentEntry[] }> {
  const db = await deps.db();
  const context = await statusContext(db, await deps.loadConfig(), deps.now());
  const shown = await recentWithRows(db, limit, (stored) => inScope(stored, scope));
  const reviews = await reviewsFor(
    db,
    shown.map((s) => s.stored.item.id),
  );
  const entries = shown.map(({ stored, rows }) =>
    withReview(toRecentEntry(stored, rows, context), reviews.get(stored.item.id)),
  );
  return { entries };
}

/** Each host's "Recent captures" answer, as a content script on that host gets it. */
export async function recentBySite(
  deps: RecentDeps,
  limit: number,
  hosts: readonly string[],
): Promise<Record<string, { entries: RecentEntry[] }>> {
  const answers = await Promise.all(
    hosts.map(async (host) => [host, await recentEntries(deps, limit, { all: false, host })] as const),
  );
  return Object.fromEntries(answers);
}
