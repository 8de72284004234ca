import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { createHubApp } from '../../server/app';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore, Role } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';

const { stores, dropSchema } = hubStores('hub-api', 't_api');

const SECRET_A = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SECRET_B = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A tiny RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted || (ch !== '"' && ch !== ',' && ch !== '\r')) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else {
      // CR of a CRLF record end; the LF is skipped.
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    }
  }
  return rows;
}

describe.each(stores)('hub API on $name', ({ open }) => {
  let store: HubStore;
  let clock = Date.now();
  let app: ReturnType<typeof createHubApp>;
  let teamA: string;
  let teamB: string;
  const tok: Record<string, string> = {};

  async function token(name: string, role: Role, teamId: string | null, agentId: string | null = null) {
    tok[name] = generateToken();
    await store.createToken({ hash: hashToken(tok[name]), role, teamId, agentId });
  }
  const get = (path: string, who?: string) =>
    app.request(path, { headers: who ? { authorization: `Bearer ${tok[who]}` } : {} });
  const send = (method: string, path: string, who: string, body: unknown) =>
    app.request(path, {
      method,
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${tok[who]}`, 'content-type': 'application/json' },
    });
  const ingest = (secret: string, items = [makeItem()], id = `b-${Math.random()}`) => {
    const body = batchBody(id, items, Date.now());
    return app.request('/v1/webhook', {
      method: 'POST',
      body,
      headers: signBatch(secret, id, body, Date.now()),
    });
  };

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store, now: () => new Date(clock), rateLimit: { perSecond: 1000, burst: 1000 } });
    teamA = (await store.createTeam('A', SECRET_A)).id;
    teamB = (await store.createTeam('B', SECRET_B)).id;
    await token('leadA', 'lead', teamA);
    await token('leadB', 'lead', teamB);
    await token('admin', 'admin', null);
    await token('agent1', 'agent', teamA, 'a-1');
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await dropSchema();
  });

  it('ingests idempotently and attributes a batch to the team whose secret verified it', async () => {
    const items = [makeItem(), makeItem()];
    expect(await (await ingest(SECRET_A, items, 'same')).json()).toMatchObject({ stored: 2 });
    expect(await (await ingest(SECRET_A, items, 'same')).json()).toMatchObject({ stored: 0, duplicates: 2 });
    const a = (await (await get('/v1/items', 'leadA')).json()) as { items: Array<{ teamId: string }> };
    expect(a.items.every((i) => i.teamId === teamA)).toBe(true);
  });

  it('rotates a secret: old and new verify within the grace window, old refused after', async () => {
    const t = await store.createTeam('Rot', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx');
    const fresh = 'whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';
    await store.rotateSecret(t.id, fresh, 3_600_000);
    expect((await ingest('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx')).status).toBe(200);
    expect((await ingest(fresh)).status).toBe(200);
    clock += 2 * 3_600_000;
    expect((await ingest('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx')).status).toBe(401);
    expect((await ingest(fresh)).status).toBe(200);
    clock = Date.now();
  });

  it('answers 401 without or with a wrong token, 403 for an agent on lead endpoints', async () => {
    const paths = ['/v1/items', '/v1/items.csv', '/v1/trends', `/v1/items/${makeItem().id}`, '/'];
    for (const path of paths) {
      expect((await get(path)).status, path).toBe(401);
      tok.wrong = generateToken();
      expect((await get(path, 'wrong')).status, path).toBe(401);
      expect((await get(path, 'agent1')).status, path).toBe(403);
    }
    expect((await send('POST', '/v1/items/triage', 'agent1', { ids: [], status: 'new' })).status).toBe(403);
  });

  it("hides another team's items from a lead on every endpoint", async () => {
    const item = makeItem({ note: 'team A secret' });
    await ingest(SECRET_A, [item]);
    const list = (await (await get('/v1/items', 'leadB')).json()) as { items: unknown[] };
    expect(JSON.stringify(list)).not.toContain(item.id);
    expect(await (await get('/v1/items.csv', 'leadB')).text()).not.toContain(item.id);
    expect(JSON.stringify(await (await get('/v1/trends', 'leadB')).json())).not.toContain('feature-request');
    expect((await get(`/v1/items/${item.id}`, 'leadB')).status).toBe(404);
    expect((await send('PATCH', `/v1/items/${item.id}`, 'leadB', { status: 'declined' })).status).toBe(404);
    const bulk = await send('POST', '/v1/items/triage', 'leadB', { ids: [item.id], status: 'declined' });
    expect(await bulk.json()).toEqual({ updated: [], notFound: [item.id] });
    expect(await (await get(`/v1/agent/status?ids=${item.id}`, 'leadB')).json()).toEqual([]);
    expect((await get(`/v1/items/${item.id}`, 'admin')).status).toBe(200);
  });

  it('filters, searches and pages newest first with an opaque cursor', async () => {
    const day = (d: number) => new Date(Date.UTC(2030, 0, d)).toISOString();
    const tag = { id: 'paging', label: 'Paging', category: 'Ops' };
    const items = [1, 2, 3, 4, 5].map((d) =>
      makeItem({
        capturedAt: day(d),
        tags: [tag],
        note: d === 3 ? 'invoice broken' : 'fine',
        source: { ...makeItem().source, site: 'freshdesk' },
      }),
    );
    await ingest(SECRET_A, items);
    await ingest(SECRET_A, [{ ...makeItem({ capturedAt: day(6), tags: [tag] }), deleted: true }]);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const r = (await (await get(`/v1/items?tag=paging&limit=2${cursor}`, 'leadA')).json()) as {
        items: Array<{ item: { capturedAt: string } }>;
        nextCursor: string | null;
      };
      seen.push(...r.items.map((i) => i.item.capturedAt));
      if (!r.nextCursor) break;
      cursor = `&cursor=${r.nextCursor}`;
    }
    expect(seen).toEqual([5, 4, 3, 2, 1].map(day));
    const q = (await (await get('/v1/items?q=invoice&site=freshdesk', 'leadA')).json()) as {
      items: unknown[];
    };
    expect(q.items).toHaveLength(1);
    const ranged = `/v1/items?category=Ops&from=${day(2)}&to=${day(4)}&includeDeleted=true`;
    expect(((await (await get(ranged, 'leadA')).json()) as { items: unknown[] }).items).toHaveLength(2);
    const withDeleted = (await (await get('/v1/items?tag=paging&includeDeleted=true', 'leadA')).json()) as {
      items: unknown[];
    };
    expect(withDeleted.items).toHaveLength(6);
    expect((await get('/v1/items?status=bogus', 'leadA')).status).toBe(400);
    expect((await get('/v1/items?cursor=nope', 'leadA')).status).toBe(400);
  });

  it('triages one and many items with history, and loops the status back to the agent', async () => {
    const mine = makeItem();
    const other = makeItem({ agent: { id: 'a-2', name: 'Bo', team: 'A' } });
    await ingest(SECRET_A, [mine, other]);
    const one = await send('PATCH', `/v1/items/${mine.id}`, 'leadA', { status: 'reviewed', comment: 'seen' });
    expect(await one.json()).toMatchObject({
      status: 'reviewed',
      comment: 'seen',
      history: [{ actorRole: 'lead' }],
    });
    const bulk = await send('POST', '/v1/items/triage', 'leadA', {
      ids: [mine.id, other.id],
      status: 'actioned',
    });
    expect(((await bulk.json()) as { updated: string[] }).updated.sort()).toEqual([mine.id, other.id].sort());
    const detail = (await (await get(`/v1/items/${mine.id}`, 'admin')).json()) as { history: unknown[] };
    expect(detail.history).toHaveLength(2);
    const status = await (await get(`/v1/agent/status?ids=${mine.id},${other.id}`, 'agent1')).json();
    expect(status).toEqual([
      { id: mine.id, status: 'actioned', comment: null, updatedAt: expect.any(String) },
    ]);
    expect((await send('PATCH', `/v1/items/${mine.id}`, 'leadA', { status: 'done' })).status).toBe(400);
  });

  it('counts trends per tag and category per week', async () => {
    const at = '2031-03-05T10:00:00.000Z';
    const tags = [
      { id: 'tr-1', label: 'Trend one', category: 'Trendy' },
      { id: 'tr-2', label: 'Trend two', category: 'Trendy' },
    ];
    await ingest(SECRET_A, [
      makeItem({ capturedAt: at, tags }),
      makeItem({ capturedAt: at, tags: [tags[0]!] }),
    ]);
    const r = (await (await get('/v1/trends?bucket=week&from=2031-03-01T00:00:00Z', 'leadA')).json()) as {
      tags: Array<{ bucket: string; tag: string; count: number }>;
      categories: Array<{ category: string; count: number }>;
    };
    expect(r.tags).toContainEqual({
      bucket: '2031-03-03T00:00:00.000Z',
      tag: 'tr-1',
      label: 'Trend one',
      count: 2,
    });
    expect(r.categories).toContainEqual({ bucket: '2031-03-03T00:00:00.000Z', category: 'Trendy', count: 2 });
  });

  it('exports RFC 4180 CSV that round-trips and neutralises formulas', async () => {
    const item = makeItem({
      note: '=HYPERLINK("x")',
      quote: 'a, "b"\nc',
      capturedAt: '2032-01-01T00:00:00.000Z',
    });
    await ingest(SECRET_A, [item]);
    const res = await get('/v1/items.csv?from=2032-01-01T00:00:00Z', 'leadA');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === item.id)!;
    expect(row[header.indexOf('note')]).toBe(`'=HYPERLINK("x")`);
    expect(row[header.indexOf('quote')]).toBe('a, "b"\nc');
  });

  it('limits rate per token (429 + Retry-After), body size (413), and always sends security headers', async () => {
    const limited = createHubApp({ store, rateLimit: { perSecond: 1, burst: 2 } });
    const h = { headers: { authorization: `Bearer ${tok.leadA}` } };
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await limited.request('/v1/items', h)).status);
    expect(codes).toEqual([200, 200, 429]);
    const r429 = await limited.request('/v1/items', h);
    expect(r429.headers.get('retry-after')).toBe('1');
    const big = await send('POST', '/v1/items/triage', 'leadA', {
      ids: [],
      status: 'new',
      comment: 'x'.repeat(70_000),
    });
    expect(big.status).toBe(413);
    for (const res of [r429, big, await get('/v1/items'), await get('/nope'), await get('/healthz')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});

describe('bootstrap rule (no token yet)', () => {
  let store: HubStore;
  beforeAll(async () => {
    store = await openPgliteStore();
  }, 30_000);
  afterAll(() => store.close());

  it('allows unauthenticated reads from loopback until the first token exists; never via a proxy', async () => {
    const app = createHubApp({ store });
    expect((await app.request('/v1/items')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/v1/items.csv')).status).toBe(401);
    expect((await app.request('/v1/items', { headers: { 'x-forwarded-for': '1.2.3.4' } })).status).toBe(401);
    await store.createToken({ hash: hashToken(generateToken()), role: 'admin', teamId: null, agentId: null });
    expect((await app.request('/v1/items')).status).toBe(401);
    expect((await createHubApp({ store, demo: true }).request('/v1/items')).status).toBe(200);
  });
});
