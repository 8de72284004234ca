import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ThemeEngine } from '../../server/themes/engine';
import { MemoryThemeStore } from '../../server/themes/memory-store';
import { seededShuffle, type ThemeQuality, themeQuality } from '../../server/themes/quality';

// The hand-written agent notes labelled by family (tests/fixtures/themes/), grouped by the theme
// engine and measured: shared by the quality test and the bench, which reports the same figures.

/** One note of a labelled set and its family of paraphrases (null: a singleton). */
export interface LabelledNote {
  id: string;
  note: string;
  family: string | null;
}

const SETS = join(import.meta.dirname, '../fixtures/themes');

/** A labelled set from tests/fixtures/themes/, each note with a stable id. */
export function loadLabelledSet(name: string): LabelledNote[] {
  const set = JSON.parse(readFileSync(join(SETS, name), 'utf8')) as Omit<LabelledNote, 'id'>[];
  return set.map((entry, i) => ({ ...entry, id: `${name}-${i}` }));
}

/** Groups the set with a fresh engine in the order a seed gives, and measures the themes it made. */
export function measureLabelledSet(name: string, seed: number): ThemeQuality {
  const order = seededShuffle(loadLabelledSet(name), seed);
  const engine = new ThemeEngine(new MemoryThemeStore());
  for (const entry of order) engine.assign({ id: entry.id, text: entry.note });
  return themeQuality(
    order.map((entry) => ({
      family: entry.family,
      themeId: engine.resolve(engine.store.getItem(entry.id)?.themeId ?? ''),
    })),
  );
}
