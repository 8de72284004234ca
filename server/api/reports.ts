import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { scopeOf } from '../auth/tokens';
import type { HubStore, Role } from '../store';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const TrendsQuery = z.strictObject({
  bucket: z.enum(['day', 'week']).default('week'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const StatusQuery = z.strictObject({
  ids: z
    .string()
    .max(500 * 37)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).min(1).max(500)),
});

/** Trends for leads, and the status loop-back the extension polls for its agent. */
export function reportRoutes(app: Hono<HubEnv>, need: Need, store: HubStore): void {
  app.get('/v1/trends', need(['lead', 'admin']), async (c) => {
    const query = TrendsQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    return c.json(await store.trends({ ...query.data, scope: scopeOf(c.get('principal')) }));
  });

  app.get('/v1/agent/status', need(['agent', 'lead', 'admin']), async (c) => {
    const query = StatusQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    const ids = [...new Set(query.data.ids)];
    const scope = scopeOf(c.get('principal'));
    // Deleted items are included: the agent's sidebar still shows an undone capture's last state.
    const items = await store.listItems({ limit: ids.length, ids, includeDeleted: true, scope });
    const statuses = items.map((h) => ({
      id: h.item.id,
      status: h.status,
      comment: h.comment,
      updatedAt: h.statusUpdatedAt,
    }));
    return c.json(statuses);
  });
}
