import { uuidv7 } from 'uuidv7';
import type { Endpoint, Hub } from '../config/settings';
import { readExcerpt } from '../http/bounded-body';
import { hubAuthorization } from './hub-token';
import { postBatch } from './post';
import { signBatch } from './signing';

/** Body type of the test request an admin sends from the options page. */
export const PING_TYPE = 'earmark.ping.v1';
const EXCERPT_CHARS = 300;

/** What one test request showed: the receiver's answer, how long it took, and what it said. */
export interface PingResult {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  excerpt: string;
  error: string | null;
}

/** The JSON a ping carries; chat formats also get `text`, the field Slack and Teams display. */
export function pingBody(endpoint: Endpoint, nowMs: number): string {
  const ping: Record<string, string> = { type: PING_TYPE, sentAt: new Date(nowMs).toISOString() };
  if (endpoint.format === 'slack' || endpoint.format === 'teams') {
    ping.text = 'Earmark test message: this channel is connected.';
  }
  return JSON.stringify(ping);
}

/** Clocks (wall time for the signature, a monotonic one for the latency) and the hub in force. */
export interface PingOptions {
  now?: () => number;
  clock?: () => number;
  hub?: Hub | null;
}

/**
 * POSTs a ping the way deliveries go (signed for json, the hub agent token to the hub only, through
 * postBatch: timeout, no redirects), and reads a short excerpt of the answer from a clone, because
 * postBatch discards 2xx bodies.
 */
export async function sendTestPing(
  endpoint: Endpoint,
  fetchImpl: typeof fetch,
  options: PingOptions = {},
): Promise<PingResult> {
  const { now = Date.now, clock = () => performance.now(), hub = null } = options;
  const sentAt = now();
  const body = pingBody(endpoint, sentAt);
  const headers = {
    ...((endpoint.format ?? 'json') === 'json'
      ? signBatch(endpoint.secret, `ping_${uuidv7()}`, body, sentAt)
      : { 'content-type': 'application/json' }),
    ...hubAuthorization(endpoint.url, hub),
  };
  let excerpt: Promise<string> = Promise.resolve('');
  const tapped: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    excerpt = readExcerpt(response.clone(), EXCERPT_CHARS);
    return response;
  };
  const started = clock();
  const outcome = await postBatch(tapped, endpoint.url, headers, body, sentAt);
  const latencyMs = Math.round(clock() - started);
  return {
    ok: outcome.ok,
    status: outcome.status,
    latencyMs,
    excerpt: await excerpt,
    error: outcome.ok ? null : outcome.error,
  };
}
