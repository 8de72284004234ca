import { useEffect, useState } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import { statusWord } from '@/lib/hub/review/labels';
import type { ReviewFilters } from '@/lib/hub/review/query';
import { type Facets, REVIEW_STATUSES } from '@/lib/hub/review/schemas';
import { Field } from './Field';

type Option = { value: string; label: string };
/** The filters a lead picks from a list of values. */
type ListFilter = 'tag' | 'category' | 'status' | 'agent' | 'site';

/** A labelled select whose first option clears the filter. */
function Select(props: {
  label: string;
  value: string;
  all: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{props.all}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
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
  const pick = (key: ListFilter, value: string) =>
    key === 'status' ? set('status', REVIEW_STATUSES.find((s) => s === value) ?? '') : set(key, value);
  const [q, setQ] = useState(filters.q);

  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const { tags, categories } = tagOptions(props.facets, props.taxonomy);
  const statuses = REVIEW_STATUSES.map((s) => ({ value: s, label: statusWord(s) }));
  const agents = (props.facets?.agents ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }));
  const sites = (props.facets?.sites ?? []).map((s) => ({ value: s.site, label: s.site }));
  const lists: Array<{ key: ListFilter; label: string; all: string; options: Option[] }> = [
    { key: 'tag', label: 'Tag', all: 'All tags', options: tags },
    { key: 'category', label: 'Category', all: 'All categories', options: categories },
    { key: 'status', label: 'Status', all: 'Any status', options: statuses },
    { key: 'agent', label: 'Agent', all: 'All agents', options: agents },
    { key: 'site', label: 'Site', all: 'All sites', options: sites },
  ];

  return (
    <search className="em-filters" aria-label="Filters">
      <Field label="Search notes and quotes" wide>
        {(id) => (
          <input id={id} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        )}
      </Field>
      {lists.map((list) => (
        <Select
          key={list.key}
          label={list.label}
          all={list.all}
          value={filters[list.key]}
          options={list.options}
          onChange={(v) => pick(list.key, v)}
        />
      ))}
      <Field label="From">
        {(id) => (
          <input id={id} type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        )}
      </Field>
      <Field label="To">
        {(id) => <input id={id} type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      <Field label="Sort">
        {(id) => (
          <select
            id={id}
            value={filters.sort}
            onChange={(e) => set('sort', e.target.value === 'oldest' ? 'oldest' : 'newest')}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        )}
      </Field>
    </search>
  );
}
