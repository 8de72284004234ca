import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { scopeOf } from '../auth/tokens';
import { DEMAND_BUCKETS } from '../demand';
import type { HubStore, Role } from '../store';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const DAY_MS = 86_400_000;
/** The range's default length when `from` is left out: the last 12 weeks. */
export const DEFAULT_DEMAND_DAYS = 84;
/** The most buckets one answer holds (about eight years of weeks, a year and a month of days). */
export const MAX_DEMAND_BUCKETS = 400;

const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** Query string of GET /v1/demand; `to` defaults to now, `from` to 12 weeks before `to`. */
export const DemandQuerySchema = z
  .strictObject({
    bucket: z.enum(DEMAND_BUCKETS).default('week'),
    from: when.optional(),
    to: when.optional(),
  })
  .transform(({ bucket, from, to }, ctx) => {
    const end = to ?? new Date().toISOString();
    const start = from ?? new Date(Date.parse(end) - DEFAULT_DEMAND_DAYS * DAY_MS).toISOString();
    if (Date.parse(start) >= Date.parse(end)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
      return z.NEVER;
    }
    const buckets = (Date.parse(end) - Date.parse(start)) / (bucket === 'day' ? DAY_MS : 7 * DAY_MS);
    if (buckets > MAX_DEMAND_BUCKETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `range is more than ${MAX_DEMAND_BUCKETS} ${bucket}s`,
      });
      return z.NEVER;
    }
    return { bucket, from: start, to: end };
  });

/** Failure-demand analysis for leads: GET /v1/demand (docs/hub-api.md, "Failure demand"). */
export function demandRoutes(app: Hono<HubEnv>, need: Need, store: HubStore): void {
  app.get('/v1/demand', need(['lead', 'admin']), async (c) => {
    const query = DemandQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    return c.json(await store.demand({ ...query.data, scope: scopeOf(c.get('principal')) }));
  });
}
