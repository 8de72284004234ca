import type { ThemeItemRecord, ThemeRecord, ThemeStore } from './store';

/**
 * What changed since the last drain: the rows a SQL-backed hub writes back. Document frequencies
 * are not among them: they follow from the grouped items' vectors (see `frequenciesOf`).
 */
export interface ThemeChanges {
  themes: ThemeRecord[];
  items: ThemeItemRecord[];
  deletedItems: string[];
  documentCount: number;
}

/**
 * The document frequencies of a team's grouped items: an item counts each feature of its vector
 * once (a vector holds exactly the features counted when it was grouped, and a removed item is
 * uncounted with them), so the frequencies need not be stored apart from the vectors.
 */
export function frequenciesOf(items: Iterable<Pick<ThemeItemRecord, 'vector'>>): Record<string, number> {
  const df: Record<string, number> = {};
  for (const { vector } of items) for (const term in vector) df[term] = (df[term] ?? 0) + 1;
  return df;
}

/** A team's theme state as plain data (JSON-safe), to load a store from or save it to. */
export interface ThemeSnapshot {
  themes: ThemeRecord[];
  items: ThemeItemRecord[];
  documentFrequencies: Record<string, number>;
  documentCount: number;
}

/**
 * Sets each theme's centroid and squared length from its items' vectors: a centroid is the sum of
 * its items' vectors (joining, leaving, moves and merges all add or take out whole vectors), so it
 * need not be stored. Sums that cancel out are dropped as the engine drops them (`addInto`).
 */
export function centroidsFrom(
  themes: readonly ThemeRecord[],
  items: Iterable<Pick<ThemeItemRecord, 'themeId' | 'vector'>>,
): void {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  for (const theme of themes) theme.centroid = {};
  for (const { themeId, vector } of items) {
    const centroid = byId.get(themeId)?.centroid;
    if (centroid)
      for (const term in vector) centroid[term] = (centroid[term] ?? 0) + (vector[term] as number);
  }
  for (const theme of themes) {
    let norm2 = 0;
    for (const term in theme.centroid) {
      const w = theme.centroid[term] as number;
      if (Math.abs(w) < 1e-9) delete theme.centroid[term];
      else norm2 += w * w;
    }
    theme.norm2 = norm2 < 1e-12 ? 0 : norm2;
  }
}

/**
 * The in-memory ThemeStore: the whole state of one team, with the inverted index and the item
 * lists rebuilt on load, and a record of what changed so a database can be kept in step.
 */
export class MemoryThemeStore implements ThemeStore {
  readonly #themes = new Map<string, ThemeRecord>();
  readonly #items = new Map<string, ThemeItemRecord>();
  readonly #members = new Map<string, Set<string>>();
  readonly #postings = new Map<string, string[]>();
  readonly #df = new Map<string, number>();
  #docs = 0;
  readonly #dirtyThemes = new Set<string>();
  readonly #dirtyItems = new Set<string>();
  readonly #deletedItems = new Set<string>();

  /** A store holding a saved snapshot (nothing counts as changed). */
  static fromSnapshot(snapshot: ThemeSnapshot): MemoryThemeStore {
    const store = new MemoryThemeStore();
    for (const theme of snapshot.themes) {
      store.putTheme(theme);
      if (!theme.mergedInto) store.linkTerms(theme.id, Object.keys(theme.centroid));
    }
    for (const item of snapshot.items) store.putItem(item);
    for (const [term, n] of Object.entries(snapshot.documentFrequencies)) store.#df.set(term, n);
    store.#docs = snapshot.documentCount;
    store.drainChanges();
    return store;
  }

  /** The whole state as plain data (deep copies, JSON-safe). */
  snapshot(): ThemeSnapshot {
    return structuredClone({
      themes: [...this.#themes.values()],
      items: [...this.#items.values()],
      documentFrequencies: Object.fromEntries(this.#df),
      documentCount: this.#docs,
    });
  }

  /**
   * The records changed since the last drain, and forgets them. They are the live records, not
   * copies (copying every touched centroid cost more than writing it): serialize them before the
   * store changes again.
   */
  drainChanges(): ThemeChanges {
    const changes: ThemeChanges = {
      themes: [...this.#dirtyThemes].flatMap((id) => this.#themes.get(id) ?? []),
      items: [...this.#dirtyItems].flatMap((id) => this.#items.get(id) ?? []),
      deletedItems: [...this.#deletedItems],
      documentCount: this.#docs,
    };
    this.#dirtyThemes.clear();
    this.#dirtyItems.clear();
    this.#deletedItems.clear();
    return changes;
  }

  getTheme(id: string): ThemeRecord | undefined {
    return this.#themes.get(id);
  }

  putTheme(theme: ThemeRecord): void {
    this.#themes.set(theme.id, theme);
    this.#dirtyThemes.add(theme.id);
  }

  liveThemes(): ThemeRecord[] {
    return [...this.#themes.values()].filter((t) => !t.mergedInto);
  }

  themesWithTerm(term: string): readonly string[] {
    return this.#postings.get(term) ?? [];
  }

  linkTerms(themeId: string, terms: readonly string[]): void {
    for (const term of terms) {
      const list = this.#postings.get(term);
      if (!list) this.#postings.set(term, [themeId]);
      else if (!list.includes(themeId)) list.push(themeId);
    }
  }

  unlinkTerms(themeId: string, terms: readonly string[]): void {
    for (const term of terms) {
      const list = this.#postings.get(term);
      const at = list?.indexOf(themeId) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    }
  }

  getItem(itemId: string): ThemeItemRecord | undefined {
    return this.#items.get(itemId);
  }

  putItem(item: ThemeItemRecord): void {
    const old = this.#items.get(item.itemId);
    if (old) this.#members.get(old.themeId)?.delete(item.itemId);
    this.#items.set(item.itemId, item);
    let members = this.#members.get(item.themeId);
    if (!members) {
      members = new Set();
      this.#members.set(item.themeId, members);
    }
    members.add(item.itemId);
    this.#dirtyItems.add(item.itemId);
    this.#deletedItems.delete(item.itemId);
  }

  deleteItem(itemId: string): void {
    const old = this.#items.get(itemId);
    if (!old) return;
    this.#members.get(old.themeId)?.delete(itemId);
    this.#items.delete(itemId);
    this.#dirtyItems.delete(itemId);
    this.#deletedItems.add(itemId);
  }

  itemsOf(themeId: string): ThemeItemRecord[] {
    return [...(this.#members.get(themeId) ?? [])].flatMap((id) => this.#items.get(id) ?? []);
  }

  documentFrequency(term: string): number {
    return this.#df.get(term) ?? 0;
  }

  documentCount(): number {
    return this.#docs;
  }

  countDocument(terms: readonly string[], delta: 1 | -1): void {
    for (const term of terms) this.#df.set(term, Math.max(0, (this.#df.get(term) ?? 0) + delta));
    this.#docs = Math.max(0, this.#docs + delta);
  }
}
