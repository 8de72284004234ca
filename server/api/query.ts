import type { Context } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import { type ItemFilter, STATUSES } from '../store';

const text = z.string().min(1).max(200).optional();
const date = z.iso.datetime({ offset: true }).optional();
const CursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

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
  includeDeleted: z.enum(['true', 'false']).optional(),
});

/** Opaque cursor: base64url of the JSON pair (capturedAt, id) of the last row. */
export function encodeCursor(capturedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([capturedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): ItemFilter['cursor'] | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { capturedAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** Parses list filters; a string is the 400 error message. */
export function parseFilter(c: Context): Omit<ItemFilter, 'scope'> | string {
  const query = ListQuery.safeParse(c.req.query());
  if (!query.success) return describeZodError(query.error);
  const { cursor, includeDeleted, ...rest } = query.data;
  const decoded = cursor === undefined ? undefined : decodeCursor(cursor);
  if (decoded === null) return 'cursor: invalid';
  return { ...rest, includeDeleted: includeDeleted === 'true', ...(decoded ? { cursor: decoded } : {}) };
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
