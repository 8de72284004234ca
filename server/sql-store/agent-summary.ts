import type { SqlDb } from '../db/sql';
import type { AgentSummary, HubStore } from '../store';
import { itemWhere } from './filter';

/** One agent's tally: captures in a range, and how many of them a lead has triaged or actioned. */
export function agentSummaryMethods(db: SqlDb): Pick<HubStore, 'agentSummary'> {
  return {
    async agentSummary({ from, to, scope }): Promise<AgentSummary> {
      // Live items only (an undone capture is not a capture), captured_at in [from, to).
      const where = itemWhere({ scope, from, to });
      // 'reviewed' counts every status past 'new' (reviewed, actioned, declined): a lead looked at it.
      const result = await db.query<{ captures: number; reviewed: number; actioned: number }>(
        `SELECT count(*)::int AS captures,
           count(*) FILTER (WHERE status <> 'new')::int AS reviewed,
           count(*) FILTER (WHERE status = 'actioned')::int AS actioned
         FROM items ${where.sql()}`,
        where.params,
      );
      const row = result.rows[0] ?? { captures: 0, reviewed: 0, actioned: 0 };
      return { from, to, captures: row.captures, reviewed: row.reviewed, actioned: row.actioned };
    },
  };
}
