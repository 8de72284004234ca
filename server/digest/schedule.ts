import type { HubStore } from '../store';
import { buildDigest, type Digest } from './build';
import { lastFullWeek } from './period';
import { deliverDigest, type SendDeps, type TargetResult } from './send';

/** How often the hub may send digests by itself (`--every`, EARMARK_DIGEST_EVERY); off when unset. */
export const DIGEST_CADENCES = ['week'] as const;
/** One cadence. */
export type DigestCadence = (typeof DIGEST_CADENCES)[number];
/** How often the schedule looks for a due digest. */
export const SCHEDULE_TICK_MS = 15 * 60_000;
/** A target whose send failed (after its retries) is tried again this long after the attempt. */
export const RETRY_FAILED_AFTER_MS = 60 * 60_000;

/** Parses a cadence (`week`); undefined or empty = off; anything else throws. */
export function parseCadence(value: string | undefined): DigestCadence | undefined {
  if (value === undefined || value === '') return undefined;
  const cadence = DIGEST_CADENCES.find((c) => c === value);
  if (!cadence) throw new Error(`digest schedule: --every must be ${DIGEST_CADENCES.join(' or ')}`);
  return cadence;
}

/**
 * Sends the last full week's digest to every target that has not had it. Each target is claimed in
 * the database first (store.claimDigestTarget), so a restart, or a second hub on the same database,
 * does not send a week twice; a failed target is claimed again RETRY_FAILED_AFTER_MS later.
 */
export async function runDueDigests(
  store: HubStore,
  now: Date,
  deps: SendDeps = {},
): Promise<TargetResult[]> {
  const period = lastFullWeek(now);
  const digests = new Map<string, Promise<Digest>>();
  const results: TargetResult[] = [];
  for (const target of await store.listDigestTargets()) {
    if (!(await store.claimDigestTarget(target.id, period.to, now, RETRY_FAILED_AFTER_MS))) continue;
    let digest = digests.get(target.teamId);
    if (!digest) {
      digest = buildDigest(store, { id: target.teamId, name: target.teamName }, period);
      digests.set(target.teamId, digest);
    }
    const result = await deliverDigest(store, target, await digest, {
      ...deps,
      now: () => deps.now?.() ?? now,
    });
    // Never silent: the error is also on the target (`digest target list`).
    if (!result.ok) console.error(`Earmark hub: digest to target ${target.id} failed: ${result.error}`);
    results.push(result);
  }
  return results;
}

/** A running digest schedule. */
export interface DigestSchedule {
  /** Looks for due digests now (after any check already running). */
  tick(): Promise<TargetResult[]>;
  stop(): Promise<void>;
}

/** Starts checking for due digests at start and every SCHEDULE_TICK_MS (or `tickMs`). */
export function startDigestSchedule(
  store: HubStore,
  options: { every: DigestCadence; deps?: SendDeps; tickMs?: number },
): DigestSchedule {
  const deps = options.deps ?? {};
  const now = deps.now ?? (() => new Date());
  let running: Promise<TargetResult[]> = Promise.resolve([]);
  const tick = () => {
    // One check at a time: a slow send must not overlap the next tick.
    running = running.then(
      () => runDueDigests(store, now(), deps),
      () => runDueDigests(store, now(), deps),
    );
    return running;
  };
  const report = (error: unknown) => console.error('Earmark hub: digest schedule failed:', error);
  tick().catch(report);
  const timer = setInterval(() => void tick().catch(report), options.tickMs ?? SCHEDULE_TICK_MS);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}
