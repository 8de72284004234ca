import type { EffectiveConfig } from '../config/policy';
import { type LastSidebarConfig, sidebarConfig, sidebarView } from '../config/sidebar-config';
import type { HandlersFor } from '../protocol/messages';
import type { Item } from '../schema';
import type { EarmarkDatabase } from '../store/db';
import { pendingItems, rowsForItem, saveRevision } from '../store/queue';
import { buildItem, routeEndpoints, tombstone, withNote } from './build';
import { saveCapture } from './commit';
import { recentEntries } from './recent';
import { captureHost, recentScope } from './site-scope';

/** Most items waiting before new captures are refused (visibly) rather than dropped. */
export const QUEUE_CAP = 50_000;

/** What the background's message handlers depend on. */
export interface HandlerDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  now: () => number;
  newId: () => string;
  /** Called after something was queued, so delivery starts at once. */
  onQueued: () => void;
  queueCap?: number;
  /** The last sidebar config answered, for when the effective one is slow to read (policy). */
  lastSidebarConfig?: LastSidebarConfig;
  /** The extension's own origin (`runtime.getURL('/')`): its pages may list every site's captures. */
  extensionOrigin?: string;
}

/** The sidebar's messages this module answers. */
export type CaptureHandlers = HandlersFor<'capture' | 'undo' | 'revise' | 'recent' | 'sidebar-config'>;

/** The background's answers to the sidebar's messages (content scripts may send these). */
export function createCaptureHandlers(deps: HandlerDeps): CaptureHandlers {
  /** Stores the next revision of an item wherever it went or was going; null from `next` = no change. */
  const revise = async (
    id: string,
    next: (item: Item, now: number, config: EffectiveConfig) => Item | null,
  ) => {
    const db = await deps.db();
    const stored = await db.get('items', id);
    if (!stored) throw new Error('no such capture');
    const config = await deps.loadConfig();
    const updated = next(stored.item, deps.now(), config);
    if (!updated) return { revision: stored.item.revision };
    const pending = (await rowsForItem(db, id)).map((r) => r.endpointId);
    const routed = routeEndpoints(
      config.endpoints,
      updated.tags.map((t) => t.id),
    );
    await saveRevision(db, updated, [...new Set([...pending, ...routed])], deps.now());
    deps.onQueued();
    return { revision: updated.revision };
  };

  return {
    async capture(request, sender) {
      const db = await deps.db();
      const cap = deps.queueCap ?? QUEUE_CAP;
      if ((await pendingItems(db)) >= cap) {
        throw new Error(`the queue is full (${cap.toLocaleString('en')} captures waiting); ask your admin`);
      }
      const config = await deps.loadConfig();
      const item = buildItem(request, config, deps.newId(), deps.now());
      const endpointIds = routeEndpoints(
        config.endpoints,
        item.tags.map((t) => t.id),
      );
      const host = captureHost(sender, request.context.url, deps.extensionOrigin);
      await saveCapture(db, item, endpointIds, deps.now(), host);
      deps.onQueued();
      // routed: false = saved, waiting for an endpoint that takes its tags (routed once one is added).
      const tagLabel = item.tags.map((t) => t.label).join(', ');
      return { id: item.id, tagLabel, routed: endpointIds.length > 0 };
    },

    async undo(request) {
      await revise(request.id, (item, now) => (item.deleted ? null : tombstone(item, now)));
      return { id: request.id };
    },

    async revise(request) {
      const { change } = request;
      const revision = await revise(request.id, (item, now, config) => {
        if (item.deleted) throw new Error('this capture was deleted');
        if (change.kind === 'delete') return tombstone(item, now);
        return withNote(item, change.note, now, config.redaction);
      });
      return { id: request.id, revision: revision.revision };
    },

    async recent(request, sender) {
      // The open shadow root lets the page read the list: only its own site's captures go there.
      return recentEntries(deps, request.limit, recentScope(sender, deps.extensionOrigin));
    },

    async 'sidebar-config'() {
      const fresh = deps.loadConfig().then(sidebarView);
      return deps.lastSidebarConfig ? sidebarConfig(fresh, deps.lastSidebarConfig) : fresh;
    },
  };
}
