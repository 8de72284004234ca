/** Why a hub request failed, in the words the review page shows. */
export type HubErrorKind =
  | 'unreachable' // network error or timeout: the hub did not answer
  | 'token' // 401 or 403: the lead token is missing, wrong, revoked or not a lead's
  | 'rate-limited' // 429: wait retryAfterSeconds
  | 'bad-response' // not what the API documents: wrong shape, not JSON, too large
  | 'http' // any other non-2xx answer (400, 404, 5xx), with the hub's own message
  | 'aborted'; // the caller cancelled (a newer request replaced this one)

/**
 * A failed hub request. `message` is a sentence for the review page; `short` says the same in a
 * few words for a status line (Test connection, the loop back's last poll), defaulting to message.
 */
export class HubError extends Error {
  readonly kind: HubErrorKind;
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;
  readonly short: string;

  constructor(
    kind: HubErrorKind,
    message: string,
    options: { status?: number; retryAfterSeconds?: number; short?: string } = {},
  ) {
    super(message);
    this.name = 'HubError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.short = options.short ?? message;
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The HubError for a non-2xx status; `detail` is the hub's `{error}` text when it sent one. */
export function errorForStatus(status: number, retryAfter: string | null, detail: string | null): HubError {
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) {
    const short = status === 401 ? 'the hub refused the token' : 'this token may not do that';
    return new HubError('token', `the hub refused the lead token (HTTP ${status}${suffix})`, {
      status,
      short: `HTTP ${status}: ${short}`,
    });
  }
  if (status === 429) {
    const seconds = parseRetryAfter(retryAfter);
    const wait = seconds === null ? '' : `; try again in ${seconds} s`;
    return new HubError('rate-limited', `the hub is rate limiting this token${wait}`, {
      status,
      short: 'HTTP 429: too many requests, will try later',
      ...(seconds === null ? {} : { retryAfterSeconds: seconds }),
    });
  }
  if (status >= 300 && status < 400) {
    // The token must not travel to wherever the redirect points: check the hub URL instead.
    return new HubError('http', `the hub answered with a redirect (HTTP ${status}), which is not followed`, {
      status,
      short: `HTTP ${status}: redirect not followed`,
    });
  }
  return new HubError('http', `the hub answered HTTP ${status}${suffix}`, {
    status,
    short: `HTTP ${status}`,
  });
}

/** Any thrown value as a HubError (unexpected ones become bad-response). */
export function asHubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new HubError('aborted', 'cancelled');
  return new HubError('bad-response', error instanceof Error ? error.message : String(error));
}
