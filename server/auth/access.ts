import type { Context, MiddlewareHandler } from 'hono';
import type { HubStore, Role } from '../store';
import { peer, senderOf } from './client-address';
import { ANONYMOUS_RATE_LIMIT, createRateLimiter, type RateLimit } from './rate-limit';
import { bearerToken, hashToken, type Principal, principalOf, sameHash } from './tokens';

/** Per request: who is calling (after `need`), and the sender's address (client-address.ts). */
export type HubEnv = { Variables: { principal: Principal; client: string | null } };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Options for {@link access}. */
export interface AccessOptions {
  store: HubStore;
  demo: boolean;
  rateLimit: RateLimit;
  /** For callers without a valid token, per peer address. */
  anonymousRateLimit?: RateLimit;
  /** Clock for last-use records (tests move it past the minute). */
  now?: () => Date;
  /** Shared with the webhook route, so both throttle one token's last-use writes together. */
  recordUse?: RecordUse;
}

/** A token's last use is written at most this often: a busy token costs one UPDATE a minute, not one per request. */
export const LAST_USE_INTERVAL_MS = 60_000;

/** Records that a token authenticated. */
export type RecordUse = (tokenId: string) => Promise<void>;

/** Records a token's use unless this process already did so within LAST_USE_INTERVAL_MS. */
export function createUseRecorder(store: HubStore, now: () => Date = () => new Date()): RecordUse {
  const lastRecorded = new Map<string, number>();
  return async (tokenId) => {
    const at = now();
    const previous = lastRecorded.get(tokenId);
    if (previous !== undefined && at.getTime() - previous < LAST_USE_INTERVAL_MS) return;
    lastRecorded.set(tokenId, at.getTime());
    await store.touchToken(tokenId, at);
  };
}

/** Builds the auth middleware factory: `need(roles, { bootstrap })` for each route. */
export function access(options: AccessOptions) {
  const limiter = createRateLimiter(options.rateLimit);
  const anonymous = createRateLimiter(options.anonymousRateLimit ?? ANONYMOUS_RATE_LIMIT);
  const recordUse = options.recordUse ?? createUseRecorder(options.store, options.now);

  /** Counts a refused or token-less request against its peer address; a 429 once over the limit. */
  function anonymousRefusal(c: Context, status: 401, error: string) {
    // In-process calls (no socket) cannot come from the network: nothing to throttle.
    const address = senderOf(c);
    const wait = address === null ? 0 : anonymous.take(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: 'rate limit exceeded' }, 429);
    }
    return c.json({ error }, status);
  }

  /**
   * Bootstrap rule: without a token, reads are allowed when the hub runs with demo: true, or when
   * the request is from loopback, carries no proxy header, and no token exists yet.
   */
  async function bootstrapAllowed(c: Context): Promise<boolean> {
    if (options.demo) return true;
    const address = peer(c);
    if (address !== null && !LOOPBACK.has(address)) return false;
    // Behind a local reverse proxy every request looks like loopback; a forwarding header gives it away.
    if (c.req.header('x-forwarded-for') || c.req.header('forwarded')) return false;
    return !(await options.store.hasTokens());
  }

  return function need(roles: Role[], opts: { bootstrap?: boolean } = {}): MiddlewareHandler<HubEnv> {
    return async (c, next) => {
      const header = c.req.header('authorization');
      let principal: Principal;
      if (!header) {
        if (!opts.bootstrap || !(await bootstrapAllowed(c)))
          return anonymousRefusal(c, 401, 'token required');
        principal = { tokenId: null, role: 'admin', teamId: null, agentId: null };
      } else {
        const bearer = bearerToken(header);
        const hash = bearer ? hashToken(bearer) : null;
        const token = hash ? await options.store.findToken(hash) : null;
        if (!hash || !token || !sameHash(token.hash, hash)) return anonymousRefusal(c, 401, 'invalid token');
        principal = principalOf(token);
        await recordUse(token.id);
      }
      const wait = limiter.take(principal.tokenId ?? 'bootstrap');
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return c.json({ error: 'rate limit exceeded' }, 429);
      }
      if (!roles.includes(principal.role)) return c.json({ error: 'forbidden for this role' }, 403);
      c.set('principal', principal);
      await next();
    };
  };
}
