import { describe, expect, it } from 'vitest';
import { judge, wideMarginFailures } from '../../bench/lib/report';
import { METHODS } from '../../bench/methods';
import { measureThemeQuality } from '../../bench/suites/theme-quality';

describe('the bench reports theme quality', () => {
  it('measures the labelled set with the issue’s budgets, met, and the held-out set without', () => {
    const { metrics } = measureThemeQuality();
    const byName = new Map(metrics.map((m) => [m.name, judge(m)]));
    expect([...byName.keys()]).toEqual([
      'themes_purity',
      'themes_cohesion',
      'themes_holdout_purity',
      'themes_holdout_cohesion',
    ]);
    expect(byName.get('themes_purity')?.budget).toEqual({ min: 0.9 });
    expect(byName.get('themes_cohesion')?.budget).toEqual({ min: 0.75 });
    expect(byName.get('themes_purity')?.ok).toBe(true);
    expect(byName.get('themes_cohesion')?.ok).toBe(true);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
    expect(wideMarginFailures([...byName.values()])).toEqual([]);
  });

  it('explains every figure in RESULTS.md', () => {
    const explained = new Set(METHODS.flatMap((m) => m.metrics));
    for (const name of [
      'themes_purity',
      'themes_cohesion',
      'themes_holdout_purity',
      'themes_holdout_cohesion',
    ])
      expect(explained.has(name), name).toBe(true);
  });

  it('checks a broken purity budget in --check (a share is machine-independent)', () => {
    const broken = judge({
      name: 'themes_purity',
      value: 0.2,
      unit: 'share',
      reference: null,
      budget: { min: 0.9 },
    });
    expect(broken.ok).toBe(false);
    expect(wideMarginFailures([broken])).toHaveLength(1);
  });
});
