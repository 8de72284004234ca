import { useEffect, useId, useState } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import { statusWord } from '@/lib/hub/review/labels';
import type { ReviewFilters } from '@/lib/hub/review/query';
import { type Facets, REVIEW_STATUSES } from '@/lib/hub/review/schemas';

type Option = { value: string; label: string };

/** A labelled select whose first option clears the filter. */
function Select(props: {
  label: string;
  value: string;
  all: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="em-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Tags and categories the lead can filter by: the hub's facets first, then the taxonomy's. */
function tagOptions(facets: Facets | null, taxonomy: TaxonomyTag[]) {
  const tags = new Map<string, string>();
  for (const t of facets?.tags ?? []) tags.set(t.id, t.label);
  for (const t of taxonomy) if (!tags.has(t.id)) tags.set(t.id, t.label);
  const categories = new Set([
    ...(facets?.tags ?? []).map((t) => t.category),
    ...taxonomy.map((t) => t.category),
  ]);
  return {
    tags: [...tags]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    categories: [...categories].sort().map((c) => ({ value: c, label: c })),
  };
}

/** The filter controls; the search box waits for a pause in typing before it filters. */
export function FilterBar(props: {
  filters: ReviewFilters;
  onChange: (next: ReviewFilters) => void;
  facets: Facets | null;
  taxonomy: TaxonomyTag[];
}) {
  const { filters, onChange } = props;
  const set = <K extends keyof ReviewFilters>(key: K, value: ReviewFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const [q, setQ] = useState(filters.q);
  const searchId = useId();
  const fromId = useId();
  const toId = useId();
  const sortId = useId();

  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const { tags, categories } = tagOptions(props.facets, props.taxonomy);
  const agents = (props.facets?.agents ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }));
  const sites = (props.facets?.sites ?? []).map((s) => ({ value: s.site, label: s.site }));

  return (
    <search className="em-filters" aria-label="Filters">
      <div className="em-field em-field-wide">
        <label htmlFor={searchId}>Search notes and quotes</label>
        <input id={searchId} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </div>
      <Select label="Tag" all="All tags" value={filters.tag} options={tags} onChange={(v) => set('tag', v)} />
      <Select
        label="Category"
        all="All categories"
        value={filters.category}
        options={categories}
        onChange={(v) => set('category', v)}
      />
      <Select
        label="Status"
        all="Any status"
        value={filters.status}
        options={REVIEW_STATUSES.map((s) => ({ value: s, label: statusWord(s) }))}
        onChange={(v) => set('status', REVIEW_STATUSES.find((s) => s === v) ?? '')}
      />
      <Select
        label="Agent"
        all="All agents"
        value={filters.agent}
        options={agents}
        onChange={(v) => set('agent', v)}
      />
      <Select
        label="Site"
        all="All sites"
        value={filters.site}
        options={sites}
        onChange={(v) => set('site', v)}
      />
      <div className="em-field">
        <label htmlFor={fromId}>From</label>
        <input id={fromId} type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
      </div>
      <div className="em-field">
        <label htmlFor={toId}>To</label>
        <input id={toId} type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </div>
      <div className="em-field">
        <label htmlFor={sortId}>Sort</label>
        <select
          id={sortId}
          value={filters.sort}
          onChange={(e) => set('sort', e.target.value === 'oldest' ? 'oldest' : 'newest')}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
    </search>
  );
}
