import * as z from 'zod/mini';
import { SITE_IDS } from './sites/registry';

// The item contract and the message protocol (lib/protocol/messages.ts) are zod/mini: the same zod, with
// functions instead of methods, so the sidebar app, which every CRM page loads, carries 25 kB of
// zod instead of 90 kB and builds its schemas in a fraction of the time. Settings, policy and the
// hub keep classic zod; classic schemas compose mini ones (both are zod core schemas).

// Classic zod installs its English messages on import; mini needs them named. Without them an
// error would say only "Invalid input" (an import, a policy or a hub reply must say what is wrong).
z.config(z.locales.en());

/**
 * Sites Earmark has an adapter for; "generic" covers admin-added sites. The ids come from the
 * site registry (plain data, no adapter code), so a CRM added there is a valid `source.site`.
 */
export const SITES = SITE_IDS;
export const SiteSchema = z.enum(SITES);
export type Site = z.infer<typeof SiteSchema>;

const id = z.string().check(z.minLength(1), z.maxLength(200));
const isoDate = z.iso.datetime({ offset: true });

/** A tag as carried on an item: the taxonomy entry's identity at capture time. */
export const ItemTagSchema = z.strictObject({
  id,
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  category: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ItemTag = z.infer<typeof ItemTagSchema>;

/** Where the item was captured: site, (possibly trimmed) URL, page title and ticket id. */
export const SourceSchema = z.strictObject({
  site: SiteSchema,
  url: z.nullable(z.string().check(z.maxLength(4096))),
  title: z.nullable(z.string().check(z.maxLength(1000))),
  ticketId: z.nullable(z.string().check(z.maxLength(200))),
});
export type Source = z.infer<typeof SourceSchema>;

/** The agent who captured the item. */
export const AgentSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  team: z.string().check(z.maxLength(200)),
});
export type Agent = z.infer<typeof AgentSchema>;

/** Item, schema version 1 (design.md): the unit delivered to every endpoint. */
export const ItemSchema = z.strictObject({
  id: z.uuid({ version: 'v7' }),
  revision: z.int().check(z.minimum(1)),
  deleted: z.boolean(),
  capturedAt: isoDate,
  updatedAt: isoDate,
  tags: z.array(ItemTagSchema).check(z.minLength(1, 'an item needs at least one tag')),
  note: z.nullable(z.string().check(z.maxLength(10_000))),
  quote: z.nullable(z.string().check(z.maxLength(10_000))),
  source: SourceSchema,
  agent: AgentSchema,
  redactions: z.int().check(z.minimum(0)),
});
export type Item = z.infer<typeof ItemSchema>;

/** The webhook body type tag for schema version 1. */
export const BATCH_TYPE = 'earmark.items.v1';

/** Webhook body: one batch of items for one endpoint. */
export const BatchSchema = z.strictObject({
  type: z.literal(BATCH_TYPE),
  batchId: z.string().check(z.minLength(1), z.maxLength(200)),
  sentAt: isoDate,
  items: z.array(ItemSchema).check(z.minLength(1), z.maxLength(1000)),
});
export type Batch = z.infer<typeof BatchSchema>;

/** What describeZodError reads of a classic or a mini zod error. */
interface ZodIssues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** One line per problem, "path: message", for error replies and logs. */
export function describeZodError(error: ZodIssues): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
