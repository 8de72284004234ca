import type { SqlDb } from '../db/sql';

// PostgreSQL's autovacuum defaults: a table is vacuumed once the rows written since the last
// vacuum exceed a base plus a fifth of its rows, so the work per written row stays constant.
const BASE_ROWS = 1000;
const SCALE = 0.2;

/**
 * Autovacuum for the items table where the database has none (PGlite): counts the rows the store
 * writes and vacuums once they pass autovacuum's threshold. Vacuuming reclaims the versions that
 * updates (triage, grouping) leave, and marks pages all-visible, so theme listings can read the
 * covering index alone instead of the heap.
 */
export class ItemsVacuum {
  readonly #db: SqlDb;
  #written = 0;
  #rows = 0;
  #running: Promise<void> | null = null;

  constructor(db: SqlDb) {
    this.#db = db;
  }

  /** Counts rows written (inserted or updated) in a committed transaction; vacuums when due. */
  async wrote(rows: number): Promise<void> {
    if (!this.#db.noAutovacuum || rows <= 0) return;
    this.#written += rows;
    if (this.#written < BASE_ROWS + SCALE * this.#rows || this.#running) return;
    this.#running = this.#vacuum();
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
  }

  async #vacuum(): Promise<void> {
    this.#written = 0;
    await this.#db.query('VACUUM (ANALYZE) items');
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'items'::regclass`,
    );
    this.#rows = Math.max(0, Number(rows[0]?.n ?? 0));
  }
}
