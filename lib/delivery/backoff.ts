const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before retry N (1-based): about 1 s, 5 s, 30 s, 2 min, … up to 24 h. */
export const RETRY_SCHEDULE_MS = [
  1 * SECOND,
  5 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

/** Delay after the given number of failed attempts, with ±20 % jitter so clients don't stampede. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const index = Math.min(Math.max(attempts, 1), RETRY_SCHEDULE_MS.length) - 1;
  const base = RETRY_SCHEDULE_MS[index] ?? 24 * HOUR;
  return Math.round(base * (0.8 + 0.4 * random()));
}
