import type { EndpointDraft } from '@/lib/config/endpoint-edit';
import type { TaxonomyTag } from '@/lib/config/settings';

/**
 * Which tags an endpoint receives: "All tags" (the default, also for tags added later) or a
 * chosen set. Unchecking "All tags" starts from every current tag, so nothing stops at once.
 */
export function TagRouting({
  draft,
  taxonomy,
  onChange,
}: {
  draft: EndpointDraft;
  taxonomy: TaxonomyTag[];
  onChange(next: Pick<EndpointDraft, 'allTags' | 'tags'>): void;
}) {
  const toggle = (id: string, on: boolean) =>
    onChange({ allTags: false, tags: on ? [...draft.tags, id] : draft.tags.filter((t) => t !== id) });
  const known = new Set(taxonomy.map((t) => t.id));
  // Ids routed here that the taxonomy no longer has (retired tags) stay visible, so they can be removed.
  const unknown = draft.tags.filter((id) => !known.has(id));
  return (
    <fieldset>
      <legend>Tags sent to this endpoint</legend>
      <label>
        <input
          type="checkbox"
          checked={draft.allTags}
          onChange={(e) =>
            onChange({
              allTags: e.target.checked,
              tags: e.target.checked ? [] : taxonomy.map((t) => t.id),
            })
          }
        />{' '}
        All tags
      </label>
      {draft.allTags ? null : (
        <ul aria-label="Routed tags">
          {taxonomy.map((tag) => (
            <li key={tag.id}>
              <label title={tag.description}>
                <input
                  type="checkbox"
                  checked={draft.tags.includes(tag.id)}
                  onChange={(e) => toggle(tag.id, e.target.checked)}
                />{' '}
                {tag.label} <small>({tag.category})</small>
              </label>
            </li>
          ))}
          {unknown.map((id) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked onChange={() => toggle(id, false)} /> {id} (no longer in the
                taxonomy)
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
