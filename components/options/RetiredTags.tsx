import type { TaxonomyTag } from '@/lib/config/settings';

/**
 * Tags retired in this browser, apart from the taxonomy: each can be restored with its label,
 * colour, description and (when still free) its key. Nothing shows while none is retired.
 */
export function RetiredTags({
  retired,
  locked,
  onRestore,
}: {
  retired: readonly TaxonomyTag[];
  locked: boolean;
  onRestore(tag: TaxonomyTag): void;
}) {
  if (retired.length === 0) return null;
  return (
    <section aria-labelledby="em-retired-title" className="em-retired">
      <h3 id="em-retired-title">Retired tags</h3>
      <p className="em-card-summary">
        Not offered to agents. Captures already made with them keep their tags and are still delivered.
      </p>
      <ul aria-labelledby="em-retired-title" className="em-tag-rows">
        {retired.map((tag) => (
          <li key={tag.id} className="em-retired-row">
            <span className="em-tag-text">
              <span className="em-tag-name">{tag.label}</span> <code>({tag.id})</code> · {tag.category}
            </span>
            <button type="button" disabled={locked} onClick={() => onRestore(tag)}>
              Restore {tag.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
