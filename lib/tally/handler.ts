import { z } from 'zod';
import type { EffectiveConfig } from '../config/policy';
import { asHubError } from '../hub/errors';
import { hubJson } from '../hub/http';
import type { HandlersFor, ReplyOf } from '../protocol/messages';
import { countCaptures } from '../store/capture-tally';
import type { EarmarkDatabase } from '../store/db';

/** The popup opens and closes quickly: a hub that is slow to answer gives way to local counts. */
export const TALLY_HUB_TIMEOUT_MS = 4000;

/** `GET /v1/agent/summary` (docs/hub-api.md); extra fields a newer hub adds are ignored. */
const AgentSummarySchema = z.object({
  captures: z.int().min(0),
  reviewed: z.int().min(0),
  actioned: z.int().min(0),
});

/** What the tally handler reads: the database, the configuration (hub, agent token) and fetch. */
export interface TallyDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  fetch: typeof fetch;
}

/** Why the hub gave no tally, in the popup's words. */
function hubProblem(error: unknown): string {
  const failure = asHubError(error);
  if (failure.kind === 'unreachable') return 'the hub could not be reached';
  if (failure.kind === 'token') return `the hub refused the agent token: ${failure.short}`;
  return `the hub gave no tally: ${failure.short}`;
}

/**
 * The popup's tally: the hub's count of the agent's captures when a hub and agent token are set
 * and it answers, else the captures kept on this device. Local reviewed/actioned counts come from
 * the loop back's reviews, so they are known only when the loop back runs (hub with agent token).
 */
export function createTallyHandlers(deps: TallyDeps): HandlersFor<'capture-tally'> {
  return {
    async 'capture-tally'(request): Promise<ReplyOf<'capture-tally'>> {
      const from = new Date(request.from).toISOString();
      const to = new Date(request.to).toISOString();
      const hub = (await deps.loadConfig()).hub;
      let hubError: string | null = null;
      if (hub?.agentToken) {
        const conn = {
          url: hub.url,
          token: hub.agentToken,
          fetch: deps.fetch,
          timeoutMs: TALLY_HUB_TIMEOUT_MS,
        };
        const query = new URLSearchParams({ from, to });
        try {
          const summary = await hubJson(conn, `/v1/agent/summary?${query}`, AgentSummarySchema);
          return { source: 'hub', ...summary, hubError: null };
        } catch (error) {
          hubError = hubProblem(error);
        }
      }
      const local = await countCaptures(await deps.db(), from, to);
      const known = Boolean(hub?.agentToken);
      return {
        source: 'device',
        captures: local.captures,
        reviewed: known ? local.reviewed : null,
        actioned: known ? local.actioned : null,
        hubError,
      };
    },
  };
}
