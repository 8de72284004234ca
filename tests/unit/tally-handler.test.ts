import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../lib/config/settings';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { createTallyHandlers } from '../../lib/tally/handler';
import { createHubApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { testConfig } from '../helpers/config';
import { makeItem } from '../helpers/items';

// The popup's "capture-tally" message: the real hub app (in process) with the agent token, else
// the captures on this device, and the reason the hub was not used.
const FROM = '2026-11-23T00:00:00+01:00';
const TO = '2026-11-30T00:00:00+01:00';
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10)).toISOString();
const me = { id: 'a-1', name: 'Ada Agent', team: 'Tier 1' };
let store: HubStore;
let app: ReturnType<typeof createHubApp>;
const agentToken = generateToken();
const asked: string[] = [];
const hubFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  asked.push(String(input));
  return app.fetch(new Request(input, init));
}) as typeof fetch;
const down = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

beforeAll(async () => {
  store = await openPgliteStore();
  app = createHubApp({ store, publicHosts: ['hub.example.com'] });
  const team = await store.createTeam('Tier 1', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
  await store.createToken({ hash: hashToken(agentToken), role: 'agent', teamId: team.id, agentId: me.id });
  // On the hub: 7 of mine this week (2 triaged, 1 of them actioned), and a colleague's.
  const mine = [23, 24, 24, 25, 26, 27, 28].map((day) => makeItem({ agent: me, capturedAt: at(day) }));
  const theirs = makeItem({ agent: { ...me, id: 'bob' }, capturedAt: at(24) });
  await store.upsertItems([...mine, theirs], team.id, true);
  const admin = { tokenId: null, role: 'admin' };
  await store.triage([mine[0]?.id ?? ''], 'reviewed', null, admin, {});
  await store.triage([mine[1]?.id ?? ''], 'actioned', null, admin, {});
}, 60_000);
afterAll(async () => store?.close());

/** The handler over a device database with 2 captures this week, one of them actioned per the loop back. */
async function tally(
  hub: Hub | null,
  fetcher: typeof fetch = hubFetch,
  origin: 'extension-page' | 'content-script' = 'extension-page',
) {
  const db = await openEarmarkDB(`tally-handler-${Math.random()}`);
  const local = [makeItem({ capturedAt: at(24) }), makeItem({ capturedAt: at(25) })];
  for (const item of local) await db.put('items', { item, sentAt: 1 });
  await db.put('reviews', { itemId: local[0]?.id ?? '', status: 'actioned', comment: null, updatedAt: null });
  const handlers = createTallyHandlers({
    db: async () => db,
    loadConfig: async () => testConfig({ hub }),
    fetch: fetcher,
  });
  const reply = await dispatch(handlers, { type: 'capture-tally', from: FROM, to: TO }, {}, origin);
  db.close();
  return reply;
}
const hub = (token = agentToken): Hub => ({ url: 'https://hub.example.com', agentToken: token });

describe('the capture-tally message', () => {
  it("answers the hub's count of the agent's captures this week", async () => {
    asked.length = 0;
    const reply = unwrapReply('capture-tally', await tally(hub()));
    expect(reply).toEqual({ source: 'hub', captures: 7, reviewed: 2, actioned: 1, hubError: null });
    const url = new URL(asked[0] ?? '');
    expect(url.pathname).toBe('/v1/agent/summary');
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([
      '2026-11-22T23:00:00.000Z',
      '2026-11-29T23:00:00.000Z',
    ]);
  });

  it('counts on this device, with the loop back’s reviews, when the hub cannot be reached', async () => {
    const reply = unwrapReply('capture-tally', await tally(hub(), down));
    expect(reply).toEqual({
      source: 'device',
      captures: 2,
      reviewed: 1,
      actioned: 1,
      hubError: 'the hub could not be reached',
    });
  });

  it('counts on this device, saying so, when the hub refuses the token', async () => {
    const reply = unwrapReply('capture-tally', await tally(hub(generateToken())));
    expect(reply).toMatchObject({ source: 'device', captures: 2, reviewed: 1, actioned: 1 });
    expect(reply.hubError).toMatch(/^the hub refused the agent token/);
  });

  it('counts captures only, without a hub: no lead’s triage reaches this device', async () => {
    const reply = unwrapReply('capture-tally', await tally(null, down));
    expect(reply).toEqual({ source: 'device', captures: 2, reviewed: null, actioned: null, hubError: null });
  });

  it('is refused from a content script and with a range that is not ISO', async () => {
    expect(await tally(hub(), hubFetch, 'content-script')).toMatchObject({ ok: false });
    const bad = await dispatch(
      createTallyHandlers({} as never),
      { type: 'capture-tally', from: 'monday', to: TO },
      {},
      'extension-page',
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message/) });
  });
});
