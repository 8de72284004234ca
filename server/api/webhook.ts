import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { BatchSchema, describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { peer } from '../auth/access';
import { createRateLimiter, type RateLimit, WEBHOOK_RATE_LIMIT } from '../auth/rate-limit';
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
}

/**
 * Tries every active secret (newest first). During a rotation a team has two, and a sender may
 * put several `v1,` signatures in the header; any match verifies. The matching secret names the team.
 */
async function verify(options: WebhookOptions, body: string, headers: Record<string, string>) {
  const candidates: Array<{ teamId: string | null; secret: string }> = await options.store.activeSecrets(
    options.now(),
  );
  if (options.secret && !candidates.some((s) => s.secret === options.secret))
    candidates.push({ teamId: null, secret: options.secret });
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

/** POST /v1/webhook: signed, idempotent ingest by item id + revision. */
export function webhookRoute(app: Hono<HubEnv>, options: WebhookOptions): void {
  const limiter = createRateLimiter(options.rateLimit ?? WEBHOOK_RATE_LIMIT);
  app.post(
    '/v1/webhook',
    // Before the body is read: a flood costs the hub as little as possible.
    async (c, next) => {
      const address = peer(c);
      const wait = address === null ? 0 : limiter.take(address);
      if (wait === 0) return next();
      c.header('Retry-After', String(wait));
      return c.json({ error: 'rate limit exceeded' }, 429);
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body too large' }, 413) }),
    async (c) => {
      const body = await c.req.text();
      const verified = await verify(options, body, Object.fromEntries(c.req.raw.headers));
      if ('error' in verified) return c.json({ error: `signature rejected: ${verified.error}` }, 401);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return c.json({ error: 'body is not valid JSON' }, 400);
      }
      const batch = BatchSchema.safeParse(json);
      if (!batch.success) return c.json({ error: `invalid batch: ${describeZodError(batch.error)}` }, 400);
      const result = await options.store.upsertItems(batch.data.items, verified.teamId);
      return c.json({ received: batch.data.items.length, ...result });
    },
  );
}
