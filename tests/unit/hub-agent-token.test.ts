import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import type { Item } from '../../lib/schema';
import { createHubApp } from '../../server/app';
import { WEBHOOK_FAILURE_RATE_LIMIT } from '../../server/auth/rate-limit';
import { runCommand } from '../../server/cli';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore, TokenInfo } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';

// Agent attribution: the team's secret proves the team, an agent token sent alongside proves the
// agent, and a team can require it. Against PGlite and (when DATABASE_URL is set) PostgreSQL.
const { stores, dropSchema } = hubStores('hub-agent-token', 't_agent_token');

type Created = { token: string; id: string };
type Team = { team: { id: string; name: string }; secret: string };

const by = (id: string) => ({ id, name: `Agent ${id}`, team: 'Tier 1' });

describe.each(stores)('agent tokens on the webhook, $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let tier1: Team;
  let tier2: Team;
  let ada: Created;
  let bob: Created;
  let otherTeamAgent: Created;
  let lead: Created;
  const cli = (...argv: string[]) => runCommand(store, argv);

  /** POSTs a batch signed with the team's secret, with an Authorization header when a token is given. */
  function post(team: Team, items: Item[], token?: string, path = `/v1/webhook/${team.team.id}`) {
    const id = `b-${Math.random()}`;
    const body = batchBody(id, items, Date.now());
    const headers: Record<string, string> = signBatch(team.secret, id, body, Date.now());
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    return app.request(path, { method: 'POST', body, headers });
  }
  const stored = async (id: string) =>
    (await store.listItems({ limit: 500, includeDeleted: true })).find((h) => h.item.id === id);

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store });
    tier1 = (await cli('team', 'create', 'Tier 1')) as Team;
    tier2 = (await cli('team', 'create', 'Tier 2')) as Team;
    const agent = (team: string, id: string) =>
      cli('token', 'create', '--team', team, '--role', 'agent', '--agent', id) as Promise<Created>;
    ada = await agent('Tier 1', 'ada');
    bob = await agent('Tier 1', 'bob');
    otherTeamAgent = await agent('Tier 2', 'ada');
    lead = (await cli('token', 'create', '--team', 'Tier 1', '--role', 'lead')) as Created;
  }, 30_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it('without a token, stores whatever agent the items name, marked unverified', async () => {
    const claimed = makeItem({ agent: by('ada') });
    expect((await post(tier1, [claimed], undefined)).status).toBe(200);
    expect((await stored(claimed.id))?.agentVerified).toBe(false);
  });

  it("with the agent's own token, stores the items marked verified and records the token's use", async () => {
    const item = makeItem({ agent: by('ada') });
    const res = await post(tier1, [item], ada.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    expect((await stored(item.id))?.agentVerified).toBe(true);
    const tokens = ((await cli('token', 'list', '--team', 'Tier 1')) as { tokens: TokenInfo[] }).tokens;
    expect(tokens.find((t) => t.id === ada.id)?.lastUsedAt).not.toBeNull();
    // The bare path finds the team by its secret; the token must still be of that team.
    const bare = makeItem({ agent: by('ada') });
    expect((await post(tier1, [bare], ada.token, '/v1/webhook')).status).toBe(200);
    expect((await stored(bare.id))?.agentVerified).toBe(true);
  });

  it("a team requiring tokens refuses with 400 a batch in which any item names another agent than the token's, storing none of it", async () => {
    await cli('team', 'require-agent-token', 'Tier 1', 'on');
    onTestFinished(async () => void (await cli('team', 'require-agent-token', 'Tier 1', 'off')));
    const own = makeItem({ agent: by('ada') });
    const foreign = makeItem({ agent: by('bob') });
    const res = await post(tier1, [own, foreign], ada.token);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toContain('agent mismatch');
    expect(error).toContain("the agent token is for 'ada' but 1 item(s) name 'bob'");
    expect(error).toContain(foreign.id);
    expect(await stored(own.id)).toBeUndefined();
    expect(await stored(foreign.id)).toBeUndefined();
  });

  it("a team requiring tokens answers 401 for an unknown, revoked, non-agent or other team's token, storing nothing", async () => {
    await cli('team', 'require-agent-token', 'Tier 1', 'on');
    onTestFinished(async () => void (await cli('team', 'require-agent-token', 'Tier 1', 'off')));
    const revoked = (await cli(
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'ada',
    )) as Created;
    await cli('token', 'revoke', revoked.id);
    const cases: Array<[string, string]> = [
      ['x'.repeat(43), 'invalid agent token'],
      ['not a token', 'invalid agent token'],
      [revoked.token, 'invalid agent token'],
      [lead.token, 'agent token required: this is a lead token'],
      [otherTeamAgent.token, 'agent token is not of the team whose secret signed the batch'],
    ];
    for (const [token, error] of cases) {
      const item = makeItem({ agent: by('ada') });
      const res = await post(tier1, [item], token);
      expect(res.status, error).toBe(401);
      expect(await res.json()).toEqual({ error });
      expect(await stored(item.id)).toBeUndefined();
    }
  });

  it('a team not requiring tokens stores batches with a wrong or mismatched token as before, unverified', async () => {
    // A hub update must not stop browsers that already hold a token for the review status.
    const cases = ['x'.repeat(43), lead.token, otherTeamAgent.token, bob.token];
    for (const token of cases) {
      const item = makeItem({ agent: by('ada') });
      const res = await post(tier1, [item], token);
      expect(res.status).toBe(200);
      expect((await stored(item.id))?.agentVerified).toBe(false);
    }
  });

  it('a team set to require agent tokens refuses batches without one (401), until it is set off', async () => {
    expect(await cli('team', 'require-agent-token', 'Tier 2', 'on')).toEqual({
      team: tier2.team,
      requireAgentToken: true,
    });
    const item = makeItem({ agent: by('ada') });
    const refused = await post(tier2, [item], undefined);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: 'agent token required: this team accepts deliveries only with an agent token',
    });
    expect(await stored(item.id)).toBeUndefined();
    // Only that team: Tier 1 still takes unsigned-agent batches.
    expect((await post(tier1, [makeItem({ agent: by('ada') })], undefined)).status).toBe(200);
    // With the agent's token, and only for that agent's items.
    expect((await post(tier2, [item], otherTeamAgent.token)).status).toBe(200);
    expect((await stored(item.id))?.agentVerified).toBe(true);
    expect((await post(tier2, [makeItem({ agent: by('bob') })], otherTeamAgent.token)).status).toBe(400);

    expect(await cli('team', 'require-agent-token', 'Tier 2', 'off')).toEqual({
      team: tier2.team,
      requireAgentToken: false,
    });
    expect((await post(tier2, [makeItem({ agent: by('bob') })], undefined)).status).toBe(200);
  });

  it("one agent's token cannot replace another agent's item with a newer revision", async () => {
    const mine = makeItem({ agent: by('ada') });
    expect((await post(tier1, [mine], ada.token)).status).toBe(200);
    const takeover = { ...mine, revision: 2, note: 'hijacked', agent: by('bob') };
    const res = await post(tier1, [takeover], bob.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, stored: 0, duplicates: 1 });
    expect((await stored(mine.id))?.item).toMatchObject({ revision: 1, agent: by('ada') });
    // Ada's own next revision still goes through.
    expect((await post(tier1, [{ ...mine, revision: 2, note: 'edited' }], ada.token)).status).toBe(200);
    expect((await stored(mine.id))?.item.note).toBe('edited');
  });

  it('the CLI refuses an unknown team and a setting other than on or off', async () => {
    await expect(cli('team', 'require-agent-token', 'Nobody', 'on')).rejects.toThrow(/no team named/);
    await expect(cli('team', 'require-agent-token', 'Tier 1', 'yes')).rejects.toThrow(
      /team require-agent-token <name> on\|off/,
    );
  });
});

describe('agent token refusals and the failure limit', () => {
  it("a missing agent token is not counted as a failed signature: the office's other senders go on", async () => {
    const store = await openPgliteStore();
    const server = serve({ fetch: createHubApp({ store }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    try {
      const { team, secret } = (await runCommand(store, ['team', 'create', 'Strict'])) as Team;
      await runCommand(store, ['team', 'require-agent-token', 'Strict', 'on']);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/webhook/${team.id}`;
      const statuses: number[] = [];
      for (let i = 0; i < WEBHOOK_FAILURE_RATE_LIMIT.burst + 5; i++) {
        const body = batchBody(`b-${i}`, [makeItem()], Date.now());
        const res = await fetch(url, {
          method: 'POST',
          body,
          headers: signBatch(secret, `b-${i}`, body, Date.now()),
        });
        statuses.push(res.status);
      }
      expect(statuses.every((s) => s === 401)).toBe(true);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
    }
  }, 30_000);
});
