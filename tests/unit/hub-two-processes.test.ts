import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import type { Item } from '../../lib/schema';
import { runCommand } from '../../server/cli';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import { SCHEMA_VERSION, type SqlDb } from '../../server/db/sql';
import { demoItems } from '../../server/demo-data';
import type { HubItem, ThemeSummary } from '../../server/store';
import { type HubProcess, startHubProcess } from '../helpers/hub-process';

// Issue 23: an organisation runs several hub processes behind a load balancer on one PostgreSQL.
// Two real hub processes (server/main.ts) start together on an empty schema and are driven at
// once: duplicate deliveries of every batch to both, newer revisions racing older ones, the same
// items triaged through both, a theme merged through one while the other groups new items.
const url = process.env.DATABASE_URL;
if (!url) console.warn('hub-two-processes: skipping: DATABASE_URL unset (CI sets it)');
const schema = `two_hubs_${process.pid}`;

type Team = { team: { id: string }; secret: string };

describe.skipIf(!url)('two hub processes on one PostgreSQL', () => {
  let hubs: HubProcess[] = [];
  let db: SqlDb;
  let team: Team;
  let lead: string;
  const items = demoItems(240, { seed: 23, weeks: 4 }).filter((item) => item.note?.trim());

  /** POSTs a signed batch to one hub's team webhook, as an agent's extension would. */
  const deliver = async (hub: HubProcess, batch: Item[]) => {
    const id = crypto.randomUUID();
    const body = batchBody(id, batch, Date.now());
    const reply = await fetch(`${hub.url}/v1/webhook/${team.team.id}`, {
      method: 'POST',
      body,
      headers: { ...signBatch(team.secret, id, body, Date.now()), 'content-type': 'application/json' },
    });
    expect(reply.status, `${await reply.clone().text()}\n${hub.output()}`).toBe(200);
  };
  const api = async <T>(hub: HubProcess, path: string, method = 'GET', body?: unknown) => {
    const reply = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(reply.status, await reply.clone().text()).toBe(200);
    return (await reply.json()) as T;
  };

  beforeAll(async () => {
    const base = url as string;
    await dropSchema(base, schema);
    await (await openPostgres(base, schema)).close(); // the schema, empty: the hubs migrate it
    const hubUrl = new URL(base);
    hubUrl.searchParams.set('options', `-c search_path=${schema}`);
    hubs = await Promise.all([0, 1].map(() => startHubProcess({ DATABASE_URL: hubUrl.toString() })));
    db = await openPostgres(base, schema);
    const { createSqlStore } = await import('../../server/sql-store');
    const store = await createSqlStore(db);
    team = (await runCommand(store, ['team', 'create', 'Tier 1'])) as Team;
    lead = (
      (await runCommand(store, ['token', 'create', '--team', 'Tier 1', '--role', 'lead'])) as {
        token: string;
      }
    ).token;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()));
    await db?.close();
    if (url) await dropSchema(url, schema);
  });

  it('ran the migrations once, both hubs starting together on an empty database', async () => {
    const { rows } = await db.query<{ version: number; n: number }>(
      'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(rows).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1, n: 1 })));
  });

  it('stores every item once, at its highest revision, grouped, with duplicates delivered to both', async () => {
    const [a, b] = hubs as [HubProcess, HubProcess];
    const revised = items
      .slice(0, 60)
      .map((item) => ({ ...item, revision: 2, note: `${item.note} (again)` }));
    const sends: Promise<void>[] = [];
    for (let i = 0; i < items.length; i += 20) {
      const batch = items.slice(i, i + 20);
      // Every batch to both hubs at once (a retry after a lost answer lands on the other one).
      sends.push(deliver(a, batch), deliver(b, batch));
    }
    // Newer revisions race the first ones, through either hub.
    for (let i = 0; i < revised.length; i += 20)
      sends.push(deliver(i % 40 ? a : b, revised.slice(i, i + 20)));
    await Promise.all(sends);
    await deliver(b, items.slice(0, 20)); // an old revision after the new one: changes nothing

    const { rows } = await db.query<{ id: string; revision: number; theme_id: string | null; note: string }>(
      "SELECT id, revision, theme_id, data->>'note' AS note FROM items WHERE team_id = $1",
      [team.team.id],
    );
    expect(rows).toHaveLength(items.length);
    const want = new Map([...items, ...revised].map((item) => [item.id, item]));
    for (const row of rows) {
      expect(row.revision, row.id).toBe(want.get(row.id)?.revision);
      expect(row.note).toBe(want.get(row.id)?.note);
      expect(row.theme_id, row.id).not.toBeNull();
    }
    // Each theme's count is its items: no item counted twice or lost between the two engines.
    const counts = await db.query<{ id: string; count: number; items: number }>(
      `SELECT t.id, t.count, count(i.id)::int AS items FROM themes t LEFT JOIN items i ON i.theme_id = t.id
       WHERE t.team_id = $1 AND t.merged_into IS NULL GROUP BY t.id, t.count`,
      [team.team.id],
    );
    expect(counts.rows.length).toBeGreaterThan(3);
    for (const theme of counts.rows) expect(theme.count, theme.id).toBe(theme.items);
    const docs = await db.query<{ docs: number }>('SELECT theme_documents AS docs FROM teams WHERE id = $1', [
      team.team.id,
    ]);
    expect(docs.rows[0]?.docs).toBe(items.length);
  });

  it('loses no triage: the same items triaged through both, the last write wins, the history has both', async () => {
    const [a, b] = hubs as [HubProcess, HubProcess];
    const ids = items.slice(100, 130).map((item) => item.id);
    await Promise.all([
      api(a, '/v1/items/triage', 'POST', { ids, status: 'reviewed', comment: 'through A' }),
      api(b, '/v1/items/triage', 'POST', { ids, status: 'actioned', comment: 'through B' }),
    ]);
    for (const id of ids) {
      const item = await api<HubItem & { history: Array<{ status: string; comment: string | null }> }>(
        a,
        `/v1/items/${id}`,
      );
      expect(item.history.map((h) => h.comment).sort()).toEqual(['through A', 'through B']);
      const last = item.history.at(-1);
      expect(item.status).toBe(last?.status);
      expect(item.comment).toBe(last?.comment);
    }
  });

  it('follows a merge made through the other hub: new items join the survivor, never the merged-away theme', async () => {
    const [a, b] = hubs as [HubProcess, HubProcess];
    const { themes } = await api<{ themes: ThemeSummary[] }>(a, '/v1/themes?sort=count&limit=50');
    const [survivor, gone] = themes as [ThemeSummary, ThemeSummary];
    const goneItems = await api<{ items: HubItem[] }>(a, `/v1/items?theme=${gone.id}&limit=5`);
    const like = goneItems.items[0]?.item as Item;
    // Hub B groups an item first, so its engine is loaded and kept before the merge.
    await deliver(b, [{ ...like, id: uuidv7(), revision: 1 }]);
    await api(a, '/v1/themes/merge', 'POST', { ids: [survivor.id, gone.id] });

    const next = { ...like, id: uuidv7(), revision: 1 };
    await deliver(b, [next]);
    const stored = await api<HubItem>(b, `/v1/items/${next.id}`);
    expect(stored.themeId).toBe(survivor.id);
    const after = await api<{ themes: ThemeSummary[] }>(b, '/v1/themes?sort=count&limit=50');
    expect(after.themes.map((t) => t.id)).not.toContain(gone.id);
    expect(after.themes.find((t) => t.id === survivor.id)?.count).toBe(survivor.count + gone.count + 2);
  });
});
