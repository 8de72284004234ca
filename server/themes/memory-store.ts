import type { ThemeItemRecord, ThemeRecord, ThemeStore } from './store';

/** What changed since the last drain: the rows a SQL-backed hub writes back. */
export interface ThemeChanges {
  themes: ThemeRecord[];
  items: ThemeItemRecord[];
  deletedItems: string[];
  documentFrequencies: Record<string, number>;
  documentCount: number;
}

/** A team's theme state as plain data (JSON-safe), to load a store from or save it to. */
export interface ThemeSnapshot {
  themes: ThemeRecord[];
  items: ThemeItemRecord[];
  documentFrequencies: Record<string, number>;
  documentCount: number;
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
  readonly #dirtyTerms = new Set<string>();
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
      documentFrequencies: Object.fromEntries([...this.#dirtyTerms].map((t) => [t, this.#df.get(t) ?? 0])),
      documentCount: this.#docs,
    };
    this.#dirtyThemes.clear();
    this.#dirtyItems.clear();
    this.#dirtyTerms.clear();
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
    for (const term of terms) {
      this.#df.set(term, Math.max(0, (this.#df.get(term) ?? 0) + delta));
      this.#dirtyTerms.add(term);
    }
    this.#docs = Math.max(0, this.#docs + delta);
  }
}
