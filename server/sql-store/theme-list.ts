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

interface DetailRow {
  theme_id: string;
  week: Date | string | null;
  id: string | null;
  label: string | null;
  count: number;
}

/**
 * Theme listing: the filtered items grouped by their theme in SQL, so every count is within the
 * filters; then the page's tag mix and weekly counts (UTC ISO weeks) in one more grouped query.
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
      // A range given in full needs no pass over the items for its ends, so f is read once.
      const bounds =
        filter.from && filter.to
          ? `SELECT ${from}::timestamptz AS lo, ${to}::timestamptz AS hi`
          : `SELECT coalesce(${from}::timestamptz, min(captured_at)) AS lo,
                    coalesce(${to}::timestamptz, max(captured_at)) AS hi FROM f`;
      // Growth compares the later half of the range with the earlier half. Counting distinct agents
      // as groups of (theme, agent) spares sorting every filtered row (count(DISTINCT) sorts).
      const { rows } = await db.query<ThemeRow>(
        `WITH f AS (${filtered}),
         bounds AS (${bounds}),
         mid AS (SELECT lo + (hi - lo) / 2 AS mid FROM bounds),
         per_agent AS (
           SELECT theme_id, agent_id, count(*) AS n, min(captured_at) AS first_seen,
             max(captured_at) AS last_seen,
             count(*) FILTER (WHERE captured_at >= mid) AS later,
             count(*) FILTER (WHERE captured_at < mid) AS earlier
           FROM f CROSS JOIN mid GROUP BY theme_id, agent_id),
         grouped AS (
           SELECT theme_id AS id, sum(n)::int AS count, count(agent_id)::int AS agents,
             min(first_seen) AS first_seen, max(last_seen) AS last_seen,
             (sum(later) - sum(earlier))::int AS growth
           FROM per_agent GROUP BY theme_id)
         SELECT g.*, coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id)) AS title
         FROM grouped g JOIN themes t ON t.id = g.id
         ORDER BY ${ORDER[sort]} LIMIT ${lim} OFFSET ${off}`,
        where.params,
      );
      if (!rows.length) return [];
      const page = rows.map((r) => r.id);
      const pageWhere = itemWhere(itemFilter).add('theme_id = ANY($?::uuid[])', page);
      // The page's tag mix and weekly counts (UTC ISO weeks) from one pass over its items: grouped
      // by theme, week and tag list first, then summed per tag and per week.
      const details = await db.query<DetailRow>(
        `WITH g AS (
           SELECT theme_id, date_trunc('week', captured_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week,
             data->'tags' AS tags, count(*) AS n
           FROM items ${pageWhere.sql()} GROUP BY 1, 2, 3)
         SELECT theme_id, week, NULL AS id, NULL AS label, sum(n)::int AS count FROM g GROUP BY 1, 2
         UNION ALL
         SELECT theme_id, NULL, t->>'id', min(t->>'label'), sum(n)::int
         FROM g CROSS JOIN LATERAL jsonb_array_elements(g.tags) AS t GROUP BY 1, 3
         ORDER BY week NULLS FIRST, count DESC, id`,
        pageWhere.params,
      );
      const tags = details.rows.filter((d) => d.week === null);
      const weeks = details.rows.filter((d) => d.week !== null);
      return rows.map((r) => ({
        id: r.id,
        title: r.title ?? '',
        count: r.count,
        agents: r.agents,
        tags: tags
          .filter((t) => t.theme_id === r.id)
          .map(({ id, label, count }) => ({ id: id ?? '', label: label ?? '', count })),
        firstSeen: iso(r.first_seen),
        lastSeen: iso(r.last_seen),
        growth: r.growth,
        weekly: weeks
          .filter((w) => w.theme_id === r.id)
          .map((w) => ({ week: iso(w.week ?? ''), count: w.count })),
      }));
    },
  };
}
