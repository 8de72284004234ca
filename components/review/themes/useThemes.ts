import { useCallback, useEffect, useRef, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import { NO_FILTERS, type ReviewFilters } from '@/lib/hub/review/query';
import type { Theme, ThemeSort } from '@/lib/hub/review/theme-schemas';

/** Themes per request: a screenful of cards and then some. */
export const THEME_PAGE = 30;

/** The loaded themes of the current filters and order, and how loading goes. */
export interface ThemesState {
  themes: Theme[];
  hasMore: boolean;
  loading: 'first' | 'more' | null;
  error: { phase: 'first' | 'more'; error: HubError } | null;
}

const EMPTY: ThemesState = { themes: [], hasMore: false, loading: 'first', error: null };

/**
 * Themes of the filtered items, paged with the hub's cursor. A change of filters or order cancels
 * the request in flight and starts over; `reload` does too (after a merge or rename).
 */
export function useThemes(client: ReviewClient, filters: ReviewFilters, sort: ThemeSort) {
  const [state, setState] = useState<ThemesState>(EMPTY);
  const cursor = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (phase: 'first' | 'more') => {
      if (phase === 'first') {
        inFlight.current?.abort();
        generation.current++;
        cursor.current = null;
      } else if (inFlight.current) return;
      const mine = generation.current;
      const controller = new AbortController();
      inFlight.current = controller;
      setState((s) =>
        phase === 'first' ? { ...EMPTY, themes: s.themes } : { ...s, loading: 'more', error: null },
      );
      try {
        const page = await client.listThemes(filters, sort, {
          cursor: cursor.current,
          limit: THEME_PAGE,
          signal: controller.signal,
        });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((s) => {
          const seen = new Set(phase === 'first' ? [] : s.themes.map((t) => t.id));
          const fresh = page.themes.filter((t) => !seen.has(t.id));
          const themes = phase === 'first' ? fresh : [...s.themes, ...fresh];
          return { themes, hasMore: page.nextCursor !== null, loading: null, error: null };
        });
      } catch (thrown) {
        const error = asHubError(thrown);
        if (mine !== generation.current || error.kind === 'aborted') return;
        setState((s) => ({ ...s, loading: null, error: { phase, error } }));
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [client, filters, sort],
  );

  useEffect(() => {
    void fetchPage('first');
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (state.hasMore && !state.loading) void fetchPage('more');
  }, [fetchPage, state.hasMore, state.loading]);
  const retry = useCallback(() => void fetchPage(state.error?.phase ?? 'first'), [fetchPage, state.error]);
  const reload = useCallback(() => void fetchPage('first'), [fetchPage]);

  return { ...state, loadMore, retry, reload };
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
