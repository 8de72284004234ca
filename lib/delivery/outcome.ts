import type { PostOutcome } from './post';

/** What the engine does with a batch after one attempt. */
export type Decision =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: string; retryAfterMs: number | null; countsAsAttempt: boolean }
  | { kind: 'pause'; reason: string }
  | { kind: 'park'; reason: string }
  | { kind: 'split' }
  | { kind: 'skew'; reason: string };

/** Shown when a receiver refuses our credentials (design: "Needs attention"). */
export const AUTH_REFUSED = 'Needs attention: the endpoint refused our signature or token';
/**
 * The timestamp errors the official Standard Webhooks libraries raise ("Message timestamp too
 * old" / "too new"). Looser words ("expired", "timestamp") also describe expired tokens or bad
 * requests, which are not ours to retry forever, so only these exact messages count as skew.
 */
const STANDARD_WEBHOOKS_SKEW = /\bmessage timestamp too (?:old|new)\b/i;
const SKEW_LIMIT_MS = 5 * 60_000;

/** How far the receiver's Date header is from our clock, when it is far enough to matter. */
function clockSkewMs(outcome: PostOutcome & { ok: false }, nowMs: number): number | null {
  const date = outcome.date ? Date.parse(outcome.date) : Number.NaN;
  if (Number.isNaN(date)) return null;
  const skew = nowMs - date;
  return Math.abs(skew) > SKEW_LIMIT_MS ? skew : null;
}

/** Classifies one attempt's outcome; `online` false means failures don't burn attempts. */
export function decide(
  outcome: PostOutcome,
  context: { online: boolean; rows: number; nowMs: number },
): Decision {
  if (outcome.ok) return { kind: 'delivered' };
  const { status, error, retryAfterMs } = outcome;
  if (status === null) return { kind: 'retry', error, retryAfterMs: null, countsAsAttempt: context.online };
  const skew = clockSkewMs(outcome, context.nowMs);
  if (
    (status === 400 || status === 401 || status === 403) &&
    (skew !== null || STANDARD_WEBHOOKS_SKEW.test(error))
  ) {
    const off =
      skew === null
        ? ''
        : ` (about ${Math.round(Math.abs(skew) / 60_000)} min ${skew > 0 ? 'ahead' : 'behind'})`;
    return {
      kind: 'skew',
      reason: `The receiver rejected our timestamp: check this computer's clock${off}. ${error}`,
    };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', error, retryAfterMs, countsAsAttempt: true };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'retry',
      error: `${error}: fix the endpoint URL`,
      retryAfterMs: null,
      countsAsAttempt: true,
    };
  }
  if (status === 401 || status === 403) return { kind: 'pause', reason: `${AUTH_REFUSED} (${error})` };
  if (status === 410)
    return { kind: 'pause', reason: `Gone: the receiver says this endpoint no longer exists (${error})` };
  if (status === 413) {
    return context.rows > 1
      ? { kind: 'split' }
      : { kind: 'park', reason: `Too large for the receiver (${error})` };
  }
  return { kind: 'park', reason: `Rejected by the receiver (${error})` };
}
