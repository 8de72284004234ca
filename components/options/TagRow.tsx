import type { TaxonomyTag } from '@/lib/config/settings';
import type { TagDraft } from '@/lib/config/taxonomy-edit';
import { TagForm } from './TagForm';

/** The DOM id of a move button, so focus can follow the tag after the list re-renders. */
export function moveButtonId(tagId: string, direction: 'up' | 'down'): string {
  return `em-move-${tagId}-${direction}`;
}

/** What a tag row can ask the taxonomy editor to do. */
export interface TagActions {
  edit(id: string | null): void;
  save(id: string, draft: TagDraft): Promise<boolean>;
  move(tag: TaxonomyTag, direction: 'up' | 'down'): void;
  retire(tag: TaxonomyTag): void;
}

/** "Move Bug up": aria-disabled, not disabled, so a button that just moved its tag to the edge keeps focus. */
function MoveButton(props: {
  tag: TaxonomyTag;
  direction: 'up' | 'down';
  canMove: boolean;
  locked: boolean;
  actions: TagActions;
}) {
  const { tag, direction } = props;
  return (
    <button
      type="button"
      id={moveButtonId(tag.id, direction)}
      disabled={props.locked}
      aria-disabled={!props.canMove}
      onClick={() => props.actions.move(tag, direction)}
    >
      Move {tag.label} {direction}
    </button>
  );
}

/**
 * One tag: colour, label (its description as the tooltip), hotkey, and buttons named with the
 * label, so a screen-reader or keyboard user knows which tag each one acts on.
 */
export function TagRow({
  tag,
  editing,
  locked,
  canMoveUp,
  canMoveDown,
  categories,
  actions,
}: {
  tag: TaxonomyTag;
  editing: boolean;
  locked: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  categories: string[];
  actions: TagActions;
}) {
  if (editing && !locked) {
    return (
      <li>
        <TagForm
          tag={tag}
          categories={categories}
          onSubmit={(draft) => actions.save(tag.id, draft)}
          onCancel={() => actions.edit(null)}
        />
      </li>
    );
  }
  return (
    <li title={tag.description}>
      {tag.color ? (
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width: '0.8em',
            height: '0.8em',
            marginRight: '0.4em',
            background: tag.color,
            border: '1px solid currentColor',
          }}
        />
      ) : null}
      <span>{tag.label}</span> <small>({tag.id})</small>
      {tag.hotkey ? ` — key ${tag.hotkey.toUpperCase()}` : ''}
      {tag.color ? ` — colour ${tag.color}` : ''}{' '}
      <button type="button" disabled={locked} onClick={() => actions.edit(tag.id)}>
        Edit {tag.label}
      </button>
      <MoveButton tag={tag} direction="up" canMove={canMoveUp} locked={locked} actions={actions} />
      <MoveButton tag={tag} direction="down" canMove={canMoveDown} locked={locked} actions={actions} />
      <button type="button" disabled={locked} onClick={() => actions.retire(tag)}>
        Retire {tag.label}
      </button>
    </li>
  );
}
