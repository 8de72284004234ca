import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../../lib/schema';
import { openPglite } from '../../server/db/pglite';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import type { HubStore } from '../../server/store';

/** Which database a hub bench runs on. */
export type Engine = 'pglite' | 'postgres';

/**
 * A fresh, empty hub database: a PGlite data dir (as `npm run hub` uses) or its own schema in the
 * PostgreSQL at DATABASE_URL. `hubOptions` starts a real hub on it; `open` opens it directly.
 */
export interface BenchDb {
  engine: Engine;
  hubOptions: { dataDir: string; databaseUrl?: string };
  open(): Promise<{ db: SqlDb; store: HubStore }>;
  dispose(): Promise<void>;
}

let counter = 0;

/** Creates a fresh database for one measurement; dispose() removes it. */
export async function benchDb(engine: Engine, databaseUrl?: string): Promise<BenchDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'earmark-hub-bench-'));
  if (engine === 'pglite') {
    return {
      engine,
      hubOptions: { dataDir },
      async open() {
        const db = await openPglite(join(dataDir, 'db'));
        return { db, store: await createSqlStore(db) };
      },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!databaseUrl) throw new Error('the postgres bench needs DATABASE_URL');
  const schema = `bench_hub_${process.pid}_${counter++}`;
  // Creates the (empty) schema now, so a hub started on the URL below finds it.
  await (await openPostgres(databaseUrl, schema)).close();
  // startHub takes a URL only: the schema goes in the connection's search_path (libpq `options`).
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    engine,
    hubOptions: { dataDir, databaseUrl: url.toString() },
    async open() {
      const db = await openPostgres(databaseUrl, schema);
      return { db, store: await createSqlStore(db) };
    },
    async dispose() {
      await dropSchema(databaseUrl, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// One statement per chunk: rows unpacked from one jsonb parameter, so seeding 50,000 items takes
// seconds. The columns are the ones the hub's own upsert writes (sql-store/items.ts).
const BULK_INSERT = `
  INSERT INTO items (id, revision, deleted, captured_at, updated_at, data, team_id, agent_id, site)
  SELECT (e->>'id')::uuid, (e->>'revision')::int, (e->>'deleted')::boolean,
         (e->>'capturedAt')::timestamptz, (e->>'updatedAt')::timestamptz, e, $2::uuid,
         e->'agent'->>'id', e->'source'->>'site'
  FROM jsonb_array_elements($1::jsonb) AS e`;

/** Inserts items for a team directly (no HTTP, no signature): for seeding a large table fast. */
export async function bulkInsert(db: SqlDb, items: Item[], teamId: string, chunk = 2000): Promise<void> {
  for (let i = 0; i < items.length; i += chunk) {
    await db.query(BULK_INSERT, [JSON.stringify(items.slice(i, i + chunk)), teamId]);
  }
}
