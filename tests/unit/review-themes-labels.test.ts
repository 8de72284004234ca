import { describe, expect, it } from 'vitest';
import {
  growthLabel,
  latestWeek,
  sparklinePoints,
  TREND_WEEKS,
  tagMixText,
  themeCounts,
  themeTriageNotice,
  trendText,
  weeklySeries,
} from '../../lib/hub/review/theme-labels';
import type { Theme } from '../../lib/hub/review/theme-schemas';

const week = (day: string) => `${day}T00:00:00.000Z`;

describe('theme labels', () => {
  it('fills the weeks the hub leaves out with 0, up to the view’s last week', () => {
    const series = weeklySeries(
      [
        { week: week('2026-10-12'), count: 1 },
        { week: week('2026-10-26'), count: 3 },
      ],
      week('2026-11-09'),
    );
    expect(series).toEqual([
      { week: week('2026-10-12'), count: 1 },
      { week: week('2026-10-19'), count: 0 },
      { week: week('2026-10-26'), count: 3 },
      { week: week('2026-11-02'), count: 0 },
      { week: week('2026-11-09'), count: 0 },
    ]);
    expect(weeklySeries([])).toEqual([]);
  });

  it('keeps only the latest weeks of a long range', () => {
    const series = weeklySeries([{ week: week('2026-01-05'), count: 2 }], week('2026-12-28'));
    expect(series).toHaveLength(TREND_WEEKS);
    expect(series.at(-1)?.week).toBe(week('2026-12-28'));
    expect(series.every((w) => w.count === 0)).toBe(true);
  });

  it('finds the latest week among themes', () => {
    const themes = [
      { weekly: [{ week: week('2026-11-02'), count: 1 }] },
      { weekly: [{ week: week('2026-11-30'), count: 1 }] },
    ] as Theme[];
    expect(latestWeek(themes)).toBe(week('2026-11-30'));
    expect(latestWeek([])).toBeUndefined();
  });

  it('draws sparkline points scaled to the box, the highest week at the top', () => {
    expect(sparklinePoints([0, 2, 4], 100, 22)).toBe('0,21 50,11 100,1');
    expect(sparklinePoints([3], 100, 22)).toBe('0,1 100,1');
    expect(sparklinePoints([0, 0], 10, 12)).toBe('0,11 10,11');
    expect(sparklinePoints([], 10, 10)).toBe('');
  });

  it('says the trend, growth, tag mix, size and triage outcome in words', () => {
    expect(
      trendText([
        { week: week('2026-10-12'), count: 1 },
        { week: week('2026-10-19'), count: 0 },
      ]),
    ).toBe('Per week from 12 Oct: 1, 0');
    expect(trendText([])).toBe('No weekly counts');
    expect(growthLabel(5)).toBe('+5, growing');
    expect(growthLabel(-6)).toBe('−6, shrinking');
    expect(growthLabel(0)).toBe('steady');
    expect(
      tagMixText([
        { id: 'r', label: 'Repeat contact', count: 2 },
        { id: 'c', label: 'Chaser', count: 15 },
      ]),
    ).toBe('Chaser 15, Repeat contact 2');
    expect(themeCounts({ count: 1, agents: 1 })).toBe('1 item, 1 agent');
    expect(themeCounts({ count: 1234, agents: 7 })).toBe('1,234 items, 7 agents');
    expect(themeTriageNotice(15, 'Actioned')).toBe('Marked 15 items as Actioned.');
    expect(themeTriageNotice(1, 'Reviewed')).toBe('Marked 1 item as Reviewed.');
  });
});
