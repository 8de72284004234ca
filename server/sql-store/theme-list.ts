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
  tags: Array<{ id: string; label: string; count: number }> | null;
  weekly: Array<{ week: string; count: number }> | null;
}

// An item's tags as the covering index holds them; a hostile item with tags too large for an
// index entry has none there (the 8th migration), and only for it is its data read.
const ITEM_TAGS = `coalesce(listing_tags, (SELECT x.data->'tags' FROM items x WHERE x.id = items.id))`;

/**
 * Theme listing in one statement: the filtered items (read from the covering index) grouped by
 * theme, so every count is within the filters; then the page's tag mix and weekly counts (UTC ISO
 * weeks) from the page's themes' items, returned as json per theme.
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
      const filtered = `FROM items ${where.sql()}`;
      // A range given in full needs no pass over the items for its ends.
      const bounds =
        filter.from && filter.to
          ? `SELECT ${from}::timestamptz AS lo, ${to}::timestamptz AS hi`
          : `SELECT coalesce(${from}::timestamptz, min(captured_at)) AS lo,
                    coalesce(${to}::timestamptz, max(captured_at)) AS hi ${filtered}`;
      // Nothing is materialized: each pass reads the covering index (theme_id, captured_at order),
      // faster on a vacuumed table (sql-store/vacuum.ts) than writing and rereading the filtered rows
      // (measured on PGlite and PostgreSQL). Grouping by theme streams in index order; growth compares
      // the later half of the range with the earlier half. The page's details are grouped by (theme,
      // week, tag list) over the page's themes only, then summed per week and per tag.
      const { rows } = await db.query<ThemeRow>(
        `WITH bounds AS (${bounds}),
         mid AS (SELECT lo + (hi - lo) / 2 AS mid FROM bounds),
         grouped AS (
           SELECT theme_id AS id, count(*)::int AS count, count(DISTINCT agent_id)::int AS agents,
             min(captured_at) AS first_seen, max(captured_at) AS last_seen,
             (2 * count(*) FILTER (WHERE captured_at >= mid) - count(*))::int AS growth
           FROM items CROSS JOIN mid ${where.sql()} GROUP BY theme_id),
         page AS (
           SELECT g.*, coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id)) AS title
           FROM grouped g JOIN themes t ON t.id = g.id
           ORDER BY ${ORDER[sort]} LIMIT ${lim} OFFSET ${off}),
         d AS (
           SELECT theme_id, date_trunc('week', captured_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week,
             ${ITEM_TAGS}::text AS tags, count(*) AS n
           ${filtered} AND theme_id = ANY(ARRAY(SELECT id FROM page)) GROUP BY 1, 2, 3),
         weekly AS (
           SELECT theme_id, json_agg(json_build_object('week', week, 'count', n) ORDER BY week) AS weekly
           FROM (SELECT theme_id, week, sum(n)::int AS n FROM d GROUP BY 1, 2) w GROUP BY theme_id),
         tag_mix AS (
           SELECT theme_id,
             json_agg(json_build_object('id', id, 'label', label, 'count', n) ORDER BY n DESC, id) AS tags
           FROM (SELECT theme_id, t->>'id' AS id, min(t->>'label') AS label, sum(n)::int AS n
                 FROM d CROSS JOIN LATERAL jsonb_array_elements(d.tags::jsonb) AS t GROUP BY 1, 2) m
           GROUP BY theme_id)
         SELECT page.*, tag_mix.tags, weekly.weekly
         FROM page LEFT JOIN tag_mix ON tag_mix.theme_id = page.id LEFT JOIN weekly ON weekly.theme_id = page.id
         ORDER BY ${ORDER[sort]}`,
        where.params,
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title ?? '',
        count: r.count,
        agents: r.agents,
        tags: r.tags ?? [],
        firstSeen: iso(r.first_seen),
        lastSeen: iso(r.last_seen),
        growth: r.growth,
        weekly: (r.weekly ?? []).map((w) => ({ week: iso(w.week), count: w.count })),
      }));
    },
  };
}
