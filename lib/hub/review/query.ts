import type { ReviewStatus } from './schemas';

/** The review page's filters as the controls hold them ('' = not set; dates are YYYY-MM-DD). */
export interface ReviewFilters {
  tag: string;
  category: string;
  status: ReviewStatus | '';
  agent: string;
  site: string;
  from: string;
  to: string;
  q: string;
  sort: 'newest' | 'oldest';
}

/** Nothing filtered, newest first. */
export const NO_FILTERS: ReviewFilters = {
  tag: '',
  category: '',
  status: '',
  agent: '',
  site: '',
  from: '',
  to: '',
  q: '',
  sort: 'newest',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Start of a YYYY-MM-DD day in UTC (the hub buckets trends in UTC too), or null if not a date. */
export function dayStart(day: string, plusDays = 0): string | null {
  if (!DAY.test(day)) return null;
  const at = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isNaN(at) ? null : new Date(at + plusDays * 86_400_000).toISOString();
}

/** The date range as the API's from (inclusive) and to (exclusive): "To" includes its whole day. */
export function dateRange(filters: Pick<ReviewFilters, 'from' | 'to'>): { from?: string; to?: string } {
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, 1);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Query parameters of GET /v1/items and /v1/items.csv for these filters (empty ones left out). */
export function filterParams(filters: ReviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['tag', 'category', 'status', 'agent', 'site'] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  const q = filters.q.trim();
  if (q) params.set('q', q.slice(0, 200));
  const { from, to } = dateRange(filters);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  return params;
}

/** True when any filter narrows the list (sort does not). */
export function isFiltered(filters: ReviewFilters): boolean {
  return (Object.keys(NO_FILTERS) as Array<keyof ReviewFilters>).some(
    (key) => key !== 'sort' && filters[key].trim() !== '',
  );
}
