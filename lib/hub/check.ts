import { z } from 'zod';
import type { Hub } from '../config/settings';
import { asHubError } from './errors';
import { hubRequest } from './http';

/** One line of "Test connection": what was checked, and whether it worked (null: not checked). */
export interface HubCheck {
  what: 'hub' | 'agent-token' | 'lead-token';
  ok: boolean | null;
  text: string;
}

/** An id no item has: the status query needs one, and answers [] for it with a valid token. */
const PROBE_ID = '00000000-0000-0000-0000-000000000000';
/** What an Earmark hub's /healthz answers; anything else is some other server. */
const HealthSchema = z.object({ ok: z.literal(true) });

function isHealthy(body: Uint8Array): boolean {
  try {
    return HealthSchema.safeParse(JSON.parse(new TextDecoder().decode(body))).success;
  } catch {
    return false;
  }
}

/** One GET through the hub client; the failure is returned rather than thrown. */
async function probe(hub: Hub, path: string, token: string | null, fetchImpl: typeof fetch) {
  try {
    return { ok: true as const, body: await hubRequest({ url: hub.url, token, fetch: fetchImpl }, path) };
  } catch (error) {
    return { ok: false as const, error: asHubError(error) };
  }
}

function tokenCheck(
  what: HubCheck['what'],
  name: string,
  answer: Awaited<ReturnType<typeof probe>>,
  forbidden: string,
): HubCheck {
  if (answer.ok) return { what, ok: true, text: `${name} accepted` };
  const { status, short } = answer.error;
  if (status === 401) return { what, ok: false, text: `${name} refused (${short})` };
  if (status === 403) return { what, ok: false, text: `${name} refused: ${forbidden} (HTTP 403)` };
  return { what, ok: null, text: `${name} not checked: ${short}` };
}

/**
 * Checks a hub the way Earmark will use it: /healthz without a token, the agent token on the
 * status endpoint the loop back polls, the lead token on the items list the review page reads.
 */
export async function testHubConnection(hub: Hub, fetchImpl: typeof fetch): Promise<HubCheck[]> {
  const health = await probe(hub, '/healthz', null, fetchImpl);
  if (!health.ok) {
    return [{ what: 'hub', ok: false, text: `Hub not reachable: ${health.error.short}` }];
  }
  if (!isHealthy(health.body)) {
    return [{ what: 'hub', ok: false, text: 'Not an Earmark hub: /healthz did not answer {"ok": true}' }];
  }
  const checks: HubCheck[] = [{ what: 'hub', ok: true, text: 'Hub reachable' }];
  if (hub.agentToken) {
    const answer = await probe(hub, `/v1/agent/status?ids=${PROBE_ID}`, hub.agentToken, fetchImpl);
    checks.push(tokenCheck('agent-token', 'Agent token', answer, 'not allowed to read statuses'));
  } else {
    checks.push({ what: 'agent-token', ok: null, text: 'No agent token: review statuses are not fetched' });
  }
  if (hub.leadToken) {
    const answer = await probe(hub, '/v1/items?limit=1', hub.leadToken, fetchImpl);
    checks.push(tokenCheck('lead-token', 'Lead token', answer, 'not a lead token'));
  } else {
    checks.push({ what: 'lead-token', ok: null, text: 'No lead token: the review page cannot open' });
  }
  return checks;
}
