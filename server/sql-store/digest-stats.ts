import type { SqlDb } from '../db/sql';
import type { DigestStore } from '../digest/store';
import { THEME_TEXT_SQL } from './theme-rows';

const iso = (d: Date | string) => new Date(d).toISOString();

// The sample is what the customer said when there is a quote, else the agent's note.
const SAMPLE_SQL = `coalesce(nullif(data->>'quote', ''), nullif(data->>'note', ''))`;

interface GrowthRow {
  id: string;
  title: string | null;
  count: number;
  previous: number;
  sample_id: string | null;
  sample: string | null;
}

/** The digest's own queries: its team, theme growth between two periods, items actioned in a period. */
export function digestStatMethods(
  db: SqlDb,
): Pick<DigestStore, 'teamById' | 'themeGrowth' | 'actionedItems'> {
  return {
    async teamById(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const { rows } = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM teams WHERE id = $1',
        [id],
      );
      return rows[0] ?? null;
    },

    async themeGrowth(teamId, period, previous, limit) {
      // One pass over both periods; a theme counts only when it has items in the current one.
      const { rows } = await db.query<GrowthRow>(
        `WITH f AS (
           SELECT theme_id, captured_at FROM items
           WHERE team_id = $1 AND NOT deleted AND theme_id IS NOT NULL
             AND captured_at >= $2::timestamptz AND captured_at < $4::timestamptz),
         grouped AS (
           SELECT theme_id AS id,
             count(*) FILTER (WHERE captured_at >= $3::timestamptz)::int AS count,
             count(*) FILTER (WHERE captured_at < $3::timestamptz)::int AS previous
           FROM f GROUP BY theme_id),
         top AS (
           SELECT * FROM grouped WHERE count > 0
           ORDER BY count - previous DESC, count DESC, id LIMIT $5),
         samples AS (
           SELECT DISTINCT ON (theme_id) theme_id, id AS sample_id, ${SAMPLE_SQL} AS sample FROM items
           WHERE team_id = $1 AND NOT deleted AND theme_id IN (SELECT id FROM top)
             AND captured_at >= $3::timestamptz AND captured_at < $4::timestamptz
             AND ${SAMPLE_SQL} IS NOT NULL
           ORDER BY theme_id, (nullif(data->>'quote', '') IS NULL), captured_at DESC, id)
         SELECT top.*, s.sample_id, s.sample,
           coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id)) AS title
         FROM top JOIN themes t ON t.id = top.id LEFT JOIN samples s ON s.theme_id = top.id
         ORDER BY top.count - top.previous DESC, top.count DESC, top.id`,
        [teamId, previous.from, period.from, period.to, limit],
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title ?? '',
        count: r.count,
        previous: r.previous,
        sample: r.sample_id && r.sample ? { itemId: r.sample_id, text: r.sample } : null,
      }));
    },

    async actionedItems(teamId, period, limit) {
      const where = `WHERE team_id = $1 AND NOT deleted AND status = 'actioned'
        AND status_updated_at >= $2::timestamptz AND status_updated_at < $3::timestamptz`;
      const params = [teamId, period.from, period.to];
      const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items ${where}`, params);
      const { rows } = await db.query<{
        id: string;
        tags: string[];
        text: string | null;
        comment: string | null;
        at: Date | string;
      }>(
        `SELECT id, ARRAY(SELECT t->>'label' FROM jsonb_array_elements(data->'tags') AS t) AS tags,
           coalesce(nullif(data->>'note', ''), nullif(data->>'quote', '')) AS text,
           status_comment AS comment, status_updated_at AS at
         FROM items ${where} ORDER BY status_updated_at DESC, id LIMIT $4`,
        [...params, limit],
      );
      return {
        total: total.rows[0]?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          tags: r.tags,
          text: r.text,
          comment: r.comment,
          actionedAt: iso(r.at),
        })),
      };
    },
  };
}
