/** One grouped note of a labelled set: its family (null: a singleton) and the theme it went to. */
export interface LabelledAssignment {
  family: string | null;
  themeId: string;
}

/** How well themes match the labelled families. */
export interface ThemeQuality {
  /** Share of notes whose theme's majority family is their own (a singleton is its own family). */
  purity: number;
  /** Per family, the share of its notes in its largest theme; averaged over the families. */
  cohesionByFamily: number;
  /** The same shares weighted by family size (over all notes that belong to a family). */
  cohesionByItem: number;
  /** The stricter of the two cohesion readings. */
  cohesion: number;
  themes: number;
  families: number;
}

/**
 * Purity and cohesion of a grouping against labels. Purity is the classic measure: per theme the
 * count of its largest family, summed, over all notes, so a theme holding a tie counts only one of the
 * tied families. Cohesion counts families only (singletons are trivially cohesive).
 */
export function themeQuality(assignments: readonly LabelledAssignment[]): ThemeQuality {
  const byTheme = new Map<string, Map<string, number>>();
  const byFamily = new Map<string, Map<string, number>>();
  assignments.forEach(({ family, themeId }, i) => {
    const label = family ?? `singleton:${i}`;
    bump(byTheme, themeId, label);
    if (family !== null) bump(byFamily, family, themeId);
  });
  let majority = 0;
  for (const labels of byTheme.values()) majority += Math.max(...labels.values());
  let familyShares = 0;
  let largestSum = 0;
  let familyItems = 0;
  for (const themes of byFamily.values()) {
    const size = [...themes.values()].reduce((a, b) => a + b, 0);
    const largest = Math.max(...themes.values());
    familyShares += largest / size;
    largestSum += largest;
    familyItems += size;
  }
  const cohesionByFamily = byFamily.size ? familyShares / byFamily.size : 1;
  const cohesionByItem = familyItems ? largestSum / familyItems : 1;
  return {
    purity: assignments.length ? majority / assignments.length : 1,
    cohesionByFamily,
    cohesionByItem,
    cohesion: Math.min(cohesionByFamily, cohesionByItem),
    themes: byTheme.size,
    families: byFamily.size,
  };
}

function bump(map: Map<string, Map<string, number>>, key: string, inner: string): void {
  let counts = map.get(key);
  if (!counts) {
    counts = new Map();
    map.set(key, counts);
  }
  counts.set(inner, (counts.get(inner) ?? 0) + 1);
}

/** A seeded shuffle (mulberry32 + Fisher-Yates), so a test's "random" order is the same each run. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
