import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import type { Hub } from '../../lib/config/settings';
import { type BadgeApi, badgeTitle, showUnseen } from '../../lib/hub/status/badge';
import { createLoopBack } from '../../lib/hub/status/loop-back';
import type { PollRecord, PollResult } from '../../lib/hub/status/poll';
import {
  createReviewPoller,
  MIN_INTERVAL_MS,
  STATUS_ALARM,
  STATUS_PERIOD_MINUTES,
  syncStatusAlarm,
} from '../../lib/hub/status/poller';
import type { Handlers, ReplyOf } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { testConfig } from '../helpers/config';
import { makeItem } from '../helpers/items';

const HUB: Hub = { url: 'https://hub.example.com', agentToken: 'agent-token-0123456789abcdef' };
const queried: PollResult = {
  record: { at: 0, ok: true, message: '1 capture checked', checked: 1 },
  changed: 0,
  newlyActioned: [],
  unseen: 0,
};

/** A fake toolbar action that remembers what it shows. */
function fakeAction() {
  const shown = { text: '', color: '', title: 'Earmark' };
  const action: BadgeApi = {
    setBadgeText: async ({ text }) => {
      shown.text = text;
    },
    setBadgeBackgroundColor: async ({ color }) => {
      shown.color = color;
    },
    setTitle: async ({ title }) => {
      shown.title = title;
    },
  };
  return { action, shown };
}

describe('status poll scheduling', () => {
  function setup(target: string | null = 'hub', result: PollResult = queried) {
    let clock = 1_000_000;
    const poll = vi.fn(async () => result);
    const onResult = vi.fn(async () => {});
    const poller = createReviewPoller({ poll, target: async () => target, now: () => clock, onResult });
    return {
      poller,
      poll,
      onResult,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }

  it('polls at most every 30 s for the sidebar, always for the alarm', async () => {
    const { poller, poll, onResult, advance } = setup();
    expect(await poller.request('sidebar')).toBe(queried);
    expect(await poller.request('sidebar')).toBeNull();
    expect(await poller.request('alarm')).toBe(queried);
    advance(MIN_INTERVAL_MS);
    expect(await poller.request('sidebar')).toBe(queried);
    expect(poll).toHaveBeenCalledTimes(3);
    expect(onResult).toHaveBeenCalledTimes(3);
  });

  it('does not poll at all without a hub and an agent token', async () => {
    const { poller, poll } = setup(null);
    expect(await poller.request('alarm')).toBeNull();
    expect(await poller.request('sidebar')).toBeNull();
    expect(poll).not.toHaveBeenCalled();
  });

  it('shares one running poll between requests', async () => {
    const { poller, poll } = setup();
    const [a, b] = await Promise.all([poller.request('alarm'), poller.request('sidebar')]);
    expect(a).toBe(b);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it('does not count a poll that had nothing to ask', async () => {
    const idle = { ...queried, record: null };
    const { poller, poll } = setup('hub', idle);
    await poller.request('sidebar');
    await poller.request('sidebar');
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it('polls at once when settings changed the hub, debounces other settings changes', async () => {
    let target = 'hub-a';
    const poll = vi.fn(async () => queried);
    const poller = createReviewPoller({
      poll,
      target: async () => target,
      now: () => 5_000_000,
      onResult: async () => {},
    });
    await poller.request('settings');
    expect(await poller.request('settings')).toBeNull();
    target = 'hub-b';
    expect(await poller.request('settings')).toBe(queried);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it('logs a failing result handler instead of throwing it into the worker', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const poller = createReviewPoller({
      poll: async () => queried,
      target: async () => 'hub',
      now: () => 0,
      onResult: async () => {
        throw new Error('storage full');
      },
    });
    expect(await poller.request('alarm')).toBe(queried);
    expect(error).toHaveBeenCalled();
  });

  it('keeps the 5-minute alarm only while a hub with an agent token is configured', async () => {
    await syncStatusAlarm(fakeBrowser.alarms, HUB);
    expect(await fakeBrowser.alarms.get(STATUS_ALARM)).toMatchObject({
      periodInMinutes: STATUS_PERIOD_MINUTES,
    });
    await syncStatusAlarm(fakeBrowser.alarms, { url: HUB.url, leadToken: 'lead-token-0123456789abcdef' });
    expect(await fakeBrowser.alarms.get(STATUS_ALARM)).toBeUndefined();
    await syncStatusAlarm(fakeBrowser.alarms, null);
    expect(await fakeBrowser.alarms.get(STATUS_ALARM)).toBeUndefined();
  });
});

describe('toolbar badge', () => {
  it('shows the unseen count in green with a title that says what it counts, and clears', async () => {
    const { action, shown } = fakeAction();
    await showUnseen(action, 2);
    expect(shown).toEqual({
      text: '2',
      color: '#1a7f37',
      title: 'Earmark: 2 of your captures were actioned',
    });
    await showUnseen(action, 150);
    expect(shown.text).toBe('99+');
    await showUnseen(action, 0);
    expect(shown).toMatchObject({ text: '', title: 'Earmark' });
    expect(badgeTitle(1)).toBe('Earmark: 1 of your captures was actioned');
  });
});

describe('loop back as the worker wires it', () => {
  /** The sidebar's sender: a content script on the page the capture was made on. */
  const onTicketPage = { url: 'https://acme.zendesk.com/agent/tickets/4821' };
  async function setup(hub: Hub | null = HUB) {
    const db = await openEarmarkDB(`loop-${Math.random()}`);
    const item = makeItem({ capturedAt: new Date().toISOString() });
    await db.put('items', { item, sentAt: Date.now() });
    const records: PollRecord[] = [];
    const { action, shown } = fakeAction();
    let config = testConfig({ hub });
    const fetch = vi.fn(async () =>
      Response.json([{ id: item.id, status: 'actioned', comment: 'Shipped', updatedAt: null }]),
    );
    const loop = createLoopBack({
      db: async () => db,
      loadConfig: async () => config,
      fetch: fetch as unknown as typeof globalThis.fetch,
      now: Date.now,
      action,
      alarms: fakeBrowser.alarms,
      saveRecord: async (r) => void records.push(r),
    });
    const send = <T extends 'reviews-refresh' | 'reviews-seen' | 'recent'>(
      handlers: Handlers,
      type: T,
      body: object = {},
    ) => (handlers[type] as (r: unknown, s: unknown) => Promise<ReplyOf<T>>)({ type, ...body }, onTicketPage);
    const setHub = (next: Hub | null) => {
      config = testConfig({ hub: next });
    };
    return { db, item, loop, records, shown, fetch, send, setHub };
  }

  it('alarm → badge; the sidebar sees it → badge cleared; the recent list carries the review', async () => {
    const { db, item, loop, records, shown, send } = await setup();
    await loop.onStart();
    expect(await fakeBrowser.alarms.get(STATUS_ALARM)).toBeDefined();
    await loop.onAlarm('earmark-flush'); // someone else's alarm: no poll
    expect(records).toHaveLength(0);
    await loop.onAlarm(STATUS_ALARM);
    expect(records).toEqual([expect.objectContaining({ ok: true, checked: 1 })]);
    expect(shown.text).toBe('1');

    const captures = createCaptureHandlers({
      db: async () => db,
      loadConfig: async () => testConfig(),
      now: Date.now,
      newId: () => 'unused',
      onQueued: () => {},
    });
    const { entries } = await send(captures, 'recent', { limit: 10 });
    expect(entries[0]?.review).toEqual({
      status: 'actioned',
      comment: 'Shipped',
      updatedAt: null,
      seen: false,
    });
    expect(await send(loop.handlers, 'reviews-seen', { ids: [item.id] })).toEqual({ unseen: 0 });
    expect(shown.text).toBe('');
    expect((await send(captures, 'recent', { limit: 10 })).entries[0]?.review?.seen).toBe(true);
  });

  it('the sidebar opening polls once per 30 s; removing the hub clears the alarm', async () => {
    const { loop, fetch, send, setHub } = await setup();
    expect(await send(loop.handlers, 'reviews-refresh')).toEqual({ polled: true, changed: 1 });
    expect(await send(loop.handlers, 'reviews-refresh')).toEqual({ polled: false, changed: 0 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await loop.onStart();
    setHub(null);
    await loop.onConfigChanged();
    expect(await fakeBrowser.alarms.get(STATUS_ALARM)).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('the popup marks everything seen', async () => {
    const { loop, shown, send } = await setup();
    await loop.onAlarm(STATUS_ALARM);
    expect(shown.text).toBe('1');
    expect(await send(loop.handlers, 'reviews-seen', { ids: 'all' })).toEqual({ unseen: 0 });
    expect(shown.text).toBe('');
  });

  it('records a refused token for the options page and keeps the worker running', async () => {
    const { db, records } = await setup();
    const { action, shown } = fakeAction();
    const refusing = createLoopBack({
      db: async () => db,
      loadConfig: async () => testConfig({ hub: HUB }),
      fetch: (async () =>
        new Response('{"error":"invalid token"}', { status: 401 })) as typeof globalThis.fetch,
      now: Date.now,
      action,
      alarms: fakeBrowser.alarms,
      saveRecord: async (r) => void records.push(r),
    });
    await expect(refusing.onAlarm(STATUS_ALARM)).resolves.toBeUndefined();
    expect(records).toEqual([
      expect.objectContaining({
        ok: false,
        message: 'Agent token refused (HTTP 401: the hub refused the token)',
      }),
    ]);
    expect(shown.text).toBe('');
  });
});
