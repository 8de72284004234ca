import type { SqlDb } from '../db/sql';
import type { HubStore, ThemeFilter, ThemeSort, ThemeSummary } from '../store';
import { itemWhere } from './filter';
import { THEME_TEXT_SQL } from './theme-rows';

const iso = (d: Date | string) => new Date(d).toISOString();

const ORDER: Record<ThemeSort, string> = {
  count: 'count DESC, id',
  growth: 'growth DESC, count DESC, id',
  recent: 'last_seen DESC, id',
};

interface ThemeRow {
  id: string;
  title: string | null;
  count: number;
  agents: number;
  first_seen: Date | string;
  last_seen: Date | string;
  growth: number;
}

/**
 * Theme listing: the filtered items grouped by their theme in SQL, so every count is within the
 * filters; then the page's tag mix and weekly counts (UTC ISO weeks) in two more grouped queries.
 */
export function themeListMethods(db: SqlDb): Pick<HubStore, 'listThemes'> {
  return {
    async listThemes(filter: ThemeFilter): Promise<ThemeSummary[]> {
      const { sort, offset, limit, ...itemFilter } = filter;
      const where = itemWhere(itemFilter);
      where.clauses.push('theme_id IS NOT NULL');
      const from = where.param(filter.from ?? null);
      const to = where.param(filter.to ?? null);
      const lim = where.param(limit);
      const off = where.param(offset);
      const filtered = `SELECT theme_id, agent_id, captured_at FROM items ${where.sql()}`;
      // Growth compares the later half of the range with the earlier half.
      const { rows } = await db.query<ThemeRow>(
        `WITH f AS (${filtered}),
         bounds AS (SELECT coalesce(${from}::timestamptz, min(captured_at)) AS lo,
                           coalesce(${to}::timestamptz, max(captured_at)) AS hi FROM f),
         grouped AS (
           SELECT theme_id AS id, count(*)::int AS count, count(DISTINCT agent_id)::int AS agents,
             min(captured_at) AS first_seen, max(captured_at) AS last_seen,
             (count(*) FILTER (WHERE captured_at >= lo + (hi - lo) / 2)
              - count(*) FILTER (WHERE captured_at < lo + (hi - lo) / 2))::int AS growth
           FROM f CROSS JOIN bounds GROUP BY theme_id)
         SELECT g.*, coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id)) AS title
         FROM grouped g JOIN themes t ON t.id = g.id
         ORDER BY ${ORDER[sort]} LIMIT ${lim} OFFSET ${off}`,
        where.params,
      );
      if (!rows.length) return [];
      const page = rows.map((r) => r.id);
      const pageWhere = itemWhere(itemFilter).add('theme_id = ANY($?::uuid[])', page);
      const tags = await db.query<{ theme_id: string; id: string; label: string; count: number }>(
        `SELECT theme_id, t->>'id' AS id, min(t->>'label') AS label, count(*)::int AS count
         FROM items CROSS JOIN LATERAL jsonb_array_elements(data->'tags') AS t ${pageWhere.sql()}
         GROUP BY 1, 2 ORDER BY 4 DESC, 2`,
        pageWhere.params,
      );
      const weeks = await db.query<{ theme_id: string; week: Date | string; count: number }>(
        `SELECT theme_id, date_trunc('week', captured_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week,
           count(*)::int AS count
         FROM items ${pageWhere.sql()} GROUP BY 1, 2 ORDER BY 2`,
        pageWhere.params,
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title ?? '',
        count: r.count,
        agents: r.agents,
        tags: tags.rows
          .filter((t) => t.theme_id === r.id)
          .map(({ id, label, count }) => ({ id, label, count })),
        firstSeen: iso(r.first_seen),
        lastSeen: iso(r.last_seen),
        growth: r.growth,
        weekly: weeks.rows
          .filter((w) => w.theme_id === r.id)
          .map((w) => ({ week: iso(w.week), count: w.count })),
      }));
    },
  };
}
