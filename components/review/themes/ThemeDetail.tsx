import { useEffect, useRef } from 'react';
import type { ReviewClient } from '@/lib/hub/review/client';
import type { ReviewFilters } from '@/lib/hub/review/query';
import type { HubItem, ReviewStatus } from '@/lib/hub/review/schemas';
import {
  dayLabel,
  growthLabel,
  tagMixText,
  themeCounts,
  trendText,
  weeklySeries,
} from '@/lib/hub/review/theme-labels';
import type { Theme } from '@/lib/hub/review/theme-schemas';
import { RenameForm, ThemeTriageForm } from './ThemeForms';
import { ThemeItems } from './ThemeItems';
import { Sparkline } from './ThemeList';
import { ThemePicker } from './ThemePicker';

/** What the detail asks its view to do; each resolves once the hub has done it. */
export interface ThemeActions {
  triage: (status: ReviewStatus, comment: string) => Promise<void>;
  rename: (title: string) => Promise<void>;
  mergeInto: (target: Theme) => Promise<void>;
  moved: (item: HubItem, to: Theme) => void;
  close: () => void;
}

/** The open theme: its counts, agents, tags and trend, whole-theme triage, rename, merge and its items. */
export function ThemeDetail(props: {
  client: ReviewClient;
  theme: Theme;
  filters: ReviewFilters;
  choices: Theme[];
  lastWeek: string | undefined;
  /** Bumped after a change to the theme's items, so they are read again. */
  itemsVersion: number;
  autoFocus: boolean;
  actions: ThemeActions;
}) {
  const { theme, actions } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const series = weeklySeries(theme.weekly, props.lastWeek);

  useEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, [props.autoFocus]);

  return (
    <section
      className="em-detail em-theme-detail"
      aria-label="Theme details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.close();
      }}
    >
      <div className="em-detail-head">
        <h2 ref={heading} tabIndex={-1}>
          {theme.title}
        </h2>
        <button type="button" onClick={actions.close}>
          Close theme
        </button>
      </div>
      <dl className="em-detail-facts">
        <dt>Size</dt>
        <dd>{themeCounts(theme)}</dd>
        <dt>Growth</dt>
        <dd>{growthLabel(theme.growth)}</dd>
        <dt>Seen</dt>
        <dd>
          {dayLabel(theme.firstSeen)} to {dayLabel(theme.lastSeen)}
        </dd>
        <dt>Tags</dt>
        <dd>{tagMixText(theme.tags)}</dd>
        <dt>Trend</dt>
        <dd className="em-theme-trend">
          <Sparkline series={series} /> <span>{trendText(series)}</span>
        </dd>
      </dl>
      <h3>Triage the whole theme</h3>
      <ThemeTriageForm onSave={actions.triage} />
      <h3>Rename or merge</h3>
      <RenameForm key={theme.id} title={theme.title} onRename={actions.rename} />
      <ThemePicker
        key={`merge-${theme.id}`}
        name="Merge theme"
        label="Merge into"
        submit="Merge themes"
        choices={props.choices}
        except={theme.id}
        onPick={actions.mergeInto}
      />
      <h3>Quotes and notes</h3>
      <ThemeItems
        key={`${theme.id}-${props.itemsVersion}`}
        client={props.client}
        themeId={theme.id}
        filters={props.filters}
        choices={props.choices}
        onMoved={actions.moved}
      />
    </section>
  );
}
