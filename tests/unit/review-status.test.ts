import { describe, expect, it, vi } from 'vitest';
import type { Hub } from '../../lib/config/settings';
import { HUB_TIMEOUT_MS, hubRequest } from '../../lib/hub/http';
import { CHUNK_SIZE, MAX_POLLED, pollReviewStatus, recentlySent } from '../../lib/hub/status/poll';
import { reviewsFor } from '../../lib/hub/status/reviews';
import { type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { makeItem } from '../helpers/items';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const DAY = 24 * 3_600_000;
const HUB: Hub = { url: 'https://hub.example.com', agentToken: 'agent-token-0123456789abcdef' };

/** Stores a capture as delivered (sentAt set) or not, captured `ageMs` before NOW. */
async function capture(db: EarmarkDatabase, ageMs: number, sent = true, deleted = false) {
  const item = makeItem({ capturedAt: new Date(NOW - ageMs).toISOString(), deleted });
  await db.put('items', { item, sentAt: sent ? NOW - ageMs + 1000 : null });
  return item.id;
}

/** A fake hub: answers each status request from `statuses`, recording the ids asked for. */
function fakeHub(statuses: Record<string, { status: string; comment: string | null }>) {
  const asked: string[][] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${HUB.agentToken}`);
    expect(init?.redirect).toBe('manual');
    const ids = (url.searchParams.get('ids') ?? '').split(',');
    asked.push(ids);
    const body = ids
      .filter((id) => statuses[id])
      .map((id) => ({ id, ...statuses[id], updatedAt: '2026-11-23T11:00:00.000Z' }));
    return new Response(JSON.stringify(body), { status: 200 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, asked, calls: fetch };
}

const poll = (db: EarmarkDatabase, fetch: typeof globalThis.fetch, hub: Hub | null = HUB) =>
  pollReviewStatus({ db, hub, fetch, now: () => NOW });

describe('choosing which captures to ask about', () => {
  it('takes delivered captures of the last 30 days, newest first, skipping deleted and unsent ones', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const older = await capture(db, 2 * DAY);
    const newer = await capture(db, 1 * DAY);
    await capture(db, 3 * DAY, false);
    await capture(db, 4 * DAY, true, true);
    await capture(db, 31 * DAY);
    expect(await recentlySent(db, NOW)).toEqual([newer, older]);
    db.close();
  });

  it('keeps asking about an already reviewed capture while its new revision is on its way', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const id = await capture(db, DAY, false);
    await db.put('reviews', { itemId: id, status: 'reviewed', comment: null, updatedAt: null });
    expect(await recentlySent(db, NOW)).toEqual([id]);
    db.close();
  });

  it('stops at the cap', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    for (let i = 0; i < 12; i++) await capture(db, i * 60_000 + 1);
    expect(await recentlySent(db, NOW, 5)).toHaveLength(5);
    expect(MAX_POLLED).toBeGreaterThanOrEqual(CHUNK_SIZE);
    db.close();
  });
});

describe('polling the hub for review statuses', () => {
  it('asks in chunks of at most 100 ids and stores what leads did', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) ids.push(await capture(db, i * 60_000 + 1));
    const hub = fakeHub({
      [ids[0] as string]: { status: 'actioned', comment: 'Fixed in 4.2' },
      [ids[150] as string]: { status: 'declined', comment: null },
      [ids[200] as string]: { status: 'new', comment: null },
    });
    const result = await poll(db, hub.fetch);
    expect(hub.asked.map((chunk) => chunk.length)).toEqual([100, 100, 30]);
    expect(hub.asked.flat()).toEqual(ids);
    expect(result.newlyActioned).toEqual([ids[0]]);
    expect(result.changed).toBe(2);
    expect(result.unseen).toBe(1);
    expect(result.record).toEqual({ at: NOW, ok: true, message: '230 captures checked', checked: 230 });
    const stored = await reviewsFor(db, ids);
    expect(stored.get(ids[0] as string)).toMatchObject({
      status: 'actioned',
      comment: 'Fixed in 4.2',
      unseen: 1,
    });
    expect(stored.get(ids[150] as string)?.status).toBe('declined');
    // A second poll with the same answers reports nothing new.
    expect((await poll(db, hub.fetch)).newlyActioned).toEqual([]);
    db.close();
  });

  it('does nothing without an agent token or without anything sent', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const hub = fakeHub({});
    expect((await poll(db, hub.fetch)).record).toBeNull(); // nothing sent yet
    await capture(db, DAY);
    expect((await poll(db, hub.fetch, null)).record).toBeNull();
    expect((await poll(db, hub.fetch, { url: HUB.url })).record).toBeNull();
    expect(hub.calls).not.toHaveBeenCalled();
    db.close();
  });

  it('ignores statuses for ids it did not ask about', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const id = await capture(db, DAY);
    const other = '0190a000-0000-7000-8000-000000000001';
    const fetch = (async () =>
      Response.json([
        { id, status: 'reviewed', comment: null, updatedAt: null, extra: 'ignored' },
        { id: other, status: 'actioned', comment: 'not yours', updatedAt: null },
      ])) as typeof globalThis.fetch;
    const result = await poll(db, fetch);
    expect(result.changed).toBe(1);
    expect((await reviewsFor(db, [other])).size).toBe(0);
    db.close();
  });

  it.each([
    [401, 'Agent token refused (HTTP 401: the hub refused the token)'],
    [403, 'Agent token not allowed to read statuses (HTTP 403: this token may not do that)'],
    [500, 'Hub not reachable: HTTP 500'],
  ])('records HTTP %i as the poll outcome and stores nothing', async (status, message) => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    await capture(db, DAY);
    const fetch = (async () => new Response('{"error":"x"}', { status })) as typeof globalThis.fetch;
    const result = await poll(db, fetch);
    expect(result.record).toEqual({ at: NOW, ok: false, message, checked: 1 });
    expect(await db.count('reviews')).toBe(0);
    db.close();
  });

  it('records a network error and a malformed or oversized answer without throwing', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    await capture(db, DAY);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect((await poll(db, offline)).record?.message).toBe(
      'Hub not reachable: network error: Failed to fetch',
    );
    const garbage = (async () => new Response('<html>')) as typeof globalThis.fetch;
    expect((await poll(db, garbage)).record?.message).toMatch(/^The hub's answer was not understood/);
    const wrongShape = (async () =>
      Response.json([{ id: 'x', status: 'shipped' }])) as typeof globalThis.fetch;
    expect((await poll(db, wrongShape)).record?.message).toMatch(/^The hub's answer was not understood/);
    const huge = (async () => new Response(`[${'"x",'.repeat(300_000)}"x"]`)) as typeof globalThis.fetch;
    expect((await poll(db, huge)).record?.message).toBe(
      'Hub not reachable: the hub answered more than expected',
    );
    expect(await db.count('reviews')).toBe(0);
    db.close();
  });

  it('gives up on a hub that never answers (10 s in the worker)', async () => {
    expect(HUB_TIMEOUT_MS).toBe(10_000);
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const answer = hubRequest({ url: HUB.url, token: null, fetch: hanging, timeoutMs: 50 }, '/healthz');
    await expect(answer).rejects.toMatchObject({
      kind: 'unreachable',
      status: null,
      short: 'no answer within 0.05 s',
    });
  });

  it('shortens a long comment', async () => {
    const db = await openEarmarkDB(`rs-${Math.random()}`);
    const id = await capture(db, DAY);
    const fetch = (async () =>
      Response.json([
        { id, status: 'actioned', comment: 'x'.repeat(5000), updatedAt: null },
      ])) as typeof globalThis.fetch;
    await poll(db, fetch);
    expect((await reviewsFor(db, [id])).get(id)?.comment).toHaveLength(2000);
    db.close();
  });
});
