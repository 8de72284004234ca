import type { EffectiveConfig } from '../../config/policy';
import type { EarmarkDatabase } from '../../store/db';
import { type BadgeApi, showUnseen } from './badge';
import { createReviewHandlers, type ReviewHandlers } from './handlers';
import { type PollRecord, pollReviewStatus } from './poll';
import { type AlarmsApi, createReviewPoller, pollTarget, STATUS_ALARM, syncStatusAlarm } from './poller';
import { unseenCount } from './reviews';

/** What the loop back needs from the worker (fakes in tests). */
export interface LoopBackDeps {
  db: () => Promise<EarmarkDatabase>;
  loadConfig: () => Promise<EffectiveConfig>;
  fetch: typeof fetch;
  now: () => number;
  action: BadgeApi;
  alarms: AlarmsApi;
  saveRecord: (record: PollRecord) => Promise<void>;
}

/** The loop back to the agent as the background wires it: handlers plus its event entry points. */
export interface LoopBack {
  handlers: ReviewHandlers;
  /** Polls when the status alarm fires. */
  onAlarm(name: string): Promise<void>;
  /** Settings or policy changed: keep the alarm in step and poll if the hub changed. */
  onConfigChanged(): Promise<void>;
  /** Worker start: the alarm exists iff a hub is configured, and the badge shows what is unseen. */
  onStart(): Promise<void>;
}

function logged(what: string, run: () => Promise<unknown>): Promise<void> {
  return run().then(
    () => undefined,
    (error: unknown) => console.error(`Earmark: ${what}`, error),
  );
}

/** Builds the poller, its message handlers and event entry points; nothing here throws into the worker. */
export function createLoopBack(deps: LoopBackDeps): LoopBack {
  const poller = createReviewPoller({
    now: deps.now,
    target: async () => pollTarget((await deps.loadConfig()).hub),
    poll: async () =>
      pollReviewStatus({
        db: await deps.db(),
        hub: (await deps.loadConfig()).hub,
        fetch: deps.fetch,
        now: deps.now,
      }),
    onResult: async (result) => {
      if (result.record) await deps.saveRecord(result.record);
      await showUnseen(deps.action, result.unseen);
    },
  });
  const handlers = createReviewHandlers({
    db: deps.db,
    poller,
    onSeen: (unseen) => showUnseen(deps.action, unseen),
  });
  const syncAlarm = async () => syncStatusAlarm(deps.alarms, (await deps.loadConfig()).hub);
  return {
    handlers,
    onAlarm: (name) =>
      name === STATUS_ALARM ? logged('status poll', () => poller.request('alarm')) : Promise.resolve(),
    onConfigChanged: () =>
      logged('status settings', async () => {
        await syncAlarm();
        await poller.request('settings');
      }),
    onStart: () =>
      logged('status start', async () => {
        await syncAlarm();
        await showUnseen(deps.action, await unseenCount(await deps.db()));
      }),
  };
}
