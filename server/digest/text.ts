import { cleanLine } from '../../lib/delivery/formats/text';
import type { Digest } from './build';
import type { Period } from './period';

// Plain, unescaped text both chat formats show; each escapes for its own markup.

/** Most characters of a sample quote, idea or actioned note in a chat digest (the JSON has them whole). */
export const DIGEST_TEXT_MAX = 280;

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "2026-11-30 – 2026-12-06": the end is exclusive, so a midnight end shows the day before. */
export function periodLabel(period: Period): string {
  const to = Date.parse(period.to);
  const midnight = to % DAY_MS === 0;
  const last = midnight ? to - DAY_MS : to;
  const from = Date.parse(period.from);
  return day(from) === day(last) ? day(from) : `${day(from)} – ${day(last)}`;
}

/** A share as a whole percentage, "31%"; "n/a" without captures. */
export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** The change of a share in percentage points, "+5 pts", "−3 pts", "±0 pts"; null when unknown. */
export function points(change: number | null): string | null {
  if (change === null) return null;
  const pts = Math.round(change * 100);
  if (pts === 0) return '±0 pts';
  return pts > 0 ? `+${pts} pts` : `−${-pts} pts`;
}

/** The digest's title line, e.g. "Earmark digest: Tier 1, 2026-11-30 – 2026-12-06". */
export function digestTitle(digest: Digest): string {
  return `Earmark digest: ${cleanLine(digest.team.name)}, ${periodLabel(digest.period)}`;
}

/** The failure-demand line, e.g. "31% of 42 captures (13), +5 pts against the previous period". */
export function failureDemandLine(digest: Digest): string {
  const { failureDemand: fd, captures } = digest;
  const noun = captures.count === 1 ? 'capture' : 'captures';
  const change = points(fd.change);
  const base = `${percent(fd.share)} of ${captures.count} ${noun} (${fd.count})`;
  return change ? `${base}, ${change} against the previous period` : base;
}

/** The notification text: title, captures and failure-demand share. */
export function digestSummary(digest: Digest): string {
  return `${digestTitle(digest)}: failure demand ${failureDemandLine(digest)}`;
}

/** A growing theme's count line, e.g. "7 captures (+5)". */
export function themeCountLine(theme: { count: number; growth: number }): string {
  return `${theme.count} ${theme.count === 1 ? 'capture' : 'captures'} (+${theme.growth})`;
}

/** "and N more" for a list shown in part, else null. */
export function moreLine(total: number, shown: number): string | null {
  return total > shown ? `and ${total - shown} more` : null;
}
