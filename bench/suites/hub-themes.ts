import { startHub } from '../../server/serve';
import type { BenchDb } from './hub-db';
import { itemsRequest, PICKS, pickOf, rangeFor, seedReviewTeam, timeRequests } from './hub-query';

/**
 * The i-th GET /v1/themes request, as the Themes view sends it: the default listing (50 themes by
 * count, no filter), by growth or count within a range, the most recent, and within the item filters.
 */
export function themesRequest(i: number, now: number): { kind: string; path: string } {
  const round = Math.floor(i / 8);
  const p = (list: string[]) => pickOf(list, round);
  const variants: Array<Record<string, string>> = [
    {},
    { sort: 'growth', ...rangeFor(round, now, 8) },
    { ...rangeFor(round, now, 4) },
    { sort: 'recent' },
    { tag: p(PICKS.tags) },
    { sort: 'growth', status: 'new' },
    { category: 'Failure demand', sort: 'growth', ...rangeFor(round, now, 8) },
    { agent: p(PICKS.agents), q: p(PICKS.words) },
  ];
  const filter = variants[i % variants.length] ?? {};
  // Named by sort (growth, recent) and filters; "default" is the listing as the Themes view opens.
  const kind =
    Object.entries(filter)
      .map(([key, value]) => (key === 'sort' ? value : key))
      .join('+') || 'default';
  const query = new URLSearchParams(filter).toString();
  return { kind, path: `/v1/themes${query ? `?${query}` : ''}` };
}

/**
 * The review API on one seeded team: `rows` demo items grouped into themes (as ingest would have
 * left them), a real startHub on them, then `requests` GET /v1/items and as many GET /v1/themes.
 */
export async function measureReviewApi(target: BenchDb, rows: number, requests: number) {
  const now = Date.now();
  const seedStarted = performance.now();
  try {
    const tokens = await seedReviewTeam(target, rows, now, true);
    const seedMs = performance.now() - seedStarted;
    const hub = await startHub({ ...target.hubOptions, port: 0 });
    try {
      // The start loads the team's engine (every item's vector); requests are timed after it.
      await hub.themesReady;
      const count = (key: string) => (body: Record<string, unknown>) =>
        (body[key] as unknown[] | undefined)?.length ?? 0;
      const items = await timeRequests(
        hub.url,
        tokens,
        requests,
        (i) => itemsRequest(i, now),
        count('items'),
      );
      const themes = await timeRequests(
        hub.url,
        tokens,
        requests,
        (i) => themesRequest(i, now),
        count('themes'),
      );
      return { items, themes, seedMs };
    } finally {
      await hub.stop();
    }
  } finally {
    await target.dispose();
  }
}
