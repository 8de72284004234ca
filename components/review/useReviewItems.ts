import { useCallback, useEffect, useMemo } from 'react';
import type { ReviewClient } from '@/lib/hub/review/client';
import type { ReviewFilters } from '@/lib/hub/review/query';
import type { HubItem } from '@/lib/hub/review/schemas';
import { type CursorPaging, useCursorPages } from './useCursorPages';

/** Rows per request: enough to fill a tall screen twice, small enough to answer fast. */
export const PAGE_SIZE = 200;
/** How often the head of a newest-first list is re-read for new captures. */
const REFRESH_MS = 10_000;

/**
 * Server-side filtered, cursor-paged items (useCursorPages). A filter change cancels the request in
 * flight and starts over; loadMore fetches the next page once; retry repeats whatever failed.
 */
export function useReviewItems(client: ReviewClient, filters: ReviewFilters) {
  const paging = useMemo<CursorPaging<HubItem>>(
    () => ({
      fetch: async (cursor, first, signal) => {
        const page = await client.listItems(filters, { cursor, limit: PAGE_SIZE, withTotal: first, signal });
        return { rows: page.items, nextCursor: page.nextCursor, total: page.total };
      },
      key: (h) => h.item.id,
    }),
    [client, filters],
  );
  const { state, setState, loadMore, retry, reload, generation, inFlight } = useCursorPages(paging);

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
            const seen = new Set(s.rows.map((h) => h.item.id));
            const top = s.rows[0]?.item.capturedAt ?? '';
            const fresh = page.items.filter((h) => !seen.has(h.item.id) && h.item.capturedAt >= top);
            if (!fresh.length && page.total === s.total) return s;
            return { ...s, rows: [...fresh, ...s.rows], total: page.total ?? s.total };
          });
        },
        // A failed refresh changes nothing; the next one tries again.
        () => undefined,
      );
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, filters, idle, generation, inFlight, setState]);

  /** Replaces rows in place (after a triage) without reloading the list. */
  const update = useCallback(
    (changed: (h: HubItem) => HubItem | null) => {
      setState((s) => ({ ...s, rows: s.rows.map((h) => changed(h) ?? h) }));
    },
    [setState],
  );

  const { rows, ...rest } = state;
  return { ...rest, items: rows, loadMore, retry, reload, update };
}
