import { uuidv7 } from 'uuidv7';
import { absorbTwin } from './auto-merge';
import { ConceptMapper, type Features } from './concepts';
import { centralItem, nearestTheme } from './scoring';
import type { ThemeRecord, ThemeStore } from './store';
import { addInto, cosine, weigh } from './vector';

/** A note to group: the item's id and its redacted note (or quote), with its features if known. */
export interface ThemeInput {
  id: string;
  text: string;
  /** The text's features as the engine's mapper finds them, computed ahead (feature-pool.ts). */
  features?: Features;
}

/** Where a note went: its theme, whether that theme is new, and the similarity that decided. */
export interface Assignment {
  themeId: string;
  created: boolean;
  score: number;
}

/** Tuning and seams for tests: the similarity a note needs to join a theme, ids and clock. */
export interface EngineOptions {
  threshold?: number;
  mergeThreshold?: number;
  mapper?: ConceptMapper;
  newId?: () => string;
  now?: () => string;
}

/** Cosine a note needs with a theme to join it (chosen on the labelled set; see docs/architecture.md). */
export const DEFAULT_THRESHOLD = 0.45;
/** Centroid cosine at which two themes grown from one family's early notes become one. */
export const DEFAULT_MERGE_THRESHOLD = 0.55;

let sharedMapper: ConceptMapper | null = null;

/** One concept mapper per process: its word cache is the only WordNet memory the hub keeps. */
export function sharedConceptMapper(): ConceptMapper {
  sharedMapper ??= new ConceptMapper();
  return sharedMapper;
}

/**
 * Groups one team's notes into themes incrementally: a note joins the nearest theme above the
 * threshold or starts a new one. A grouped note changes theme only when its theme is merged (by a
 * lead, or as the twin of a theme that grew like it, see `auto-merge.ts`), so re-ingesting changes
 * nothing and a lead's choices (see `feedback.ts`) stay as they were made.
 */
export class ThemeEngine {
  readonly store: ThemeStore;
  readonly threshold: number;
  readonly mergeThreshold: number;
  readonly mapper: ConceptMapper;
  readonly newId: () => string;
  readonly now: () => string;

  constructor(store: ThemeStore, options: EngineOptions = {}) {
    this.store = store;
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.mergeThreshold = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
    this.mapper = options.mapper ?? sharedConceptMapper();
    this.newId = options.newId ?? uuidv7;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Puts a note into a theme; a note already grouped keeps its theme and nothing changes. */
  assign(input: ThemeInput): Assignment {
    const grouped = this.store.getItem(input.id);
    if (grouped) return { themeId: this.resolve(grouped.themeId), created: false, score: 1 };
    const features = input.features ?? this.mapper.features(input.text);
    const vector = weigh(features, (t) => this.store.documentFrequency(t), this.store.documentCount());
    this.store.countDocument([...features.keys()], 1);
    const nearest = nearestTheme(this.store, vector);
    const joins = nearest !== null && nearest.score >= this.threshold;
    const theme = joins ? (this.store.getTheme(nearest.id) as ThemeRecord) : this.#newTheme();
    this.store.putItem({ itemId: input.id, themeId: theme.id, text: input.text, vector, pinned: false });
    this.addToTheme(theme, input.id, vector);
    const themeId = absorbTwin(this.store, theme.id, this.mergeThreshold, this.now());
    return { themeId, created: !joins, score: nearest?.score ?? 0 };
  }

  /** The live theme an id stands for, following merges. */
  resolve(id: string): string {
    let theme = this.store.getTheme(id);
    while (theme?.mergedInto) theme = this.store.getTheme(theme.mergedInto);
    return theme?.id ?? id;
  }

  /** A theme's title: the lead's, else its most central note. */
  titleOf(id: string): string {
    const theme = this.store.getTheme(this.resolve(id));
    if (!theme) return '';
    if (theme.title !== null) return theme.title;
    return theme.titleItemId ? (this.store.getItem(theme.titleItemId)?.text ?? '') : '';
  }

  /** Adds an item's vector to a theme and keeps its count, index entries and central note. */
  addToTheme(theme: ThemeRecord, itemId: string, vector: Record<string, number>): void {
    const { added } = addInto(theme, vector, 1);
    theme.count += 1;
    theme.updatedAt = this.now();
    this.store.linkTerms(theme.id, added);
    const current = theme.titleItemId ? this.store.getItem(theme.titleItemId) : undefined;
    if (
      !current ||
      cosine(vector, theme.centroid, theme.norm2) >
        cosine(current.vector, theme.centroid, theme.norm2) + 1e-12
    )
      theme.titleItemId = itemId;
    this.store.putTheme(theme);
  }

  /** Takes an item's vector out of a theme; the central note is chosen again. */
  removeFromTheme(theme: ThemeRecord, itemId: string, vector: Record<string, number>): void {
    const { removed } = addInto(theme, vector, -1);
    theme.count = Math.max(0, theme.count - 1);
    theme.pins = theme.pins.filter((pin) => pin !== itemId);
    theme.updatedAt = this.now();
    this.store.unlinkTerms(theme.id, removed);
    if (theme.count === 0) this.store.unlinkTerms(theme.id, Object.keys(theme.centroid));
    theme.titleItemId = centralItem(this.store, theme);
    this.store.putTheme(theme);
  }

  #newTheme(): ThemeRecord {
    const at = this.now();
    return {
      id: this.newId(),
      title: null,
      titleItemId: null,
      count: 0,
      centroid: {},
      norm2: 0,
      pins: [],
      facets: [],
      mergedInto: null,
      createdAt: at,
      updatedAt: at,
    };
  }
}
