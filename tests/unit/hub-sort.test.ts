import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/auth/tokens';
import type { HubStore } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';

// Sorting, keyset paging in both directions, totals and facets, on PGlite and (when
// DATABASE_URL is set) PostgreSQL.
const { stores, dropSchema } = hubStores('hub-sort', 't_sort');

type Page = {
  items: Array<{ item: { id: string; capturedAt: string } }>;
  nextCursor: string | null;
  total?: number;
};

// 13 items over 10 distinct instants: three share one instant, so the id breaks the tie.
const BASE = Date.parse('2026-10-01T08:00:00.000Z');
const TIMES = [0, 1, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9].map((h) =>
  new Date(BASE + h * 3_600_000).toISOString(),
);
const ITEMS = TIMES.map((at, i) =>
  makeItem({
    id: uuidv7(),
    capturedAt: at,
    updatedAt: at,
    note: i % 2 ? 'odd one' : 'even one',
    agent: { id: `a-${i % 3}`, name: `Agent ${i % 3}`, team: 'A' },
    source: { site: i % 4 ? 'zendesk' : 'freshdesk', url: null, title: null, ticketId: null },
  }),
);
const byTimeThenId = (a: { capturedAt: string; id: string }, b: { capturedAt: string; id: string }) =>
  a.capturedAt === b.capturedAt ? (a.id < b.id ? -1 : 1) : a.capturedAt < b.capturedAt ? -1 : 1;
const OLDEST = [...ITEMS].sort(byTimeThenId).map((i) => i.id);
const NEWEST = [...OLDEST].reverse();

describe.each(stores)('hub sort and paging on $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  const tok: Record<string, string> = {};
  const get = (path: string, who = 'leadA') =>
    app.request(path, { headers: { authorization: `Bearer ${tok[who]}` } });
  const page = async (path: string) => (await (await get(path)).json()) as Page;

  /** Follows nextCursor to the end, `limit` rows at a time, and returns the ids in order. */
  async function walk(query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : '';
      const p = await page(`/v1/items?limit=${limit}${query}${suffix}`);
      ids.push(...p.items.map((h) => h.item.id));
      cursor = p.nextCursor;
    } while (cursor);
    return ids;
  }

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store, rateLimit: { perSecond: 1000, burst: 1000 } });
    const a = (await store.createTeam('A', 'whsec_a')).id;
    const b = (await store.createTeam('B', 'whsec_b')).id;
    for (const [name, role, team, agent] of [
      ['leadA', 'lead', a, null],
      ['leadB', 'lead', b, null],
      ['agentA', 'agent', a, 'a-1'],
    ] as const) {
      tok[name] = generateToken();
      await store.createToken({ hash: hashToken(tok[name]), role, teamId: team, agentId: agent });
    }
    await store.upsertItems(ITEMS, a);
    await store.upsertItems([makeItem({ agent: { id: 'b-9', name: 'Other', team: 'B' } })], b);
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await dropSchema();
  });

  it('lists newest first by default and oldest first on request, ties broken by id', async () => {
    expect((await page('/v1/items?limit=100')).items.map((h) => h.item.id)).toEqual(NEWEST);
    expect((await page('/v1/items?limit=100&sort=newest')).items.map((h) => h.item.id)).toEqual(NEWEST);
    expect((await page('/v1/items?limit=100&sort=oldest')).items.map((h) => h.item.id)).toEqual(OLDEST);
  });

  it('pages through every row exactly once in both directions, across equal timestamps', async () => {
    for (const limit of [1, 2, 3, 5, 13]) {
      expect(await walk('', limit), `newest, limit ${limit}`).toEqual(NEWEST);
      expect(await walk('&sort=oldest', limit), `oldest, limit ${limit}`).toEqual(OLDEST);
    }
    // Filters and paging combine: only the odd notes, oldest first, two at a time.
    const odd = ITEMS.filter((i) => i.note === 'odd one').map((i) => i.id);
    expect(await walk('&sort=oldest&q=odd', 2)).toEqual(OLDEST.filter((id) => odd.includes(id)));
  });

  it('refuses a cursor from the other direction, and still reads a pre-sort cursor', async () => {
    const first = await page('/v1/items?limit=4&sort=oldest');
    const mixed = await get(`/v1/items?limit=4&sort=newest&cursor=${first.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(await mixed.json()).toEqual({ error: 'cursor: belongs to sort=oldest' });
    expect((await get('/v1/items?sort=sideways')).status).toBe(400);
    const last = ITEMS.find((i) => i.id === NEWEST[3]);
    const legacy = Buffer.from(JSON.stringify([last?.capturedAt, last?.id])).toString('base64url');
    const rest = await page(`/v1/items?limit=100&cursor=${legacy}`);
    expect(rest.items.map((h) => h.item.id)).toEqual(NEWEST.slice(4));
  });

  it('adds the total only when asked, for the whole filter whatever the page', async () => {
    expect((await page('/v1/items?limit=2')).total).toBeUndefined();
    const first = await page('/v1/items?limit=2&total=true&site=freshdesk');
    expect(first.total).toBe(ITEMS.filter((i) => i.source.site === 'freshdesk').length);
    const second = await page(`/v1/items?limit=2&total=true&site=freshdesk&cursor=${first.nextCursor}`);
    expect(second.total).toBe(first.total);
  });

  it('exports CSV in the requested order', async () => {
    const ids = async (query: string) =>
      (await (await get(`/v1/items.csv${query}`)).text())
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
    expect(await ids('')).toEqual(NEWEST);
    expect(await ids('?sort=oldest')).toEqual(OLDEST);
  });

  it("lists facets of the lead's own team only; agents are refused", async () => {
    const facets = (await (await get('/v1/facets')).json()) as {
      tags: Array<{ id: string; count: number }>;
      agents: Array<{ id: string; name: string; count: number }>;
      sites: Array<{ site: string; count: number }>;
    };
    expect(facets.tags).toEqual([
      { id: 'feature-request', label: 'Feature request', category: 'Customer insight', count: 13 },
    ]);
    expect(facets.agents).toEqual([
      { id: 'a-0', name: 'Agent 0', count: 5 },
      { id: 'a-1', name: 'Agent 1', count: 4 },
      { id: 'a-2', name: 'Agent 2', count: 4 },
    ]);
    expect(facets.sites).toEqual([
      { site: 'freshdesk', count: 4 },
      { site: 'zendesk', count: 9 },
    ]);
    expect(JSON.stringify(await (await get('/v1/facets', 'leadB')).json())).not.toContain('a-0');
    expect((await get('/v1/facets', 'agentA')).status).toBe(403);
    expect((await app.request('/v1/facets')).status).toBe(401);
  });
});
