import type { Hub } from '../../config/settings';
import type { PollResult } from './poll';

/** Name of the alarm that polls the hub for review statuses. */
export const STATUS_ALARM = 'earmark-status';
/** How often the alarm polls. */
export const STATUS_PERIOD_MINUTES = 5;
/** A poll asked for by the sidebar (or an unrelated settings change) runs at most this often. */
export const MIN_INTERVAL_MS = 30_000;

/** Why a poll is asked for: the alarm always polls; the others are debounced. */
export type PollReason = 'alarm' | 'sidebar' | 'settings';

/** Runs status polls one at a time. */
export interface ReviewPoller {
  /** Polls now, or answers null when polling is off or a recent poll makes this one unnecessary. */
  request(reason: PollReason): Promise<PollResult | null>;
}

/** The hub a poll talks to, as a comparable key; null when polling is off. */
export function pollTarget(hub: Hub | null): string | null {
  return hub?.agentToken ? `${hub.url} ${hub.agentToken}` : null;
}

/**
 * Single flight plus debounce: a request while a poll runs shares it; a sidebar request within
 * MIN_INTERVAL_MS of the last poll that reached the hub is skipped; a settings change polls at
 * once when it changed the hub or token (the agent wants to know it works), else is debounced.
 * A poll with nothing to ask does not count, so the first capture's news is not held back.
 */
export function createReviewPoller(deps: {
  poll: () => Promise<PollResult>;
  target: () => Promise<string | null>;
  now: () => number;
  /** Stores the record and updates the badge; its errors are logged, never thrown. */
  onResult: (result: PollResult) => Promise<void>;
}): ReviewPoller {
  let running: Promise<PollResult> | null = null;
  let lastQueriedAt = Number.NEGATIVE_INFINITY;
  let lastTarget: string | undefined;

  const run = (target: string): Promise<PollResult> => {
    running ??= (async () => {
      try {
        const result = await deps.poll();
        if (result.record) {
          lastQueriedAt = deps.now();
          lastTarget = target;
        }
        await deps.onResult(result).catch((e: unknown) => console.error('Earmark: status poll', e));
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    async request(reason) {
      if (running) return running;
      const target = await deps.target();
      if (target === null) return null; // no hub or no agent token: nothing to ask
      const recent = deps.now() - lastQueriedAt < MIN_INTERVAL_MS;
      if (reason === 'sidebar' && recent) return null;
      if (reason === 'settings' && recent && target === lastTarget) return null;
      return run(target);
    },
  };
}

/** The part of `browser.alarms` the schedule uses. */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** Keeps the status alarm while a hub with an agent token is configured, and only then. */
export async function syncStatusAlarm(alarms: AlarmsApi, hub: Hub | null): Promise<void> {
  const existing = await alarms.get(STATUS_ALARM);
  if (pollTarget(hub) === null) {
    if (existing) await alarms.clear(STATUS_ALARM);
    return;
  }
  if (!existing) await alarms.create(STATUS_ALARM, { periodInMinutes: STATUS_PERIOD_MINUTES });
}
