import { z } from 'zod';
import type { Hub } from '../config/settings';
import { hubGet } from './hub-get';

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

function isHealthy(body: string): boolean {
  try {
    return HealthSchema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

function tokenCheck(
  what: HubCheck['what'],
  name: string,
  answer: Awaited<ReturnType<typeof hubGet>>,
  forbidden: string,
): HubCheck {
  if (answer.ok) return { what, ok: true, text: `${name} accepted` };
  if (answer.status === 401) return { what, ok: false, text: `${name} refused (${answer.error})` };
  if (answer.status === 403) return { what, ok: false, text: `${name} refused: ${forbidden} (HTTP 403)` };
  return { what, ok: null, text: `${name} not checked: ${answer.error}` };
}

/**
 * Checks a hub the way Earmark will use it: /healthz without a token, the agent token on the
 * status endpoint the loop back polls, the lead token on the items list the review page reads.
 */
export async function testHubConnection(hub: Hub, fetchImpl: typeof fetch): Promise<HubCheck[]> {
  const health = await hubGet(fetchImpl, `${hub.url}/healthz`, null);
  if (!health.ok) {
    return [{ what: 'hub', ok: false, text: `Hub not reachable: ${health.error}` }];
  }
  if (!isHealthy(health.body)) {
    return [{ what: 'hub', ok: false, text: 'Not an Earmark hub: /healthz did not answer {"ok": true}' }];
  }
  const checks: HubCheck[] = [{ what: 'hub', ok: true, text: 'Hub reachable' }];
  if (hub.agentToken) {
    const answer = await hubGet(fetchImpl, `${hub.url}/v1/agent/status?ids=${PROBE_ID}`, hub.agentToken);
    checks.push(tokenCheck('agent-token', 'Agent token', answer, 'not allowed to read statuses'));
  } else {
    checks.push({ what: 'agent-token', ok: null, text: 'No agent token: review statuses are not fetched' });
  }
  if (hub.leadToken) {
    const answer = await hubGet(fetchImpl, `${hub.url}/v1/items?limit=1`, hub.leadToken);
    checks.push(tokenCheck('lead-token', 'Lead token', answer, 'not a lead token'));
  } else {
    checks.push({ what: 'lead-token', ok: null, text: 'No lead token: the review page cannot open' });
  }
  return checks;
}
