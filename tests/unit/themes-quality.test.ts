import { describe, expect, it } from 'vitest';
import type { ThemeQuality } from '../../server/themes/quality';
import { loadLabelledSet, measureLabelledSet } from '../helpers/theme-sets';

// Theme quality on hand-written agent notes labelled by family (tests/fixtures/themes/). Purity: the
// share of notes whose theme's majority family is their own (a singleton is its own family).
// Cohesion: per family, the share of its notes in its largest theme; the test takes the stricter of
// its mean over families and over notes. The engine's thresholds were chosen on the labelled set;
// the held-out set was written after that and never tuned on. `npm run bench` reports the same
// figures (themes_purity, themes_cohesion).

/** Groups the set in the order a seed gives and measures the result. */
function measure(name: string, seed: number): ThemeQuality {
  const quality = measureLabelledSet(name, seed);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `themes quality ${name} (order seed ${seed}): purity ${pct(quality.purity)}, cohesion ${pct(quality.cohesion)} ` +
      `(by family ${pct(quality.cohesionByFamily)}, by note ${pct(quality.cohesionByItem)}), ` +
      `${quality.themes} themes for ${quality.families} families`,
  );
  return quality;
}

describe('theme quality on the labelled set', () => {
  const set = loadLabelledSet('labelled-notes.json');

  it('is the set the issue asks for: 300+ notes, 30+ families of 8-14, 30+ singletons', () => {
    const sizes = new Map<string, number>();
    for (const { family } of set) if (family) sizes.set(family, (sizes.get(family) ?? 0) + 1);
    expect(set.length).toBeGreaterThanOrEqual(330);
    expect(sizes.size).toBeGreaterThanOrEqual(32);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(14);
    expect(set.filter((e) => e.family === null).length).toBeGreaterThanOrEqual(30);
  });

  for (const seed of [1, 2]) {
    it(`keeps themes pure and families together (order seed ${seed})`, () => {
      const quality = measure('labelled-notes.json', seed);
      expect(quality.purity).toBeGreaterThanOrEqual(0.9);
      expect(quality.cohesion).toBeGreaterThanOrEqual(0.75);
    });
  }
});

describe('theme quality on the held-out set', () => {
  for (const seed of [1, 2]) {
    it(`keeps held-out themes pure (order seed ${seed})`, () => {
      expect(measure('holdout-notes.json', seed).purity).toBeGreaterThanOrEqual(0.85);
    });

    // Known gap: on vocabulary the support word list does not cover, families split (about 0.3-0.35
    // cohesion). Recorded as an expected failure so it turns red, to be flipped, once it is met.
    it.fails(`keeps held-out families together, cohesion >= 0.7 (order seed ${seed}; not met yet)`, () => {
      expect(measure('holdout-notes.json', seed).cohesion).toBeGreaterThanOrEqual(0.7);
    });
  }
});
