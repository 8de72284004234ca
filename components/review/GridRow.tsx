import { type KeyboardEvent, memo } from 'react';
import { capturedText, itemText, rowLabel, selectLabel, statusWord, tagLabel } from '@/lib/hub/review/labels';
import type { HubItem } from '@/lib/hub/review/schemas';

/** Height of every row in px: fixed, so the virtualizer can place rows without measuring. */
export const ROW_HEIGHT = 44;
/** Height of the sticky header row in px. */
export const HEAD_HEIGHT = 34;

/** One item row: selection checkbox, tags, note, status, agent, capture time. */
export const GridRow = memo(function GridRow(props: {
  h: HubItem;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  open: boolean;
  onToggle: (id: string) => void;
  onActivate: (index: number) => void;
  onFocusRow: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
}) {
  const { h, index } = props;
  return (
    <tr
      className={`em-row${props.open ? ' em-row-open' : ''}`}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      aria-label={rowLabel(h)}
      tabIndex={props.active ? 0 : -1}
      style={{ transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      onClick={() => props.onActivate(index)}
      onKeyDown={props.onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocusRow(index);
      }}
    >
      <td className="em-cell em-cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={selectLabel(h)}
          checked={props.selected}
          // Focus stays on the row (one tab stop); the click still toggles the box.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => e.stopPropagation()}
          onChange={() => props.onToggle(h.item.id)}
        />
      </td>
      <td className="em-cell">{tagLabel(h)}</td>
      <td className="em-cell">{itemText(h)}</td>
      <td className={`em-cell em-status em-status-${h.status}`}>{statusWord(h.status)}</td>
      <td className="em-cell">{h.item.agent.name}</td>
      <td className="em-cell">{capturedText(h.item.capturedAt)}</td>
    </tr>
  );
});
