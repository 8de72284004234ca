import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { createHubApp } from '../../server/app';
import { runCommand } from '../../server/cli';
import type { Demand } from '../../server/demand';
import type { HubStore } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES, postSigned, REFUND_NOTES } from '../helpers/themes-hub';

// GET /v1/demand: failure and value demand per week, by cause and theme, against the previous
// period; team scoping and query checks. PGlite, and PostgreSQL when DATABASE_URL is set.
const { stores, dropSchema } = hubStores('hub-demand', 't_demand');

type Created = { token: string; id: string };
type Team = { team: { id: string; name: string }; secret: string };

const tag = (id: string, label: string, category: string) => ({ id, label, category });
const CHASER = tag('chaser', 'Chaser', 'Failure demand');
const REPEAT = tag('repeat-contact', 'Repeat contact', 'Failure demand');
const OUR_ERROR = tag('our-error', 'Our error', 'Failure demand');
const FEATURE = tag('feature-request', 'Feature request', 'Customer insight');
const BUG = tag('bug', 'Bug', 'Customer insight');
const PRAISE = tag('praise', 'Praise', 'Customer insight');
const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 10)).toISOString();
const FROM = '2026-11-02T00:00:00.000Z';
const TO = '2026-11-16T00:00:00.000Z';
const QUOTE = 'Where is my refund? You promised it last week.';

const capture = (tags: Item['tags'], note: string, capturedAt: string, extra: Partial<Item> = {}) =>
  makeItem({ tags, note, capturedAt, updatedAt: capturedAt, ...extra });

// Range: two weeks from Monday 2 November; the previous period the two weeks before.
const tier1Items: Item[] = [
  capture([CHASER], REFUND_NOTES[0] as string, at(11, 3)),
  capture([CHASER], REFUND_NOTES[1] as string, at(11, 4)),
  capture([FEATURE], EXPORT_NOTES[0] as string, at(11, 5)),
  capture([BUG, OUR_ERROR], 'invoice sent to the wrong postal address', at(11, 6)),
  capture([CHASER], REFUND_NOTES[2] as string, at(11, 10), { quote: QUOTE }),
  capture([FEATURE], EXPORT_NOTES[1] as string, at(11, 11)),
  capture([FEATURE], EXPORT_NOTES[2] as string, at(11, 12)),
  capture([PRAISE], 'thanked us for the quick fix', at(11, 13)),
  capture([CHASER], 'refund still missing after cancelling the plan', at(10, 21)),
  capture([REPEAT], 'called again about the same delivery', at(10, 22)),
  capture([REPEAT], 'second call about the delivery', at(10, 23)),
  capture([CHASER], 'after the range', at(11, 20)),
  { ...capture([CHASER], 'undone capture', at(11, 9)), deleted: true },
];

describe.each(stores)('failure demand API, $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let lead1: Created;
  let lead2: Created;
  let agent: Created;
  const cli = (...argv: string[]) => runCommand(store, argv);
  const get = (token: string, query: string) =>
    app.request(`/v1/demand${query}`, { headers: { authorization: `Bearer ${token}` } });
  const demand = async (token: string, query = `?from=${FROM}&to=${TO}`) => {
    const res = await get(token, query);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Demand;
  };

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store });
    const tier1 = (await cli('team', 'create', 'Tier 1')) as Team;
    const tier2 = (await cli('team', 'create', 'Tier 2')) as Team;
    lead1 = (await cli('token', 'create', '--team', 'Tier 1', '--role', 'lead')) as Created;
    lead2 = (await cli('token', 'create', '--team', 'Tier 2', '--role', 'lead')) as Created;
    agent = (await cli(
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'a-1',
    )) as Created;
    expect((await postSigned(app, tier1, tier1Items)).status).toBe(200);
    const other = [capture([CHASER], REFUND_NOTES[0] as string, at(11, 3))];
    expect((await postSigned(app, tier2, other)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it('counts captures, failure demand and its share per week, by cause', async () => {
    const d = await demand(lead1.token);
    expect(d).toMatchObject({ from: FROM, to: TO, bucket: 'week' });
    expect(d.previous).toEqual({ from: '2026-10-19T00:00:00.000Z', to: FROM });
    expect(d.buckets.map((b) => b.start)).toEqual([FROM, '2026-11-09T00:00:00.000Z']);
    expect(d.buckets.map((b) => [b.total, b.failure.count, b.failure.share, b.value.count])).toEqual([
      [4, 3, 0.75, 1],
      [4, 1, 0.25, 3],
    ]);
    const [week1, week2] = d.buckets;
    expect(week1?.failure.causes.map((c) => [c.id, c.label, c.count])).toEqual([
      ['chaser', 'Chaser', 2],
      ['our-error', 'Our error', 1],
    ]);
    // The bug tag of a failure-demand capture is not value demand: the capture is failure demand.
    expect(week1?.value.causes.map((c) => [c.id, c.category, c.count])).toEqual([
      ['feature-request', 'Customer insight', 1],
    ]);
    expect(week2?.value.causes.map((c) => [c.id, c.count])).toEqual([
      ['feature-request', 2],
      ['praise', 1],
    ]);
    expect(week2?.value.share).toBe(0.75);
  });

  it('lists the top themes under each cause', async () => {
    const d = await demand(lead1.token);
    const chaser = d.buckets[0]?.failure.causes[0];
    expect(chaser?.themes).toHaveLength(1);
    expect(chaser?.themes[0]).toMatchObject({ count: 2 });
    expect(REFUND_NOTES).toContain(chaser?.themes[0]?.title);
    const feature = d.summary.value.causes.find((c) => c.id === 'feature-request');
    expect(feature?.themes.map((t) => t.count)).toEqual([3]);
  });

  it('sums the range against the previous period of equal length, with a sample per theme', async () => {
    const { summary } = await demand(lead1.token);
    expect(summary).toMatchObject({ total: 8, previousTotal: 3 });
    expect(summary.failure).toMatchObject({ count: 4, share: 0.5, previousCount: 3, previousShare: 1 });
    expect(summary.value).toMatchObject({ count: 4, share: 0.5, previousCount: 0, previousShare: 0 });
    expect(summary.failure.causes.map((c) => [c.id, c.count, c.previous])).toEqual([
      ['chaser', 3, 1],
      ['our-error', 1, 0],
      ['repeat-contact', 0, 2],
    ]);
    const refund = summary.failure.causes[0]?.themes[0];
    expect(refund?.count).toBe(3);
    // The sample prefers a capture with the customer's own words.
    expect(refund?.sample).toMatchObject({ itemId: tier1Items[4]?.id, quote: QUOTE });
    expect(summary.failure.causes[2]?.themes).toEqual([]);
  });

  it('fills empty weeks and counts only the caller’s team', async () => {
    const d = await demand(lead2.token, `?from=${FROM}&to=2026-11-30T00:00:00.000Z`);
    expect(d.buckets.map((b) => b.total)).toEqual([1, 0, 0, 0]);
    expect(d.buckets[1]?.failure).toEqual({ count: 0, share: 0, causes: [] });
    expect(d.summary.failure.causes.map((c) => [c.id, c.count])).toEqual([['chaser', 1]]);
    expect(JSON.stringify(d)).not.toContain('our-error');
  });

  it('answers 400 on a bad query and 403 to an agent', async () => {
    const bad = [
      '?bucket=month',
      '?from=yesterday',
      `?from=${TO}&to=${FROM}`,
      `?from=${FROM}&to=${TO}&tag=chaser`,
      '?bucket=day&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    ];
    for (const query of bad) {
      const res = await get(lead1.token, query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toMatch(/\S/);
    }
    expect((await get(agent.token, '')).status).toBe(403);
  });

  it('defaults to the 12 weeks up to now', async () => {
    const d = await demand(lead1.token, '');
    expect(Date.parse(d.to) - Date.parse(d.from)).toBe(84 * 86_400_000);
    expect(d.buckets.length).toBeGreaterThanOrEqual(12);
  });
});
