import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { scopeOf } from '../auth/tokens';
import type { HubStore, Role } from '../store';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
/** Both ends required: the popup asks for "this week" in the agent's own time zone. */
const SummaryQuery = z
  .strictObject({ from: instant, to: instant })
  .refine((q) => q.from < q.to, { message: 'to: must be after from', path: ['to'] });

/** The agent's own tally for the popup: GET /v1/agent/summary?from&to. */
export function agentSummaryRoutes(app: Hono<HubEnv>, need: Need, store: HubStore): void {
  // Agent tokens only: a lead's or admin's scope is a whole team or hub, not "your captures".
  app.get('/v1/agent/summary', need(['agent']), async (c) => {
    const query = SummaryQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    const scope = scopeOf(c.get('principal'));
    return c.json(await store.agentSummary({ ...query.data, scope }));
  });
}
