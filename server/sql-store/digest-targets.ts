import { uuidv7 } from 'uuidv7';
import type { SqlDb } from '../db/sql';
import type { DigestFormat, DigestStore, DigestTarget } from '../digest/store';

type TargetMethods =
  | 'addDigestTarget'
  | 'listDigestTargets'
  | 'removeDigestTarget'
  | 'claimDigestTarget'
  | 'recordDigestAttempt';

interface TargetRow {
  id: string;
  team_id: string;
  team_name: string;
  url: string;
  format: DigestFormat;
  secret: string | null;
  created_at: Date | string;
  last_attempt_at: Date | string | null;
  last_error: string | null;
  delivered_at: Date | string | null;
  sent_through: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const SELECT = `SELECT d.*, t.name AS team_name FROM digest_targets d JOIN teams t ON t.id = d.team_id`;

function toTarget(r: TargetRow): DigestTarget {
  return {
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    url: r.url,
    format: r.format,
    secret: r.secret,
    createdAt: iso(r.created_at),
    lastAttemptAt: isoOrNull(r.last_attempt_at),
    lastError: r.last_error,
    deliveredAt: isoOrNull(r.delivered_at),
    sentThrough: isoOrNull(r.sent_through),
  };
}

/** Digest targets and their delivery record. */
export function digestTargetMethods(db: SqlDb): Pick<DigestStore, TargetMethods> {
  const byId = async (id: string) => {
    const { rows } = await db.query<TargetRow>(`${SELECT} WHERE d.id = $1`, [id]);
    return rows[0] ? toTarget(rows[0]) : null;
  };
  return {
    async addDigestTarget({ teamId, url, format, secret }) {
      const id = uuidv7();
      await db.query(
        'INSERT INTO digest_targets (id, team_id, url, format, secret) VALUES ($1, $2, $3, $4, $5)',
        [id, teamId, url, format, secret],
      );
      const added = await byId(id);
      if (!added) throw new Error('digest target vanished after insert');
      return added;
    },
    async listDigestTargets(teamId) {
      const { rows } = await db.query<TargetRow>(
        `${SELECT} WHERE ($1::uuid IS NULL OR d.team_id = $1::uuid) ORDER BY d.created_at, d.id`,
        [teamId ?? null],
      );
      return rows.map(toTarget);
    },
    async removeDigestTarget(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
      return (await db.query('DELETE FROM digest_targets WHERE id = $1', [id])).rowCount > 0;
    },
    async claimDigestTarget(id, periodTo, at, retryMs) {
      // One conditional UPDATE: whoever changes the row owns this attempt.
      const { rowCount } = await db.query(
        `UPDATE digest_targets SET last_attempt_at = $3::timestamptz
         WHERE id = $1 AND (sent_through IS NULL OR sent_through < $2::timestamptz)
           AND (last_attempt_at IS NULL
                OR last_attempt_at <= $3::timestamptz - $4 * interval '1 millisecond'
                OR last_attempt_at > $3::timestamptz)`,
        [id, periodTo, at.toISOString(), retryMs],
      );
      return rowCount > 0;
    },
    async recordDigestAttempt(id, { at, error, period }) {
      if (error !== null || period === null) {
        await db.query('UPDATE digest_targets SET last_attempt_at = $2, last_error = $3 WHERE id = $1', [
          id,
          at.toISOString(),
          error ?? 'no period',
        ]);
        return;
      }
      // A delivery by hand (cron) also counts for the schedule, so the same week is not sent twice.
      await db.query(
        `UPDATE digest_targets SET last_attempt_at = $2, last_error = NULL, delivered_at = $2,
           sent_through = greatest(sent_through, $3::timestamptz)
         WHERE id = $1`,
        [id, at.toISOString(), period.to],
      );
    },
  };
}
