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
