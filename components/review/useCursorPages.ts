import { useCallback, useEffect, useRef, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';

/** One page as the hub answers it: rows, the cursor of the next page, and a total when asked. */
export interface CursorPage<T> {
  rows: T[];
  nextCursor: string | null;
  total?: number | null;
}

/** The loaded rows of the current query and how loading goes. */
export interface PagesState<T> {
  rows: T[];
  total: number | null;
  hasMore: boolean;
  /** 'first' while the first page of a query loads, 'more' while a further page does. */
  loading: 'first' | 'more' | null;
  /** What failed, and in which phase (a failed further page keeps the rows already shown). */
  error: { phase: 'first' | 'more'; error: HubError } | null;
}

/** How a list pages: the request, each row's identity, and what shows while a query starts over. */
export interface CursorPaging<T> {
  /** Fetches one page; `first` is true for the first page of a query. */
  fetch(cursor: string | null, first: boolean, signal: AbortSignal): Promise<CursorPage<T>>;
  key(row: T): string;
  /** Keep the old rows on screen while the first page of a new query loads (no flash of empty). */
  keepWhileReloading?: boolean;
}

function empty<T>(rows: T[] = []): PagesState<T> {
  return { rows, total: null, hasMore: false, loading: 'first', error: null };
}

/**
 * Cursor paging of a hub list, shared by the review page's items and themes. A new `paging` (its
 * query changed) cancels the request in flight and starts over; loadMore fetches the next page
 * once; retry repeats whatever failed; rows already listed are not listed twice.
 */
export function useCursorPages<T>(paging: CursorPaging<T>) {
  const [state, setState] = useState<PagesState<T>>(empty);
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
        phase === 'first'
          ? empty(paging.keepWhileReloading ? s.rows : [])
          : { ...s, loading: 'more', error: null },
      );
      try {
        const page = await paging.fetch(cursor.current, phase === 'first', controller.signal);
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((s) => {
          const seen = new Set(phase === 'first' ? [] : s.rows.map(paging.key));
          const fresh = page.rows.filter((row) => !seen.has(paging.key(row)));
          return {
            rows: phase === 'first' ? fresh : [...s.rows, ...fresh],
            total: page.total ?? (phase === 'first' ? null : s.total),
            hasMore: page.nextCursor !== null,
            loading: null,
            error: null,
          };
        });
      } catch (thrown) {
        const error = asHubError(thrown);
        if (mine !== generation.current || error.kind === 'aborted') return;
        setState((s) => ({ ...s, loading: null, error: { phase, error } }));
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [paging],
  );

  useEffect(() => {
    void fetchPage('first');
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (state.hasMore && !state.loading && !state.error) void fetchPage('more');
  }, [fetchPage, state.hasMore, state.loading, state.error]);
  const retry = useCallback(() => void fetchPage(state.error?.phase ?? 'first'), [fetchPage, state.error]);
  const reload = useCallback(() => void fetchPage('first'), [fetchPage]);

  return {
    state,
    setState,
    loadMore,
    retry,
    reload,
    /** The query's generation: a late answer to an older query compares unequal. */
    generation,
    inFlight,
  };
}
