import { useEffect, useRef, useState } from 'react';
import type { ReviewClient } from '@/lib/hub/review/client';
import { statusWord } from '@/lib/hub/review/labels';
import type { ReviewFilters } from '@/lib/hub/review/query';
import { latestWeek, THEME_SORT_LABELS, themeTriageNotice } from '@/lib/hub/review/theme-labels';
import { THEME_SORTS, type Theme, type ThemeSort } from '@/lib/hub/review/theme-schemas';
import { ErrorNotice } from '../ErrorNotice';
import { Field } from '../Field';
import { type ThemeActions, ThemeDetail } from './ThemeDetail';
import { ThemeList } from './ThemeList';
import { useThemeChoices, useThemes } from './useThemes';

const number = (n: number) => n.toLocaleString('en-GB');

/** The Themes view: the filtered items grouped by theme, sorted and paged, and the open theme. */
export function ThemesView({ client, filters }: { client: ReviewClient; filters: ReviewFilters }) {
  const [sort, setSort] = useState<ThemeSort>('count');
  const list = useThemes(client, filters, sort);
  const { choices, refresh: refreshChoices } = useThemeChoices(client);
  const [open, setOpen] = useState<{ theme: Theme; keyboard: boolean } | null>(null);
  const [itemsVersion, setItemsVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const listArea = useRef<HTMLDivElement>(null);

  // A reload (after a triage, move or merge) brings fresh counts for the open theme.
  useEffect(() => {
    setOpen((o) => {
      const fresh = o && list.themes.find((t) => t.id === o.theme.id);
      return o && fresh && fresh !== o.theme ? { ...o, theme: fresh } : o;
    });
  }, [list.themes]);

  const changed = (text: string) => {
    setNotice(text);
    list.reload();
    refreshChoices();
  };
  const actions = (theme: Theme): ThemeActions => ({
    async triage(status, comment) {
      const result = await client.triageTheme(theme.id, status, comment);
      setItemsVersion((v) => v + 1);
      changed(themeTriageNotice(result.updated.length, statusWord(status)));
    },
    async rename(title) {
      const result = await client.renameTheme(theme.id, title);
      const shown = result.title ?? title;
      setOpen((o) => (o ? { ...o, theme: { ...o.theme, title: shown } } : o));
      changed(`Renamed the theme to “${shown}”.`);
    },
    async mergeInto(target) {
      const survivor = await client.mergeThemes(target.id, theme.id);
      setOpen({ theme: { ...target, id: survivor }, keyboard: false });
      changed(`Merged into “${target.title}”.`);
    },
    moved(_item, to) {
      changed(`Moved an item to “${to.title}”.`);
    },
    close() {
      setOpen(null);
      // Back to the theme's card, as closing an item returns to its row.
      requestAnimationFrame(() =>
        listArea.current?.querySelector<HTMLElement>(`[data-theme-id="${theme.id}"]`)?.focus(),
      );
    },
  });

  const lastWeek = latestWeek(list.themes);
  const count =
    list.loading === 'first'
      ? 'Loading themes…'
      : list.error?.phase === 'first'
        ? 'Themes could not be loaded.'
        : `Showing ${number(list.themes.length)} ${list.themes.length === 1 ? 'theme' : 'themes'}${list.hasMore ? ' (more to load)' : ''}.`;
  return (
    <>
      <div className="em-toolbar">
        <p role="status" className="em-count">
          {count}
          {notice ? ` ${notice}` : ''}
        </p>
        <Field label="Sort themes">
          {(id) => (
            <select
              id={id}
              value={sort}
              onChange={(e) => setSort(THEME_SORTS.find((s) => s === e.target.value) ?? 'count')}
            >
              {THEME_SORTS.map((s) => (
                <option key={s} value={s}>
                  {THEME_SORT_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {list.error?.phase === 'first' && (
        <ErrorNotice what="Could not load themes" error={list.error.error} onRetry={list.retry} />
      )}
      <div className={`em-columns${open ? ' em-columns-detail' : ''}`}>
        <div className="em-list em-themes" ref={listArea}>
          {/* Names the list for heading navigation; the selected tab already shows the word. */}
          <h2 className="em-visually-hidden">Themes</h2>
          <ThemeList
            themes={list.themes}
            openId={open?.theme.id ?? null}
            lastWeek={lastWeek}
            onOpen={(theme) => setOpen({ theme, keyboard: true })}
          />
          {!list.loading && !list.error && list.themes.length === 0 && (
            <p className="em-empty">No themes for these filters yet.</p>
          )}
          {list.hasMore && !list.loading && !list.error && (
            <button type="button" onClick={list.loadMore}>
              Load more themes
            </button>
          )}
          {list.loading === 'more' && <p className="em-muted">Loading more themes…</p>}
          {list.error?.phase === 'more' && (
            <ErrorNotice what="Could not load more themes" error={list.error.error} onRetry={list.retry} />
          )}
        </div>
        {open && (
          <ThemeDetail
            key={open.theme.id}
            client={client}
            theme={open.theme}
            filters={filters}
            choices={choices}
            lastWeek={lastWeek}
            itemsVersion={itemsVersion}
            autoFocus={open.keyboard}
            actions={actions(open.theme)}
          />
        )}
      </div>
    </>
  );
}
