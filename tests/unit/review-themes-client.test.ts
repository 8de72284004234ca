import { describe, expect, it } from 'vitest';
import { HubError } from '../../lib/hub/errors';
import { createReviewClient } from '../../lib/hub/review/client';
import { NO_FILTERS } from '../../lib/hub/review/query';
import { ThemesPageSchema } from '../../lib/hub/review/theme-schemas';
import { makeItem } from '../helpers/items';

// The Themes view's calls: what reaches the hub (path, query, body) and how answers are parsed.
const TOKEN = 'lead-token-0123456789abcdef';
const THEME_ID = '0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const OTHER_ID = '0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6e';
const theme = {
  id: THEME_ID,
  title: 'Chasing the refund promised 10 days ago',
  count: 12,
  agents: 5,
  tags: [{ id: 'chaser', label: 'Chaser', count: 12 }],
  firstSeen: '2026-10-12T08:31:44.782Z',
  lastSeen: '2026-12-03T12:07:25.827Z',
  growth: 4,
  weekly: [{ week: '2026-10-12T00:00:00.000Z', count: 1 }],
};

type Call = { url: string; init: RequestInit };
function client(respond: (call: Call) => unknown) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return new Response(JSON.stringify(respond(call)), { headers: { 'content-type': 'application/json' } });
  };
  const review = createReviewClient({
    url: 'https://hub.example.com',
    token: TOKEN,
    fetch: fetch as typeof globalThis.fetch,
  });
  return { review, calls };
}
const body = (call: Call | undefined) => JSON.parse(String(call?.init.body));

describe('themes client', () => {
  it('lists themes with the item filters, the theme order and the cursor (the items sort left out)', async () => {
    const { review, calls } = client(() => ({ themes: [theme], nextCursor: 'next' }));
    const page = await review.listThemes(
      {
        ...NO_FILTERS,
        tag: 'chaser',
        status: 'new',
        q: ' refund ',
        from: '2026-11-01',
        to: '2026-11-30',
        sort: 'oldest',
      },
      'growth',
      { cursor: 'c1', limit: 30 },
    );
    expect(page).toEqual({ themes: [theme], nextCursor: 'next' });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/themes');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tag: 'chaser',
      status: 'new',
      q: 'refund',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      sort: 'growth',
      limit: '30',
      cursor: 'c1',
    });
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('reads a theme’s items through /v1/items?theme=, with the filters', async () => {
    const { review, calls } = client(() => ({ items: [], nextCursor: null }));
    await review.themeItems(THEME_ID, { ...NO_FILTERS, agent: 'dana' }, { cursor: 'c2' });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/items');
    expect(url.searchParams.get('theme')).toBe(THEME_ID);
    expect(url.searchParams.get('agent')).toBe('dana');
    expect(url.searchParams.get('cursor')).toBe('c2');
  });

  it('triages, renames, merges (target first) and moves with the documented bodies', async () => {
    const hubItem = {
      item: makeItem({ note: 'x' }),
      status: 'new',
      comment: null,
      statusUpdatedAt: null,
      themeId: OTHER_ID,
      history: [],
    };
    const { review, calls } = client((call) => {
      if (call.url.endsWith('/triage')) return { updated: ['a', 'b'] };
      if (call.url.endsWith('/merge')) return { id: OTHER_ID };
      if (call.url.includes('/v1/themes/')) return { id: THEME_ID, title: 'Refund chasers' };
      return hubItem;
    });
    expect(await review.triageTheme(THEME_ID, 'actioned', '  Fixed  ')).toEqual({ updated: ['a', 'b'] });
    expect(await review.renameTheme(THEME_ID, ' Refund chasers ')).toEqual({
      id: THEME_ID,
      title: 'Refund chasers',
    });
    expect(await review.mergeThemes(OTHER_ID, THEME_ID)).toBe(OTHER_ID);
    expect((await review.moveItem(hubItem.item.id, OTHER_ID)).themeId).toBe(OTHER_ID);
    expect(calls.map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual([
      `POST /v1/themes/${THEME_ID}/triage`,
      `PATCH /v1/themes/${THEME_ID}`,
      'POST /v1/themes/merge',
      `PATCH /v1/items/${hubItem.item.id}`,
    ]);
    expect(calls.map(body)).toEqual([
      { status: 'actioned', comment: 'Fixed' },
      { title: 'Refund chasers' },
      { ids: [OTHER_ID, THEME_ID] },
      { themeId: OTHER_ID },
    ]);
  });

  it('refuses a path that is not an id, and an answer that is not a theme page', async () => {
    const { review, calls } = client(() => ({ themes: [{ ...theme, count: -1 }], nextCursor: null }));
    await expect(review.triageTheme('../items', 'new', '')).rejects.toBeInstanceOf(HubError);
    await expect(review.moveItem(THEME_ID, 'x/y')).rejects.toBeInstanceOf(HubError);
    expect(calls).toEqual([]);
    await expect(review.listThemes(NO_FILTERS, 'count')).rejects.toMatchObject({ kind: 'bad-response' });
    expect(ThemesPageSchema.safeParse({ themes: [theme], nextCursor: null }).success).toBe(true);
    expect(
      ThemesPageSchema.safeParse({ themes: [{ ...theme, growth: 1.5 }], nextCursor: null }).success,
    ).toBe(false);
  });
});
