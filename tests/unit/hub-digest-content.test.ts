import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubApp } from '../../server/app';
import { runCommand } from '../../server/cli';
import type { Digest } from '../../server/digest/build';
import { lastFullWeek } from '../../server/digest/period';
import type { HubStore } from '../../server/store';
import { type DigestSeed, IDEA_NOTE, REFUND_QUOTE, seedDigestTeam } from '../helpers/digest-hub';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';
import { REFUND_NOTES } from '../helpers/themes-hub';

// GET /v1/digest: a team's period against the one before, on seeded items; scoping and query
// checks. PGlite, and PostgreSQL when DATABASE_URL is set.
const { stores, dropSchema } = hubStores('hub-digest-content', 't_digest_content');

type Team = { team: { id: string; name: string }; secret: string };
type Created = { token: string };

describe.each(stores)('GET /v1/digest, $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let tier1: Team;
  let tier2: Team;
  let lead1: Created;
  let lead2: Created;
  let admin: Created;
  let seed: DigestSeed;
  const now = new Date();
  const cli = (...argv: string[]) => runCommand(store, argv);
  const get = (token: string, query: string) =>
    app.request(`/v1/digest${query}`, { headers: { authorization: `Bearer ${token}` } });
  const digest = async (token: string, query: string) => {
    const res = await get(token, query);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Digest;
  };
  const range = () => `?from=${seed.period.from}&to=${seed.period.to}`;

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store, now: () => now });
    tier1 = (await cli('team', 'create', 'Tier 1')) as Team;
    tier2 = (await cli('team', 'create', 'Tier 2')) as Team;
    lead1 = (await cli('token', 'create', '--team', 'Tier 1', '--role', 'lead')) as Created;
    lead2 = (await cli('token', 'create', '--team', 'Tier 2', '--role', 'lead')) as Created;
    admin = (await cli('token', 'create', '--role', 'admin')) as Created;
    seed = await seedDigestTeam(store, tier1.team.id, now);
    const other = makeItem({ note: REFUND_NOTES[0] as string, capturedAt: seed.refund[0]?.capturedAt });
    await store.upsertItems([other], tier2.team.id);
    // Actioned now, so within the period (which runs until an hour from now).
    const actor = { tokenId: null, role: 'lead' };
    await store.triage([seed.refund[0]?.id as string], 'actioned', 'refunds re-run', actor, {});
    await store.triage([other.id], 'actioned', null, actor, {});
    await store.triage([seed.refund[1]?.id as string], 'reviewed', null, actor, {});
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it('summarises the period: failure-demand share and change, growing themes, ideas, actioned', async () => {
    const d = await digest(lead1.token, range());
    expect(d.team).toEqual(tier1.team);
    expect(d.period).toEqual(seed.period);
    expect(Date.parse(d.previousPeriod.to)).toBe(Date.parse(seed.period.from));
    expect(d.captures).toEqual({ count: 5, previous: 4 });
    expect(d.failureDemand).toMatchObject({ count: 3, share: 0.6, previousCount: 1, previousShare: 0.25 });
    expect(d.failureDemand.change).toBeCloseTo(0.35);

    const [top] = d.themes;
    expect(top).toMatchObject({ count: 3, previous: 0, growth: 3 });
    expect(REFUND_NOTES).toContain(top?.title);
    expect(top?.sample).toEqual({ itemId: seed.refund[2]?.id, text: REFUND_QUOTE });
    // The export theme had 2 items before and 1 now: it shrank, so it is not listed.
    expect(d.themes.every((t) => t.growth > 0)).toBe(true);
    expect(d.themes.some((t) => t.count === 1 && t.previous === 2)).toBe(false);

    expect(d.ideas.total).toBe(1);
    expect(d.ideas.items).toEqual([
      {
        id: seed.idea.id,
        capturedAt: seed.idea.capturedAt,
        tags: ['Tool idea'],
        text: IDEA_NOTE,
        agent: 'Bo Agent',
        status: 'new',
      },
    ]);
    expect(d.actioned.total).toBe(1);
    expect(d.actioned.items).toMatchObject([
      { id: seed.refund[0]?.id, tags: ['Chaser'], text: REFUND_NOTES[0], comment: 'refunds re-run' },
    ]);
  });

  it('counts failure demand as GET /v1/demand does: the category in any case and spacing', async () => {
    const tag = (id: string, category: string) => [{ id, label: id, category }];
    const at = '2025-03-04T10:00:00.000Z';
    await store.upsertItems(
      [
        makeItem({ note: 'chased twice', capturedAt: at, tags: tag('chaser', 'failure demand') }),
        makeItem({ note: 'asked again', capturedAt: at, tags: tag('repeat-contact', ' FAILURE DEMAND ') }),
        makeItem({
          note: 'wants dark mode',
          capturedAt: at,
          tags: tag('feature-request', 'Customer insight'),
        }),
      ],
      tier2.team.id,
    );
    const query = '?from=2025-03-03T00:00:00.000Z&to=2025-03-10T00:00:00.000Z';
    const d = await digest(lead2.token, query);
    const res = await app.request(`/v1/demand${query}`, {
      headers: { authorization: `Bearer ${lead2.token}` },
    });
    const demand = (await res.json()) as {
      summary: { total: number; failure: { count: number; share: number } };
    };
    expect(d.captures.count).toBe(3);
    expect(d.failureDemand).toMatchObject({ count: 2, previousCount: 0, previousShare: null });
    expect(d.failureDemand.share).toBeCloseTo(2 / 3);
    expect(demand.summary.failure.count).toBe(d.failureDemand.count);
    expect(demand.summary.failure.share).toBeCloseTo(d.failureDemand.share as number);
  });

  it('counts each team on its own; an admin names the team', async () => {
    const other = await digest(lead2.token, range());
    expect(other.team).toEqual(tier2.team);
    expect(other.captures.count).toBe(1);
    expect(other.actioned.total).toBe(1);
    expect(other.ideas.total).toBe(0);
    const byAdmin = await digest(admin.token, `${range()}&team=${tier1.team.id}`);
    expect(byAdmin.captures.count).toBe(5);
    expect((await get(admin.token, range())).status).toBe(400);
    expect((await get(lead1.token, `${range()}&team=${tier2.team.id}`)).status).toBe(404);
    expect((await get(admin.token, `${range()}&team=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('defaults to the last full week and checks the query', async () => {
    expect((await digest(lead1.token, '')).period).toEqual(lastFullWeek(now));
    const days = await digest(lead1.token, '?from=2026-11-02&to=2026-11-09');
    expect(days.period).toEqual({ from: '2026-11-02T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' });
    expect(days.captures.count).toBe(0);
    expect(days.failureDemand.share).toBeNull();
    for (const bad of ['?from=yesterday', '?from=2026-11-09&to=2026-11-02', '?to=2026-11-02&x=1'])
      expect((await get(lead1.token, bad)).status, bad).toBe(400);
    expect((await get(lead1.token, '?from=2024-01-01&to=2026-01-01')).status).toBe(400);
    const agent = (await cli(
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'a',
    )) as Created;
    expect((await get(agent.token, '')).status).toBe(403);
  });
});
