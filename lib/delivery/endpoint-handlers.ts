import type { EffectiveConfig } from '../config/policy';
import { EndpointSchema } from '../config/settings';
import type { HandlersFor } from '../protocol/messages';
import { describeZodError } from '../schema';
import type { EarmarkDatabase } from '../store/db';
import { dropExported, exportQueued, queuedCount } from '../store/endpoint-queue';
import { sendTestPing } from './endpoint-test';

// The worker keeps a running count of waiting items per database connection
// (lib/store/pending-count.ts), and a write through any other connection is invisible to it. So the
// options page never opens the database: it asks the worker, which writes on its own connection.

/** What the options page's endpoint handlers depend on. */
export interface EndpointHandlerDeps {
  db: () => Promise<EarmarkDatabase>;
  now: () => number;
  fetch: typeof fetch;
  /** The configuration in force: a test to the hub carries the agent token as deliveries do. */
  loadConfig: () => Promise<Pick<EffectiveConfig, 'hub'>>;
}

/** The options page's endpoint queue operations and "Send test". */
export type EndpointHandlers = HandlersFor<
  'endpoint-queued-count' | 'endpoint-queued-export' | 'endpoint-queued-drop' | 'endpoint-test'
>;

/** Handlers for deleting an endpoint without losing captures, and for "Send test" (pages only). */
export function createEndpointHandlers(deps: EndpointHandlerDeps): EndpointHandlers {
  return {
    async 'endpoint-queued-count'(request) {
      return { count: await queuedCount(await deps.db(), request.endpointId) };
    },

    async 'endpoint-queued-export'(request) {
      return exportQueued(await deps.db(), request.endpointId, deps.now());
    },

    async 'endpoint-queued-drop'(request) {
      return { remaining: await dropExported(await deps.db(), request) };
    },

    async 'endpoint-test'(request) {
      // The same rules as a saved endpoint (https, or http on loopback only; a whsec_ secret).
      const endpoint = EndpointSchema.safeParse(request.endpoint);
      if (!endpoint.success) throw new Error(`not a valid endpoint: ${describeZodError(endpoint.error)}`);
      const { hub } = await deps.loadConfig();
      return sendTestPing(endpoint.data, deps.fetch, { now: deps.now, hub });
    },
  };
}
