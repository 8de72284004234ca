import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../bench/suites/hub-db';
import { csvStream } from '../../server/api/csv';
import { createHubApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { openPglite } from '../../server/db/pglite';
import { createSqlStore } from '../../server/sql-store';
import type { HubItem, HubStore } from '../../server/store';
import { makeItem } from '../helpers/items';

// The CSV export of the largest download (50,000 rows) streams: the hub reads a page only when
// the client has taken the previous one, so its memory stays about one page whatever the size.
const ROWS = 50_000;
const BASE = Date.parse('2030-01-01T00:00:00.000Z');

/** A full collection, so heap samples count what is held, not garbage awaiting collection. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes the process holds: the JS heap plus ArrayBuffers (a Response body lives in the latter). */
function held(gc: () => void): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('CSV export streaming', () => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let lead: string;
  let pagesRead = 0;
  let oldestId = '';

  beforeAll(async () => {
    const db = await openPglite();
    store = await createSqlStore(db);
    // Counts the pages the export reads, to see how far the hub runs ahead of the client.
    const counted: HubStore = {
      ...store,
      listItems: (filter) => {
        pagesRead++;
        return store.listItems(filter);
      },
    };
    app = createHubApp({ store: counted, rateLimit: { perSecond: 1000, burst: 1000 } });
    const team = (await store.createTeam('Big', 'whsec_big')).id;
    lead = generateToken();
    await store.createToken({ hash: hashToken(lead), role: 'lead', teamId: team, agentId: null });
    const items = Array.from({ length: ROWS }, (_, i) => {
      const at = new Date(BASE + i * 1000).toISOString();
      return makeItem({ id: uuidv7(), capturedAt: at, updatedAt: at, note: `note ${i} ${'x'.repeat(200)}` });
    });
    oldestId = items[0]?.id ?? '';
    await bulkInsert(db, items, team, 5000);
  }, 120_000);
  afterAll(() => store?.close());

  it('sends the first bytes before reading the last rows, and holds about one page, not the file', async () => {
    const gc = collector();
    const baseline = held(gc);
    pagesRead = 0;
    const res = await app.request('/v1/items.csv', { headers: { authorization: `Bearer ${lead}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value).startsWith('id,capturedAt,status,')).toBe(true);
    // 100 pages make the file; the client has one chunk, so the hub has read at most one ahead.
    expect(pagesRead).toBeLessThanOrEqual(2);

    let bytes = first.value?.byteLength ?? 0;
    let records = 1;
    let chunks = 1;
    let peak = 0;
    let tail = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      tail = decoder.decode(next.value);
      records += tail.split('\r\n').length - 1;
      if (++chunks % 10 === 0) peak = Math.max(peak, held(gc) - baseline);
    }
    expect(records).toBe(ROWS + 1);
    expect(pagesRead).toBe(100);
    // Newest first: the last record is the oldest item.
    expect(tail.trimEnd().split('\r\n').at(-1)?.startsWith(`${oldestId},`)).toBe(true);
    // The file is about 20 MB; building it in memory holds all of it (and more), streaming about
    // one page plus what the collector has not yet reclaimed: 1-2 MB measured, up to 2.1 MB on a
    // loaded 2-core machine. A fifth of the file keeps the two cases far apart.
    expect(bytes).toBeGreaterThan(15_000_000);
    expect(peak).toBeLessThan(bytes / 5);
  }, 120_000);

  it('streams the same columns and escaping a CSV parser reads back', async () => {
    const to = new Date(BASE + 10_000).toISOString();
    const res = await app.request(`/v1/items.csv?sort=oldest&to=${to}`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    const records = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(10);
    expect(records[0]).toMatchObject({ id: oldestId, note: `note 0 ${'x'.repeat(200)}`, team: 'Tier 1' });
  }, 120_000);
});

describe('csvStream', () => {
  it('stops at maxRows, asking the last page for only the rows left, and continues each cursor', async () => {
    const all = Array.from({ length: 10 }, (_, i) => {
      const at = new Date(BASE + i * 1000).toISOString();
      return { item: makeItem({ capturedAt: at, updatedAt: at }), status: 'new', comment: null } as HubItem;
    });
    const asked: Array<{ limit: number; after?: string }> = [];
    const stream = csvStream(
      async (limit, cursor) => {
        asked.push({ limit, ...(cursor ? { after: cursor.id } : {}) });
        const from = cursor ? all.findIndex((h) => h.item.id === cursor.id) + 1 : 0;
        return all.slice(from, from + limit);
      },
      { pageSize: 3, maxRows: 7 },
    );
    const records = parse(await new Response(stream).text(), { columns: true }) as Array<{ id: string }>;
    expect(records.map((r) => r.id)).toEqual(all.slice(0, 7).map((h) => h.item.id));
    expect(asked).toEqual([
      { limit: 3 },
      { limit: 3, after: all[2]?.item.id },
      { limit: 1, after: all[5]?.item.id },
    ]);
  });
});
