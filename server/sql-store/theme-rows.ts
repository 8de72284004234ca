import type { SqlDb } from '../db/sql';
import type { ThemeChanges, ThemeSnapshot } from '../themes/memory-store';
import type { TermWeights, ThemeRecord } from '../themes/store';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The text a capture is grouped by: its note, else its quote (both redacted by the extension). */
export const THEME_TEXT_SQL = `coalesce(nullif(data->>'note', ''), data->>'quote', '')`;

interface ThemeRow {
  id: string;
  title: string | null;
  title_item_id: string | null;
  count: number;
  centroid: TermWeights;
  norm2: number;
  pins: string[];
  facets: TermWeights[];
  merged_into: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** A team's saved theme state, read back into the engine's snapshot form. */
export async function loadThemeSnapshot(db: SqlDb, teamId: string): Promise<ThemeSnapshot> {
  const themes = await db.query<ThemeRow>(
    `SELECT id, title, title_item_id, count, centroid, norm2, pins, facets, merged_into, created_at, updated_at
     FROM themes WHERE team_id = $1`,
    [teamId],
  );
  const items = await db.query<{
    id: string;
    theme_id: string;
    text: string;
    vector: TermWeights;
    pinned: boolean;
  }>(
    `SELECT id, theme_id, ${THEME_TEXT_SQL} AS text, v.vector, theme_pinned AS pinned
     FROM items JOIN theme_vectors v ON v.item_id = items.id
     WHERE items.team_id = $1 AND theme_id IS NOT NULL`,
    [teamId],
  );
  const terms = await db.query<{ term: string; df: number }>(
    'SELECT term, df FROM theme_terms WHERE team_id = $1',
    [teamId],
  );
  const docs = await db.query<{ n: number }>('SELECT theme_documents AS n FROM teams WHERE id = $1', [
    teamId,
  ]);
  return {
    themes: themes.rows.map(
      (r): ThemeRecord => ({
        id: r.id,
        title: r.title,
        titleItemId: r.title_item_id,
        count: r.count,
        centroid: r.centroid,
        norm2: Number(r.norm2),
        pins: r.pins,
        facets: r.facets,
        mergedInto: r.merged_into,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      }),
    ),
    items: items.rows.map((r) => ({
      itemId: r.id,
      themeId: r.theme_id,
      text: r.text,
      vector: r.vector,
      pinned: r.pinned,
    })),
    documentFrequencies: Object.fromEntries(terms.rows.map((r) => [r.term, r.df])),
    documentCount: docs.rows[0]?.n ?? 0,
  };
}

/**
 * Writes what the engine changed (MemoryThemeStore.drainChanges) in a few set-based statements.
 * The changes are the engine's live records: they are serialized here before the first await.
 */
export async function saveThemeChanges(tx: SqlDb, teamId: string, changes: ThemeChanges): Promise<void> {
  const themes = JSON.stringify(changes.themes);
  const items = JSON.stringify(changes.items);
  const vectors = vectorRows(changes.items);
  const deletedItems = [...changes.deletedItems];
  const terms = Object.entries(changes.documentFrequencies);
  if (changes.themes.length)
    await tx.query(
      `INSERT INTO themes (id, team_id, title, title_item_id, count, centroid, norm2, pins, facets,
                           merged_into, created_at, updated_at)
       SELECT id, $2, title, "titleItemId", count, centroid, norm2, pins, facets, "mergedInto",
              "createdAt", "updatedAt"
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, title text, "titleItemId" uuid, count integer,
         centroid jsonb, norm2 double precision, pins jsonb, facets jsonb, "mergedInto" uuid,
         "createdAt" timestamptz, "updatedAt" timestamptz)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, title_item_id = EXCLUDED.title_item_id,
         count = EXCLUDED.count, centroid = EXCLUDED.centroid, norm2 = EXCLUDED.norm2,
         pins = EXCLUDED.pins, facets = EXCLUDED.facets, merged_into = EXCLUDED.merged_into,
         updated_at = EXCLUDED.updated_at
       WHERE themes.team_id = EXCLUDED.team_id`,
      [themes, teamId],
    );
  if (changes.items.length) {
    await tx.query(
      `UPDATE items SET theme_id = x."themeId", theme_pinned = x.pinned
       FROM jsonb_to_recordset($1::jsonb) AS x("itemId" uuid, "themeId" uuid, pinned boolean)
       WHERE items.id = x."itemId" AND items.team_id = $2`,
      [items, teamId],
    );
    await writeVectors(tx, teamId, vectors);
  }
  if (deletedItems.length) {
    await tx.query(
      `UPDATE items SET theme_id = NULL, theme_pinned = false
       WHERE id = ANY($1::uuid[]) AND team_id = $2`,
      [deletedItems, teamId],
    );
    await deleteVectors(tx, deletedItems);
  }
  if (terms.length)
    await tx.query(
      `INSERT INTO theme_terms (team_id, term, df)
       SELECT $3, unnest($1::text[]), unnest($2::integer[])
       ON CONFLICT (team_id, term) DO UPDATE SET df = EXCLUDED.df`,
      [terms.map(([t]) => t), terms.map(([, n]) => n), teamId],
    );
  await tx.query('UPDATE teams SET theme_documents = $2, theme_version = theme_version + 1 WHERE id = $1', [
    teamId,
    changes.documentCount,
  ]);
}

/** Stores grouped items' vectors (theme_vectors: read only when an engine is loaded). */
export async function saveVectors(
  tx: SqlDb,
  teamId: string,
  items: ReadonlyArray<{ itemId: string; vector: TermWeights }>,
): Promise<void> {
  if (items.length) await writeVectors(tx, teamId, vectorRows(items));
}

/** Items' vectors as the JSON rows writeVectors takes. */
function vectorRows(items: ReadonlyArray<{ itemId: string; vector: TermWeights }>): string {
  return JSON.stringify(items.map(({ itemId, vector }) => ({ itemId, vector })));
}

async function writeVectors(tx: SqlDb, teamId: string, rows: string): Promise<void> {
  await tx.query(
    `INSERT INTO theme_vectors (item_id, team_id, vector)
     SELECT x."itemId", $2, x.vector FROM jsonb_to_recordset($1::jsonb) AS x("itemId" uuid, vector jsonb)
     ON CONFLICT (item_id) DO UPDATE SET vector = EXCLUDED.vector WHERE theme_vectors.team_id = EXCLUDED.team_id`,
    [rows, teamId],
  );
}

/** Forgets the vectors of items no longer grouped. */
export async function deleteVectors(tx: SqlDb, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length) await tx.query('DELETE FROM theme_vectors WHERE item_id = ANY($1::uuid[])', [itemIds]);
}
