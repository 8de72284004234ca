import type { TaxonomyTag } from '@/lib/config/settings';
import { isUserInput, type TagShortcut } from '../launcher/keys';

interface Props {
  /** Tags in display order with their capture keys (see sidebar-keys.ts for the precedence). */
  shortcuts: readonly TagShortcut[];
  /** The agent's click on a tag; the page's selection at pointer-down is kept by the sidebar (launcher/tag-capture.ts). */
  onCapture(tag: TaxonomyTag): void;
}

/** Shortcuts grouped by category, keeping display order. */
function groups(shortcuts: readonly TagShortcut[]): Array<[string, TagShortcut[]]> {
  const byCategory = new Map<string, TagShortcut[]>();
  for (const shortcut of shortcuts) {
    const group = byCategory.get(shortcut.tag.category);
    if (group) group.push(shortcut);
    else byCategory.set(shortcut.tag.category, [shortcut]);
  }
  return [...byCategory];
}

/** The taxonomy as one button per tag, grouped by category; a click (or the tag's key) is a capture. */
export function TagButtons({ shortcuts, onCapture }: Props) {
  return (
    <div className="em-tags">
      {groups(shortcuts).map(([category, members]) => (
        <fieldset key={category} className="em-group">
          <legend className="em-group-title">{category}</legend>
          <div className="em-group-buttons">
            {members.map(({ tag, key }) => (
              <button
                key={tag.id}
                type="button"
                className="em-tag"
                // Names the tag for a click replayed onto a fresh rendering (launcher/early-input.ts).
                data-tag={tag.id}
                title={tag.description}
                aria-keyshortcuts={key ?? undefined}
                // Set through the CSSOM (not a style attribute), which a strict page CSP allows.
                style={tag.color ? { borderLeftColor: tag.color } : undefined}
                // A page script's `click()` on our (open) shadow root is untrusted: never a capture.
                onClick={(event) => {
                  if (isUserInput(event)) onCapture(tag);
                }}
              >
                <span className="em-tag-label">{tag.label}</span>
                {key ? (
                  <span className="em-key" aria-hidden="true">
                    {key.toUpperCase()}
                  </span>
                ) : null}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
