// "This week" in the popup's tally is the agent's own calendar week: from Monday 00:00 in the
// browser's time zone to the next Monday 00:00, so a Sunday-evening shift still counts as this week.

/** Monday 00:00 (local time) of the week that contains `now`. */
export function weekStart(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysSinceMonday = (start.getDay() + 6) % 7; // getDay(): Sunday 0, Monday 1
  start.setDate(start.getDate() - daysSinceMonday);
  return start;
}

/** The week containing `now`, `to` exclusive: local calendar days, so a DST week is 167 or 169 hours. */
export function weekRange(now: Date): { from: Date; to: Date } {
  const from = weekStart(now);
  return { from, to: new Date(from.getFullYear(), from.getMonth(), from.getDate() + 7) };
}

// The popup's one-line tally and where its numbers come from, in the words the agent reads.

/** A tally as the worker answers it; null counts are not known on this device. */
export interface TallyCounts {
  captures: number;
  reviewed: number | null;
  actioned: number | null;
}

/** Where the numbers come from, and why not from the hub when one is configured. */
export interface TallySource {
  source: 'hub' | 'device';
  /** Why the hub gave no tally (null: no hub asked, or it answered). */
  hubError: string | null;
}

const captures = (n: number) => `${n} ${n === 1 ? 'capture' : 'captures'}`;

/** "This week: 12 captures, 3 reviewed, 1 actioned"; a count not known is left out. */
export function tallyText(counts: TallyCounts): string {
  const parts = [captures(counts.captures)];
  if (counts.reviewed !== null) parts.push(`${counts.reviewed} reviewed`);
  if (counts.actioned !== null) parts.push(`${counts.actioned} actioned`);
  return `This week: ${parts.join(', ')}`;
}

/** "From the hub", or "On this device" with the reason the hub was not used when it was tried. */
export function tallySourceText(tally: TallySource): string {
  if (tally.source === 'hub') return 'From the hub';
  return tally.hubError ? `On this device (${tally.hubError})` : 'On this device';
}
