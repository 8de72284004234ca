import { type Item, ItemSchema } from '../../lib/schema';
import type { SqlDb } from '../db/sql';
import type { Actor, HubItem, HubStore, ItemStatus, Scope, TriageEntry, UpsertResult } from '../store';
import { itemOrder, itemWhere, scoped, Where } from './filter';
import { upsertGrouped } from './grouped-upsert';
import type { TeamThemes } from './team-themes';
import type { ItemsVacuum } from './vacuum';

// A newer revision replaces the data but keeps the review state. An item stays with the team that
// first sent it: another team's secret cannot overwrite it. A revision sent with an agent token
// replaces only an item of that same agent: one agent's token cannot take over another's capture.
const UPSERT = `
  INSERT INTO items (id, revision, deleted, captured_at, updated_at, data, team_id, agent_id, site, agent_verified)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
  ON CONFLICT (id) DO UPDATE
    SET revision = EXCLUDED.revision, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at,
        data = EXCLUDED.data, received_at = now(), agent_id = EXCLUDED.agent_id, site = EXCLUDED.site,
        agent_verified = EXCLUDED.agent_verified
    WHERE items.revision < EXCLUDED.revision AND items.team_id IS NOT DISTINCT FROM EXCLUDED.team_id
      AND (NOT EXCLUDED.agent_verified OR items.agent_id = EXCLUDED.agent_id)`;

const COLUMNS =
  'data, received_at, team_id, agent_verified, status, status_comment, status_updated_at, theme_id';

interface ItemRow {
  data: Item;
  received_at: Date;
  team_id: string | null;
  agent_verified: boolean;
  status: ItemStatus;
  status_comment: string | null;
  status_updated_at: Date | null;
  theme_id: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toHubItem(r: ItemRow): HubItem {
  return {
    // Re-parsing restores the schema's field order (jsonb sorts keys) and guards against drift.
    item: ItemSchema.parse(r.data),
    receivedAt: iso(r.received_at),
    teamId: r.team_id,
    agentVerified: r.agent_verified,
    status: r.status,
    comment: r.status_comment,
    statusUpdatedAt: r.status_updated_at ? iso(r.status_updated_at) : null,
    themeId: r.theme_id,
  };
}

/** The item half of the SQL store; `themes` null stores items without grouping them (themes off). */
export function itemMethods(
  db: SqlDb,
  themes: TeamThemes | null,
  vacuum: ItemsVacuum,
): Pick<HubStore, 'upsertItems' | 'listItems' | 'countItems' | 'getItem' | 'triage'> {
  return {
    async upsertItems(items, teamId = null, agentVerified = false): Promise<UpsertResult> {
      const write = async (tx: SqlDb) => {
        const stored: Item[] = [];
        for (const item of items) {
          const values = [item.id, item.revision, item.deleted, item.capturedAt, item.updatedAt];
          const extra = [JSON.stringify(item), teamId, item.agent.id, item.source.site, agentVerified];
          if ((await tx.query(UPSERT, [...values, ...extra])).rowCount > 0) stored.push(item);
        }
        return stored;
      };
      // A team's items are grouped into its themes in the same transaction (sql-store/team-themes.ts).
      const stored =
        teamId && themes
          ? await upsertGrouped(themes, teamId, items, agentVerified)
          : await db.transaction(write);
      await vacuum.wrote(stored.length);
      return { stored: stored.length, duplicates: items.length - stored.length };
    },

    async listItems(filter) {
      const where = itemWhere(filter);
      const limit = where.param(filter.limit);
      const sql = `SELECT ${COLUMNS} FROM items ${where.sql()} ${itemOrder(filter.sort)} LIMIT ${limit}`;
      const { rows } = await db.query<ItemRow>(sql, where.params);
      return rows.map(toHubItem);
    },

    async countItems(filter) {
      // A count covers the whole filter, whatever page the caller is on.
      const where = itemWhere({ ...filter, cursor: undefined });
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM items ${where.sql()}`,
        where.params,
      );
      return rows[0]?.n ?? 0;
    },

    async getItem(id, scope: Scope) {
      const where = scoped(new Where().add('id = $?::uuid', id), scope);
      const { rows } = await db.query<ItemRow>(`SELECT ${COLUMNS} FROM items ${where.sql()}`, where.params);
      const row = rows[0];
      if (!row) return null;
      const history = await db.query<{
        status: ItemStatus;
        comment: string | null;
        actor_token_id: string | null;
        actor_role: string;
        at: Date;
      }>(
        'SELECT status, comment, actor_token_id, actor_role, at FROM triage_history WHERE item_id = $1 ORDER BY id',
        [id],
      );
      const entries: TriageEntry[] = history.rows.map((h) => ({
        status: h.status,
        comment: h.comment,
        actorTokenId: h.actor_token_id,
        actorRole: h.actor_role,
        at: iso(h.at),
      }));
      return { ...toHubItem(row), history: entries };
    },

    async triage(ids, status, comment, actor: Actor, scope) {
      const changed = await db.transaction(async (tx) => {
        const where = scoped(new Where().add('id = ANY($?::uuid[])', ids), scope);
        const s = where.param(status);
        const c = where.param(comment);
        const { rows } = await tx.query<{ id: string }>(
          `UPDATE items SET status = ${s}, status_comment = ${c}, status_updated_at = now()
           ${where.sql()} RETURNING id`,
          where.params,
        );
        const changed = rows.map((r) => r.id);
        if (changed.length)
          await tx.query(
            `INSERT INTO triage_history (item_id, status, comment, actor_token_id, actor_role)
             SELECT unnest($1::uuid[]), $2, $3, $4, $5`,
            [changed, status, comment, actor.tokenId, actor.role],
          );
        return changed;
      });
      await vacuum.wrote(changed.length);
      return changed;
    },
  };
}
