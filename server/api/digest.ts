import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { buildDigest } from '../digest/build';
import { resolvePeriod } from '../digest/period';
import type { HubStore, Role } from '../store';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();

/** Query string of GET /v1/digest: the period (default the last full week) and, for admins, the team. */
export const DigestQuery = z.strictObject({
  from: instant,
  to: instant,
  /** The team's id; required for an admin token, which belongs to no team; a lead's own team otherwise. */
  team: z.uuid().optional(),
});

/** The digest for leads: one team's summary of a period, as digest targets receive it. */
export function digestRoutes(app: Hono<HubEnv>, need: Need, store: HubStore, now: () => Date): void {
  app.get('/v1/digest', need(['lead', 'admin']), async (c) => {
    const query = DigestQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    const period = resolvePeriod(now(), query.data.from, query.data.to);
    if (typeof period === 'string') return c.json({ error: period }, 400);
    const p = c.get('principal');
    if (p.role === 'lead' && query.data.team !== undefined && query.data.team !== p.teamId)
      return c.json({ error: 'team not found' }, 404);
    const teamId = p.role === 'lead' ? p.teamId : query.data.team;
    if (!teamId) return c.json({ error: 'team: required for an admin token (a team id)' }, 400);
    const team = await store.teamById(teamId);
    if (!team) return c.json({ error: 'team not found' }, 404);
    return c.json(await buildDigest(store, team, period));
  });
}
