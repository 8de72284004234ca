import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import { BatchSchema, describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { createUseRecorder, type RecordUse } from '../auth/access';
import { agentMismatch, checkAgentToken } from '../auth/agent-token';
import { senderOf } from '../auth/client-address';
import {
  createRateLimiter,
  type RateLimit,
  WEBHOOK_FAILURE_RATE_LIMIT,
  WEBHOOK_RATE_LIMIT,
} from '../auth/rate-limit';
import type { HubStore } from '../store';

/** Largest webhook body accepted (a batch is at most 25 items or 64 KB; this leaves headroom). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Options of the ingest route; `secret` is a legacy secret with no team (attributed to none). */
export interface WebhookOptions {
  store: HubStore;
  secret?: string;
  now: () => Date;
  /** Requests per peer address; default WEBHOOK_RATE_LIMIT. */
  rateLimit?: RateLimit;
  /** Failed verifications (and unknown teams) per peer address; default WEBHOOK_FAILURE_RATE_LIMIT. */
  failureRateLimit?: RateLimit;
  /** Records an agent token's use; the app shares one with the token middleware. */
  recordUse?: RecordUse;
}

type Candidate = { teamId: string | null; secret: string };

const TeamId = z.uuid();

/**
 * Tries each candidate secret (newest first). During a rotation a team has two, and a sender may
 * put several `v1,` signatures in the header; any match verifies. The matching secret names the team.
 */
function verify(candidates: Candidate[], body: string, headers: Record<string, string>) {
  let firstError = 'No matching signature found';
  for (const [index, candidate] of candidates.entries()) {
    try {
      // Verifies the signature and the 5-minute replay window before anything is parsed.
      new Webhook(candidate.secret).verify(body, headers, { jsonParse: false });
      return { teamId: candidate.teamId };
    } catch (error) {
      const message = error instanceof WebhookVerificationError ? error.message : 'verification failed';
      if (index === 0) firstError = message;
    }
  }
  return { error: firstError };
}

/**
 * POST /v1/webhook/:teamId verifies against that team's secrets only. POST /v1/webhook (one-team
 * hubs, and senders set up before team paths) still tries every team's, plus the legacy secret:
 * refusing it on a hub with several teams would strand every extension already pointed there,
 * and the failure limit below bounds what an unsigned flood costs either way.
 */
export function webhookRoute(app: Hono<HubEnv>, options: WebhookOptions): void {
  const limiter = createRateLimiter(options.rateLimit ?? WEBHOOK_RATE_LIMIT);
  const failures = createRateLimiter(options.failureRateLimit ?? WEBHOOK_FAILURE_RATE_LIMIT);
  const recordUse = options.recordUse ?? createUseRecorder(options.store, options.now);

  /** Counts a failure against the peer; in-process calls (no socket) are not throttled. */
  function refuse(c: Context, error: string) {
    const address = senderOf(c);
    if (address !== null) failures.take(address);
    return c.json({ error }, 401);
  }

  /** The secrets a request to `teamId` (undefined = the bare path) may be signed with. */
  async function candidates(teamId: string | undefined): Promise<Candidate[]> {
    if (teamId !== undefined) return options.store.activeSecrets(options.now(), teamId);
    const all: Candidate[] = await options.store.activeSecrets(options.now());
    if (options.secret && !all.some((s) => s.secret === options.secret))
      all.push({ teamId: null, secret: options.secret });
    return all;
  }

  app.post(
    '/v1/webhook/:teamId?',
    // Before the body is read: a flood, or a peer that keeps failing, costs the hub as little as possible.
    async (c, next) => {
      const address = senderOf(c);
      const wait = address === null ? 0 : Math.max(failures.wait(address), limiter.take(address));
      if (wait === 0) return next();
      c.header('Retry-After', String(wait));
      return c.json({ error: 'rate limit exceeded' }, 429);
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body too large' }, 413) }),
    async (c) => {
      const teamId = c.req.param('teamId');
      // An unknown team is refused before its body is read or any other team's secret tried. 401,
      // not 404: the extension pauses the endpoint on 401 (a wrong URL) instead of parking its items.
      if (teamId !== undefined && !TeamId.safeParse(teamId).success) return refuse(c, 'unknown team');
      const secrets = await candidates(teamId);
      if (teamId !== undefined && !secrets.length) return refuse(c, 'unknown team');
      const body = await c.req.text();
      const verified = verify(secrets, body, Object.fromEntries(c.req.raw.headers));
      if ('error' in verified) return refuse(c, `signature rejected: ${verified.error}`);
      // After the signature: the sender holds the team's secret, so a missing or wrong agent token
      // is a setup problem (401 pauses its endpoint), not counted against the peer's failure limit,
      // which would throttle an office's other senders when an admin turns the requirement on.
      const agent = await checkAgentToken(
        options.store,
        c.req.header('authorization'),
        verified.teamId,
        recordUse,
      );
      if (!agent.ok) return c.json({ error: agent.error }, 401);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return c.json({ error: 'body is not valid JSON' }, 400);
      }
      const batch = BatchSchema.safeParse(json);
      if (!batch.success) return c.json({ error: `invalid batch: ${describeZodError(batch.error)}` }, 400);
      const { items } = batch.data;
      // 400, not a partial store: the extension parks the batch with this reason for an admin. A
      // team that does not require tokens stores a mismatched batch as before, unverified.
      const mismatch = agent.attribution && agentMismatch(items, agent.attribution.agentId);
      if (mismatch && agent.required) return c.json({ error: mismatch }, 400);
      const attribution = mismatch ? null : agent.attribution;
      const result = await options.store.upsertItems(items, verified.teamId, attribution !== null);
      return c.json({ received: items.length, ...result });
    },
  );
}
