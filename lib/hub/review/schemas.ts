import { z } from 'zod';

// What the review page reads from the hub (docs/hub-api.md). Objects are not strict: a newer hub
// may add fields, and the page only needs these.

/** Review states, in the order the page offers them. */
export const REVIEW_STATUSES = ['new', 'reviewed', 'actioned', 'declined'] as const;
/** One review state. */
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

const iso = z.iso.datetime({ offset: true });

/** An item as the review page uses it. */
export const ReviewItemSchema = z.object({
  id: z.uuid(),
  revision: z.int().min(1),
  deleted: z.boolean(),
  capturedAt: iso,
  tags: z.array(z.object({ id: z.string(), label: z.string(), category: z.string() })).min(1),
  note: z.string().nullable(),
  quote: z.string().nullable(),
  source: z.object({
    site: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    ticketId: z.string().nullable(),
  }),
  agent: z.object({ id: z.string(), name: z.string(), team: z.string() }),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** An item with its review state (HubItem on the hub). */
export const HubItemSchema = z.object({
  item: ReviewItemSchema,
  status: ReviewStatusSchema,
  comment: z.string().nullable(),
  statusUpdatedAt: iso.nullable(),
  /** The item's theme (absent from an older hub). */
  themeId: z.string().nullable().optional(),
});
export type HubItem = z.infer<typeof HubItemSchema>;

/** One page of GET /v1/items. */
export const ItemsPageSchema = z.object({
  items: z.array(HubItemSchema),
  nextCursor: z.string().nullable(),
  total: z.int().min(0).optional(),
});
export type ItemsPage = z.infer<typeof ItemsPageSchema>;

/** One triage step. */
export const TriageEntrySchema = z.object({
  status: ReviewStatusSchema,
  comment: z.string().nullable(),
  actorRole: z.string(),
  at: iso,
});
export type TriageEntry = z.infer<typeof TriageEntrySchema>;

/** GET /v1/items/:id and PATCH's answer. */
export const ItemDetailSchema = HubItemSchema.extend({ history: z.array(TriageEntrySchema) });
export type ItemDetail = z.infer<typeof ItemDetailSchema>;

/** POST /v1/items/triage's answer. */
export const BulkResultSchema = z.object({ updated: z.array(z.string()), notFound: z.array(z.string()) });
export type BulkResult = z.infer<typeof BulkResultSchema>;

/** GET /v1/facets: the values the filter menus offer. */
export const FacetsSchema = z.object({
  tags: z.array(z.object({ id: z.string(), label: z.string(), category: z.string(), count: z.int() })),
  agents: z.array(z.object({ id: z.string(), name: z.string(), count: z.int() })),
  sites: z.array(z.object({ site: z.string(), count: z.int() })),
});
export type Facets = z.infer<typeof FacetsSchema>;
