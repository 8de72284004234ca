import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import type { ReviewClient } from '@/lib/hub/review/client';
import { countText, statusWord } from '@/lib/hub/review/labels';
import { isFiltered, NO_FILTERS, type ReviewFilters } from '@/lib/hub/review/query';
import type { Facets, HubItem, ReviewStatus } from '@/lib/hub/review/schemas';
import { BulkBar } from './BulkBar';
import { DemandPanel } from './DemandPanel';
import { ErrorNotice } from './ErrorNotice';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { ItemDetail } from './ItemDetail';
import { ItemsGrid } from './ItemsGrid';
import { ThemesView } from './themes/ThemesView';
import { useReviewItems } from './useReviewItems';
import { panelId, type ReviewView, tabId, ViewTabs } from './ViewTabs';

/** The review itself: filters, the Items view (grid, bulk triage, open item, export) or the Themes view, and failure demand. */
export function ReviewPage({ client, taxonomy }: { client: ReviewClient; taxonomy: TaxonomyTag[] }) {
  const [filters, setFilters] = useState<ReviewFilters>(NO_FILTERS);
  const list = useReviewItems(client, filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<{ id: string; keyboard: boolean; version: number } | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<ReviewView>('items');
  const gridArea = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The menus fall back to the taxonomy when facets cannot be read; the list shows the error.
    client.facets().then(setFacets, () => setFacets(null));
  }, [client]);

  const changeFilters = useCallback((next: ReviewFilters) => {
    setFilters(next);
    setSelected(new Set());
    setNotice('');
  }, []);

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const loaded = list.items;
  const selectAll = useCallback(() => setSelected(new Set(loaded.map((h) => h.item.id))), [loaded]);
  const toggleAll = useCallback(() => {
    setSelected((s) =>
      loaded.length > 0 && loaded.every((h) => s.has(h.item.id))
        ? new Set()
        : new Set(loaded.map((h) => h.item.id)),
    );
  }, [loaded]);

  const openItem = useCallback((h: HubItem, keyboard = false) => {
    setOpen((o) => ({ id: h.item.id, keyboard, version: (o?.version ?? 0) + 1 }));
  }, []);
  const closeItem = () => {
    const wasKeyboard = open?.keyboard;
    setOpen(null);
    if (wasKeyboard) gridArea.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]')?.focus();
  };

  const { update } = list;
  const bulk = async (status: ReviewStatus, comment: string) => {
    const result = await client.bulkTriage([...selected], status, comment);
    const done = new Set(result.updated);
    const text = comment.trim() || null;
    update((h) => (done.has(h.item.id) ? { ...h, status, comment: text } : null));
    setSelected(new Set());
    const missing = result.notFound.length ? ` ${result.notFound.length} could not be found.` : '';
    const noun = done.size === 1 ? 'item' : 'items';
    setNotice(`Marked ${done.size.toLocaleString('en-GB')} ${noun} as ${statusWord(status)}.${missing}`);
    // The open item may be among them: read its new history.
    if (open && done.has(open.id)) setOpen({ ...open, keyboard: false, version: open.version + 1 });
  };
  const changed = useCallback(
    (next: HubItem) =>
      update((h) =>
        h.item.id === next.item.id ? { ...h, status: next.status, comment: next.comment } : null,
      ),
    [update],
  );

  const counting =
    list.loading === 'first' ? 'Loading items…' : countText(loaded.length, list.total, isFiltered(filters));
  return (
    <>
      <FilterBar filters={filters} onChange={changeFilters} facets={facets} taxonomy={taxonomy} />
      <ViewTabs view={view} onChange={setView} />
      {/* Hidden, not unmounted: the grid keeps its rows, scroll and selection while themes show. */}
      <div role="tabpanel" id={panelId('items')} aria-labelledby={tabId('items')} hidden={view !== 'items'}>
        <div className="em-toolbar">
          <p role="status" className="em-count">
            {list.error?.phase === 'first' ? 'Items could not be loaded.' : counting}
            {notice ? ` ${notice}` : ''}
          </p>
          <ExportButton client={client} filters={filters} />
        </div>
        {selected.size > 0 && (
          <BulkBar count={selected.size} onApply={bulk} onClear={() => setSelected(new Set())} />
        )}
        {list.error?.phase === 'first' && (
          <ErrorNotice what="Could not load items" error={list.error.error} onRetry={list.retry} />
        )}
        <div className={`em-columns${open ? ' em-columns-detail' : ''}`}>
          <div className="em-list" ref={gridArea}>
            <ItemsGrid
              items={loaded}
              total={list.total}
              hasMore={list.hasMore}
              selected={selected}
              openId={open?.id ?? null}
              onToggle={toggle}
              onToggleAll={toggleAll}
              onSelectAll={selectAll}
              onOpen={openItem}
              onNeedMore={list.loadMore}
              resetKey={filters}
            />
            {!list.loading && !list.error && loaded.length === 0 && (
              <div className="em-empty">
                <p>
                  {isFiltered(filters)
                    ? 'No items match these filters.'
                    : 'No captures have reached the hub yet.'}
                </p>
                {isFiltered(filters) && (
                  <button type="button" onClick={() => changeFilters({ ...NO_FILTERS, sort: filters.sort })}>
                    Clear filters
                  </button>
                )}
              </div>
            )}
            {list.loading === 'more' && <p className="em-muted">Loading more items…</p>}
            {list.error?.phase === 'more' && (
              <ErrorNotice what="Could not load more items" error={list.error.error} onRetry={list.retry} />
            )}
          </div>
          {open && (
            <ItemDetail
              key={`${open.id}-${open.version}`}
              client={client}
              id={open.id}
              autoFocus={open.keyboard}
              onChanged={changed}
              onClose={closeItem}
            />
          )}
        </div>
      </div>
      {view === 'themes' && (
        <div role="tabpanel" id={panelId('themes')} aria-labelledby={tabId('themes')}>
          <ThemesView client={client} filters={filters} />
        </div>
      )}
      <DemandPanel client={client} range={filters} />
    </>
  );
}
