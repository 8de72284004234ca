import { readExcerpt } from '../http/bounded-body';

/** Outcome of one HTTP attempt, reduced to what the delivery engine acts on. */
export type PostOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; retryAfterMs: number | null; date?: string | null };

/** Longest a single request may take before it is abandoned and retried. */
export const REQUEST_TIMEOUT_MS = 15_000;
const MAX_ERROR_TEXT = 300;

/** Parses Retry-After (delta seconds or an HTTP date) into a delay in ms. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** POSTs a signed body; never follows redirects, never waits longer than the timeout. */
export async function postBatch(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: string,
  nowMs: number,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<PostOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: controller.signal,
      credentials: 'omit',
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true, status: response.status };
    }
    const text = await readExcerpt(response, MAX_ERROR_TEXT);
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    const reason = status >= 300 && status < 400 ? 'redirect not followed' : text || response.statusText;
    return {
      ok: false,
      status,
      error: `HTTP ${status}${reason ? `: ${reason}` : ''}`,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), nowMs),
      date: response.headers.get('date'),
    };
  } catch (error) {
    const aborted = controller.signal.aborted;
    const message = aborted ? `no answer within ${timeoutMs / 1000} s` : `network error: ${String(error)}`;
    return { ok: false, status: null, error: message, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
}
