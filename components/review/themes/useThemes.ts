import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReviewClient } from '@/lib/hub/review/client';
import { NO_FILTERS, type ReviewFilters } from '@/lib/hub/review/query';
import type { Theme, ThemeSort } from '@/lib/hub/review/theme-schemas';
import { type CursorPaging, useCursorPages } from '../useCursorPages';

/** Themes per request: a screenful of cards and then some. */
export const THEME_PAGE = 30;

/**
 * Themes of the filtered items, paged with the hub's cursor (useCursorPages). A change of filters
 * or order cancels the request in flight and starts over, keeping the old cards until the new ones
 * come; `reload` does too (after a merge or rename).
 */
export function useThemes(client: ReviewClient, filters: ReviewFilters, sort: ThemeSort) {
  const paging = useMemo<CursorPaging<Theme>>(
    () => ({
      fetch: async (cursor, _first, signal) => {
        const page = await client.listThemes(filters, sort, { cursor, limit: THEME_PAGE, signal });
        return { rows: page.themes, nextCursor: page.nextCursor };
      },
      key: (t) => t.id,
      keepWhileReloading: true,
    }),
    [client, filters, sort],
  );
  const { state, loadMore, retry, reload } = useCursorPages(paging);
  const { rows, total: _total, ...rest } = state;
  return { ...rest, themes: rows, loadMore, retry, reload };
}

/** How many themes the merge and move pickers offer: the team's largest, by name. */
const CHOICES = 200;

/**
 * The themes a lead can merge into or move an item to: the team's largest themes whatever the
 * filters (a target need not match them), sorted by title so a name is found by typing it.
 */
export function useThemeChoices(client: ReviewClient) {
  const [choices, setChoices] = useState<Theme[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void version;
    const controller = new AbortController();
    client.listThemes(NO_FILTERS, 'count', { limit: CHOICES, signal: controller.signal }).then(
      (page) => setChoices([...page.themes].sort((a, b) => a.title.localeCompare(b.title))),
      // Without choices the pickers say so; the list itself shows any hub error.
      () => undefined,
    );
    return () => controller.abort();
  }, [client, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { choices, refresh };
}
