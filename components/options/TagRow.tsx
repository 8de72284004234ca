import type { TaxonomyTag } from '@/lib/config/settings';
import type { TagDraft } from '@/lib/config/taxonomy-edit';
import { Confirm } from '../shared/Confirm';
import { Icon } from '../shared/Icon';
import { IconButton } from '../shared/IconButton';
import { useSortableRow } from './SortableTags';
import { TagForm } from './TagForm';

/** The DOM id of a move button or drag handle, so focus can follow the tag after the list re-renders. */
export function moveButtonId(tagId: string, direction: 'up' | 'down' | 'drag'): string {
  return `em-move-${tagId}-${direction}`;
}

/** What a tag row can ask the taxonomy editor to do. */
export interface TagActions {
  edit(id: string | null): void;
  save(id: string, draft: TagDraft): Promise<boolean>;
  move(tag: TaxonomyTag, direction: 'up' | 'down'): void;
  /** A drop: the tag goes where `targetId` is. */
  place(tag: TaxonomyTag, targetId: string): void;
  /** Asks to retire a tag (null: the question was answered "Cancel"). */
  askRetire(tag: TaxonomyTag | null): void;
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
    <IconButton
      icon={direction}
      name={`Move ${tag.label} ${direction}`}
      tip={`Move ${direction}`}
      id={moveButtonId(tag.id, direction)}
      disabled={props.locked}
      aria-disabled={!props.canMove}
      onClick={() => props.actions.move(tag, direction)}
    />
  );
}

/**
 * One tag: colour swatch, label and id, hotkey and description, then icon buttons named with the
 * label ("Edit Bug"), so a screen-reader or keyboard user knows which tag each one acts on.
 */
export function TagRow({
  tag,
  editing,
  retiring,
  locked,
  canMoveUp,
  canMoveDown,
  categories,
  actions,
}: {
  tag: TaxonomyTag;
  editing: boolean;
  retiring: boolean;
  locked: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  categories: string[];
  actions: TagActions;
}) {
  const { rowRef, rowStyle, dragging, handle } = useSortableRow(tag.id, locked || editing);
  if (editing && !locked) {
    return (
      <li ref={rowRef} className="em-tag-row em-tag-editing">
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
    <li ref={rowRef} style={rowStyle} className={`em-tag-row${dragging ? ' em-dragging' : ''}`}>
      <button
        type="button"
        className="em-icon-button em-drag"
        id={moveButtonId(tag.id, 'drag')}
        data-tip="Drag to reorder"
        disabled={locked}
        {...handle}
        aria-label={`Drag ${tag.label}`}
      >
        <Icon name="drag" />
      </button>
      {/* No colour of its own: an empty cell, so it does not look like a checkbox. */}
      <span
        aria-hidden="true"
        className={tag.color ? 'em-swatch' : undefined}
        style={{ background: tag.color }}
      />
      <span className="em-tag-text">
        <span className="em-tag-name">{tag.label}</span> <code>({tag.id})</code>
        {tag.description ? <span className="em-tag-description">{tag.description}</span> : null}
      </span>
      <span className="em-tag-key">
        {tag.hotkey ? <span className="em-chip">key {tag.hotkey.toUpperCase()}</span> : null}
        {tag.color ? <span className="em-visually-hidden"> colour {tag.color}</span> : null}
      </span>
      <span className="em-row-actions">
        <IconButton
          icon="edit"
          name={`Edit ${tag.label}`}
          tip="Edit"
          disabled={locked}
          onClick={() => actions.edit(tag.id)}
        />
        <MoveButton tag={tag} direction="up" canMove={canMoveUp} locked={locked} actions={actions} />
        <MoveButton tag={tag} direction="down" canMove={canMoveDown} locked={locked} actions={actions} />
        <IconButton
          icon="retire"
          name={`Retire ${tag.label}`}
          tip="Retire"
          id={`em-retire-${tag.id}`}
          disabled={locked}
          aria-expanded={retiring}
          onClick={() => actions.askRetire(tag)}
        />
      </span>
      {retiring ? (
        <div className="em-row-confirm">
          <Confirm
            name={`Retire ${tag.label}?`}
            consequence={`New captures can no longer use ${tag.label}${tag.hotkey ? `, and key ${tag.hotkey.toUpperCase()} is free again` : ''}. Captures already made keep it and are still delivered. It can be restored from Retired tags.`}
            confirm="Yes, retire"
            onConfirm={() => {
              actions.askRetire(null);
              actions.retire(tag);
            }}
            onCancel={() => {
              actions.askRetire(null);
              document.getElementById(`em-retire-${tag.id}`)?.focus();
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
