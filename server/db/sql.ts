import { MIGRATIONS } from './migrations';

/** The schema version this hub migrates to and expects (one per migration). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version a database is at (0 before the first migration). */
export async function schemaVersion(db: Pick<SqlDb, 'query'>): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}

/** Result of one statement: rows (typed by the caller) and rows affected. */
export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/** The small SQL surface both drivers (PGlite, node-postgres) provide; values only via $n parameters. */
export interface SqlDb {
  query<T>(sql: string, params?: readonly unknown[]): Promise<SqlResult<T>>;
  /** Runs fn in one transaction on one connection; rolls back if it throws. */
  transaction<R>(fn: (tx: SqlDb) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /** True for a database with no autovacuum (PGlite): the store vacuums what it writes itself. */
  readonly noAutovacuum?: boolean;
}

// Any constant works; it only has to be the same in every hub process sharing a database.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies pending migrations in one transaction. The transaction-scoped advisory lock makes a second
 * hub process starting at the same moment wait, then see the versions already recorded.
 */
export async function migrate(db: SqlDb): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)');
    const current = await schemaVersion(tx);
    for (let v = current; v < MIGRATIONS.length; v++) {
      // Each migration is several statements; run them one by one (pg's extended protocol takes one).
      for (const statement of splitStatements(MIGRATIONS[v] ?? '')) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    return MIGRATIONS.length - current;
  });
}

/** Splits a migration on `;` at line ends; migrations hold no semicolons inside strings. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
