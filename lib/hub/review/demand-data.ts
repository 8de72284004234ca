import type { ReviewFilters } from './query';

const DAY_MS = 86_400_000;

/** The Monday 00:00 UTC starting the week that holds `at` (the hub's weeks are UTC too). */
export function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

/** The failure-demand range: the filters' dates, else the last `weeks` whole weeks up to now. */
export function demandRange(
  filters: Pick<ReviewFilters, 'from' | 'to'>,
  now: Date,
  weeks = 12,
): Pick<ReviewFilters, 'from' | 'to'> {
  if (filters.from) return { from: filters.from, to: filters.to };
  const start = new Date(weekStart(now).getTime() - (weeks - 1) * 7 * DAY_MS);
  return { from: start.toISOString().slice(0, 10), to: filters.to };
}

/** A week start as a short label, e.g. "6 Oct" (UTC, like the buckets). */
export function weekLabel(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** A share (0-1) as a whole percentage, e.g. "38%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A count against the previous period, in words a lead reads at a glance. */
export function changeText(count: number, previous: number): string {
  if (count === previous) return 'no change';
  const diff = count - previous;
  const sign = diff > 0 ? '+' : '−';
  if (previous === 0) return `${sign}${Math.abs(diff).toLocaleString('en-GB')}, new`;
  const pct = Math.round((Math.abs(diff) / previous) * 100);
  return `${sign}${Math.abs(diff).toLocaleString('en-GB')} (${sign}${pct}%)`;
}

/** A share's change in percentage points, e.g. "up 4 points". */
export function shareChangeText(share: number, previous: number): string {
  const points = Math.round(share * 100) - Math.round(previous * 100);
  if (points === 0) return 'no change';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}
