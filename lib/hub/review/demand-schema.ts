import { z } from 'zod';

// GET /v1/demand as the review page reads it (docs/hub-api.md, "Failure demand"). Objects are
// not strict: a newer hub may add fields.

const iso = z.iso.datetime({ offset: true });
const count = z.int().min(0);
const share = z.number().min(0).max(1);

const DemandThemeSchema = z.object({ id: z.string(), title: z.string(), count });

const DemandCauseSchema = z.object({
  id: z.string(),
  label: z.string(),
  category: z.string(),
  count,
  themes: z.array(DemandThemeSchema),
});

const DemandSideSchema = z.object({ count, share, causes: z.array(DemandCauseSchema) });

/** A recent capture of a theme: the customer's words (quote), else the agent's note. */
export const DemandSampleSchema = z.object({
  itemId: z.string(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
});
export type DemandSample = z.infer<typeof DemandSampleSchema>;

/** A cause over the range with its count in the previous period and a sample per theme. */
export const DemandCauseChangeSchema = DemandCauseSchema.extend({
  previous: count,
  themes: z.array(DemandThemeSchema.extend({ sample: DemandSampleSchema.nullable() })),
});
export type DemandCauseChange = z.infer<typeof DemandCauseChangeSchema>;

const DemandSummarySideSchema = z.object({
  count,
  share,
  previousCount: count,
  previousShare: share,
  causes: z.array(DemandCauseChangeSchema),
});

/** One week of the range. */
export const DemandBucketSchema = z.object({
  start: iso,
  total: count,
  failure: DemandSideSchema,
  value: DemandSideSchema,
});
export type DemandBucket = z.infer<typeof DemandBucketSchema>;

/** GET /v1/demand. */
export const DemandSchema = z.object({
  from: iso,
  to: iso,
  bucket: z.enum(['week', 'day']),
  previous: z.object({ from: iso, to: iso }),
  buckets: z.array(DemandBucketSchema),
  summary: z.object({
    total: count,
    previousTotal: count,
    failure: DemandSummarySideSchema,
    value: DemandSummarySideSchema,
  }),
});
export type Demand = z.infer<typeof DemandSchema>;
