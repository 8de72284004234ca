import { uuidv7 } from 'uuidv7';
import type { SqlDb } from '../db/sql';
import type { HubStore, Role, TokenInfo, TokenRecord } from '../store';

type TokenMethods = 'createToken' | 'findToken' | 'hasTokens' | 'listTokens' | 'revokeToken' | 'touchToken';

// Ids come from the CLI: anything but a UUID would make PostgreSQL throw on the cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type InfoRow = {
  id: string;
  role: Role;
  team_id: string | null;
  agent_id: string | null;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
};

const iso = (t: Date | string | null): string | null => (t === null ? null : new Date(t).toISOString());

function infoOf(r: InfoRow): TokenInfo {
  return {
    id: r.id,
    role: r.role,
    teamId: r.team_id,
    agentId: r.agent_id,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

/** Access tokens: only their SHA-256 hashes are stored, and listings never return even those. */
export function tokenMethods(db: SqlDb): Pick<HubStore, TokenMethods> {
  return {
    async createToken(token) {
      const id = uuidv7();
      await db.query('INSERT INTO tokens (id, hash, role, team_id, agent_id) VALUES ($1, $2, $3, $4, $5)', [
        id,
        token.hash,
        token.role,
        token.teamId,
        token.agentId,
      ]);
      return { id };
    },
    async findToken(hash): Promise<TokenRecord | null> {
      const { rows } = await db.query<{
        id: string;
        hash: string;
        role: Role;
        team_id: string | null;
        agent_id: string | null;
        session_id: string | null;
      }>(
        // A session's access token has an end; tokens from the CLI have none.
        `SELECT id, hash, role, team_id, agent_id, session_id FROM tokens
         WHERE hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [hash],
      );
      const r = rows[0];
      return r
        ? {
            id: r.id,
            hash: r.hash,
            role: r.role,
            teamId: r.team_id,
            agentId: r.agent_id,
            sessionId: r.session_id,
          }
        : null;
    },
    async hasTokens() {
      const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM tokens) AS any');
      return rows[0]?.any ?? false;
    },
    async listTokens(teamId) {
      const columns = 'id, role, team_id, agent_id, created_at, last_used_at, revoked_at';
      const { rows } =
        teamId === undefined
          ? await db.query<InfoRow>(`SELECT ${columns} FROM tokens ORDER BY created_at, id`)
          : await db.query<InfoRow>(
              `SELECT ${columns} FROM tokens WHERE team_id = $1 ORDER BY created_at, id`,
              [teamId],
            );
      return rows.map(infoOf);
    },
    async revokeToken(id) {
      if (!UUID.test(id)) return false;
      const { rowCount } = await db.query(
        'UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
        [id],
      );
      return rowCount > 0;
    },
    async touchToken(id, at) {
      await db.query('UPDATE tokens SET last_used_at = $2::timestamptz WHERE id = $1', [
        id,
        at.toISOString(),
      ]);
    },
  };
}
