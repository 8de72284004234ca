import pg from 'pg';
import type { SqlDb } from './sql';

type Queryable = Pick<pg.PoolClient, 'query'>;

function wrap(q: Queryable): Pick<SqlDb, 'query'> {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * Connections a hub process keeps to PostgreSQL at most (EARMARK_PG_POOL_MAX): every hub process
 * opens up to this many, so processes × pool must stay under the server's max_connections.
 */
export const DEFAULT_POOL_MAX = 10;

/** EARMARK_PG_POOL_MAX: a whole number from 1 to 1,000, else DEFAULT_POOL_MAX when unset; throws otherwise. */
export function parsePoolMax(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_POOL_MAX;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`EARMARK_PG_POOL_MAX: a whole number from 1 to 1000, not ${value}`);
  return n;
}

/**
 * PostgreSQL through a node-postgres pool of at most `poolMax` connections. `schema` (tests) puts every table in its own schema,
 * so parallel test files share one database without seeing each other's rows.
 */
export async function openPostgres(url: string, schema?: string, poolMax = DEFAULT_POOL_MAX): Promise<SqlDb> {
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // An identifier cannot be a parameter; the name is validated above.
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return {
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const inner: SqlDb = { ...wrap(client), transaction: (f) => f(inner), close: async () => {} };
        const result = await fn(inner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
