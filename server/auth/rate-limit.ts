/** Token bucket settings: sustained rate per second and burst size. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Default: 20 requests per second per token, bursts of 60. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 60 };

/** Callers without a valid token, per peer address: enough to retry, too few to guess tokens. */
export const ANONYMOUS_RATE_LIMIT: RateLimit = { perSecond: 2, burst: 20 };

/**
 * Webhook senders, per peer address: browsers behind one NAT share it, and a drain sends a
 * batch of 25 items per request, so this is generous; it only stops a flood.
 */
export const WEBHOOK_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 1000 };

/**
 * Failed webhook verifications, per peer address: each costs an HMAC of up to 1 MB per candidate
 * secret and a sender with the right secret rarely fails, so far fewer than WEBHOOK_RATE_LIMIT.
 */
export const WEBHOOK_FAILURE_RATE_LIMIT: RateLimit = { perSecond: 0.2, burst: 20 };

/**
 * Sign-in requests (start, callback, code exchange, refresh), per peer address: nothing there needs
 * a token yet, and each start writes a row; generous enough for an office behind one address whose
 * agents all sign in at the start of a shift, or refresh every 15 minutes.
 */
export const SIGN_IN_RATE_LIMIT: RateLimit = { perSecond: 10, burst: 300 };

/** Most keys a limiter remembers: peer addresses come from the network, so the map is capped. */
const MAX_KEYS = 10_000;

/**
 * In-memory token buckets, one per key (token id or peer address). The least recently seen key is
 * forgotten past MAX_KEYS, which only ever gives that caller a fresh bucket. Per process: several
 * hubs each allow the rate.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one request; returns 0 when allowed, else the seconds to wait. */
    take(key: string): number {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
      bucket.at = t;
      // Re-inserting keeps the map in least-recently-seen order for the cap below.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    },
    /** The seconds until `key` may take one request (0 = now), without taking it. */
    wait(key: string): number {
      const bucket = buckets.get(key);
      if (!bucket) return 0;
      const tokens = Math.min(limit.burst, bucket.tokens + ((now() - bucket.at) / 1000) * limit.perSecond);
      return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    },
  };
}
