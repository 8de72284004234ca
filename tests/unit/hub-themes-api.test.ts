import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { createHubApp } from '../../server/app';
import { runCommand } from '../../server/cli';
import type { HubItem, HubStore, ThemeSummary } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES, postSigned, REFUND_NOTES } from '../helpers/themes-hub';

// The themes API: listing within filters, a theme's items, whole-theme triage, a lead's move, merge
// and rename surviving new items, team scoping and input checks. PGlite, and PostgreSQL when set.
const { stores, dropSchema } = hubStores('hub-themes-api', 't_themes_api');

type Created = { token: string; id: string };
type Team = { team: { id: string; name: string }; secret: string };
type Page = { themes: ThemeSummary[]; nextCursor: string | null };

const EXPORT = EXPORT_NOTES;
const REFUND = REFUND_NOTES.slice(0, 2);
const ada = { id: 'ada', name: 'Ada', team: 'Tier 1' };
const bob = { id: 'bob', name: 'Bob', team: 'Tier 1' };
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10)).toISOString();

describe.each(stores)('themes API, $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let tier1: Team;
  let tier2: Team;
  let lead1: Created;
  let lead2: Created;
  let agentAda: Created;
  const exportItems: Item[] = EXPORT.map((note, i) =>
    makeItem({ note, agent: i ? bob : ada, capturedAt: at(2 + i) }),
  );
  const refundItems: Item[] = REFUND.map((note, i) => makeItem({ note, agent: ada, capturedAt: at(20 + i) }));
  const cli = (...argv: string[]) => runCommand(store, argv);

  const call = (token: string, path: string, method = 'GET', body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async <T>(token: string, path: string, method = 'GET', body?: unknown) => {
    const res = await call(token, path, method, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  const themes = (query = '') => json<Page>(lead1.token, `/v1/themes${query}`);
  const themeOf = async (id: string) => (await json<HubItem>(lead1.token, `/v1/items/${id}`)).themeId;
  const post = (team: Team, items: Item[]) => postSigned(app, team, items);

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store });
    tier1 = (await cli('team', 'create', 'Tier 1')) as Team;
    tier2 = (await cli('team', 'create', 'Tier 2')) as Team;
    lead1 = (await cli('token', 'create', '--team', 'Tier 1', '--role', 'lead')) as Created;
    lead2 = (await cli('token', 'create', '--team', 'Tier 2', '--role', 'lead')) as Created;
    agentAda = (await cli(
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'ada',
    )) as Created;
    expect((await post(tier1, [...exportItems, ...refundItems])).status).toBe(200);
    expect((await post(tier2, [makeItem({ note: EXPORT[0] as string })])).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it('lists a team’s themes with counts, agents, tags, first/last seen and weeks', async () => {
    const { themes: list, nextCursor } = await themes();
    expect(nextCursor).toBeNull();
    expect(list.map((t) => t.count)).toEqual([3, 2]);
    const [csv] = list as [ThemeSummary];
    expect(csv).toMatchObject({ agents: 2, firstSeen: at(2), lastSeen: at(4) });
    expect(EXPORT).toContain(csv.title);
    expect(csv.tags).toEqual([{ id: 'feature-request', label: 'Feature request', count: 3 }]);
    expect(csv.weekly.reduce((n, w) => n + w.count, 0)).toBe(3);
    const items = await json<{ items: HubItem[] }>(lead1.token, `/v1/items?theme=${csv.id}`);
    expect(items.items.map((h) => h.item.id).sort()).toEqual(exportItems.map((i) => i.id).sort());
    expect(items.items.every((h) => h.themeId === csv.id)).toBe(true);
  });

  it('counts within the item filters, sorts and pages', async () => {
    const byBob = await themes('?agent=bob');
    expect(byBob.themes.map((t) => [t.count, t.agents])).toEqual([[2, 1]]);
    const recent = await themes('?sort=recent');
    expect(recent.themes.map((t) => t.count)).toEqual([2, 3]);
    const growth = await themes(`?sort=growth&from=${at(1)}&to=${at(23)}`);
    expect(growth.themes[0]?.count).toBe(2);
    const first = await themes('?limit=1');
    expect(first.themes).toHaveLength(1);
    const second = await themes(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.themes.map((t) => t.count)).toEqual([2]);
    expect((await themes(`?from=${at(10)}`)).themes.map((t) => t.count)).toEqual([2]);
  });

  it('triages every item of a theme, with history, and the agent sees the status', async () => {
    const refund = (await themes('?sort=recent')).themes[0] as ThemeSummary;
    const res = await json<{ updated: string[] }>(lead1.token, `/v1/themes/${refund.id}/triage`, 'POST', {
      status: 'actioned',
      comment: 'refund backlog cleared',
    });
    expect(res.updated.sort()).toEqual(refundItems.map((i) => i.id).sort());
    const item = await json<HubItem & { history: unknown[] }>(lead1.token, `/v1/items/${refundItems[0]?.id}`);
    expect(item).toMatchObject({ status: 'actioned', comment: 'refund backlog cleared' });
    expect(item.history).toHaveLength(1);
    const seen = await json<Array<{ status: string }>>(
      agentAda.token,
      `/v1/agent/status?ids=${refundItems[1]?.id}`,
    );
    expect(seen).toMatchObject([{ status: 'actioned' }]);
  });

  it('keeps a rename, a move and a merge when new items arrive', async () => {
    const [csv, refund] = (await themes()).themes as [ThemeSummary, ThemeSummary];
    expect(await json(lead1.token, `/v1/themes/${csv.id}`, 'PATCH', { title: 'CSV export' })).toEqual({
      id: csv.id,
      title: 'CSV export',
    });
    const moved = exportItems[2] as Item;
    expect(
      (await json<HubItem>(lead1.token, `/v1/items/${moved.id}`, 'PATCH', { themeId: refund.id })).themeId,
    ).toBe(refund.id);
    const later = makeItem({ note: 'wants to export the reports to a CSV file', capturedAt: at(24) });
    expect((await post(tier1, [later])).status).toBe(200);
    // The new note is nearest the moved one, which is now an example of its new theme: it follows it.
    expect(await themeOf(later.id)).toBe(refund.id);
    expect(await themeOf(moved.id)).toBe(refund.id);
    expect((await themes()).themes.find((t) => t.id === csv.id)?.title).toBe('CSV export');

    const merged = await json<{ id: string }>(lead1.token, '/v1/themes/merge', 'POST', {
      ids: [csv.id, refund.id],
    });
    expect(merged.id).toBe(csv.id);
    const refundLater = makeItem({
      note: 'still waiting for the refund since cancelling',
      capturedAt: at(25),
    });
    expect((await post(tier1, [refundLater])).status).toBe(200);
    expect(await themeOf(refundLater.id)).toBe(csv.id);
    expect(await themeOf(refundItems[0]?.id as string)).toBe(csv.id);
    expect((await themes()).themes.map((t) => [t.id, t.count, t.title])).toEqual([[csv.id, 7, 'CSV export']]);
  });

  it("keeps a lead to their team's themes: 404 for another team's, 403 for an agent", async () => {
    const own = (await themes()).themes[0] as ThemeSummary;
    const other = (await json<Page>(lead2.token, '/v1/themes')).themes;
    expect(other.map((t) => t.count)).toEqual([1]);
    expect(other[0]?.id).not.toBe(own.id);
    expect((await call(lead2.token, `/v1/themes/${own.id}`, 'PATCH', { title: 'x' })).status).toBe(404);
    expect(
      (await call(lead2.token, `/v1/themes/${own.id}/triage`, 'POST', { status: 'reviewed' })).status,
    ).toBe(404);
    const mixed = { ids: [other[0]?.id, own.id] };
    expect((await call(lead2.token, '/v1/themes/merge', 'POST', mixed)).status).toBe(404);
    const move = { themeId: own.id };
    const theirs = (await json<{ items: HubItem[] }>(lead2.token, '/v1/items')).items[0] as HubItem;
    expect((await call(lead2.token, `/v1/items/${theirs.item.id}`, 'PATCH', move)).status).toBe(404);
    expect((await json<{ items: HubItem[] }>(lead2.token, `/v1/items?theme=${own.id}`)).items).toEqual([]);
    expect((await call(agentAda.token, '/v1/themes')).status).toBe(403);
  });

  it('answers bad input with 400 and a clear error', async () => {
    const own = (await themes()).themes[0] as ThemeSummary;
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '/v1/themes?sort=size', undefined, 'sort'],
      ['GET', '/v1/themes?limit=0', undefined, 'limit'],
      ['GET', '/v1/themes?cursor=junk', undefined, 'cursor'],
      ['GET', '/v1/items?theme=nope', undefined, 'theme'],
      ['POST', '/v1/themes/merge', { ids: [own.id] }, 'ids'],
      ['POST', '/v1/themes/merge', { ids: [own.id, own.id] }, 'two different'],
      ['PATCH', `/v1/themes/${own.id}`, { title: 42 }, 'title'],
      ['POST', `/v1/themes/${own.id}/triage`, { status: 'done' }, 'status'],
      ['PATCH', `/v1/items/${exportItems[0]?.id}`, {}, 'status, themeId'],
      ['PATCH', `/v1/items/${exportItems[0]?.id}`, { themeId: 'x' }, 'themeId'],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await call(lead1.token, path, method, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(message);
    }
  });
});
