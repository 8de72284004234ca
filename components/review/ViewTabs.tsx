import { type KeyboardEvent, useRef } from 'react';

/** The review page's views, in tab order. */
export const REVIEW_VIEWS = [
  { id: 'items', label: 'Items' },
  { id: 'themes', label: 'Themes' },
] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number]['id'];

/** Id of a view's tab panel, for the tab's aria-controls. */
export const panelId = (view: ReviewView) => `em-view-${view}`;
/** Id of a view's tab, for its panel's aria-labelledby. */
export const tabId = (view: ReviewView) => `em-tab-${view}`;

/**
 * The view switcher (ARIA tabs pattern): one tab in the Tab order, arrow keys, Home and End move
 * between tabs and show the view at once (switching is cheap: both views keep their state).
 */
export function ViewTabs(props: { view: ReviewView; onChange: (view: ReviewView) => void }) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = REVIEW_VIEWS.findIndex((v) => v.id === props.view);
    const last = REVIEW_VIEWS.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % REVIEW_VIEWS.length
        : event.key === 'ArrowLeft'
          ? (at + last) % REVIEW_VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const next = REVIEW_VIEWS[to];
    if (!next) return;
    event.preventDefault();
    props.onChange(next.id);
    tabs.current[to]?.focus();
  };
  return (
    <div className="em-tabs" role="tablist" aria-label="Review views" onKeyDown={onKeyDown}>
      {REVIEW_VIEWS.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(v.id)}
          aria-selected={v.id === props.view}
          aria-controls={panelId(v.id)}
          tabIndex={v.id === props.view ? 0 : -1}
          onClick={() => props.onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
