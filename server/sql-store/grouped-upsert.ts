import type { Item } from '../../lib/schema';
import type { SqlDb } from '../db/sql';
import type { Features } from '../themes/concepts';
import type { ThemeEngine } from '../themes/engine';
import { applyRevisions, type TeamThemes } from './team-themes';
import type { WrittenGrouping } from './theme-rows';

// The items upsert (sql-store/items.ts) with the item's grouping written in the same row (themes
// on): the engine has already grouped the revision, so no later UPDATE leaves a dead row per item.
const UPSERT_GROUPED = `
  INSERT INTO items (id, revision, deleted, captured_at, updated_at, data, team_id, agent_id, site, agent_verified,
                     theme_id, theme_pinned)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)
  ON CONFLICT (id) DO UPDATE
    SET revision = EXCLUDED.revision, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at,
        data = EXCLUDED.data, received_at = now(), agent_id = EXCLUDED.agent_id, site = EXCLUDED.site,
        agent_verified = EXCLUDED.agent_verified, theme_id = EXCLUDED.theme_id,
        theme_pinned = EXCLUDED.theme_pinned
    WHERE items.revision < EXCLUDED.revision AND items.team_id IS NOT DISTINCT FROM EXCLUDED.team_id
      AND (NOT EXCLUDED.agent_verified OR items.agent_id = EXCLUDED.agent_id)`;

/** What decides whether a revision is stored (the upsert's WHERE), per item id. */
interface StoredState {
  revision: number;
  teamId: string | null;
  agentId: string | null;
}

/** Raised when the database stored other revisions than predicted (a concurrent writer won). */
class PredictionMissed extends Error {}

/** Whether the upsert will store this revision, given what the row holds (same rule as its WHERE). */
function willStore(
  row: StoredState | undefined,
  item: Item,
  teamId: string,
  agentVerified: boolean,
): boolean {
  if (!row) return true;
  return (
    row.revision < item.revision && row.teamId === teamId && (!agentVerified || row.agentId === item.agent.id)
  );
}

/**
 * Stores a team's items and groups them in one pass: each revision the upsert will store is given to
 * the engine first, and the item's grouping goes into its own INSERT (no UPDATE afterwards, so no dead
 * row per item). The prediction reads the rows under the team's lock; should another writer change
 * one meanwhile (another team sending the same id), the transaction is rolled back and retried.
 * Batches of the team that wait for its turn meanwhile share the transaction (group-commit.ts).
 */
export async function upsertGrouped(
  themes: TeamThemes,
  teamId: string,
  items: readonly Item[],
  agentVerified: boolean,
): Promise<Item[]> {
  // Found on the worker thread before the team's turn, outside the transaction (never holding it).
  const features = await themes.featuresOf(items);
  for (let attempt = 1; ; attempt++) {
    try {
      // First with the batches that arrived meanwhile (one transaction); a retry runs alone.
      const write = (engine: ThemeEngine, tx: SqlDb, written: Map<string, WrittenGrouping>) =>
        writeGrouped(engine, tx, written, { teamId, items, agentVerified, features });
      return await (attempt === 1
        ? themes.withSharedEngine(teamId, write)
        : themes.withEngine(teamId, write));
    } catch (error) {
      if (!(error instanceof PredictionMissed) || attempt >= 3) throw error;
    }
  }
}

/** One batch to store: its team, items, whether an agent token vouched for them, their features. */
interface Batch {
  teamId: string;
  items: readonly Item[];
  agentVerified: boolean;
  features: ReadonlyMap<string, Features>;
}

async function writeGrouped(
  engine: ThemeEngine,
  tx: SqlDb,
  written: Map<string, WrittenGrouping>,
  { teamId, items, agentVerified, features }: Batch,
): Promise<Item[]> {
  const { rows } = await tx.query<{
    id: string;
    revision: number;
    team_id: string | null;
    agent_id: string | null;
  }>('SELECT id, revision, team_id, agent_id FROM items WHERE id = ANY($1::uuid[])', [
    items.map((i) => i.id),
  ]);
  const state = new Map<string, StoredState>(
    rows.map((r) => [r.id, { revision: r.revision, teamId: r.team_id, agentId: r.agent_id }]),
  );
  const stored: Item[] = [];
  for (const item of items) {
    const predicted = willStore(state.get(item.id), item, teamId, agentVerified);
    if (predicted) applyRevisions(engine, [item], features);
    const grouping = engine.store.getItem(item.id);
    const values = [item.id, item.revision, item.deleted, item.capturedAt, item.updatedAt];
    const extra = [JSON.stringify(item), teamId, item.agent.id, item.source.site, agentVerified];
    const theme = [grouping?.themeId ?? null, grouping?.pinned ?? false];
    const done = (await tx.query(UPSERT_GROUPED, [...values, ...extra, ...theme])).rowCount > 0;
    if (done !== predicted)
      throw new PredictionMissed(`item ${item.id}: stored ${done}, predicted ${predicted}`);
    if (!done) continue;
    stored.push(item);
    state.set(item.id, { revision: item.revision, teamId, agentId: item.agent.id });
    // Its vector is written with the engine's other changes, once per transaction (theme-rows.ts).
    written.set(item.id, { themeId: grouping?.themeId ?? null, pinned: grouping?.pinned ?? false });
  }
  return stored;
}
