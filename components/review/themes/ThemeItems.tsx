import { useCallback, useEffect, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import { capturedText, itemText, statusWord, tagLabel } from '@/lib/hub/review/labels';
import type { ReviewFilters } from '@/lib/hub/review/query';
import type { HubItem } from '@/lib/hub/review/schemas';
import type { Theme } from '@/lib/hub/review/theme-schemas';
import { ErrorNotice } from '../ErrorNotice';
import { ThemePicker } from './ThemePicker';

const PAGE = 25;

/** The theme's filtered items (quotes and notes), newest first, paged; each can move to another theme. */
export function ThemeItems(props: {
  client: ReviewClient;
  themeId: string;
  filters: ReviewFilters;
  choices: Theme[];
  onMoved: (item: HubItem, to: Theme) => void;
}) {
  const { client, themeId, filters } = props;
  const [items, setItems] = useState<HubItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<HubError | null>(null);
  const [moving, setMoving] = useState<string | null>(null);

  const load = useCallback(
    (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      client.themeItems(themeId, filters, { cursor: after, limit: PAGE, ...(signal ? { signal } : {}) }).then(
        (page) => {
          setItems((old) => (after ? [...old, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (thrown: unknown) => {
          const e = asHubError(thrown);
          if (e.kind === 'aborted') return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [client, themeId, filters],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  const move = async (h: HubItem, to: Theme) => {
    await client.moveItem(h.item.id, to.id);
    setItems((old) => old.filter((x) => x.item.id !== h.item.id));
    setMoving(null);
    props.onMoved(h, to);
  };

  return (
    <>
      <ul className="em-theme-items" aria-label="Theme items">
        {items.map((h) => (
          <li key={h.item.id}>
            <p className="em-muted">
              <strong>{tagLabel(h)}</strong> · {statusWord(h.status)} · {h.item.agent.name} ·{' '}
              {capturedText(h.item.capturedAt)}
            </p>
            {h.item.quote && <blockquote>{h.item.quote}</blockquote>}
            {h.item.note && <p>{h.item.note}</p>}
            {moving === h.item.id ? (
              <ThemePicker
                name="Move item"
                label="Move to theme"
                submit="Move item"
                choices={props.choices}
                except={themeId}
                onPick={(to) => move(h, to)}
                onCancel={() => setMoving(null)}
              />
            ) : (
              <button type="button" onClick={() => setMoving(h.item.id)}>
                Move to another theme: {itemText(h).slice(0, 40)}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!loading && !error && items.length === 0 && <p>No items of this theme match the filters.</p>}
      {loading && <p className="em-muted">Loading items…</p>}
      {error && (
        <ErrorNotice
          what="Could not load the theme's items"
          error={error}
          onRetry={() => load(items.length ? cursor : null)}
        />
      )}
      {cursor && !loading && (
        <button type="button" onClick={() => load(cursor)}>
          Load more items
        </button>
      )}
    </>
  );
}
