import type { TermWeights, ThemeRecord, ThemeStore } from './store';
import { cosine, norm2Of } from './vector';

/** How many of a note's heaviest features look up candidate themes in the inverted index. */
const PROBE_TERMS = 6;

/**
 * The live themes sharing at least one of the note's heaviest features: a theme sharing none of
 * them cannot reach the threshold, and the rest are never compared, however many themes there are.
 */
export function candidateThemes(store: ThemeStore, vector: TermWeights): string[] {
  const probes = Object.entries(vector)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PROBE_TERMS);
  const seen = new Set<string>();
  for (const [term] of probes) for (const id of store.themesWithTerm(term)) seen.add(id);
  return [...seen].sort();
}

/**
 * How close a note is to a theme: the best of its cosine with the theme's centroid, with the
 * centroid of each theme a lead merged into it, and with each item a lead moved into it. The last
 * two are how the lead's choices teach the grouping: a merged theme keeps attracting what either
 * half attracted, and a note like a moved item follows it.
 */
export function themeScore(store: ThemeStore, theme: ThemeRecord, vector: TermWeights): number {
  let best = cosine(vector, theme.centroid, theme.norm2);
  for (const facet of theme.facets) best = Math.max(best, cosine(vector, facet, norm2Of(facet)));
  for (const pin of theme.pins) {
    const item = store.getItem(pin);
    if (item) best = Math.max(best, cosine(vector, item.vector, 1));
  }
  return best;
}

/** The best theme for a note among the candidates (ties go to the smaller id), or null. */
export function nearestTheme(store: ThemeStore, vector: TermWeights): { id: string; score: number } | null {
  let best: { id: string; score: number } | null = null;
  for (const id of candidateThemes(store, vector)) {
    const theme = store.getTheme(id);
    if (!theme || theme.mergedInto) continue;
    const score = themeScore(store, theme, vector);
    if (!best || score > best.score) best = { id, score };
  }
  return best;
}

/** The item closest to the theme's centroid: the theme's most central note, its default title. */
export function centralItem(store: ThemeStore, theme: ThemeRecord): string | null {
  let best: { id: string; score: number } | null = null;
  for (const item of store.itemsOf(theme.id)) {
    const score = cosine(item.vector, theme.centroid, theme.norm2);
    if (
      !best ||
      score > best.score + 1e-12 ||
      (Math.abs(score - best.score) <= 1e-12 && item.itemId < best.id)
    )
      best = { id: item.itemId, score };
  }
  return best?.id ?? null;
}
