import type { SqlDb } from '../db/sql';
import { type DemandSample, FAILURE_CATEGORY, previousPeriod } from '../demand';
import { type DemandRow, listedThemes, sampleKey, shapeDemand } from '../demand-shape';
import type { HubStore } from '../store';
import { itemWhere, type Where } from './filter';
import { THEME_TEXT_SQL } from './theme-rows';

interface SampleRow {
  failure: boolean;
  tag: string;
  theme_id: string;
  id: string;
  quote: string | null;
  note: string | null;
}

const isFailure = (tag: string) => `lower(trim(${tag}->>'category')) = '${FAILURE_CATEGORY}'`;

/**
 * The filtered live items (f), each with its group (a bucket or "previous") and whether it is
 * failure demand, and its causes (c): a failure item's failure-demand tags, a value item's tags.
 * Every item has at least one cause, so c holds every item.
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

/** GET /v1/demand: one grouped scan of the range and the period before it, then titles and samples. */
export function demandMethods(db: SqlDb): Pick<HubStore, 'demand'> {
  return {
    async demand({ from, to, bucket, scope }) {
      const previous = previousPeriod(from, to);
      const where = itemWhere({ scope, from: previous.from, to });
      const cut = where.param(from);
      const size = where.param(bucket);
      const group = `CASE WHEN captured_at < ${cut}::timestamptz THEN 'previous'
        ELSE to_char(date_trunc(${size}::text, captured_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') END`;
      const base = causesSql(where, group);
      // Per group and side: the total (tag null), and per cause and theme; items are counted once each.
      const { rows } = await db.query<DemandRow>(
        `${base} SELECT grp, failure, CASE WHEN GROUPING(tag) = 0 THEN tag END AS tag, theme_id,
           min(label) AS label, min(category) AS category, count(DISTINCT id)::int AS count
         FROM c GROUP BY GROUPING SETS ((grp, failure), (grp, failure, tag, theme_id))`,
        where.params,
      );
      const listed = listedThemes(rows);
      const titles = new Map<string, string>();
      if (listed.all.length) {
        const named = await db.query<{ id: string; title: string }>(
          `SELECT t.id, coalesce(t.title, (SELECT ${THEME_TEXT_SQL} FROM items WHERE items.id = t.title_item_id), '') AS title
           FROM themes t WHERE t.id = ANY($1::uuid[])`,
          [listed.all],
        );
        for (const r of named.rows) titles.set(r.id, r.title);
      }
      // One recent capture per listed theme and cause of the range, one with a quote when there is one.
      const samples = new Map<string, DemandSample>();
      if (listed.summary.length) {
        const ids = where.param(listed.summary);
        const found = await db.query<SampleRow>(
          `${base} SELECT DISTINCT ON (failure, tag, theme_id) failure, tag, theme_id, id, quote, note FROM c
           WHERE grp <> 'previous' AND theme_id = ANY(${ids}::uuid[])
           ORDER BY failure, tag, theme_id, (quote IS NULL OR quote = ''), captured_at DESC, id DESC`,
          where.params,
        );
        for (const r of found.rows) {
          samples.set(sampleKey(r.failure, r.tag, r.theme_id), {
            itemId: r.id,
            quote: r.quote,
            note: r.note,
          });
        }
      }
      return shapeDemand({ from, to, bucket, previous }, rows, { titles, samples });
    },
  };
}
