import type { RecentEntry } from '@/lib/protocol/messages';

/** Formats a capture time as a wall-clock time, with or without seconds. */
export type ClockFormat = (iso: string, withSeconds: boolean) => string;

// Built on first use: the first Intl.DateTimeFormat in a renderer loads ICU's locale data (about
// 7 ms measured on a CRM page load), which a sidebar with no recent captures never needs.
let short: Intl.DateTimeFormat | undefined;
let long: Intl.DateTimeFormat | undefined;
const clockFormat = (withSeconds: boolean): Intl.DateTimeFormat => {
  if (withSeconds) {
    long ??= new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    return long;
  }
  short ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return short;
};

/** The agent's local time of day, e.g. "10:42" or "10:42:07". */
export const localClock: ClockFormat = (iso, withSeconds) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return clockFormat(withSeconds).format(date);
};

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * A distinct label per recent capture, its time ("10:42"), for its Edit note and Delete buttons'
 * accessible names ("Edit note: 10:42"); the tag is their description. The tag label stays out of
 * the name on purpose: a role query for a tag's button ("Bug") would otherwise also match "Edit
 * note: Bug, …" once a Bug capture is listed. Captures that would share a label get seconds added,
 * and if that is still not enough, a running number ("10:42:07 (2)").
 */
export function recentLabels(entries: readonly RecentEntry[], clock: ClockFormat = localClock): string[] {
  const base = (entry: RecentEntry, index: number, withSeconds: boolean) =>
    clock(entry.capturedAt, withSeconds) || `capture ${index + 1}`;
  const short = entries.map((e, i) => base(e, i, false));
  const shortCounts = countBy(short);
  const labels = entries.map((e, i) => {
    const label = short[i] ?? '';
    return (shortCounts.get(label) ?? 0) > 1 ? base(e, i, true) : label;
  });
  const counts = countBy(labels);
  const seen = new Map<string, number>();
  return labels.map((label) => {
    if ((counts.get(label) ?? 0) < 2) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

/** The review word a lead's triage shows as, next to the delivery status word. */
export const REVIEW_WORDS = { reviewed: 'Reviewed', actioned: 'Actioned', declined: 'Declined' } as const;

/** The review word, and how the lead's comment reads, for a triaged capture; null if untriaged. */
export function reviewText(
  entry: RecentEntry,
): { word: (typeof REVIEW_WORDS)[keyof typeof REVIEW_WORDS]; comment: string | null } | null {
  if (!entry.review) return null;
  const comment = entry.review.comment?.trim();
  return { word: REVIEW_WORDS[entry.review.status], comment: comment ? comment : null };
}
