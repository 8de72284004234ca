import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { HubEnv } from '../auth/access';
import { scopeOf } from '../auth/tokens';
import { itemsPage } from '../items-page';
import { type HubStore, type Role, STATUSES } from '../store';
import { csvStream } from './csv';
import { encodeCursor, parseBody, parseFilter } from './query';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const Uuid = z.uuid();
const Triage = z.strictObject({ status: z.enum(STATUSES), comment: z.string().max(2000).optional() });
const BulkTriage = Triage.extend({ ids: z.array(z.uuid()).min(1).max(500) });
// One item's PATCH: a triage step, a lead's move to another theme, or both.
const ItemPatch = z
  .strictObject({
    status: z.enum(STATUSES).optional(),
    comment: z.string().max(2000).optional(),
    themeId: z.uuid().optional(),
  })
  .refine((b) => b.status !== undefined || b.themeId !== undefined, 'give status, themeId or both')
  .refine((b) => b.comment === undefined || b.status !== undefined, 'comment: needs a status');
// The CSV export streams the filter page by page; this caps one download.
const CSV_MAX_ROWS = 50_000;
const CSV_PAGE_ROWS = 500;

/** Listing, reading, exporting and triaging items. */
export function itemRoutes(app: Hono<HubEnv>, need: Need, store: HubStore): void {
  app.get('/v1/items', need(['lead', 'admin'], { bootstrap: true }), async (c) => {
    const parsed = parseFilter(c);
    if (typeof parsed === 'string') return c.json({ error: parsed }, 400);
    const { withTotal, ...filter } = parsed;
    const scope = scopeOf(c.get('principal'));
    const items = await store.listItems({ ...filter, scope });
    const last = items.length === filter.limit ? items.at(-1) : undefined;
    const nextCursor = last ? encodeCursor(last.item.capturedAt, last.item.id, filter.sort) : null;
    if (!withTotal) return c.json({ items, nextCursor });
    return c.json({ items, nextCursor, total: await store.countItems({ ...filter, scope }) });
  });

  app.get('/v1/facets', need(['lead', 'admin']), async (c) =>
    c.json(await store.facets(scopeOf(c.get('principal')))),
  );

  app.get('/', need(['lead', 'admin'], { bootstrap: true }), async (c) =>
    c.html(
      itemsPage(
        await store.listItems({ limit: 50, includeDeleted: true, scope: scopeOf(c.get('principal')) }),
      ),
    ),
  );

  app.get('/v1/items.csv', need(['lead', 'admin']), async (c) => {
    const parsed = parseFilter(c);
    if (typeof parsed === 'string') return c.json({ error: parsed }, 400);
    const { withTotal: _unused, ...filter } = parsed;
    const scope = scopeOf(c.get('principal'));
    const body = csvStream(
      (limit, cursor) => store.listItems({ ...filter, limit, scope, ...(cursor ? { cursor } : {}) }),
      { pageSize: CSV_PAGE_ROWS, maxRows: CSV_MAX_ROWS, ...(filter.cursor ? { cursor: filter.cursor } : {}) },
    );
    c.header('content-disposition', 'attachment; filename="earmark-items.csv"');
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8; header=present' });
  });

  app.get('/v1/items/:id', need(['lead', 'admin']), async (c) => {
    const id = Uuid.safeParse(c.req.param('id'));
    const item = id.success ? await store.getItem(id.data, scopeOf(c.get('principal'))) : null;
    // Another team's item answers 404 like a missing one, so ids cannot be probed.
    return item ? c.json(item) : c.json({ error: 'item not found' }, 404);
  });

  app.patch('/v1/items/:id', need(['lead', 'admin']), async (c) => {
    const id = Uuid.safeParse(c.req.param('id'));
    if (!id.success) return c.json({ error: 'item not found' }, 404);
    const body = await parseBody(c, ItemPatch);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const p = c.get('principal');
    if (body.themeId !== undefined) {
      const moved = await store.moveItemToTheme(id.data, body.themeId, scopeOf(p));
      if (!moved.ok) return c.json({ error: `${moved.notFound} not found` }, 404);
    }
    if (body.status !== undefined) {
      const actor = { tokenId: p.tokenId, role: p.role };
      const changed = await store.triage([id.data], body.status, body.comment ?? null, actor, scopeOf(p));
      if (!changed.length) return c.json({ error: 'item not found' }, 404);
    }
    return c.json(await store.getItem(id.data, scopeOf(p)));
  });

  app.post('/v1/items/triage', need(['lead', 'admin']), async (c) => {
    const body = await parseBody(c, BulkTriage);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const p = c.get('principal');
    const ids = [...new Set(body.ids)];
    const actor = { tokenId: p.tokenId, role: p.role };
    const updated = await store.triage(ids, body.status, body.comment ?? null, actor, scopeOf(p));
    const done = new Set(updated);
    return c.json({ updated, notFound: ids.filter((i) => !done.has(i)) });
  });
}
