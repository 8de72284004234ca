import type { TaxonomyTag } from '@/lib/config';

interface Props {
  taxonomy: TaxonomyTag[];
  onCapture(tag: TaxonomyTag): void;
  /** Called on pointer-down, before focus moves, so the page's text selection can be kept. */
  onBeforeCapture(): void;
}

/** The taxonomy as one button per tag, grouped by category; a click is a capture. */
export function TagButtons({ taxonomy, onCapture, onBeforeCapture }: Props) {
  const categories = [...new Set(taxonomy.map((t) => t.category))];
  return (
    <div className="em-tags">
      {categories.map((category) => (
        <section key={category} className="em-group" aria-label={category}>
          <h3 className="em-group-title">{category}</h3>
          <div className="em-group-buttons">
            {taxonomy
              .filter((t) => t.category === category)
              .map((tag) => (
                <button
                  key={tag.id}
                  type="button"
                  className="em-tag"
                  title={tag.description}
                  aria-keyshortcuts={tag.hotkey}
                  style={tag.color ? { borderLeftColor: tag.color } : undefined}
                  onPointerDown={onBeforeCapture}
                  onClick={() => onCapture(tag)}
                >
                  {tag.label}
                  {tag.hotkey ? (
                    <span className="em-key" aria-hidden="true">
                      {tag.hotkey}
                    </span>
                  ) : null}
                </button>
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
