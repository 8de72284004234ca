import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { scopeOf } from '../auth/tokens';
import {
  type HubStore,
  type Role,
  STATUSES,
  THEME_SORTS,
  type ThemeEditResult,
  type ThemeFilter,
  type ThemeSort,
} from '../store';
import { ListQuery, parseBody } from './query';

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const Uuid = z.uuid();
const ThemeTriage = z.strictObject({ status: z.enum(STATUSES), comment: z.string().max(2000).optional() });
const Merge = z.strictObject({ ids: z.array(z.uuid()).min(2).max(50) });
const Rename = z.strictObject({ title: z.string().max(500) });

/** Query string of GET /v1/themes: the item filters, a theme order and a page. */
export const ThemeQuery = ListQuery.omit({
  cursor: true,
  sort: true,
  includeDeleted: true,
  total: true,
  theme: true,
}).extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(THEME_SORTS).default('count'),
  cursor: z.string().max(100).optional(),
});

const CursorSchema = z.tuple([z.int().min(0).max(1_000_000), z.enum(THEME_SORTS)]);

/** Opaque theme cursor: base64url of [offset, sort] (themes are few, so paging counts rows). */
export function encodeThemeCursor(offset: number, sort: ThemeSort): string {
  return Buffer.from(JSON.stringify([offset, sort])).toString('base64url');
}

function decodeThemeCursor(cursor: string): { offset: number; sort: ThemeSort } | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { offset: parsed.data[0], sort: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** Parses a theme listing query; a string is the 400 error message. */
export function parseThemeFilter(c: Context): Omit<ThemeFilter, 'scope'> | string {
  const query = ThemeQuery.safeParse(c.req.query());
  if (!query.success) return describeZodError(query.error);
  const { cursor, ...rest } = query.data;
  if (cursor === undefined) return { ...rest, offset: 0 };
  const decoded = decodeThemeCursor(cursor);
  if (decoded === null) return 'cursor: invalid';
  if (decoded.sort !== rest.sort) return `cursor: belongs to sort=${decoded.sort}`;
  return { ...rest, offset: decoded.offset };
}

/** The answer to a lead's edit: the theme it left, or 404 for what is not in the caller's team. */
function answer(result: ThemeEditResult): { body: object; status: 200 | 404 } {
  if (result.ok) return { body: { id: result.themeId }, status: 200 };
  return { body: { error: `${result.notFound} not found` }, status: 404 };
}

/** Themes for leads: listing within the item filters, whole-theme triage, merge and rename. */
export function themeRoutes(app: Hono<HubEnv>, need: Need, store: HubStore): void {
  app.get('/v1/themes', need(['lead', 'admin']), async (c) => {
    const filter = parseThemeFilter(c);
    if (typeof filter === 'string') return c.json({ error: filter }, 400);
    const themes = await store.listThemes({ ...filter, scope: scopeOf(c.get('principal')) });
    const full = themes.length === filter.limit;
    const nextCursor = full ? encodeThemeCursor(filter.offset + themes.length, filter.sort) : null;
    return c.json({ themes, nextCursor });
  });

  app.post('/v1/themes/merge', need(['lead', 'admin']), async (c) => {
    const body = await parseBody(c, Merge);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const ids = [...new Set(body.ids)];
    if (ids.length < 2) return c.json({ error: 'ids: give at least two different themes' }, 400);
    const { body: json, status } = answer(await store.mergeThemes(ids, scopeOf(c.get('principal'))));
    return c.json(json, status);
  });

  app.patch('/v1/themes/:id', need(['lead', 'admin']), async (c) => {
    const id = Uuid.safeParse(c.req.param('id'));
    if (!id.success) return c.json({ error: 'theme not found' }, 404);
    const body = await parseBody(c, Rename);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const result = await store.renameTheme(id.data, body.title, scopeOf(c.get('principal')));
    const { body: json, status } = answer(result);
    return c.json(result.ok ? { ...json, title: body.title.trim() || null } : json, status);
  });

  // Every item goes through the single-item triage path: one history row each, and the agents'
  // status poll (GET /v1/agent/status) shows the new state.
  app.post('/v1/themes/:id/triage', need(['lead', 'admin']), async (c) => {
    const id = Uuid.safeParse(c.req.param('id'));
    if (!id.success) return c.json({ error: 'theme not found' }, 404);
    const body = await parseBody(c, ThemeTriage);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const p = c.get('principal');
    const ids = await store.themeItemIds(id.data, scopeOf(p));
    if (ids === null) return c.json({ error: 'theme not found' }, 404);
    const actor = { tokenId: p.tokenId, role: p.role };
    const updated = ids.length
      ? await store.triage(ids, body.status, body.comment ?? null, actor, scopeOf(p))
      : [];
    return c.json({ updated });
  });
}
