import { readBodyBounded } from '../http/bounded-body';

/** Longest a hub request (answer and body) may take. */
export const HUB_TIMEOUT_MS = 10_000;
/** Most bytes of a hub answer read: 100 statuses with 2,000-character comments fit easily. */
export const HUB_MAX_BYTES = 1_000_000;

/** Outcome of one GET to the hub: its HTTP status and body text, or why there was none. */
export type HubAnswer =
  | { ok: true; status: number; body: string }
  | { ok: false; status: number | null; error: string };

/** Short words for an HTTP error an agent or admin can act on. */
export function describeHubError(status: number): string {
  if (status === 401) return 'HTTP 401: the hub refused the token';
  if (status === 403) return 'HTTP 403: this token may not do that';
  if (status === 429) return 'HTTP 429: too many requests, will try later';
  if (status >= 300 && status < 400) return `HTTP ${status}: redirect not followed`;
  return `HTTP ${status}`;
}

/**
 * GETs a hub path with an optional bearer token: no cookies, no redirects (the token must not
 * travel elsewhere), one timeout for answer and body, and a bounded read. Never throws.
 */
export async function hubGet(
  fetchImpl: typeof fetch,
  url: string,
  token: string | null,
  options: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<HubAnswer> {
  const timeoutMs = options.timeoutMs ?? HUB_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'GET',
      headers: token ? { authorization: `Bearer ${token}`, accept: 'application/json' } : {},
      redirect: 'manual',
      credentials: 'omit',
      signal: controller.signal,
    });
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    if (status < 200 || status >= 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, status, error: describeHubError(status) };
    }
    const bytes = await readBodyBounded(response, options.maxBytes ?? HUB_MAX_BYTES);
    const body = bytes && new TextDecoder().decode(bytes);
    if (body === null) return { ok: false, status, error: 'the hub answered more than expected' };
    return { ok: true, status, body };
  } catch (error) {
    const message = controller.signal.aborted
      ? `no answer within ${timeoutMs / 1000} s`
      : `network error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, status: null, error: message };
  } finally {
    clearTimeout(timer);
  }
}
