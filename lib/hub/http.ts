import type { z } from 'zod';
import { readBodyBounded } from '../http/bounded-body';
import { errorForStatus, HubError } from './errors';

// The one HTTP client for the hub: the review page, the loop back's status poll and Test
// connection all go through hubRequest, so they share its timeout, redirect and size rules.

/** Longest a hub request (answer and body) may take unless the caller says otherwise. */
export const HUB_TIMEOUT_MS = 10_000;
/** Most bytes of an answer read unless the caller says otherwise: 100 statuses with 2,000-character comments fit easily. */
export const HUB_MAX_BYTES = 1_000_000;

/** Where the hub is and how to authenticate; fetch is injectable for tests. */
export interface HubConnection {
  /** Base URL without a trailing slash, as HubSchema stores it. */
  url: string;
  /** Bearer token (agent or lead); null for the unauthenticated /healthz. */
  token: string | null;
  /**
   * Asked before each request instead of `token`: a sign-in's access token lasts minutes, and only
   * the worker refreshes it (lib/auth/session-keeper.ts).
   */
  tokenSource?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Per request, body included; HUB_TIMEOUT_MS when absent. */
  timeoutMs?: number;
}

/** One request: method, JSON body, the caller's abort signal and the largest body accepted. */
export interface RequestOptions {
  method?: 'GET' | 'PATCH' | 'POST';
  json?: unknown;
  signal?: AbortSignal;
  /** HUB_MAX_BYTES when absent. */
  maxBytes?: number;
  accept?: string;
  /** Overrides the connection's timeout (an export takes longer than a page). */
  timeoutMs?: number;
}

/** Reads a body up to maxBytes: a wrong URL or a hostile server must not make the page buffer more. */
export async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readBodyBounded(response, maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number): HubError {
  return new HubError('bad-response', `the hub's answer is larger than ${Math.round(maxBytes / 1024)} KB`, {
    short: 'the hub answered more than expected',
  });
}

/** The `{error}` text of a JSON error body, if any (best effort, bounded). */
async function errorDetail(response: Response): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(await readBounded(response, 4096)));
    const error = (parsed as { error?: unknown } | null)?.error;
    return typeof error === 'string' ? error.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * Sends one request and returns the 2xx body as bytes. No cookies and no redirects (the token
 * must not travel to wherever a redirect points); one timeout for answer and body; a bounded
 * read. Every failure is a HubError: unreachable (network, timeout), token (401/403),
 * rate-limited (429), http (a redirect or any other status), bad-response (too large), aborted.
 */
export async function hubRequest(
  conn: HubConnection,
  path: string,
  options: RequestOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const timeoutMs = options.timeoutMs ?? conn.timeoutMs ?? HUB_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  const token = conn.tokenSource ? await conn.tokenSource().catch(() => null) : conn.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const doFetch = conn.fetch ?? globalThis.fetch.bind(globalThis);
  const failed = (error: unknown): HubError => {
    if (options.signal?.aborted) return new HubError('aborted', 'cancelled');
    if (timeout.aborted) {
      return new HubError('unreachable', `the hub did not answer within ${Math.round(timeoutMs / 1000)} s`, {
        short: `no answer within ${timeoutMs / 1000} s`,
      });
    }
    if (error instanceof HubError) return error;
    return new HubError('unreachable', `could not reach the hub at ${new URL(conn.url).origin}`, {
      short: `network error: ${error instanceof Error ? error.message : String(error)}`,
    });
  };
  try {
    const response = await doFetch(`${conn.url}${path}`, {
      method: options.method ?? 'GET',
      headers,
      signal,
      redirect: 'manual',
      // The token goes in a header; nothing else of the browser's (cookies) should.
      credentials: 'omit',
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    });
    // A browser hides a manual redirect's status behind an opaque response (status 0).
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    if (status < 200 || status >= 300) {
      throw errorForStatus(status, response.headers.get('retry-after'), await errorDetail(response));
    }
    return await readBounded(response, options.maxBytes ?? HUB_MAX_BYTES);
  } catch (error) {
    throw failed(error);
  }
}

/** hubRequest, then JSON parsed and validated with the schema (bad-response otherwise). */
export async function hubJson<T>(
  conn: HubConnection,
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  const bytes = await hubRequest(conn, path, options);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HubError('bad-response', 'the hub answered with something that is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'body';
    throw new HubError(
      'bad-response',
      `the hub's answer does not match the API (${where}: ${issue?.message})`,
    );
  }
  return parsed.data;
}
