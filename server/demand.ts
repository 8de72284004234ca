// GET /v1/demand's answer (docs/hub-api.md, "Failure demand"). Failure demand is a capture with a
// tag in the category "Failure demand" (any case), as the default taxonomy names it: contact we
// caused by failing the customer. Every other capture is value demand, so the two add up to the
// total; a capture's causes are its failure-demand tags, or, for value demand, its tags.

/** The category whose tags are failure demand (compared trimmed and case-insensitively). */
export const FAILURE_CATEGORY = 'failure demand';
/** Bucket sizes of GET /v1/demand (UTC; weeks start Monday). */
export const DEMAND_BUCKETS = ['week', 'day'] as const;
/** One bucket size. */
export type DemandBucketSize = (typeof DEMAND_BUCKETS)[number];
/** Themes listed under each cause, most items first. */
export const TOP_THEMES = 5;

/** What GET /v1/demand asks the store (in the caller's scope): a range [from, to) and its bucket size. */
export interface DemandQuery {
  from: string;
  to: string;
  bucket: DemandBucketSize;
}

/** A theme under a cause: the cause's captures grouped in it. */
export interface DemandTheme {
  id: string;
  title: string;
  count: number;
}

/** One cause (a tag) and its top themes. */
export interface DemandCause {
  id: string;
  label: string;
  category: string;
  count: number;
  themes: DemandTheme[];
}

/** One side of the demand (failure or value) in a bucket: its captures and their share of the total. */
export interface DemandSide {
  count: number;
  share: number;
  causes: DemandCause[];
}

/** One week (or day) of the range. */
export interface DemandBucket {
  start: string;
  total: number;
  failure: DemandSide;
  value: DemandSide;
}

/** A recent capture that shows what a theme is about (its quote, else its note). */
export interface DemandSample {
  itemId: string;
  quote: string | null;
  note: string | null;
}

/** A cause over the whole range, with its count in the previous period and a sample per theme. */
export interface DemandCauseChange extends Omit<DemandCause, 'themes'> {
  previous: number;
  themes: Array<DemandTheme & { sample: DemandSample | null }>;
}

/** One side over the whole range and the previous period of equal length. */
export interface DemandSummarySide {
  count: number;
  share: number;
  previousCount: number;
  previousShare: number;
  causes: DemandCauseChange[];
}

/** GET /v1/demand. */
export interface Demand {
  from: string;
  to: string;
  bucket: DemandBucketSize;
  previous: { from: string; to: string };
  buckets: DemandBucket[];
  summary: { total: number; previousTotal: number; failure: DemandSummarySide; value: DemandSummarySide };
}

const DAY_MS = 86_400_000;

/** Start (UTC) of the bucket holding `at`: its day, or the Monday of its week. */
export function bucketStart(at: Date, bucket: DemandBucketSize): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (bucket === 'day') return new Date(day);
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS);
}

/** Every bucket start overlapping [from, to), oldest first (the first and last may be partial). */
export function bucketStarts(from: string, to: string, bucket: DemandBucketSize): string[] {
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const end = Date.parse(to);
  const out: string[] = [];
  for (let at = bucketStart(new Date(from), bucket).getTime(); at < end; at += step) {
    out.push(new Date(at).toISOString());
  }
  return out;
}

/** The period of equal length just before [from, to). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = Date.parse(from);
  return {
    from: new Date(start - (Date.parse(to) - start)).toISOString(),
    to: new Date(start).toISOString(),
  };
}

/** part / whole, 0 when there is nothing. */
export const shareOf = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
