import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, runCommand } from '../../server/cli';
import type { DigestEvent } from '../../server/digest/render';
import {
  parseCadence,
  RETRY_FAILED_AFTER_MS,
  runDueDigests,
  startDigestSchedule,
} from '../../server/digest/schedule';
import { startHub } from '../../server/serve';
import type { HubStore } from '../../server/store';
import { startReceiver } from '../helpers/digest-hub';
import { hubStores } from '../helpers/hub-stores';

// The hub's own weekly digest: each team's last full week goes to each target once, also across a
// restart and with two schedules on one database; a failed target is tried again an hour later.
const { stores, dropSchema } = hubStores('hub-digest-schedule', 't_digest_schedule');

const WED = new Date('2026-12-02T10:00:00Z');
const NEXT_MON = new Date('2026-12-07T00:30:00Z');
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const noSleep = { sleep: async () => {} };
const periodOf = (body: string) => (JSON.parse(body) as DigestEvent).data.period;

describe.each(stores)('digest schedule, $name', ({ open }) => {
  let store: HubStore;
  const closers: Array<() => Promise<void>> = [];
  const cli = (...argv: string[]) => runCommand(store, argv, noSleep);
  const receiver = async (status?: (n: number) => number) => {
    const r = await startReceiver(status);
    closers.push(r.close);
    return r;
  };

  beforeAll(async () => {
    store = await open();
    await cli('team', 'create', 'Tier 1');
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) await close();
    await store?.close();
    await dropSchema();
  });

  it('sends each week once per target, whatever the restarts and ticks', async () => {
    const r = await receiver();
    await cli('digest', 'target', 'add', '--team', 'Tier 1', '--url', r.url, '--format', 'json');
    const sent = await runDueDigests(store, WED, noSleep);
    expect(sent).toMatchObject([{ ok: true, attempts: 1 }]);
    expect(periodOf(r.requests[0]?.body ?? '')).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
    expect(await runDueDigests(store, later(WED, 2 * RETRY_FAILED_AFTER_MS), noSleep)).toEqual([]);

    // A restarted hub is a new schedule on the same database: nothing is due until next Monday.
    let clock = later(WED, 3 * RETRY_FAILED_AFTER_MS);
    const schedule = startDigestSchedule(store, { every: 'week', deps: { ...noSleep, now: () => clock } });
    try {
      expect(await schedule.tick()).toEqual([]);
      clock = NEXT_MON;
      expect(await schedule.tick()).toMatchObject([{ ok: true }]);
      expect(await schedule.tick()).toEqual([]);
    } finally {
      await schedule.stop();
    }
    expect(r.requests).toHaveLength(2);
    expect(periodOf(r.requests[1]?.body ?? '').to).toBe('2026-12-07T00:00:00.000Z');
  });

  it('lets one of two schedules on one database send a week', async () => {
    await cli('team', 'create', 'Tier 2');
    const r = await receiver();
    await cli('digest', 'target', 'add', '--team', 'Tier 2', '--url', r.url, '--format', 'slack');
    const both = await Promise.all([runDueDigests(store, WED, noSleep), runDueDigests(store, WED, noSleep)]);
    expect(both.flat()).toHaveLength(1);
    expect(r.requests).toHaveLength(1);
  });

  it('tries a failed target again an hour later, and reports it each time', async () => {
    await cli('team', 'create', 'Tier 3');
    let down = true;
    const r = await receiver(() => (down ? 502 : 200));
    await cli('digest', 'target', 'add', '--team', 'Tier 3', '--url', r.url, '--format', 'teams');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const tier3 = (results: Awaited<ReturnType<typeof runDueDigests>>) =>
        results.filter((x) => x.format === 'teams');
      expect(tier3(await runDueDigests(store, NEXT_MON, noSleep))).toMatchObject([
        { ok: false, attempts: 4 },
      ]);
      expect(errors.mock.calls.flat().join('\n')).toContain('HTTP 502');
      expect(tier3(await runDueDigests(store, later(NEXT_MON, RETRY_FAILED_AFTER_MS / 2), noSleep))).toEqual(
        [],
      );
      down = false;
      const retried = await runDueDigests(store, later(NEXT_MON, RETRY_FAILED_AFTER_MS), noSleep);
      expect(tier3(retried)).toMatchObject([{ ok: true, attempts: 1 }]);
    } finally {
      errors.mockRestore();
    }
    expect(r.requests).toHaveLength(5);
  });

  it('is off unless asked for, and knows only week', () => {
    expect(parseCadence(undefined)).toBeUndefined();
    expect(parseCadence('')).toBeUndefined();
    expect(parseCadence('week')).toBe('week');
    expect(() => parseCadence('daily')).toThrow(/--every/);
  });
});

describe('digest schedule in a running hub, and the CLI exit code', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'earmark-digest-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sends on start with --every week, not again after a restart; a failed send exits 1', async () => {
    const r = await startReceiver();
    const down = await startReceiver(() => 500);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const config = { dataDir }; // opening it creates the team "Default"
      const add = ['digest', 'target', 'add', '--team', 'Default', '--url', r.url, '--format', 'slack'];
      expect(await runCli(config, add)).toBe(0);
      const digestDeps = { ...noSleep, now: () => WED };
      for (const start of [1, 2]) {
        const hub = await startHub({ dataDir, port: 0, digestEvery: 'week', digestDeps });
        await hub.stop(); // waits for the schedule's first check
        expect(r.requests, `start ${start}`).toHaveLength(1);
      }
      const off = await startHub({ dataDir, port: 0, digestDeps: { ...digestDeps, now: () => NEXT_MON } });
      await off.stop();
      expect(r.requests).toHaveLength(1);

      const addDown = ['digest', 'target', 'add', '--team', 'Default', '--url', down.url, '--format', 'json'];
      expect(await runCli(config, addDown)).toBe(0);
      error.mockClear();
      expect(await runCli(config, ['digest', 'send', '--team', 'Default'], noSleep)).toBe(1);
      expect(error.mock.calls.flat().join('\n')).toMatch(
        /digest target .*: HTTP 500: receiver is down \(after 4 attempts\)/,
      );
      const printed = JSON.parse(String(log.mock.calls.at(-1)?.[0])) as { results: Array<{ ok: boolean }> };
      expect(printed.results.map((x) => x.ok)).toEqual([true, false]);
    } finally {
      log.mockRestore();
      error.mockRestore();
      await r.close();
      await down.close();
    }
  }, 120_000);
});
