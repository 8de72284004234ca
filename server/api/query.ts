import type { Context } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import { type ItemFilter, type ItemSort, SORTS, STATUSES } from '../store';

const text = z.string().min(1).max(200).optional();
const date = z.iso.datetime({ offset: true }).optional();
// Cursors before sorting existed were [capturedAt, id] and meant newest first.
const CursorSchema = z.union([
  z.tuple([z.iso.datetime({ offset: true }), z.uuid()]),
  z.tuple([z.iso.datetime({ offset: true }), z.uuid(), z.enum(SORTS)]),
]);

/** Query string of GET /v1/items and /v1/items.csv. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  tag: text,
  category: text,
  agent: text,
  site: text,
  status: z.enum(STATUSES).optional(),
  from: date,
  to: date,
  q: z.string().min(1).max(200).optional(),
  cursor: z.string().max(300).optional(),
  /** Only the items of one theme (GET /v1/themes ids). */
  theme: z.uuid().optional(),
  sort: z.enum(SORTS).default('newest'),
  includeDeleted: z.enum(['true', 'false']).optional(),
  /** total=true adds the number of matching items (a count query, so only when asked). */
  total: z.enum(['true', 'false']).optional(),
});

/** Opaque cursor: base64url of the JSON triple (capturedAt, id, sort) of the last row. */
export function encodeCursor(capturedAt: string, id: string, sort: ItemSort = 'newest'): string {
  return Buffer.from(JSON.stringify([capturedAt, id, sort])).toString('base64url');
}

function decodeCursor(cursor: string): { capturedAt: string; id: string; sort: ItemSort } | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const [capturedAt, id, sort = 'newest'] = parsed.data;
    return { capturedAt, id, sort };
  } catch {
    return null;
  }
}

/** Parsed list query: the store filter, and whether the caller asked for the total. */
export type ListFilter = Omit<ItemFilter, 'scope'> & { sort: ItemSort; withTotal: boolean };

/** Parses list filters; a string is the 400 error message. */
export function parseFilter(c: Context): ListFilter | string {
  const query = ListQuery.safeParse(c.req.query());
  if (!query.success) return describeZodError(query.error);
  const { cursor, includeDeleted, total, ...rest } = query.data;
  const decoded = cursor === undefined ? undefined : decodeCursor(cursor);
  if (decoded === null) return 'cursor: invalid';
  // A cursor walks one direction; continuing it the other way would skip or repeat rows.
  if (decoded && decoded.sort !== rest.sort) return `cursor: belongs to sort=${decoded.sort}`;
  return {
    ...rest,
    includeDeleted: includeDeleted === 'true',
    withTotal: total === 'true',
    ...(decoded ? { cursor: { capturedAt: decoded.capturedAt, id: decoded.id } } : {}),
  };
}

/** Parses a JSON body against a schema; a string is the 400 error message. */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<T | string> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return 'body is not valid JSON';
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : describeZodError(parsed.error);
}
