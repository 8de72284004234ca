import { z } from 'zod';

/** Sites Earmark has an adapter for; "generic" covers admin-added sites. */
export const SITES = [
  'zendesk',
  'salesforce',
  'freshdesk',
  'hubspot',
  'intercom',
  'servicenow',
  'dynamics365',
  'zohodesk',
  'helpscout',
  'front',
  'gorgias',
  'kustomer',
  'generic',
] as const;
export const SiteSchema = z.enum(SITES);
export type Site = z.infer<typeof SiteSchema>;

const id = z.string().min(1).max(200);
const isoDate = z.iso.datetime({ offset: true });

/** A tag as carried on an item: the taxonomy entry's identity at capture time. */
export const ItemTagSchema = z.strictObject({
  id,
  label: z.string().min(1).max(200),
  category: z.string().min(1).max(200),
});
export type ItemTag = z.infer<typeof ItemTagSchema>;

/** Where the item was captured: site, (possibly trimmed) URL, page title and ticket id. */
export const SourceSchema = z.strictObject({
  site: SiteSchema,
  url: z.string().max(4096).nullable(),
  title: z.string().max(1000).nullable(),
  ticketId: z.string().max(200).nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/** The agent who captured the item. */
export const AgentSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  team: z.string().max(200),
});
export type Agent = z.infer<typeof AgentSchema>;

/** Item, schema version 1 (design.md): the unit delivered to every endpoint. */
export const ItemSchema = z.strictObject({
  id: z.uuid({ version: 'v7' }),
  revision: z.int().min(1),
  deleted: z.boolean(),
  capturedAt: isoDate,
  updatedAt: isoDate,
  tags: z.array(ItemTagSchema).min(1, 'an item needs at least one tag'),
  note: z.string().max(10_000).nullable(),
  quote: z.string().max(10_000).nullable(),
  source: SourceSchema,
  agent: AgentSchema,
  redactions: z.int().min(0),
});
export type Item = z.infer<typeof ItemSchema>;

/** The webhook body type tag for schema version 1. */
export const BATCH_TYPE = 'earmark.items.v1';

/** Webhook body: one batch of items for one endpoint. */
export const BatchSchema = z.strictObject({
  type: z.literal(BATCH_TYPE),
  batchId: z.string().min(1).max(200),
  sentAt: isoDate,
  items: z.array(ItemSchema).min(1).max(1000),
});
export type Batch = z.infer<typeof BatchSchema>;

/** One line per problem, "path: message", for error replies and logs. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}
