import { uuidv7 } from 'uuidv7';
import type { SqlDb } from '../db/sql';
import type { HubStore } from '../store';
import { liveSecrets, TeamAuthCache } from './team-auth-cache';

type TeamMethods =
  | 'createTeam'
  | 'findTeam'
  | 'countTeams'
  | 'rotateSecret'
  | 'activeSecrets'
  | 'setRequireAgentToken'
  | 'requiresAgentToken'
  | 'setRequireSignedInAgents'
  | 'requiresSignedInAgents';

/** Teams and their webhook secrets; what the webhook asks before every batch is cached (team-auth-cache.ts). */
export function teamMethods(db: SqlDb): Pick<HubStore, TeamMethods> {
  const cache = new TeamAuthCache();
  return {
    async createTeam(name, secret) {
      const id = uuidv7();
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [id, name]);
        await tx.query('INSERT INTO team_secrets (id, team_id, secret) VALUES ($1, $2, $3)', [
          uuidv7(),
          id,
          secret,
        ]);
      });
      cache.forget();
      return { id, name };
    },
    async findTeam(name) {
      const { rows } = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM teams WHERE name = $1',
        [name],
      );
      return rows[0] ?? null;
    },
    async countTeams() {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM teams');
      return rows[0]?.n ?? 0;
    },
    async rotateSecret(teamId, secret, graceMs) {
      await db.transaction(async (tx) => {
        // Only secrets without an end yet get one, so an earlier, shorter grace is not extended.
        await tx.query(
          `UPDATE team_secrets SET expires_at = now() + $2 * interval '1 millisecond'
           WHERE team_id = $1 AND expires_at IS NULL`,
          [teamId, graceMs],
        );
        await tx.query('INSERT INTO team_secrets (id, team_id, secret) VALUES ($1, $2, $3)', [
          uuidv7(),
          teamId,
          secret,
        ]);
      });
      cache.forget();
    },
    async setRequireAgentToken(teamId, required) {
      await db.query('UPDATE teams SET require_agent_token = $2 WHERE id = $1', [teamId, required]);
      cache.forget();
    },
    requiresAgentToken(teamId) {
      return cache.flag('agentToken', teamId, () => teamFlag(db, 'require_agent_token', teamId));
    },
    async setRequireSignedInAgents(teamId, required) {
      await db.query('UPDATE teams SET require_signed_in = $2 WHERE id = $1', [teamId, required]);
      cache.forget();
    },
    requiresSignedInAgents(teamId) {
      return cache.flag('signedIn', teamId, () => teamFlag(db, 'require_signed_in', teamId));
    },
    async activeSecrets(now, teamId) {
      const secrets = await cache.secrets(teamId ?? null, async () => {
        const { rows } = await db.query<{ team_id: string; secret: string; expires_at: Date | null }>(
          `SELECT team_id, secret, expires_at FROM team_secrets
           WHERE (expires_at IS NULL OR expires_at > $1::timestamptz) AND ($2::uuid IS NULL OR team_id = $2::uuid)
           ORDER BY created_at DESC`,
          [now.toISOString(), teamId ?? null],
        );
        return rows.map((r) => ({
          teamId: r.team_id,
          secret: r.secret,
          expiresAt: r.expires_at === null ? null : new Date(r.expires_at).getTime(),
        }));
      });
      return liveSecrets(secrets, now);
    },
  };
}

/** One of a team's delivery requirements; false for no such team. */
async function teamFlag(db: SqlDb, column: 'require_agent_token' | 'require_signed_in', teamId: string) {
  const { rows } = await db.query<{ required: boolean }>(
    `SELECT ${column} AS required FROM teams WHERE id = $1`,
    [teamId],
  );
  return rows[0]?.required ?? false;
}
