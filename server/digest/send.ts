import { uuidv7 } from 'uuidv7';
import type { HubStore } from '../store';
import { buildDigest, type Digest } from './build';
import type { Period } from './period';
import { digestBody, digestHeaders } from './render';
import type { DigestTarget } from './store';

/** Waits between attempts: 2 s, 10 s, 30 s (four attempts in all, under a minute). */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000];
/** Longest one attempt may take. */
export const SEND_TIMEOUT_MS = 15_000;
const MAX_ERROR_TEXT = 200;

/** What a send needs from the world; tests pass a fake clock, no-op sleep and short delays. */
export interface SendDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

/** The outcome of sending to one target, after its retries. */
export interface TargetResult {
  targetId: string;
  format: DigestTarget['format'];
  ok: boolean;
  attempts: number;
  error: string | null;
}

const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** One POST: null on 2xx, else why it failed (status and the start of the answer, or the network error). */
async function postOnce(deps: SendDeps, url: string, headers: Record<string, string>, body: string) {
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? SEND_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await (deps.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: controller.signal,
    });
    const text = (await response.text().catch(() => '')).slice(0, MAX_ERROR_TEXT).trim();
    if (response.status >= 200 && response.status < 300) return null;
    return `HTTP ${response.status}${text ? `: ${text}` : ''}`;
  } catch (error) {
    if (controller.signal.aborted) return `no answer within ${timeoutMs / 1000} s`;
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `network error: ${error instanceof Error ? error.message : String(error)}${cause}`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a digest to one target, retrying any failure (network error, timeout, non-2xx) after each
 * of the retry delays, and records the outcome on the target (error, or delivery and period).
 */
export async function deliverDigest(
  store: HubStore,
  target: DigestTarget,
  digest: Digest,
  deps: SendDeps = {},
): Promise<TargetResult> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  const messageId = `msg_${uuidv7()}`;
  const body = digestBody(target.format, digest, now());
  let error: string | null = null;
  let attempts = 0;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await sleep(delays[attempt - 1] ?? 0);
    attempts += 1;
    const headers = digestHeaders(target.format, target.secret, messageId, body, now().getTime());
    error = await postOnce(deps, target.url, headers, body);
    if (error === null) break;
  }
  if (error !== null) error = `${error} (after ${attempts} attempts)`;
  await store.recordDigestAttempt(target.id, { at: now(), error, period: error ? null : digest.period });
  return { targetId: target.id, format: target.format, ok: error === null, attempts, error };
}

/** Builds the team's digest of the period and sends it to each of the team's targets. */
export async function sendTeamDigest(
  store: HubStore,
  team: { id: string; name: string },
  period: Period,
  deps: SendDeps = {},
): Promise<{ digest: Digest; results: TargetResult[] }> {
  const digest = await buildDigest(store, team, period);
  const results: TargetResult[] = [];
  for (const target of await store.listDigestTargets(team.id))
    results.push(await deliverDigest(store, target, digest, deps));
  return { digest, results };
}
