import { buildItem, routeEndpoints, tombstone } from './capture';
import type { EarmarkDatabase } from './db';
import type { Handlers } from './messages';
import type { EffectiveConfig } from './policy';
import { recentItems, rowsForItem, saveRevision } from './queue';
import { toRecentEntry } from './status';

/** What the background's message handlers depend on. */
export interface HandlerDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  now: () => number;
  newId: () => string;
  /** Called after something was queued, so delivery starts at once. */
  onQueued: () => void;
}

/** The background's answers to content-script and extension-page messages. */
export function createBackgroundHandlers(deps: HandlerDeps): Handlers {
  return {
    async capture(request) {
      const config = await deps.loadConfig();
      const item = buildItem(request, config, deps.newId(), deps.now());
      const endpointIds = routeEndpoints(
        config.endpoints,
        item.tags.map((t) => t.id),
      );
      await saveRevision(await deps.db(), item, endpointIds, deps.now());
      deps.onQueued();
      return { id: item.id, tagLabel: item.tags.map((t) => t.label).join(', ') };
    },

    async undo(request) {
      const db = await deps.db();
      const stored = await db.get('items', request.id);
      if (!stored) throw new Error('no such capture');
      if (stored.item.deleted) return { id: request.id };
      const config = await deps.loadConfig();
      // The tombstone goes wherever the item went or was going.
      const pending = (await rowsForItem(db, request.id)).map((r) => r.endpointId);
      const routed = routeEndpoints(
        config.endpoints,
        stored.item.tags.map((t) => t.id),
      );
      const targets = [...new Set([...pending, ...routed])];
      await saveRevision(db, tombstone(stored.item, deps.now()), targets, deps.now());
      deps.onQueued();
      return { id: request.id };
    },

    async recent(request) {
      const db = await deps.db();
      const config = await deps.loadConfig();
      const known = new Set(config.endpoints.map((e) => e.id));
      const now = deps.now();
      const stored = (await recentItems(db, request.limit * 2)).filter((s) => !s.item.deleted);
      const entries = await Promise.all(
        stored
          .slice(0, request.limit)
          .map(async (s) => toRecentEntry(s, await rowsForItem(db, s.item.id), known, now)),
      );
      return { entries };
    },

    async 'sidebar-config'() {
      const config = await deps.loadConfig();
      return { taxonomy: config.taxonomy, agentName: config.agent.name };
    },
  };
}
