import { PGlite } from '@electric-sql/pglite';
import { type Item, ItemSchema } from '../lib/schema';
import { type HubItem, type HubStore, MIGRATIONS, type UpsertResult } from './store';

/** Applies the migrations this database has not seen yet, each in its own transaction. */
async function migrate(db: PGlite): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)');
  const { rows } = await db.query<{ version: number }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  const current = rows[0]?.version ?? 0;
  for (let v = current; v < MIGRATIONS.length; v++) {
    await db.transaction(async (tx) => {
      await tx.exec(MIGRATIONS[v] as string);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    });
  }
}

const UPSERT = `
  INSERT INTO items (id, revision, deleted, captured_at, updated_at, data)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (id) DO UPDATE
    SET revision = EXCLUDED.revision, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at,
        data = EXCLUDED.data, received_at = now()
    WHERE items.revision < EXCLUDED.revision`;

/** Embedded PostgreSQL (PGlite): a data directory, or memory when dataDir is undefined. */
export async function openPgliteStore(dataDir?: string): Promise<HubStore> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await migrate(db);
  return {
    async upsertItems(items: Item[]): Promise<UpsertResult> {
      let stored = 0;
      await db.transaction(async (tx) => {
        for (const item of items) {
          const result = await tx.query(UPSERT, [
            item.id,
            item.revision,
            item.deleted,
            item.capturedAt,
            item.updatedAt,
            JSON.stringify(item),
          ]);
          stored += result.affectedRows ?? 0;
        }
      });
      return { stored, duplicates: items.length - stored };
    },
    async listItems({ limit }): Promise<HubItem[]> {
      const { rows } = await db.query<{ data: Item; received_at: Date }>(
        'SELECT data, received_at FROM items ORDER BY captured_at DESC, id DESC LIMIT $1',
        [limit],
      );
      // Re-parsing restores the schema's field order (jsonb sorts keys) and guards against drift.
      return rows.map((r) => ({
        item: ItemSchema.parse(r.data),
        receivedAt: new Date(r.received_at).toISOString(),
      }));
    },
    close: () => db.close(),
  };
}
