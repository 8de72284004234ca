import type { SqlDb } from '../db/sql';
import type { HubStore, Trends } from '../store';
import { itemWhere } from './filter';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Counts per tag and per category per day or ISO week (UTC), deleted items excluded. */
export function trendMethods(db: SqlDb): Pick<HubStore, 'trends'> {
  return {
    async trends({ bucket, from, to, scope }): Promise<Trends> {
      const where = itemWhere({ scope, from, to });
      const b = where.param(bucket);
      // date_trunc on the UTC wall clock, turned back into a timestamptz so both drivers give a Date.
      const start = `date_trunc(${b}::text, captured_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
      const from_ = `FROM items CROSS JOIN LATERAL jsonb_array_elements(data->'tags') AS t ${where.sql()}`;
      const tags = await db.query<{ bucket: Date; tag: string; label: string; count: number }>(
        `SELECT ${start} AS bucket, t->>'id' AS tag, min(t->>'label') AS label, count(DISTINCT id)::int AS count
         ${from_} GROUP BY 1, 2 ORDER BY 1, 2`,
        where.params,
      );
      const categories = await db.query<{ bucket: Date; category: string; count: number }>(
        `SELECT ${start} AS bucket, t->>'category' AS category, count(DISTINCT id)::int AS count
         ${from_} GROUP BY 1, 2 ORDER BY 1, 2`,
        where.params,
      );
      return {
        tags: tags.rows.map((r) => ({ ...r, bucket: iso(r.bucket) })),
        categories: categories.rows.map((r) => ({ ...r, bucket: iso(r.bucket) })),
      };
    },
  };
}
