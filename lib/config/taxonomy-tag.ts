import * as z from 'zod/mini';

// zod/mini like the message protocol that carries it to the sidebar (see lib/schema.ts);
// lib/config/settings.ts re-exports it with the rest of the settings.

/** One entry of the tag taxonomy. */
export const TaxonomyTagSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes')),
  label: z.string().check(z.minLength(1), z.maxLength(60)),
  category: z.string().check(z.minLength(1), z.maxLength(60)),
  hotkey: z.optional(z.string().check(z.regex(/^[a-z0-9]$/i, 'one letter or digit'))),
  color: z.optional(z.string().check(z.regex(/^#[0-9a-f]{6}$/i, 'a #rrggbb colour'))),
  description: z.optional(z.string().check(z.maxLength(300))),
});
export type TaxonomyTag = z.infer<typeof TaxonomyTagSchema>;
