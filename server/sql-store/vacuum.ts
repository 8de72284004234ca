import type { SqlDb } from '../db/sql';

// PostgreSQL's autovacuum defaults: a table is vacuumed once the rows written since the last
// vacuum exceed a base plus a fifth of its rows, so the work per written row stays constant.
const BASE_ROWS = 1000;
const SCALE = 0.2;

/** How long after the last write rows written below the threshold are vacuumed anyway. */
export const IDLE_VACUUM_MS = 30_000;

/**
 * Keeps the items table vacuumed. Vacuuming reclaims the versions that updates (triage, grouping)
 * leave, and marks pages all-visible, so theme listings read their covering index alone instead of
 * the heap. PGlite has no autovacuum: there the store counts the rows it writes and vacuums with
 * ANALYZE once they pass autovacuum's threshold. On both engines writes below the threshold still
 * leave pages to read from the heap (a triage of scattered items touches most of them; a listing
 * at 50,000 items then takes twice as long), so a quiet spell after writes vacuums too, and so does
 * a start. PGlite runs one statement at a time: a request arriving during its vacuum waits for it
 * (up to a second or two at 50,000 items), which is why the unforced ones wait for quiet; on
 * PostgreSQL a vacuum blocks no reads or writes, and the one at start runs in the background.
 */
export class ItemsVacuum {
  readonly #db: SqlDb;
  #written = 0;
  #rows = 0;
  #running: Promise<void> | null = null;
  #idle: ReturnType<typeof setTimeout> | null = null;
  readonly #idleMs: number;
  #closed = false;

  constructor(db: SqlDb, options: { idleMs?: number } = {}) {
    this.#db = db;
    this.#idleMs = options.idleMs ?? IDLE_VACUUM_MS;
  }

  /**
   * Vacuums at start: writes before it (another process, or the last quiet spell cut short) may
   * have left pages not all-visible, which pg_class cannot tell (its counts date from the last
   * vacuum). On a table already vacuumed this reads only its visibility map (milliseconds).
   */
  async atStart(): Promise<void> {
    const started = this.#run('VACUUM items');
    if (this.#db.noAutovacuum) await started;
    else started.catch((error) => console.warn('Earmark hub: vacuum at start failed', error));
  }

  /** Counts rows written (inserted or updated) in a committed transaction; vacuums when due. */
  async wrote(rows: number): Promise<void> {
    if (rows <= 0 || this.#closed) return;
    this.#written += rows;
    const due = this.#db.noAutovacuum && this.#written >= BASE_ROWS + SCALE * this.#rows;
    if (due && !this.#running) await this.#run('VACUUM (ANALYZE) items');
    else this.#armIdle();
  }

  /** Stops the quiet-spell vacuum and waits for one under way (before the database closes). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelIdle();
    await this.#running?.catch(() => undefined);
  }

  #cancelIdle(): void {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
  }

  #armIdle(): void {
    this.#cancelIdle();
    this.#idle = setTimeout(() => {
      this.#idle = null;
      if (!this.#running && !this.#closed) {
        // Nothing awaits this run: a failure is logged, and the next write arms another.
        this.#run('VACUUM items').catch((error) => console.warn('Earmark hub: idle vacuum failed', error));
      }
    }, this.#idleMs);
    this.#idle.unref?.();
  }

  /**
   * Runs one vacuum; only one with ANALYZE restarts the count of written rows (it refreshes the
   * planner's statistics, which the threshold is for).
   */
  async #run(statement: 'VACUUM items' | 'VACUUM (ANALYZE) items'): Promise<void> {
    this.#cancelIdle();
    this.#running = this.#vacuum(statement);
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
  }

  async #vacuum(statement: string): Promise<void> {
    if (statement.includes('ANALYZE')) this.#written = 0;
    await this.#db.query(statement);
    if (!this.#db.noAutovacuum) return; // the row count only sets PGlite's threshold
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'items'::regclass`,
    );
    this.#rows = Math.max(0, Number(rows[0]?.n ?? 0));
  }
}
