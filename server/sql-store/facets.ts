import type { SqlDb } from '../db/sql';
import type { Facets, HubStore } from '../store';
import { itemWhere } from './filter';

/** Distinct tags, agents and sites in scope, for the review page's filter menus. */
export function facetMethods(db: SqlDb): Pick<HubStore, 'facets'> {
  return {
    async facets(scope): Promise<Facets> {
      const where = itemWhere({ scope });
      const tags = await db.query<{ id: string; label: string; category: string; count: number }>(
        // count(*), not count(DISTINCT id): a capture carries a tag once, and this runs over every item.
        `SELECT t->>'id' AS id, min(t->>'label') AS label, min(t->>'category') AS category,
           count(*)::int AS count
         FROM items CROSS JOIN LATERAL jsonb_array_elements(data->'tags') AS t ${where.sql()}
         GROUP BY 1 ORDER BY 2`,
        where.params,
      );
      // The latest name an agent id carries is the one to show (names can be corrected).
      const agents = await db.query<{ id: string; name: string; count: number }>(
        `SELECT latest.agent_id AS id, latest.name, counted.count
         FROM (SELECT DISTINCT ON (agent_id) agent_id, data->'agent'->>'name' AS name
               FROM items ${where.sql()} ORDER BY agent_id, captured_at DESC) AS latest
         JOIN (SELECT agent_id, count(*)::int AS count FROM items ${where.sql()} GROUP BY 1) AS counted
           USING (agent_id)
         ORDER BY 2, 1`,
        where.params,
      );
      const sites = await db.query<{ site: string; count: number }>(
        `SELECT site, count(*)::int AS count FROM items ${where.sql()} GROUP BY 1 ORDER BY 1`,
        where.params,
      );
      return { tags: tags.rows, agents: agents.rows, sites: sites.rows };
    },
  };
}
