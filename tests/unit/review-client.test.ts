import { describe, expect, it } from 'vitest';
import { HubError } from '../../lib/hub/errors';
import { createReviewClient } from '../../lib/hub/review/client';
import { NO_FILTERS } from '../../lib/hub/review/query';
import { makeItem } from '../helpers/items';

const TOKEN = 'lead-token-0123456789abcdef';
const hubItem = (note: string) => ({
  item: makeItem({ note }),
  receivedAt: '2026-11-23T10:00:01.000Z',
  teamId: null,
  status: 'new',
  comment: null,
  statusUpdatedAt: null,
});

type Call = { url: string; init: RequestInit };

const side = (count: number, share: number) => ({ count, share, causes: [] });
/** A GET /v1/demand answer as the hub gives it (docs/hub-api.md). */
const DEMAND = {
  from: '2026-09-01T00:00:00.000Z',
  to: '2026-09-15T00:00:00.000Z',
  bucket: 'week',
  previous: { from: '2026-08-18T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z' },
  buckets: [
    {
      start: '2026-08-31T00:00:00.000Z',
      total: 4,
      failure: {
        count: 3,
        share: 0.75,
        causes: [{ id: 'chaser', label: 'Chaser', category: 'Failure demand', count: 3, themes: [] }],
      },
      value: side(1, 0.25),
    },
  ],
  summary: {
    total: 4,
    previousTotal: 2,
    failure: {
      count: 3,
      share: 0.75,
      previousCount: 1,
      previousShare: 0.5,
      causes: [
        {
          id: 'chaser',
          label: 'Chaser',
          category: 'Failure demand',
          count: 3,
          previous: 1,
          themes: [
            {
              id: '0193a1b2-0000-7000-8000-000000000001',
              title: 'refund not received',
              count: 3,
              sample: { itemId: 'x', quote: 'Where is my refund?', note: null },
            },
          ],
        },
      ],
    },
    value: { ...side(1, 0.25), previousCount: 1, previousShare: 0.5 },
  },
};

/** A fetch that records calls and answers with `respond`'s Response. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error('expected a HubError');
}

describe('review client', () => {
  it('sends the bearer token and the filters, and parses a page', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json({ items: [hubItem('dark mode')], nextCursor: 'abc', total: 7 }),
    );
    const client = createReviewClient({ url: 'https://hub.example.com', token: TOKEN, fetch });
    const page = await client.listItems(
      {
        ...NO_FILTERS,
        tag: 'bug',
        status: 'new',
        q: ' dark ',
        from: '2026-11-01',
        to: '2026-11-30',
        sort: 'oldest',
      },
      { cursor: 'c1', limit: 200, withTotal: true },
    );
    expect(page.items[0]?.item.note).toBe('dark mode');
    expect(page.total).toBe(7);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.origin + url.pathname).toBe('https://hub.example.com/v1/items');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tag: 'bug',
      status: 'new',
      q: 'dark',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      sort: 'oldest',
      limit: '200',
      cursor: 'c1',
      total: 'true',
    });
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]?.init.credentials).toBe('omit');
  });

  it('types failures: token refused, rate limited, unreachable, bad response, other HTTP', async () => {
    const cases: Array<[() => Response | Promise<Response>, string, number | null]> = [
      [() => json({ error: 'invalid token' }, 401), 'token', 401],
      [() => json({ error: 'forbidden for this role' }, 403), 'token', 403],
      [() => json({ error: 'rate limit exceeded' }, 429, { 'retry-after': '3' }), 'rate-limited', 429],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'unreachable', null],
      [() => new Response('<html>proxy login</html>'), 'bad-response', null],
      [() => json({ items: [{ nope: 1 }], nextCursor: null }), 'bad-response', null],
      [() => json({ error: 'internal error' }, 500), 'http', 500],
    ];
    for (const [respond, kind, status] of cases) {
      const client = createReviewClient({
        url: 'http://127.0.0.1:8787',
        token: TOKEN,
        fetch: fakeFetch(respond).fetch,
      });
      const error = await failure(client.listItems(NO_FILTERS));
      expect([error.kind, error.status], error.message).toEqual([kind, status]);
      if (kind === 'rate-limited') {
        expect(error.retryAfterSeconds).toBe(3);
        expect(error.message).toContain('try again in 3 s');
      }
      if (kind === 'token') expect(error.message).toMatch(/refused the lead token \(HTTP 40[13]: /);
    }
  });

  it('times out a hub that never answers, and tells a caller abort apart', async () => {
    const hang = ({ init }: Call) =>
      new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const slow = createReviewClient({
      url: 'http://127.0.0.1:1',
      token: TOKEN,
      fetch: fakeFetch(hang).fetch,
      timeoutMs: 50,
    });
    const timedOut = await failure(slow.facets());
    expect(timedOut.kind).toBe('unreachable');
    expect(timedOut.message).toContain('did not answer');
    const controller = new AbortController();
    const pending = slow.facets(controller.signal);
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('refuses an answer larger than its bound without buffering it all', async () => {
    let pulled = 0;
    const endless = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(64 * 1024).fill(32));
          },
        }),
      );
    const client = createReviewClient({
      url: 'http://127.0.0.1:8787',
      token: TOKEN,
      fetch: fakeFetch(endless).fetch,
    });
    const error = await failure(client.getItem('01a20824-fdb7-7d58-9e34-380b25f4449b'));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('larger than');
    expect(pulled).toBeLessThan(20);
  });

  it('triages one item, and many in chunks of 500 with merged results', async () => {
    const { fetch, calls } = fakeFetch(({ init }) => {
      if (init.method === 'PATCH') return json({ ...hubItem('x'), status: 'actioned', history: [] });
      const body = JSON.parse(String(init.body)) as { ids: string[] };
      return json({ updated: body.ids.slice(1), notFound: body.ids.slice(0, 1) });
    });
    const client = createReviewClient({ url: 'http://127.0.0.1:8787', token: TOKEN, fetch });
    const one = await client.triage('01a20824-fdb7-7d58-9e34-380b25f4449b', 'actioned', '  shipped  ');
    expect(one.status).toBe('actioned');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ status: 'actioned', comment: 'shipped' });
    const ids = Array.from(
      { length: 1201 },
      (_, i) => `01a20824-fdb7-7d58-9e34-${String(i).padStart(12, '0')}`,
    );
    const result = await client.bulkTriage(ids, 'declined', '');
    const posts = calls.filter((c) => c.init.method === 'POST');
    expect(posts.map((c) => (JSON.parse(String(c.init.body)) as { ids: string[] }).ids.length)).toEqual([
      500, 500, 201,
    ]);
    expect(JSON.parse(String(posts[0]?.init.body))).not.toHaveProperty('comment');
    expect(result.notFound).toHaveLength(3);
    expect(result.updated).toHaveLength(1198);
  });

  it('exports CSV as a Blob with the view’s filters', async () => {
    const { fetch, calls } = fakeFetch(
      () => new Response('id,note\r\nx,"\'=1+1"\r\n', { headers: { 'content-type': 'text/csv' } }),
    );
    const client = createReviewClient({ url: 'http://127.0.0.1:8787', token: TOKEN, fetch });
    const blob = await client.exportCsv({ ...NO_FILTERS, agent: 'a-1', site: 'zendesk' });
    expect(await blob.text()).toContain("'=1+1");
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/v1/items.csv?agent=a-1&site=zendesk');
  });

  it('asks for weekly demand over the date range, parses the answer, and rejects a non-id before fetching', async () => {
    const { fetch, calls } = fakeFetch(() => json(DEMAND));
    const client = createReviewClient({ url: 'http://127.0.0.1:8787', token: TOKEN, fetch });
    const demand = await client.demand({ from: '2026-09-01', to: '2026-09-14' });
    expect(calls[0]?.url).toBe(
      'http://127.0.0.1:8787/v1/demand?bucket=week&from=2026-09-01T00%3A00%3A00.000Z&to=2026-09-15T00%3A00%3A00.000Z',
    );
    expect(demand.summary.failure.causes[0]).toMatchObject({ id: 'chaser', count: 3, previous: 1 });
    expect(demand.summary.failure.causes[0]?.themes[0]?.sample?.quote).toBe('Where is my refund?');
    expect((await failure(client.getItem('../admin'))).kind).toBe('http');
    expect(calls).toHaveLength(1);
  });

  it('refuses a demand answer that does not match the contract', async () => {
    const broken = {
      ...DEMAND,
      buckets: [{ ...DEMAND.buckets[0], failure: { count: 1, share: 2, causes: [] } }],
    };
    const { fetch } = fakeFetch(() => json(broken));
    const client = createReviewClient({ url: 'http://127.0.0.1:8787', token: TOKEN, fetch });
    expect((await failure(client.demand({ from: '', to: '' }))).kind).toBe('bad-response');
  });
});
