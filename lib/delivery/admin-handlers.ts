import { QUEUE_CAP } from '../capture/handlers';
import type { EffectiveConfig } from '../config/policy';
import type { EndpointHealth, HandlersFor } from '../protocol/messages';
import type { EarmarkDatabase } from '../store/db';
import { queueStats, unroutedItems } from '../store/queue';
import {
  deadLetterReasons,
  discardDeadLetters,
  endpointStates,
  exportDeadLetters,
  resumeEndpoint,
  retryDeadLetters,
} from './';

/** The queue fills up to this share of the cap before everyone is warned. */
export const WARN_RATIO = 0.8;

/** What the extension pages' (popup, options) handlers depend on. */
export interface AdminDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  now: () => number;
  /** Called when rows became due again, so delivery starts at once. */
  onQueued: () => void;
  queueCap?: number;
}

/** The extension pages' messages this module answers. */
export type AdminHandlers = HandlersFor<'queue-health' | 'endpoint-resume' | 'dead-letters'>;

/** Handlers for delivery health and dead letters; the dispatcher accepts them only from extension pages. */
export function createAdminHandlers(deps: AdminDeps): AdminHandlers {
  return {
    async 'queue-health'() {
      const db = await deps.db();
      const config = await deps.loadConfig();
      const states = await endpointStates(db);
      const endpoints: EndpointHealth[] = config.endpoints.map((e) => {
        const state = states.get(e.id);
        return {
          id: e.id,
          name: e.name,
          url: e.url,
          format: e.format ?? 'json',
          status: e.enabled === false ? 'paused' : (state?.status ?? 'healthy'),
          since: state?.since ?? null,
          reason: e.enabled === false ? 'Disabled in the settings' : (state?.reason ?? null),
          lastSuccessAt: state?.lastSuccessAt ?? null,
        };
      });
      const [stats, unrouted, parkedReasons] = await Promise.all([
        queueStats(db),
        unroutedItems(db),
        deadLetterReasons(db),
      ]);
      const cap = deps.queueCap ?? QUEUE_CAP;
      const lastSyncAt = Math.max(0, ...[...states.values()].map((s) => s.lastSuccessAt ?? 0)) || null;
      return {
        endpoints,
        ...stats,
        lastSyncAt,
        unroutedItems: unrouted,
        parkedReasons,
        cap,
        nearCap: stats.pendingItems >= cap * WARN_RATIO,
        problems: config.problems,
      };
    },

    async 'endpoint-resume'(request) {
      await resumeEndpoint(await deps.db(), request.endpointId, deps.now());
      deps.onQueued();
      return { endpointId: request.endpointId };
    },

    async 'dead-letters'(request) {
      const db = await deps.db();
      if (request.action === 'export') {
        const letters = await exportDeadLetters(db);
        return { count: letters.length, letters };
      }
      if (request.action === 'discard') return { count: await discardDeadLetters(db) };
      // Rows owed to an endpoint no longer configured stay parked: nothing could send them.
      const configured = new Set((await deps.loadConfig()).endpoints.map((e) => e.id));
      const count = await retryDeadLetters(db, deps.now(), configured);
      deps.onQueued();
      return { count };
    },
  };
}
