import type { Item } from '../../lib/schema';
import type { SqlDb } from '../db/sql';
import type { Features } from '../themes/concepts';
import { type EngineOptions, ThemeEngine } from '../themes/engine';
import { type FeatureSource, sharedFeatureWorker } from '../themes/feature-pool';
import { removeItem } from '../themes/feedback';
import { MemoryThemeStore } from '../themes/memory-store';
import { GroupCommit } from './group-commit';
import { loadThemeSnapshot, saveThemeChanges, THEME_TEXT_SQL, type WrittenGrouping } from './theme-rows';

/** The text an item is grouped by (see THEME_TEXT_SQL): its note, else its quote. */
export function themeText(item: Pick<Item, 'note' | 'quote'>): string {
  return item.note?.trim() ? item.note : (item.quote ?? '');
}

/**
 * Each team's grouping engine, loaded from the database on first use and kept in memory. Work on a
 * team runs one call at a time, in one transaction with its item writes, and what the engine changed
 * is written back before commit; if anything fails the team's engine is dropped and reloaded from the
 * database next time, so memory never runs ahead of what was committed.
 */
export class TeamThemes {
  readonly #db: SqlDb;
  readonly #options: EngineOptions;
  readonly #engines = new Map<string, { engine: ThemeEngine; version: number }>();
  readonly #queues = new Map<string, Promise<unknown>>();
  /** Items grouped while loading an engine, not yet reported by `backfill`. */
  readonly #loadGrouped = new Map<string, number>();
  /** Ingest batches waiting for the same team share a transaction (group-commit.ts). */
  readonly #shared = new GroupCommit<[ThemeEngine, SqlDb, Map<string, WrittenGrouping>]>((teamId, fn) =>
    this.withEngine(teamId, fn),
  );

  /** Where notes' features come from: the worker thread, or the engine's own mapper if given one. */
  readonly #features: FeatureSource;

  constructor(db: SqlDb, options: EngineOptions = {}) {
    this.#db = db;
    this.#options = options;
    const { mapper } = options;
    this.#features = mapper
      ? async (texts) => texts.map((text) => mapper.features(text))
      : sharedFeatureWorker().features;
  }

  /** Starts whatever finds features (the worker thread) with a first note, before ingest needs it. */
  async warmUp(): Promise<void> {
    await this.#features(['customer asks for an export of the invoice']);
  }

  /**
   * The features of the items a revision may group (live, with text), by item id. Called before
   * the team's turn: the worker finds them while the database is busy with other batches.
   */
  async featuresOf(items: readonly Item[]): Promise<ReadonlyMap<string, Features>> {
    const grouping = items.filter((item) => !item.deleted && themeText(item).trim() !== '');
    const features = await this.#features(grouping.map(themeText));
    return new Map(grouping.map((item, i) => [item.id, features[i] as Features]));
  }

  /**
   * Runs fn with the team's engine inside a transaction and saves the engine's changes in it. The
   * team row is locked first (FOR UPDATE), so hub processes sharing a database take turns, and its
   * theme_version tells whether another process saved since this one's engine was loaded.
   */
  withEngine<R>(
    teamId: string,
    fn: (engine: ThemeEngine, tx: SqlDb, written: Map<string, WrittenGrouping>) => Promise<R>,
  ): Promise<R> {
    const run = async () => {
      try {
        return await this.#db.transaction(async (tx) => {
          const { rows } = await tx.query<{ version: string | number }>(
            'SELECT theme_version AS version FROM teams WHERE id = $1 FOR UPDATE',
            [teamId],
          );
          const version = Number(rows[0]?.version ?? 0);
          const engine = await this.#engine(tx, teamId, version);
          const written = new Map<string, WrittenGrouping>();
          const result = await fn(engine, tx, written);
          const changes = (engine.store as MemoryThemeStore).drainChanges();
          if (changes.themes.length || changes.items.length || changes.deletedItems.length) {
            await saveThemeChanges(tx, teamId, changes, written);
            this.#engines.set(teamId, { engine, version: version + 1 });
          }
          return result;
        });
      } catch (error) {
        this.#engines.delete(teamId);
        throw error;
      }
    };
    const previous = this.#queues.get(teamId) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.#queues.set(
      teamId,
      next.catch(() => {}),
    );
    return next;
  }

  /** Like withEngine, in one transaction with the other calls waiting for the team's turn (ingest). */
  withSharedEngine<R>(
    teamId: string,
    fn: (engine: ThemeEngine, tx: SqlDb, written: Map<string, WrittenGrouping>) => Promise<R>,
  ): Promise<R> {
    return this.#shared.run(teamId, fn);
  }

  /** Groups every ungrouped item of the team (the backfill); returns how many were grouped. */
  backfill(teamId: string): Promise<number> {
    return this.withEngine(teamId, async (engine, tx) => {
      const grouped = (this.#loadGrouped.get(teamId) ?? 0) + (await groupUngrouped(engine, tx, teamId));
      this.#loadGrouped.delete(teamId);
      return grouped;
    });
  }

  /** Drops every cached engine (tests; the next use reloads from the database). */
  forget(): void {
    this.#engines.clear();
  }

  async #engine(tx: SqlDb, teamId: string, version: number): Promise<ThemeEngine> {
    const cached = this.#engines.get(teamId);
    if (cached?.version === version) return cached.engine;
    const store = MemoryThemeStore.fromSnapshot(await loadThemeSnapshot(tx, teamId));
    const engine = new ThemeEngine(store, this.#options);
    this.#engines.set(teamId, { engine, version });
    // Items stored before themes existed (or while grouping failed) join on first use.
    this.#loadGrouped.set(teamId, await groupUngrouped(engine, tx, teamId));
    return engine;
  }
}

/** Groups the team's live items that have text but no theme yet, oldest first. */
async function groupUngrouped(engine: ThemeEngine, tx: SqlDb, teamId: string): Promise<number> {
  const { rows } = await tx.query<{ id: string; text: string }>(
    `SELECT id, ${THEME_TEXT_SQL} AS text FROM items
     WHERE team_id = $1 AND theme_id IS NULL AND NOT deleted AND ${THEME_TEXT_SQL} <> ''
     ORDER BY captured_at, id`,
    [teamId],
  );
  // Items the engine grouped earlier in this transaction (while loading it) are not saved yet, so
  // they still read as ungrouped: skip them, or a backfill right after a load counts them twice.
  const fresh = rows.filter((row) => !engine.store.getItem(row.id));
  for (const row of fresh) engine.assign({ id: row.id, text: row.text });
  return fresh.length;
}

/**
 * What a stored revision does to the themes: a deleted item leaves its theme, a live one with text
 * joins one if it has none. A later revision with a changed note keeps its theme (a lead may have
 * placed it; moving it is the lead's call), so re-delivery and edits never reshuffle themes.
 */
export function applyRevisions(
  engine: ThemeEngine,
  items: readonly Item[],
  features?: ReadonlyMap<string, Features>,
): void {
  for (const item of items) {
    if (item.deleted) removeItem(engine, item.id);
    else if (themeText(item).trim() !== '')
      engine.assign({ id: item.id, text: themeText(item), features: features?.get(item.id) });
  }
}
