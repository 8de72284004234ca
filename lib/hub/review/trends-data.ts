import type { ReviewFilters } from './query';
import type { Trends } from './schemas';

/** Failure demand (we failed the customer) vs value demand (what customers want of us). */
export type Demand = 'failure' | 'value' | 'other';

/** The taxonomy's categories, by the demand they are. */
export function demandOf(category: string): Demand {
  if (category === 'Failure demand') return 'failure';
  if (category === 'Customer insight' || category === 'Improvement idea') return 'value';
  return 'other';
}

/** One tag's series: a count per week, stacked with the other tags of its category. */
export interface TagSeries {
  tag: string;
  label: string;
  category: string;
  demand: Demand;
  counts: number[];
  color: string;
}

/** Everything the chart and its data table show. */
export interface TrendsModel {
  /** Week starts (ISO, Monday 00:00 UTC), gaps filled, oldest first. */
  weeks: string[];
  series: TagSeries[];
  /** Per week: all failure-demand and all value-demand captures. */
  failure: number[];
  value: number[];
}

const WEEK_MS = 7 * 86_400_000;
// Warm colours for failure demand, cool ones for value demand, so the split reads at a glance.
const PALETTES: Record<string, string[]> = {
  'Failure demand': ['#b42318', '#e04f16', '#f79009', '#c11574', '#d92d20'],
  'Customer insight': [
    '#1849a9',
    '#2e90fa',
    '#6172f3',
    '#7a5af8',
    '#0086c9',
    '#444ce7',
    '#53b1fd',
    '#9e77ed',
  ],
  'Improvement idea': ['#067647', '#17b26a', '#66c61c', '#0e9384', '#3b7c0f'],
};
const OTHER = ['#475467', '#98a2b3', '#667085', '#344054'];
const CATEGORY_ORDER = ['Failure demand', 'Customer insight', 'Improvement idea'];

/** The Monday 00:00 UTC starting the week that holds `at`. */
export function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * 86_400_000);
}

/** The trends range: the filters' dates, else the last `weeks` weeks up to now. */
export function trendsRange(
  filters: Pick<ReviewFilters, 'from' | 'to'>,
  now: Date,
  weeks = 12,
): Pick<ReviewFilters, 'from' | 'to'> {
  if (filters.from) return { from: filters.from, to: filters.to };
  const start = new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
  return { from: start.toISOString().slice(0, 10), to: filters.to };
}

function categoryRank(category: string): number {
  const i = CATEGORY_ORDER.indexOf(category);
  return i === -1 ? CATEGORY_ORDER.length : i;
}

/**
 * Builds the chart's series from GET /v1/trends. `categoryOf` names each tag's category (from
 * the hub's facets or the taxonomy); tags without one count as "Other".
 */
export function trendsModel(trends: Trends, categoryOf: (tag: string) => string | undefined): TrendsModel {
  const starts = [...new Set(trends.tags.map((t) => Date.parse(t.bucket)))].sort((a, b) => a - b);
  const weeks: string[] = [];
  const first = starts[0];
  const last = starts.at(-1);
  if (first !== undefined && last !== undefined) {
    for (let at = first; at <= last; at += WEEK_MS) weeks.push(new Date(at).toISOString());
  }
  const index = new Map(weeks.map((w, i) => [Date.parse(w), i]));
  const byTag = new Map<string, TagSeries>();
  for (const row of trends.tags) {
    let series = byTag.get(row.tag);
    if (!series) {
      const category = categoryOf(row.tag) ?? 'Other';
      series = {
        tag: row.tag,
        label: row.label,
        category,
        demand: demandOf(category),
        counts: weeks.map(() => 0),
        color: '',
      };
      byTag.set(row.tag, series);
    }
    const i = index.get(Date.parse(row.bucket));
    if (i !== undefined) series.counts[i] = (series.counts[i] ?? 0) + row.count;
  }
  const series = [...byTag.values()].sort(
    (a, b) =>
      categoryRank(a.category) - categoryRank(b.category) ||
      a.category.localeCompare(b.category) ||
      a.label.localeCompare(b.label),
  );
  const used = new Map<string, number>();
  for (const s of series) {
    const palette = PALETTES[s.category] ?? OTHER;
    const n = used.get(s.category) ?? 0;
    s.color = palette[n % palette.length] ?? '#475467';
    used.set(s.category, n + 1);
  }
  const sum = (demand: Demand) =>
    weeks.map((_, i) =>
      series.filter((s) => s.demand === demand).reduce((acc, s) => acc + (s.counts[i] ?? 0), 0),
    );
  return { weeks, series, failure: sum('failure'), value: sum('value') };
}

/** A week start as a short label, e.g. "6 Oct" (UTC, like the buckets). */
export function weekLabel(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}
