import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { openPglite } from '../../server/db/pglite';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES } from '../helpers/themes-hub';

// Grouped ingest (sql-store/grouped-upsert.ts) predicts which revisions its upsert stores and groups
// them first. When another writer changed a row in between (another team sending the same id), the
// prediction misses: the transaction is rolled back, the engine reloaded and the batch retried.

/**
 * The database, with a writer that slips in once: just before the first grouped upsert, `interfere`
 * runs in the same transaction, as a concurrent writer's committed row would look to the upsert.
 */
function withInterference(db: SqlDb, interfere: (tx: SqlDb) => Promise<void>): SqlDb {
  let fired = false;
  const wrap = (tx: SqlDb): SqlDb => ({
    noAutovacuum: tx.noAutovacuum,
    close: () => tx.close(),
    transaction: (fn) => tx.transaction((inner) => fn(wrap(inner))),
    async query(sql, params) {
      if (!fired && sql.includes('INSERT INTO items') && sql.includes('theme_pinned')) {
        fired = true;
        await interfere(tx);
      }
      return tx.query(sql, params);
    },
  });
  return {
    noAutovacuum: db.noAutovacuum,
    close: () => db.close(),
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  };
}

/** The row another team's writer stores for `item` (same id). */
async function storeForOtherTeam(tx: SqlDb, item: Item, teamId: string): Promise<void> {
  await tx.query(
    `INSERT INTO items (id, revision, deleted, captured_at, updated_at, data, team_id, agent_id, site, agent_verified)
     VALUES ($1, $2, false, $3, $3, $4::jsonb, $5, 'someone', 'zendesk', false)`,
    [item.id, item.revision, item.capturedAt, JSON.stringify(item), teamId],
  );
}

describe('grouped ingest when another writer changes a row meanwhile', () => {
  it('rolls back, reloads the engine and retries: each item grouped once, nothing counted twice', async () => {
    const raw = await openPglite();
    const setup = await createSqlStore(raw);
    const teamId = (await setup.createTeam('Tier 1', 'whsec_a')).id;
    const otherTeam = (await setup.createTeam('Tier 2', 'whsec_b')).id;
    const items = EXPORT_NOTES.slice(0, 3).map((note) => makeItem({ note }));
    let interfered = 0;
    const store = await createSqlStore(
      withInterference(raw, async (tx) => {
        interfered++;
        await storeForOtherTeam(tx, items[0] as Item, otherTeam);
      }),
    );

    const result = await store.upsertItems(items, teamId);

    expect(interfered).toBe(1);
    // The missed attempt was rolled back with the row that made it miss; the retry stored all three.
    expect(result.stored).toBe(3);
    const { rows } = await raw.query<{ team_id: string; theme_id: string | null }>(
      'SELECT team_id, theme_id FROM items WHERE id = ANY($1::uuid[])',
      [items.map((i) => i.id)],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.team_id === teamId && r.theme_id !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.theme_id)).size).toBe(1);
    // The engine of the missed attempt is gone: the team's documents are the items grouped, once each.
    const counts = await raw.query<{ docs: number; vectors: number }>(
      `SELECT (SELECT theme_documents FROM teams WHERE id = $1) AS docs,
              (SELECT count(*)::int FROM theme_vectors) AS vectors`,
      [teamId],
    );
    expect(counts.rows[0]).toEqual({ docs: 3, vectors: 3 });
    await store.close();
  });
});
