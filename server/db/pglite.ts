import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDb } from './sql';

type Queryable = Pick<Transaction, 'query'>;

function wrap(q: Queryable): Pick<SqlDb, 'query'> {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** Embedded PostgreSQL (PGlite): a data directory, or memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<SqlDb> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const self: SqlDb = {
    ...wrap(db),
    transaction: (fn) =>
      db.transaction((tx) => {
        // PGlite is one connection: nested transactions simply reuse the outer one.
        const inner: SqlDb = { ...wrap(tx), transaction: (f) => f(inner), close: async () => {} };
        return fn(inner);
      }),
    close: () => db.close(),
    noAutovacuum: true,
  };
  return self;
}
