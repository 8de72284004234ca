import { uuidv7 } from 'uuidv7';
import type { SqlDb } from '../db/sql';
import type { PendingSignIn, SessionInfo, SignedInPerson, SignInRole, SignInStore } from '../sign-in-types';

// Sign-ins with the organisation's identity provider (server/auth/oidc.ts). Pending sign-ins and
// one-time codes are deleted when used, so each works once; a session's access tokens are tokens
// rows with an end (found only before it) and their session, so every route's token check applies.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (t: Date | string) => new Date(t).toISOString();

interface SessionRow {
  id: string;
  team_id: string;
  role: SignInRole;
  subject: string;
  agent_id: string;
  email: string | null;
  name: string | null;
  created_at: Date | string;
  refreshed_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

const personOf = (r: SessionRow): SignedInPerson => ({
  subject: r.subject,
  email: r.email,
  name: r.name,
  agentId: r.agent_id,
  teamId: r.team_id,
  role: r.role,
});

/** Adds a session's access token (the tokens table: hash only). */
async function insertAccessToken(
  tx: SqlDb,
  sessionId: string,
  person: SignedInPerson,
  hash: string,
  end: Date,
) {
  await tx.query(
    `INSERT INTO tokens (id, hash, role, team_id, agent_id, session_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)`,
    [uuidv7(), hash, person.role, person.teamId, person.agentId, sessionId, end.toISOString()],
  );
}

/** The store's sign-in methods. */
export function signInMethods(db: SqlDb): SignInStore {
  return {
    async mapGroup(teamId, group, role) {
      await db.query(
        `INSERT INTO team_groups (group_name, role, team_id) VALUES ($1, $2, $3)
         ON CONFLICT (group_name, role) DO UPDATE SET team_id = EXCLUDED.team_id`,
        [group, role, teamId],
      );
    },
    async teamsForGroups(groups) {
      if (!groups.length) return [];
      const { rows } = await db.query<{ team_id: string; role: SignInRole }>(
        'SELECT DISTINCT team_id, role FROM team_groups WHERE group_name = ANY($1::text[]) ORDER BY role, team_id',
        [groups],
      );
      return rows.map((r) => ({ teamId: r.team_id, role: r.role }));
    },
    async teamName(teamId) {
      if (!UUID.test(teamId)) return null;
      const { rows } = await db.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [teamId]);
      return rows[0]?.name ?? null;
    },
    async savePendingSignIn(p: PendingSignIn) {
      // Abandoned sign-ins (the agent closed the window) are cleared as new ones begin: past the
      // time they could be answered in, they are of no use.
      await db.query(`DELETE FROM sign_in_requests WHERE created_at < now() - interval '1 hour'`);
      await db.query(
        `INSERT INTO sign_in_requests (state, verifier, nonce, return_to, client_challenge, client_state)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.state, p.verifier, p.nonce, p.returnTo, p.clientChallenge, p.clientState],
      );
    },
    async takePendingSignIn(state, maxAgeMs) {
      const { rows } = await db.query<{
        verifier: string;
        nonce: string;
        return_to: string;
        client_challenge: string;
        client_state: string;
        fresh: boolean;
      }>(
        `DELETE FROM sign_in_requests WHERE state = $1
         RETURNING verifier, nonce, return_to, client_challenge, client_state,
                   created_at > now() - $2 * interval '1 millisecond' AS fresh`,
        [state, maxAgeMs],
      );
      const r = rows[0];
      if (!r?.fresh) return null;
      const { verifier, nonce } = r;
      return {
        state,
        verifier,
        nonce,
        returnTo: r.return_to,
        clientChallenge: r.client_challenge,
        clientState: r.client_state,
      };
    },
    async saveSignInCode(codeHash, clientChallenge, person) {
      await db.query(`DELETE FROM sign_in_codes WHERE created_at < now() - interval '1 hour'`);
      await db.query(
        'INSERT INTO sign_in_codes (code_hash, client_challenge, person) VALUES ($1, $2, $3::jsonb)',
        [codeHash, clientChallenge, JSON.stringify(person)],
      );
    },
    async redeemSignInCode(codeHash, maxAgeMs) {
      const { rows } = await db.query<{ client_challenge: string; person: SignedInPerson; fresh: boolean }>(
        `DELETE FROM sign_in_codes WHERE code_hash = $1
         RETURNING client_challenge, person, created_at > now() - $2 * interval '1 millisecond' AS fresh`,
        [codeHash, maxAgeMs],
      );
      const r = rows[0];
      return r?.fresh ? { clientChallenge: r.client_challenge, person: r.person } : null;
    },
    async createSession(person, tokens) {
      const sessionId = uuidv7();
      await db.transaction(async (tx) => {
        // Sessions that ended (signed out, revoked, or idle past their end) a month ago or more go
        // as new ones begin: `session list` keeps the recent ones for the admin.
        await tx.query(
          `DELETE FROM tokens WHERE session_id IN
             (SELECT id FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days')`,
        );
        await tx.query(
          "DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'",
        );
        await tx.query(
          `INSERT INTO sessions (id, team_id, role, subject, agent_id, email, name, refresh_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz)`,
          [
            sessionId,
            person.teamId,
            person.role,
            person.subject,
            person.agentId,
            person.email,
            person.name,
            tokens.refreshHash,
            tokens.sessionExpiresAt.toISOString(),
          ],
        );
        await insertAccessToken(tx, sessionId, person, tokens.accessHash, tokens.accessExpiresAt);
      });
      return { sessionId };
    },
    async refreshSession(refreshHash, tokens) {
      return db.transaction(async (tx) => {
        // A refresh token used before: whoever holds it, the session ends.
        const replayed = await tx.query<{ id: string }>(
          'SELECT id FROM sessions WHERE previous_refresh_hash = $1 AND revoked_at IS NULL',
          [refreshHash],
        );
        if (replayed.rows[0]) {
          await revoke(tx, replayed.rows[0].id);
          return null;
        }
        const { rows } = await tx.query<SessionRow>(
          `UPDATE sessions SET previous_refresh_hash = refresh_hash, refresh_hash = $2, refreshed_at = now(),
             expires_at = $3::timestamptz
           WHERE refresh_hash = $1 AND revoked_at IS NULL AND expires_at > now()
           RETURNING *`,
          [refreshHash, tokens.refreshHash, tokens.sessionExpiresAt.toISOString()],
        );
        const row = rows[0];
        if (!row) return null;
        // One access token per session, the one handed out now: the replaced ones are deleted, not
        // kept revoked (a person refreshing every 15 minutes would leave thousands of rows a month).
        await tx.query('DELETE FROM tokens WHERE session_id = $1', [row.id]);
        await insertAccessToken(tx, row.id, personOf(row), tokens.accessHash, tokens.accessExpiresAt);
        return { sessionId: row.id, person: personOf(row) };
      });
    },
    async revokeSession(id) {
      if (!UUID.test(id)) return false;
      return db.transaction((tx) => revoke(tx, id));
    },
    async sessionOfToken(tokenId) {
      const { rows } = await db.query<{ session_id: string | null }>(
        'SELECT session_id FROM tokens WHERE id = $1',
        [tokenId],
      );
      return rows[0]?.session_id ?? null;
    },
    async listSessions(teamId) {
      const { rows } =
        teamId === undefined
          ? await db.query<SessionRow>('SELECT * FROM sessions ORDER BY created_at, id')
          : await db.query<SessionRow>('SELECT * FROM sessions WHERE team_id = $1 ORDER BY created_at, id', [
              teamId,
            ]);
      return rows.map(
        (r): SessionInfo => ({
          id: r.id,
          teamId: r.team_id,
          role: r.role,
          agentId: r.agent_id,
          email: r.email,
          name: r.name,
          createdAt: iso(r.created_at),
          refreshedAt: iso(r.refreshed_at),
          expiresAt: iso(r.expires_at),
          revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
        }),
      );
    },
  };
}

/** Ends a session and its access tokens at once; false when it was not live. */
async function revoke(tx: SqlDb, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  await tx.query('DELETE FROM tokens WHERE session_id = $1', [id]); // the session row tells the story
  return rowCount > 0;
}
