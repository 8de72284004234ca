import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { gridKeyAction } from '@/lib/hub/review/grid-keys';
import type { HubItem } from '@/lib/hub/review/schemas';
import { GridRow, HEAD_HEIGHT, ROW_HEIGHT } from './GridRow';

const COLUMNS = ['Tags', 'Note or quote', 'Status', 'Agent', 'Captured'];
// Fetch the next page when the view comes this close to the last loaded row.
const PREFETCH_ROWS = 40;

/**
 * The items as an ARIA grid with row focus: one tab stop (the active row), arrows to move, Enter
 * to open the detail, Space to select. Only the rows in view are in the DOM (virtualized), and
 * scrolling near the end asks for the next page.
 */
export function ItemsGrid(props: {
  items: HubItem[];
  total: number | null;
  hasMore: boolean;
  selected: ReadonlySet<string>;
  openId: string | null;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onSelectAll: () => void;
  /** keyboard: opened with Enter, so the detail takes focus. */
  onOpen: (h: HubItem, keyboard?: boolean) => void;
  onNeedMore: () => void;
  /** Changes when the list is replaced (new filters): back to the top. */
  resetKey: unknown;
}) {
  const { items, selected, hasMore, onNeedMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastShown >= items.length - PREFETCH_ROWS) onNeedMore();
  }, [hasMore, lastShown, items.length, onNeedMore]);

  // A new filter starts at the top (new captures put on top leave the scroll position alone).
  const { resetKey } = props;
  useEffect(() => {
    if (resetKey === undefined) return;
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  useEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const activate = useCallback(
    (index: number) => {
      setActive(index);
      const h = items[index];
      if (h) props.onOpen(h);
    },
    [items, props.onOpen],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' && event.key === ' ') return;
    const perPage = Math.max(
      1,
      Math.floor(((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) - HEAD_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const action = gridKeyAction(event.key, active, items.length, perPage, {
      ctrl: event.ctrlKey,
      meta: event.metaKey,
    });
    if (!action) return;
    event.preventDefault();
    const h = items[active];
    if (action.type === 'move') {
      setActive(action.to);
      focusPending.current = true;
      virtualizer.scrollToIndex(action.to, { align: 'auto' });
    } else if (action.type === 'open' && h) props.onOpen(h, true);
    else if (action.type === 'toggle' && h) props.onToggle(h.item.id);
    else if (action.type === 'selectAll') props.onSelectAll();
  };

  const allChecked = items.length > 0 && items.every((h) => selected.has(h.item.id));
  const someChecked = !allChecked && items.some((h) => selected.has(h.item.id));
  // The active row may be scrolled out of the DOM: then the first row in view keeps the tab stop.
  const tabStop = rows.some((r) => r.index === active) ? active : (rows[0]?.index ?? 0);
  const rowCount = (props.total ?? items.length + (hasMore ? 1 : 0)) + 1;

  return (
    <div ref={scroller} className="em-grid-scroll">
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA APG data grid is a table with role grid (rows take focus, Space selects).
        role="grid"
        aria-label="Captured items"
        aria-rowcount={rowCount}
        aria-colcount={COLUMNS.length + 1}
        aria-multiselectable="true"
        className="em-grid"
      >
        <thead>
          <tr aria-rowindex={1} className="em-row em-row-head" style={{ height: HEAD_HEIGHT }}>
            <th scope="col" className="em-cell em-cell-check">
              <input
                type="checkbox"
                aria-label="Select all loaded items"
                checked={allChecked}
                ref={(box) => {
                  if (box) box.indeterminate = someChecked;
                }}
                disabled={items.length === 0}
                onChange={props.onToggleAll}
              />
            </th>
            {COLUMNS.map((name) => (
              <th key={name} scope="col" className="em-cell">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const h = items[row.index];
            if (!h) return null;
            return (
              <GridRow
                key={h.item.id}
                h={h}
                index={row.index}
                top={row.start - HEAD_HEIGHT}
                selected={selected.has(h.item.id)}
                active={row.index === tabStop}
                open={props.openId === h.item.id}
                onToggle={props.onToggle}
                onActivate={activate}
                onFocusRow={setActive}
                onKeyDown={onKeyDown}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
