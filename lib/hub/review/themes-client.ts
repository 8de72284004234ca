import { HubError } from '../errors';
import { type HubConnection, hubJson } from '../http';
import { filterParams, type ReviewFilters } from './query';
import {
  type ItemDetail,
  ItemDetailSchema,
  type ItemsPage,
  ItemsPageSchema,
  type ReviewStatus,
} from './schemas';
import {
  ThemeMergeResultSchema,
  type ThemeRenameResult,
  ThemeRenameResultSchema,
  type ThemeSort,
  type ThemesPage,
  ThemesPageSchema,
  type ThemeTriageResult,
  ThemeTriageResultSchema,
} from './theme-schemas';

const ID = /^[0-9a-f-]{36}$/i;
const JSON_MAX = 8 * 1024 * 1024;
const SMALL_MAX = 512 * 1024;

/** One page of a listing: where to go on from, how many, and a signal to cancel it. */
export interface ThemePageOptions {
  cursor?: string | null;
  limit?: number;
  signal?: AbortSignal;
}

/** The theme calls of the lead API; each throws a HubError on failure. */
export interface ThemesClient {
  /** Themes of the filtered items, in `sort` order. */
  listThemes(filters: ReviewFilters, sort: ThemeSort, options?: ThemePageOptions): Promise<ThemesPage>;
  /** The filtered items of one theme, newest first. */
  themeItems(themeId: string, filters: ReviewFilters, options?: ThemePageOptions): Promise<ItemsPage>;
  /** Triages every live item of the theme (whatever the filters). */
  triageTheme(themeId: string, status: ReviewStatus, comment: string): Promise<ThemeTriageResult>;
  renameTheme(themeId: string, title: string): Promise<ThemeRenameResult>;
  /** Merges `fromId` into `intoId`; resolves with the surviving id. */
  mergeThemes(intoId: string, fromId: string): Promise<string>;
  /** Moves one item into another theme of its team. */
  moveItem(itemId: string, themeId: string): Promise<ItemDetail>;
}

/** Query parameters of GET /v1/themes: the item filters (the items' sort does not apply) and a theme order. */
export function themeParams(filters: ReviewFilters, sort: ThemeSort): URLSearchParams {
  const params = filterParams({ ...filters, sort: 'newest' });
  params.set('sort', sort);
  return params;
}

const reject = (what: string) => Promise.reject(new HubError('http', `not a ${what} id`));
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The theme methods of a review client on `conn`. */
export function themeMethods(conn: HubConnection): ThemesClient {
  return {
    listThemes(filters, sort, options = {}) {
      const params = themeParams(filters, sort);
      params.set('limit', String(options.limit ?? 50));
      if (options.cursor) params.set('cursor', options.cursor);
      return hubJson(conn, `/v1/themes?${params}`, ThemesPageSchema, {
        maxBytes: JSON_MAX,
        ...withSignal(options.signal),
      });
    },

    themeItems(themeId, filters, options = {}) {
      if (!ID.test(themeId)) return reject('theme');
      const params = filterParams({ ...filters, sort: 'newest' });
      params.set('theme', themeId);
      params.set('limit', String(options.limit ?? 50));
      if (options.cursor) params.set('cursor', options.cursor);
      return hubJson(conn, `/v1/items?${params}`, ItemsPageSchema, {
        maxBytes: JSON_MAX,
        ...withSignal(options.signal),
      });
    },

    triageTheme(themeId, status, comment) {
      if (!ID.test(themeId)) return reject('theme');
      const trimmed = comment.trim().slice(0, 2000);
      return hubJson(conn, `/v1/themes/${themeId}/triage`, ThemeTriageResultSchema, {
        method: 'POST',
        json: trimmed ? { status, comment: trimmed } : { status },
        maxBytes: JSON_MAX,
      });
    },

    renameTheme(themeId, title) {
      if (!ID.test(themeId)) return reject('theme');
      return hubJson(conn, `/v1/themes/${themeId}`, ThemeRenameResultSchema, {
        method: 'PATCH',
        json: { title: title.trim().slice(0, 500) },
        maxBytes: SMALL_MAX,
      });
    },

    async mergeThemes(intoId, fromId) {
      if (!ID.test(intoId) || !ID.test(fromId)) return reject('theme');
      const merged = await hubJson(conn, '/v1/themes/merge', ThemeMergeResultSchema, {
        method: 'POST',
        json: { ids: [intoId, fromId] },
        maxBytes: SMALL_MAX,
      });
      return merged.id;
    },

    moveItem(itemId, themeId) {
      if (!ID.test(itemId)) return reject('item');
      if (!ID.test(themeId)) return reject('theme');
      return hubJson(conn, `/v1/items/${itemId}`, ItemDetailSchema, {
        method: 'PATCH',
        json: { themeId },
        maxBytes: SMALL_MAX,
      });
    },
  };
}
