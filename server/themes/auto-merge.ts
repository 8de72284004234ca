import { candidateThemes } from './scoring';
import type { ThemeRecord, ThemeStore } from './store';
import { addInto } from './vector';

/** A theme a lead has shaped (moved items in, merged, renamed) is never merged automatically. */
function leadShaped(theme: ThemeRecord): boolean {
  return theme.pins.length > 0 || theme.facets.length > 0 || theme.title !== null;
}

/**
 * Sizes at which a theme that just grew looks for its twin. The twin of a family's big theme is a
 * small fragment, so checking from the small side at a few sizes finds it while the check costs a
 * fragment's size, not the big theme's, and not on every assignment.
 */
const TWIN_CHECK_AT: ReadonlySet<number> = new Set([1, 2, 3, 4, 6, 8, 12]);

function centroidCosine(a: ThemeRecord, b: ThemeRecord): number {
  if (a.norm2 <= 0 || b.norm2 <= 0) return 0;
  const [small, large] = a.count <= b.count ? [a, b] : [b, a];
  let dot = 0;
  for (const term in small.centroid) {
    const w = large.centroid[term];
    if (w !== undefined) dot += (small.centroid[term] as number) * w;
  }
  return dot / Math.sqrt(a.norm2 * b.norm2);
}

/**
 * Joins the theme that just grew with a theme that has become its twin (centroid cosine at or above
 * `threshold`). Early notes of a family can start two themes before the family's vocabulary is
 * known; once their centroids meet they are one theme. The larger keeps its id; the smaller one's
 * id resolves to it. Themes a lead has shaped are left alone, so a lead's split is never undone.
 */
export function absorbTwin(store: ThemeStore, themeId: string, threshold: number, now: string): string {
  const theme = store.getTheme(themeId);
  if (!theme || theme.mergedInto || leadShaped(theme) || !TWIN_CHECK_AT.has(theme.count)) return themeId;
  let twin: { theme: ThemeRecord; score: number } | null = null;
  for (const id of candidateThemes(store, unit(theme))) {
    if (id === themeId) continue;
    const other = store.getTheme(id);
    if (!other || other.mergedInto || leadShaped(other)) continue;
    const score = centroidCosine(theme, other);
    if (score >= threshold && (!twin || score > twin.score)) twin = { theme: other, score };
  }
  if (!twin) return themeId;
  const [survivor, gone] =
    twin.theme.count > theme.count || (twin.theme.count === theme.count && twin.theme.id < theme.id)
      ? [twin.theme, theme]
      : [theme, twin.theme];
  for (const item of store.itemsOf(gone.id)) store.putItem({ ...item, themeId: survivor.id });
  const { added } = addInto(survivor, gone.centroid, 1);
  store.linkTerms(survivor.id, added);
  store.unlinkTerms(gone.id, Object.keys(gone.centroid));
  survivor.count += gone.count;
  Object.assign(gone, { mergedInto: survivor.id, count: 0, centroid: {}, norm2: 0 });
  gone.updatedAt = now;
  store.putTheme(gone);
  store.putTheme(survivor);
  return survivor.id;
}

function unit(theme: ThemeRecord): Record<string, number> {
  const norm = Math.sqrt(theme.norm2) || 1;
  return Object.fromEntries(Object.entries(theme.centroid).map(([t, w]) => [t, w / norm]));
}
