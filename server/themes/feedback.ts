import type { ThemeEngine } from './engine';
import { centralItem } from './scoring';
import type { ThemeRecord } from './store';
import { addInto } from './vector';

/** A lead's choice that could not be applied (unknown item or theme, too few themes to merge). */
export class ThemeFeedbackError extends Error {}

function liveTheme(engine: ThemeEngine, id: string): ThemeRecord {
  const theme = engine.store.getTheme(engine.resolve(id));
  if (!theme || theme.mergedInto) throw new ThemeFeedbackError(`no theme ${id}`);
  return theme;
}

/**
 * A lead moves an item to another theme. The item becomes a pinned example of its new theme: its
 * vector leaves the old centroid and joins the new one, and later notes like it follow it there.
 */
export function moveItem(engine: ThemeEngine, itemId: string, themeId: string): void {
  const item = engine.store.getItem(itemId);
  if (!item) throw new ThemeFeedbackError(`no grouped item ${itemId}`);
  const target = liveTheme(engine, themeId);
  const from = engine.store.getTheme(engine.resolve(item.themeId));
  if (from?.id === target.id) {
    if (!target.pins.includes(itemId)) target.pins.push(itemId);
    engine.store.putItem({ ...item, themeId: target.id, pinned: true });
    engine.store.putTheme(target);
    return;
  }
  engine.store.putItem({ ...item, themeId: target.id, pinned: true });
  if (from) engine.removeFromTheme(from, itemId, item.vector);
  target.pins.push(itemId);
  engine.addToTheme(target, itemId, item.vector);
}

/**
 * A lead merges themes into the first id. The survivor keeps every example: all items, the summed
 * centroid, the pins, and each merged theme's centroid as a facet that keeps attracting its kind.
 * The merged-away ids resolve to the survivor from then on.
 */
export function mergeThemes(engine: ThemeEngine, ids: readonly string[]): string {
  const themes = [...new Set(ids.map((id) => liveTheme(engine, id)))];
  const [survivor, ...rest] = themes;
  if (!survivor || rest.length === 0) throw new ThemeFeedbackError('merge needs two different themes');
  if (survivor.facets.length === 0) survivor.facets.push({ ...survivor.centroid });
  for (const theme of rest) {
    survivor.facets.push({ ...theme.centroid }, ...theme.facets);
    for (const item of engine.store.itemsOf(theme.id))
      engine.store.putItem({ ...item, themeId: survivor.id });
    const { added } = addInto(survivor, theme.centroid, 1);
    engine.store.linkTerms(survivor.id, added);
    engine.store.unlinkTerms(theme.id, Object.keys(theme.centroid));
    survivor.count += theme.count;
    survivor.pins.push(...theme.pins);
    if (survivor.title === null && theme.title !== null) survivor.title = theme.title;
    Object.assign(theme, { mergedInto: survivor.id, count: 0, centroid: {}, norm2: 0, facets: [], pins: [] });
    theme.updatedAt = engine.now();
    engine.store.putTheme(theme);
  }
  survivor.titleItemId = centralItem(engine.store, survivor);
  survivor.updatedAt = engine.now();
  engine.store.putTheme(survivor);
  return survivor.id;
}

/** A lead names a theme; the name stays whatever joins it later (an empty title clears it). */
export function renameTheme(engine: ThemeEngine, id: string, title: string): void {
  const theme = liveTheme(engine, id);
  theme.title = title.trim() === '' ? null : title.trim();
  theme.updatedAt = engine.now();
  engine.store.putTheme(theme);
}

/** Forgets a deleted item: it leaves its theme's centroid and the document frequencies. */
export function removeItem(engine: ThemeEngine, itemId: string): void {
  const item = engine.store.getItem(itemId);
  if (!item) return;
  engine.store.deleteItem(itemId);
  engine.store.countDocument(Object.keys(item.vector), -1);
  const theme = engine.store.getTheme(engine.resolve(item.themeId));
  if (theme) engine.removeFromTheme(theme, itemId, item.vector);
}
