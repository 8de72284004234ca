import {
  dayLabel,
  growthLabel,
  sparklinePoints,
  tagMixText,
  themeCounts,
  trendText,
  weeklySeries,
} from '@/lib/hub/review/theme-labels';
import type { Theme } from '@/lib/hub/review/theme-schemas';

const WIDTH = 96;
const HEIGHT = 24;

/** A small weekly trend line; its accessible name is the counts in words (its text equivalent). */
export function Sparkline(props: { series: Array<{ week: string; count: number }> }) {
  const text = trendText(props.series);
  const points = sparklinePoints(
    props.series.map((w) => w.count),
    WIDTH,
    HEIGHT,
  );
  return (
    <svg
      className="em-sparkline"
      role="img"
      aria-label={text}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <title>{text}</title>
      {points && <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />}
    </svg>
  );
}

/**
 * The themes as cards, in the hub's order. Each card's title is a button that opens the theme
 * (the open one is marked `aria-current`); the facts beside it are plain text.
 */
export function ThemeList(props: {
  themes: Theme[];
  openId: string | null;
  /** The latest week in view: every sparkline ends there. */
  lastWeek: string | undefined;
  onOpen: (theme: Theme) => void;
}) {
  return (
    <ul className="em-theme-list" aria-label="Themes">
      {props.themes.map((theme) => (
        <li key={theme.id} className={theme.id === props.openId ? 'em-theme em-theme-open' : 'em-theme'}>
          <h3 className="em-theme-title">
            <button
              type="button"
              data-theme-id={theme.id}
              aria-current={theme.id === props.openId ? 'true' : undefined}
              onClick={() => props.onOpen(theme)}
            >
              {theme.title}
            </button>
          </h3>
          <p className="em-theme-facts">
            <strong>{themeCounts(theme)}</strong> · growth {growthLabel(theme.growth)} · last seen{' '}
            {dayLabel(theme.lastSeen)}
          </p>
          <p className="em-theme-tags">{tagMixText(theme.tags)}</p>
          <Sparkline series={weeklySeries(theme.weekly, props.lastWeek)} />
        </li>
      ))}
    </ul>
  );
}
