/** Token bucket settings: sustained rate per second and burst size. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Default: 20 requests per second per token, bursts of 60. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 60 };

/**
 * In-memory token buckets, one per key (token id). Only authenticated callers get a bucket,
 * so the map is bounded by the number of tokens. Per process: several hubs each allow the rate.
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
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    },
  };
}
