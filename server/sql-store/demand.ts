import type { SqlDb } from '../db/sql';
import { FAILURE_CATEGORY, previousPeriod, TOP_THEMES } from '../demand';
import { type DemandRows, shapeDemand } from '../demand-shape';
import type { HubStore } from '../store';
import { itemWhere, type Where } from './filter';
import { THEME_TEXT_SQL } from './theme-rows';

const isFailure = (tag: string) => `lower(trim(${tag}->>'category')) = '${FAILURE_CATEGORY}'`;

/**
 * The filtered live items (f), each with its group (a bucket or a period) and whether it is failure
 * demand, and its causes (c): a failure item's failure-demand tags, a value item's tags.
 */
function causesSql(where: Where, group: string): string {
  return `WITH f AS (
      SELECT id, theme_id, captured_at, data, ${group} AS grp,
        EXISTS (SELECT 1 FROM jsonb_array_elements(data->'tags') AS e WHERE ${isFailure('e')}) AS failure
      FROM items ${where.sql()}),
    c AS (
      SELECT f.id, f.grp, f.failure, f.theme_id, f.captured_at, f.data->>'quote' AS quote, f.data->>'note' AS note,
        t->>'id' AS tag, t->>'label' AS label, t->>'category' AS category
      FROM f CROSS JOIN LATERAL jsonb_array_elements(f.data->'tags') AS t WHERE (${isFailure('t')}) = f.failure)`;
}

/** Totals, cause counts and each cause's top themes per group, in three grouped queries. */
async function groupedCounts(db: SqlDb, where: Where, group: string): Promise<Omit<DemandRows, 'samples'>> {
  const base = causesSql(where, group);
  const totals = await db.query<DemandRows['totals'][number]>(
    `${base} SELECT grp, count(*)::int AS total, (count(*) FILTER (WHERE failure))::int AS failure
     FROM f GROUP BY grp`,
    where.params,
  );
  const causes = await db.query<DemandRows['causes'][number]>(
    `${base} SELECT grp, failure, tag, min(label) AS label, min(category) AS category, count(DISTINCT id)::int AS count
     FROM c GROUP BY grp, failure, tag`,
    where.params,
  );
  const themes = await db.query<DemandRows['themes'][number]>(
    `${base}, g AS (
       SELECT grp, failure, tag, theme_id, count(DISTINCT id)::int AS count
       FROM c WHERE theme_id IS NOT NULL GROUP BY grp, failure, tag, theme_id),
     r AS (SELECT g.*, row_number() OVER (PARTITION BY grp, failure, tag ORDER BY count DESC, theme_id) AS n FROM g)
     SELECT r.grp, r.failure, r.tag, r.theme_id, r.count,
       coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id), '') AS title
     FROM r JOIN themes t ON t.id = r.theme_id WHERE r.n <= ${TOP_THEMES}`,
    where.params,
  );
  return { totals: totals.rows, causes: causes.rows, themes: themes.rows };
}

/** GET /v1/demand: per bucket, and for the range against the period of equal length before it. */
export function demandMethods(db: SqlDb): Pick<HubStore, 'demand'> {
  return {
    async demand({ from, to, bucket, scope }) {
      const weekly = itemWhere({ scope, from, to });
      const size = weekly.param(bucket);
      const byBucket = await groupedCounts(
        db,
        weekly,
        `to_char(date_trunc(${size}::text, captured_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
      );

      const previous = previousPeriod(from, to);
      const periods = itemWhere({ scope, from: previous.from, to });
      const cut = periods.param(from);
      const group = `CASE WHEN captured_at >= ${cut}::timestamptz THEN 'current' ELSE 'previous' END`;
      const byPeriod = await groupedCounts(db, periods, group);

      // One recent capture per listed theme and cause, one with a quote when there is one.
      const listed = [...new Set(byPeriod.themes.filter((t) => t.grp === 'current').map((t) => t.theme_id))];
      const ids = periods.param(listed);
      const samples = listed.length
        ? await db.query<DemandRows['samples'][number]>(
            `${causesSql(periods, group)}
             SELECT DISTINCT ON (failure, tag, theme_id) failure, tag, theme_id, id, quote, note FROM c
             WHERE grp = 'current' AND theme_id = ANY(${ids}::uuid[])
             ORDER BY failure, tag, theme_id, (quote IS NULL OR quote = ''), captured_at DESC, id DESC`,
            periods.params,
          )
        : { rows: [] };
      return shapeDemand({ from, to, bucket, previous }, byBucket, { ...byPeriod, samples: samples.rows });
    },
  };
}
