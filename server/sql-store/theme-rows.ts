import type { SqlDb } from '../db/sql';
import { centroidsFrom, frequenciesOf, type ThemeChanges, type ThemeSnapshot } from '../themes/memory-store';
import type { TermWeights, ThemeRecord } from '../themes/store';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The text a capture is grouped by: its note, else its quote (both redacted by the extension). */
export const THEME_TEXT_SQL = `coalesce(nullif(data->>'note', ''), data->>'quote', '')`;

interface ThemeRow {
  id: string;
  title: string | null;
  title_item_id: string | null;
  count: number;
  pins: string[];
  facets: TermWeights[];
  merged_into: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * A team's saved theme state, read back into the engine's snapshot form. What follows from the
 * grouped items' vectors is computed here, not stored: the centroids and the document frequencies.
 */
export async function loadThemeSnapshot(db: SqlDb, teamId: string): Promise<ThemeSnapshot> {
  const themes = await db.query<ThemeRow>(
    `SELECT id, title, title_item_id, count, pins, facets, merged_into, created_at, updated_at
     FROM themes WHERE team_id = $1`,
    [teamId],
  );
  const items = await db.query<{
    id: string;
    theme_id: string;
    text: string;
    vector: string;
    pinned: boolean;
  }>(
    `SELECT id, theme_id, ${THEME_TEXT_SQL} AS text, v.vector, theme_pinned AS pinned
     FROM items JOIN theme_vectors v ON v.item_id = items.id
     WHERE items.team_id = $1 AND theme_id IS NOT NULL
     ORDER BY items.id`,
    [teamId],
  );
  const docs = await db.query<{ n: number }>('SELECT theme_documents AS n FROM teams WHERE id = $1', [
    teamId,
  ]);
  const records = themes.rows.map(
    (r): ThemeRecord => ({
      id: r.id,
      title: r.title,
      titleItemId: r.title_item_id,
      count: r.count,
      centroid: {},
      norm2: 0,
      pins: r.pins,
      facets: r.facets,
      mergedInto: r.merged_into,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    }),
  );
  const grouped = items.rows.map((r) => ({
    itemId: r.id,
    themeId: r.theme_id,
    text: r.text,
    vector: JSON.parse(r.vector) as TermWeights,
    pinned: r.pinned,
  }));
  // Items in id order: every hub process sums a centroid in the same order, to the same bits.
  centroidsFrom(records, grouped);
  return {
    themes: records,
    items: grouped,
    documentFrequencies: frequenciesOf(grouped),
    documentCount: docs.rows[0]?.n ?? 0,
  };
}

/** An item's grouping as the caller already wrote it (in the item's own INSERT): theme null = none. */
export interface WrittenGrouping {
  themeId: string | null;
  pinned: boolean;
}

/**
 * Writes what the engine changed (MemoryThemeStore.drainChanges) in a few set-based statements:
 * the themes, the items' groupings the caller did not already write (`written`), and the vectors
 * of every item grouped or ungrouped. The changes are the engine's live records: they are
 * serialized here before the first await.
 */
export async function saveThemeChanges(
  tx: SqlDb,
  teamId: string,
  changes: ThemeChanges,
  written: ReadonlyMap<string, WrittenGrouping> = new Map(),
): Promise<void> {
  // Centroids are left out: they are summed again from the vectors when an engine loads.
  const themes = JSON.stringify(changes.themes.map(({ centroid: _c, norm2: _n, ...row }) => row));
  const regrouped = changes.items.filter((i) => {
    const w = written.get(i.itemId);
    return !(w && w.themeId === i.themeId && w.pinned === i.pinned);
  });
  const items = JSON.stringify(regrouped);
  const vectors = vectorRows(changes.items);
  const deletedItems = [...changes.deletedItems];
  const ungrouped = deletedItems.filter((id) => written.get(id)?.themeId !== null);
  if (changes.themes.length)
    await tx.query(
      `INSERT INTO themes (id, team_id, title, title_item_id, count, pins, facets, merged_into,
                           created_at, updated_at)
       SELECT id, $2, title, "titleItemId", count, pins, facets, "mergedInto", "createdAt", "updatedAt"
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, title text, "titleItemId" uuid, count integer,
         pins jsonb, facets jsonb, "mergedInto" uuid, "createdAt" timestamptz, "updatedAt" timestamptz)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, title_item_id = EXCLUDED.title_item_id,
         count = EXCLUDED.count, pins = EXCLUDED.pins, facets = EXCLUDED.facets, merged_into = EXCLUDED.merged_into,
         updated_at = EXCLUDED.updated_at
       WHERE themes.team_id = EXCLUDED.team_id`,
      [themes, teamId],
    );
  if (regrouped.length)
    await tx.query(
      `UPDATE items SET theme_id = x."themeId", theme_pinned = x.pinned
       FROM jsonb_to_recordset($1::jsonb) AS x("itemId" uuid, "themeId" uuid, pinned boolean)
       WHERE items.id = x."itemId" AND items.team_id = $2`,
      [items, teamId],
    );
  if (changes.items.length) await writeVectors(tx, teamId, vectors);
  if (ungrouped.length)
    await tx.query(
      `UPDATE items SET theme_id = NULL, theme_pinned = false
       WHERE id = ANY($1::uuid[]) AND team_id = $2`,
      [ungrouped, teamId],
    );
  if (deletedItems.length) await deleteVectors(tx, deletedItems);
  await tx.query('UPDATE teams SET theme_documents = $2, theme_version = theme_version + 1 WHERE id = $1', [
    teamId,
    changes.documentCount,
  ]);
}

/** Items' vectors as the columns writeVectors takes: ids, and each vector as JSON text. */
function vectorRows(items: ReadonlyArray<{ itemId: string; vector: TermWeights }>): [string[], string[]] {
  return [items.map((i) => i.itemId), items.map((i) => JSON.stringify(i.vector))];
}

// Vectors are kept as JSON text, not jsonb: only the engine reads them, whole, when it loads, and
// text is written without jsonb's parse and binary conversion (a third cheaper per ingest).
async function writeVectors(tx: SqlDb, teamId: string, [ids, vectors]: [string[], string[]]): Promise<void> {
  await tx.query(
    `INSERT INTO theme_vectors (item_id, team_id, vector)
     SELECT unnest($1::uuid[]), $3, unnest($2::text[])
     ON CONFLICT (item_id) DO UPDATE SET vector = EXCLUDED.vector WHERE theme_vectors.team_id = EXCLUDED.team_id`,
    [ids, vectors, teamId],
  );
}

/** Forgets the vectors of items no longer grouped. */
async function deleteVectors(tx: SqlDb, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length) await tx.query('DELETE FROM theme_vectors WHERE item_id = ANY($1::uuid[])', [itemIds]);
}
