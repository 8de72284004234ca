import type { Context } from 'hono';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import { THEME_SORTS, type ThemeFilter, type ThemeSort } from '../store';
import { ListQuery } from './query';

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
