/** A sparse vector as stored: feature → weight (plain object, so it serializes as JSON/JSONB). */
export type TermWeights = Record<string, number>;

/**
 * A theme as stored. `centroid` is the sum of its items' unit vectors and `norm2` its squared
 * length (kept incrementally). `pins` are items a lead moved in and `facets` the centroids of themes
 * merged into it: both keep pulling similar new items here. `title` is the lead's title (null: the
 * most central note, `titleItemId`). A merged-away theme keeps its row with `mergedInto` set, so an
 * old id still resolves.
 */
export interface ThemeRecord {
  id: string;
  title: string | null;
  titleItemId: string | null;
  count: number;
  centroid: TermWeights;
  norm2: number;
  pins: string[];
  facets: TermWeights[];
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One grouped item: its theme, its redacted note and its unit vector (to move or remove it later). */
export interface ThemeItemRecord {
  itemId: string;
  themeId: string;
  text: string;
  vector: TermWeights;
  /** True when a lead put it in its theme: it is then an example of that theme. */
  pinned: boolean;
}

/**
 * What the grouping engine needs from storage, per team. Calls are synchronous so an assignment
 * costs microseconds; a SQL-backed hub loads a team's records into `MemoryThemeStore` and writes
 * back what `MemoryThemeStore.drainChanges` returns, in the same transaction as the items.
 */
export interface ThemeStore {
  /** A theme by id (merged-away themes included), or undefined. */
  getTheme(id: string): ThemeRecord | undefined;
  /** Inserts or replaces a theme. */
  putTheme(theme: ThemeRecord): void;
  /** Every theme that is not merged away. */
  liveThemes(): ThemeRecord[];
  /** Ids of the live themes whose centroid holds the feature (the inverted index). */
  themesWithTerm(term: string): readonly string[];
  /** Adds themes to or removes them from the inverted index of some features. */
  linkTerms(themeId: string, terms: readonly string[]): void;
  /** Removes a theme from the inverted index of some features. */
  unlinkTerms(themeId: string, terms: readonly string[]): void;
  /** An item's grouping, or undefined when it was never grouped. */
  getItem(itemId: string): ThemeItemRecord | undefined;
  /** Inserts or replaces an item's grouping. */
  putItem(item: ThemeItemRecord): void;
  /** Forgets an item's grouping (the item was deleted). */
  deleteItem(itemId: string): void;
  /** The items of a theme. */
  itemsOf(themeId: string): ThemeItemRecord[];
  /** How many grouped items hold the feature (document frequency, for IDF). */
  documentFrequency(term: string): number;
  /** How many items have been counted into the document frequencies. */
  documentCount(): number;
  /** Counts one item's features into the document frequencies (+1) or out of them (-1). */
  countDocument(terms: readonly string[], delta: 1 | -1): void;
}
