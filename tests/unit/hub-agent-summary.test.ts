import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubApp } from '../../server/app';
import { runCommand } from '../../server/cli';
import type { HubStore } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';

// GET /v1/agent/summary: the agent's own tally (the popup's "This week: …"), counted in SQL on
// PGlite and, when DATABASE_URL is set, PostgreSQL. Only the token's agent and team count.
const { stores, dropSchema } = hubStores('hub-agent-summary', 't_agent_summary');

type Created = { token: string; id: string };
const ada = { id: 'ada', name: 'Ada', team: 'Tier 1' };
const bob = { id: 'bob', name: 'Bob', team: 'Tier 1' };
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const WEEK = `from=${encodeURIComponent('2026-11-23T00:00:00+01:00')}&to=${encodeURIComponent(at(30))}`;
const admin = { tokenId: null, role: 'admin' };

describe.each(stores)('agent summary, $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  const tokens: Record<string, string> = {};
  const get = (path: string, token?: string) =>
    app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store });
    const cli = (...argv: string[]) => runCommand(store, argv);
    const tier1 = (await cli('team', 'create', 'Tier 1')) as { team: { id: string } };
    const tier2 = (await cli('team', 'create', 'Tier 2')) as { team: { id: string } };
    const token = async (team: string, role: string, agent?: string) => {
      const withAgent = agent ? ['--agent', agent] : [];
      return ((await cli('token', 'create', '--team', team, '--role', role, ...withAgent)) as Created).token;
    };
    tokens.ada = await token('Tier 1', 'agent', 'ada');
    tokens.adaTier2 = await token('Tier 2', 'agent', 'ada');
    tokens.lead = await token('Tier 1', 'lead');
    // Ada this week (from Monday 23 Nov, 00:00 at UTC+1): five live captures, one undone.
    const week = [23, 24, 25, 26, 27].map((day) => makeItem({ agent: ada, capturedAt: at(day) }));
    const undone = makeItem({ agent: ada, capturedAt: at(24), deleted: true });
    // Outside the range: Sunday 22 Nov 23:30 UTC is Monday 00:30 at UTC+1, so inside; 22:30 UTC is not.
    const before = makeItem({ agent: ada, capturedAt: at(22, 22) });
    const edge = makeItem({ agent: ada, capturedAt: new Date(Date.UTC(2026, 10, 22, 23, 30)).toISOString() });
    const after = makeItem({ agent: ada, capturedAt: at(30) });
    // Bob (same team) and Ada's namesake in Tier 2 must not count for Ada of Tier 1.
    const bobs = [24, 25].map((day) => makeItem({ agent: bob, capturedAt: at(day) }));
    const otherTeam = makeItem({ agent: ada, capturedAt: at(24) });
    await store.upsertItems([...week, undone, before, edge, after, ...bobs], tier1.team.id, true);
    await store.upsertItems([otherTeam], tier2.team.id, true);
    const ids = (items: typeof week) => items.map((item) => item.id);
    await store.triage(ids(week.slice(0, 2)), 'reviewed', null, admin, {});
    await store.triage(ids(week.slice(2, 3)), 'actioned', 'shipped', admin, {});
    await store.triage(ids(week.slice(3, 4)), 'declined', null, admin, {});
    await store.triage([after.id, ...ids(bobs), otherTeam.id, undone.id], 'actioned', null, admin, {});
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it("counts the agent's live captures in [from, to), those a lead triaged, and those actioned", async () => {
    const res = await get(`/v1/agent/summary?${WEEK}`, tokens.ada);
    expect(res.status, await res.clone().text()).toBe(200);
    // 5 this week + the edge capture; reviewed = reviewed ×2, actioned, declined; actioned = 1.
    expect(await res.json()).toEqual({
      from: '2026-11-22T23:00:00.000Z',
      to: '2026-11-30T10:00:00.000Z',
      captures: 6,
      reviewed: 4,
      actioned: 1,
    });
  });

  it("counts only the token's own agent and team", async () => {
    const res = await get(`/v1/agent/summary?${WEEK}`, tokens.adaTier2);
    expect(await res.json()).toMatchObject({ captures: 1, reviewed: 1, actioned: 1 });
    const empty = await get(`/v1/agent/summary?from=${at(1)}&to=${at(2)}`, tokens.ada);
    expect(await empty.json()).toMatchObject({ captures: 0, reviewed: 0, actioned: 0 });
  });

  it('answers 401 without a valid token and 403 to a lead', async () => {
    expect((await get(`/v1/agent/summary?${WEEK}`)).status).toBe(401);
    expect((await get(`/v1/agent/summary?${WEEK}`, 'x'.repeat(43))).status).toBe(401);
    const lead = await get(`/v1/agent/summary?${WEEK}`, tokens.lead);
    expect(lead.status).toBe(403);
    expect(await lead.json()).toEqual({ error: 'forbidden for this role' });
  });

  it('answers 400 to a missing, malformed, reversed or extra parameter', async () => {
    for (const query of [
      '',
      `from=${at(1)}`,
      `to=${at(1)}`,
      `from=yesterday&to=${at(2)}`,
      `from=2026-11-23&to=${at(30)}`,
      `from=${at(2)}&to=${at(1)}`,
      `from=${at(1)}&to=${at(1)}`,
      `from=${at(1)}&to=${at(2)}&agent=bob`,
    ]) {
      const res = await get(`/v1/agent/summary?${query}`, tokens.ada);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toEqual(expect.any(String));
    }
  });
});
