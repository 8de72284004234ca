import { z } from 'zod';

// What the Themes view reads from the hub's theme API (docs/hub-api.md, "Themes"). Objects are not
// strict, as in schemas.ts: a newer hub may add fields.

const iso = z.iso.datetime({ offset: true });

/** One theme as GET /v1/themes lists it (counts only the items matching the filters). */
export const ThemeSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  count: z.int().min(0),
  agents: z.int().min(0),
  tags: z.array(z.object({ id: z.string(), label: z.string(), count: z.int().min(0) })),
  firstSeen: iso,
  lastSeen: iso,
  growth: z.int(),
  weekly: z.array(z.object({ week: iso, count: z.int().min(0) })),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** One page of GET /v1/themes. */
export const ThemesPageSchema = z.object({ themes: z.array(ThemeSchema), nextCursor: z.string().nullable() });
export type ThemesPage = z.infer<typeof ThemesPageSchema>;

/** How the Themes view orders themes (the hub's `sort`). */
export const THEME_SORTS = ['count', 'growth', 'recent'] as const;
export type ThemeSort = (typeof THEME_SORTS)[number];

/** POST /v1/themes/:id/triage's answer: the ids of the items it triaged. */
export const ThemeTriageResultSchema = z.object({ updated: z.array(z.string()) });
export type ThemeTriageResult = z.infer<typeof ThemeTriageResultSchema>;

/** POST /v1/themes/merge's answer: the surviving theme. */
export const ThemeMergeResultSchema = z.object({ id: z.uuid() });

/** PATCH /v1/themes/:id's answer: the theme and its lead's title (null: the central note again). */
export const ThemeRenameResultSchema = z.object({ id: z.uuid(), title: z.string().nullable() });
export type ThemeRenameResult = z.infer<typeof ThemeRenameResultSchema>;
