import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOfHub, hubLocks, parseHubDraft } from '../../lib/config/hub-settings';
import type { Hub } from '../../lib/config/settings';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { testHubConnection } from '../../lib/hub/check';
import { pollReviewStatus } from '../../lib/hub/status/poll';
import { reviewsFor } from '../../lib/hub/status/reviews';
import { openEarmarkDB } from '../../lib/store/db';
import { createHubApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { makeItem, TEST_SECRET } from '../helpers/items';

const URL_ = 'https://hub.example.com';
let store: HubStore;
let app: ReturnType<typeof createHubApp>;
const tokens = { agent: generateToken(), lead: generateToken(), otherAgent: generateToken() };
/** The real hub app in process, reached through a fetch that never touches the network. */
const hubFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
  app.fetch(new Request(input, init))) as typeof fetch;

beforeAll(async () => {
  store = await openPgliteStore();
  // A hub deployed as hub.example.com (EARMARK_PUBLIC_HOST): requests name it in their Host.
  app = createHubApp({
    store,
    publicHosts: ['hub.example.com'],
    rateLimit: { perSecond: 1000, burst: 1000 },
  });
  const team = await store.createTeam('Tier 1', TEST_SECRET);
  await store.createToken({ hash: hashToken(tokens.agent), role: 'agent', teamId: team.id, agentId: 'a-1' });
  await store.createToken({ hash: hashToken(tokens.lead), role: 'lead', teamId: team.id, agentId: null });
  await store.createToken({
    hash: hashToken(tokens.otherAgent),
    role: 'agent',
    teamId: team.id,
    agentId: 'someone-else',
  });
}, 30_000);
afterAll(() => store?.close());

describe('the loop back against the real hub API', () => {
  it("polls an actioned capture with the lead's comment, and only the agent's own", async () => {
    const db = await openEarmarkDB(`hub-loop-${Math.random()}`);
    const item = makeItem({ capturedAt: new Date().toISOString() });
    await db.put('items', { item, sentAt: Date.now() });
    const body = batchBody('b-1', [item], Date.now());
    const ingest = await app.request('/v1/webhook', {
      method: 'POST',
      body,
      headers: signBatch(TEST_SECRET, 'b-1', body, Date.now()),
    });
    expect(ingest.status).toBe(200);
    const triage = await app.request(`/v1/items/${item.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'actioned', comment: 'Shipped in 4.2, thanks!' }),
      headers: { authorization: `Bearer ${tokens.lead}`, 'content-type': 'application/json' },
    });
    expect(triage.status).toBe(200);

    const stranger = await pollReviewStatus({
      db,
      hub: { url: URL_, agentToken: tokens.otherAgent },
      fetch: hubFetch,
      now: Date.now,
    });
    expect(stranger).toMatchObject({ changed: 0, record: { ok: true } });

    const mine = await pollReviewStatus({
      db,
      hub: { url: URL_, agentToken: tokens.agent },
      fetch: hubFetch,
      now: Date.now,
    });
    expect(mine).toMatchObject({ changed: 1, newlyActioned: [item.id], unseen: 1, record: { ok: true } });
    expect((await reviewsFor(db, [item.id])).get(item.id)).toMatchObject({
      status: 'actioned',
      comment: 'Shipped in 4.2, thanks!',
      updatedAt: expect.stringMatching(/^\d{4}-/),
    });
    db.close();
  });
});

describe('Test connection', () => {
  const hub = (agentToken?: string, leadToken?: string): Hub => ({ url: URL_, agentToken, leadToken });

  it('accepts working tokens', async () => {
    expect((await testHubConnection(hub(tokens.agent, tokens.lead), hubFetch)).map((c) => c.text)).toEqual([
      'Hub reachable',
      'Agent token accepted',
      'Lead token accepted',
    ]);
  });

  it('says which token was refused and why', async () => {
    const wrong = generateToken();
    const checks = await testHubConnection(hub(wrong, tokens.agent), hubFetch);
    expect(checks.map((c) => [c.what, c.ok, c.text])).toEqual([
      ['hub', true, 'Hub reachable'],
      ['agent-token', false, 'Agent token refused (HTTP 401: the hub refused the token)'],
      ['lead-token', false, 'Lead token refused: not a lead token (HTTP 403)'],
    ]);
  });

  it('names missing tokens and an unreachable or foreign server', async () => {
    expect((await testHubConnection(hub(), hubFetch)).map((c) => c.ok)).toEqual([true, null, null]);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await testHubConnection(hub(tokens.agent), offline)).toEqual([
      { what: 'hub', ok: false, text: 'Hub not reachable: network error: Failed to fetch' },
    ]);
    const other = (async () => new Response('<html>hello</html>')) as typeof fetch;
    expect((await testHubConnection(hub(tokens.agent), other))[0]?.text).toMatch(/^Not an Earmark hub/);
  });
});

describe('hub settings form', () => {
  const token = 'agent-token-0123456789abcdef';

  it('validates the URL and tokens, dropping empty tokens and trailing slashes', () => {
    const locks = hubLocks({});
    expect(
      parseHubDraft(
        { url: ' https://hub.example.com/ ', agentToken: token, leadToken: ' ' },
        locks,
        undefined,
      ),
    ).toEqual({
      ok: true,
      hub: { url: 'https://hub.example.com', agentToken: token },
    });
    expect(parseHubDraft({ url: '', agentToken: '', leadToken: '' }, locks, undefined)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^url: enter the hub URL/),
    });
    expect(
      parseHubDraft({ url: 'http://hub.example.com', agentToken: '', leadToken: '' }, locks, undefined),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('https'),
    });
    expect(parseHubDraft({ url: URL_, agentToken: 'short', leadToken: '' }, locks, undefined)).toMatchObject({
      ok: false,
      error: expect.stringContaining('agentToken'),
    });
  });

  it("keeps the policy's URL and tokens with the policy, and personal tokens local", () => {
    const policyHub = { url: 'https://hub.corp.example', leadToken: 'lead-token-0123456789abcdef' };
    const locks = hubLocks({ hub: policyHub });
    expect(locks).toEqual({ url: true, agentToken: false, leadToken: true });
    const result = parseHubDraft(
      { url: 'https://typed.example', agentToken: token, leadToken: 'ignored-token-0123456789' },
      locks,
      policyHub,
    );
    expect(result).toEqual({ ok: true, hub: { url: 'https://hub.corp.example', agentToken: token } });
    expect(hubLocks({ lockSettings: true })).toEqual({ url: true, agentToken: true, leadToken: true });
    expect(draftOfHub(null)).toEqual({ url: '', agentToken: '', leadToken: '' });
  });
});
