import { weekLabel } from './demand-data';
import type { Theme, ThemeSort } from './theme-schemas';

const WEEK_MS = 7 * 86_400_000;
/** The longest trend a theme card draws: the latest weeks, so a long range stays readable. */
export const TREND_WEEKS = 12;
const number = new Intl.NumberFormat('en-GB');

/** The "Sort themes" choices, in the order the menu offers them. */
export const THEME_SORT_LABELS: Record<ThemeSort, string> = {
  count: 'Most items',
  growth: 'Fastest growing',
  recent: 'Most recent',
};

/**
 * A theme's weekly counts with the empty weeks filled in (the hub lists only weeks with items),
 * from its first week to `end` (the latest week of the view, so a theme gone quiet ends at 0),
 * the last TREND_WEEKS of them.
 */
export function weeklySeries(weekly: Theme['weekly'], end?: string): Array<{ week: string; count: number }> {
  const counts = new Map(weekly.map((w) => [Date.parse(w.week), w.count]));
  const starts = [...counts.keys()].filter((t) => !Number.isNaN(t));
  if (starts.length === 0) return [];
  const endAt = Math.max(...starts, end ? Date.parse(end) || 0 : 0);
  const first = Math.max(Math.min(...starts), endAt - (TREND_WEEKS - 1) * WEEK_MS);
  const out: Array<{ week: string; count: number }> = [];
  for (let t = first; t <= endAt; t += WEEK_MS)
    out.push({ week: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  return out;
}

/** The latest week any of these themes has items in (the common end of their trends). */
export function latestWeek(themes: Theme[]): string | undefined {
  let latest: string | undefined;
  for (const t of themes) for (const w of t.weekly) if (!latest || w.week > latest) latest = w.week;
  return latest;
}

/**
 * SVG polyline points for counts in a width × height box (y grows downward; a 1-unit margin so
 * the stroke is not clipped). One week is drawn as a flat line across the box.
 */
export function sparklinePoints(counts: number[], width: number, height: number): string {
  if (counts.length === 0) return '';
  const max = Math.max(1, ...counts);
  const y = (c: number) => Number((height - 1 - (c / max) * (height - 2)).toFixed(1));
  if (counts.length === 1) return `0,${y(counts[0] ?? 0)} ${width},${y(counts[0] ?? 0)}`;
  const step = width / (counts.length - 1);
  return counts.map((c, i) => `${Number((i * step).toFixed(1))},${y(c)}`).join(' ');
}

/** The trend in words, the sparkline's text equivalent: "Per week from 6 Oct: 1, 0, 3". */
export function trendText(series: Array<{ week: string; count: number }>): string {
  const first = series[0];
  if (!first) return 'No weekly counts';
  return `Per week from ${weekLabel(first.week)}: ${series.map((w) => w.count).join(', ')}`;
}

/** Growth as a lead reads it: "+5, growing", "−6, shrinking" or "steady". */
export function growthLabel(growth: number): string {
  if (growth > 0) return `+${number.format(growth)}, growing`;
  if (growth < 0) return `−${number.format(-growth)}, shrinking`;
  return 'steady';
}

/** The tag mix, most used first: "Chaser 15, Repeat contact 2". */
export function tagMixText(tags: Theme['tags']): string {
  return [...tags]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((t) => `${t.label} ${number.format(t.count)}`)
    .join(', ');
}

/** "28 items, 7 agents": a theme's size. */
export function themeCounts(theme: Pick<Theme, 'count' | 'agents'>): string {
  const items = `${number.format(theme.count)} ${theme.count === 1 ? 'item' : 'items'}`;
  return `${items}, ${number.format(theme.agents)} ${theme.agents === 1 ? 'agent' : 'agents'}`;
}

/** A day as the theme cards show it ("3 Dec 2026", UTC like the weeks). */
export function dayLabel(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

/** The notice after a whole-theme triage: "Marked 15 items as Actioned." */
export function themeTriageNotice(updated: number, statusWord: string): string {
  return `Marked ${number.format(updated)} ${updated === 1 ? 'item' : 'items'} as ${statusWord}.`;
}
