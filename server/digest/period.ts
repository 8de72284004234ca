import { previousPeriod as previousRange } from '../demand';

/** A half-open time range [from, to), ISO-8601 UTC. */
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
/** Longest period a digest covers: a year, so the previous-period comparison stays meaningful. */
export const MAX_PERIOD_DAYS = 366;

/** Monday 00:00 UTC of the week holding `at` (ISO weeks start on Monday). */
export function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** The last full ISO week before `now` (UTC): Monday to Monday; what `digest send` and the schedule cover. */
export function lastFullWeek(now: Date): Period {
  const to = weekStart(now);
  return { from: new Date(to.getTime() - 7 * DAY_MS).toISOString(), to: to.toISOString() };
}

/** The period of the same length right before `period`, the digest's comparison. */
export function previousPeriod(period: Period): Period {
  return previousRange(period.from, period.to);
}

/** A date (YYYY-MM-DD, UTC midnight) or an ISO date-time with offset, as an ISO string; null if neither. */
export function parseInstant(text: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(day)) return null;
  const ms = Date.parse(day);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * The period from optional from/to texts: both absent = the last full week; one given = a week
 * from or up to it. A string is the error to show (bad date, to not after from, over a year).
 */
export function resolvePeriod(now: Date, from?: string, to?: string): Period | string {
  if (from === undefined && to === undefined) return lastFullWeek(now);
  const start = from === undefined ? undefined : parseInstant(from);
  const end = to === undefined ? undefined : parseInstant(to);
  if (start === null) return 'from: expected a date (YYYY-MM-DD) or ISO date-time with offset';
  if (end === null) return 'to: expected a date (YYYY-MM-DD) or ISO date-time with offset';
  const period = {
    from: start ?? new Date(Date.parse(end as string) - 7 * DAY_MS).toISOString(),
    to: end ?? new Date(Date.parse(start as string) + 7 * DAY_MS).toISOString(),
  };
  const length = Date.parse(period.to) - Date.parse(period.from);
  if (length <= 0) return 'to: must be after from';
  if (length > MAX_PERIOD_DAYS * DAY_MS) return `from/to: at most ${MAX_PERIOD_DAYS} days`;
  return period;
}
