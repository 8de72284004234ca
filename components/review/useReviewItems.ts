import { useCallback, useEffect, useRef, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import type { ReviewFilters } from '@/lib/hub/review/query';
import type { HubItem } from '@/lib/hub/review/schemas';

/** Rows per request: enough to fill a tall screen twice, small enough to answer fast. */
export const PAGE_SIZE = 200;
/** How often the head of a newest-first list is re-read for new captures. */
const REFRESH_MS = 10_000;

/** The loaded rows of the current filter and how loading goes. */
export interface ItemsState {
  items: HubItem[];
  total: number | null;
  hasMore: boolean;
  /** 'first' while the first page of a filter loads, 'more' while a further page does. */
  loading: 'first' | 'more' | null;
  /** What failed, and in which phase (a failed further page keeps the rows already shown). */
  error: { phase: 'first' | 'more'; error: HubError } | null;
}

const EMPTY: ItemsState = { items: [], total: null, hasMore: false, loading: 'first', error: null };

/**
 * Server-side filtered, cursor-paged items. A filter change cancels the request in flight and
 * starts over; loadMore fetches the next page once; retry repeats whatever failed.
 */
export function useReviewItems(client: ReviewClient, filters: ReviewFilters) {
  const [state, setState] = useState<ItemsState>(EMPTY);
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
      setState((s) => (phase === 'first' ? { ...EMPTY } : { ...s, loading: 'more', error: null }));
      try {
        const page = await client.listItems(filters, {
          cursor: cursor.current,
          limit: PAGE_SIZE,
          withTotal: phase === 'first',
          signal: controller.signal,
        });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((s) => {
          const seen = new Set(s.items.map((h) => h.item.id));
          const fresh = phase === 'first' ? page.items : page.items.filter((h) => !seen.has(h.item.id));
          return {
            items: phase === 'first' ? fresh : [...s.items, ...fresh],
            total: page.total ?? s.total,
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
    [client, filters],
  );

  useEffect(() => {
    void fetchPage('first');
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (state.hasMore && !state.loading && !state.error) void fetchPage('more');
  }, [fetchPage, state.hasMore, state.loading, state.error]);

  // New captures arrive all the time: while the tab is visible and sorted newest first, the head of
  // the list is re-read now and then and unseen items are put on top (the rows below stay put).
  const idle = !state.loading && !state.error;
  useEffect(() => {
    if (filters.sort !== 'newest' || !idle) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || inFlight.current) return;
      const mine = generation.current;
      client.listItems(filters, { limit: 50, withTotal: true }).then(
        (page) => {
          if (mine !== generation.current) return;
          setState((s) => {
            const seen = new Set(s.items.map((h) => h.item.id));
            const top = s.items[0]?.item.capturedAt ?? '';
            const fresh = page.items.filter((h) => !seen.has(h.item.id) && h.item.capturedAt >= top);
            if (!fresh.length && page.total === s.total) return s;
            return { ...s, items: [...fresh, ...s.items], total: page.total ?? s.total };
          });
        },
        // A failed refresh changes nothing; the next one tries again.
        () => undefined,
      );
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, filters, idle]);

  const retry = useCallback(() => void fetchPage(state.error?.phase ?? 'first'), [fetchPage, state.error]);

  /** Replaces rows in place (after a triage) without reloading the list. */
  const update = useCallback((changed: (h: HubItem) => HubItem | null) => {
    setState((s) => ({ ...s, items: s.items.map((h) => changed(h) ?? h) }));
  }, []);

  return { ...state, loadMore, retry, reload: () => void fetchPage('first'), update };
}
