import { useEffect, useState } from 'react';
import { changedFields, describeChanged, TAG_FIELDS } from '@/lib/config/changes';
import { DEFAULT_TAXONOMY, type TaxonomyTag } from '@/lib/config/settings';
import {
  addTag,
  canMove,
  groupedOrder,
  moveTag,
  placeTag,
  type TagDraft,
  updateTag,
} from '@/lib/config/taxonomy-edit';
import { restoreRetired, retireKeeping, type TaxonomyWithRetired } from '@/lib/config/taxonomy-retired';
import { Confirm } from '../shared/Confirm';
import { LockableControls } from './OptionsParts';
import { RetiredTags } from './RetiredTags';
import { SidebarPreview } from './SidebarPreview';
import { SortableCategory } from './SortableTags';
import { TagForm } from './TagForm';
import { moveButtonId, type TagActions, TagRow } from './TagRow';
import { resetTaxonomy, type StoredTaxonomyEdit, saveTaxonomy } from './taxonomy-store';

/** The tag taxonomy, grouped by category as the sidebar shows it: add, edit, reorder, retire, reset. */
export function TaxonomyEditor({
  taxonomy,
  retired,
  isStarter,
  locked,
  onChanged,
}: {
  taxonomy: TaxonomyTag[];
  /** Tags retired here, kept to restore. */
  retired: TaxonomyTag[];
  isStarter: boolean;
  locked: boolean;
  onChanged(): Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A drop shows its new order at once; the stored taxonomy, read back after saving, replaces it.
  const [dropped, setDropped] = useState<TaxonomyTag[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored taxonomy is the trigger.
  useEffect(() => setDropped(null), [taxonomy]);
  const ordered = groupedOrder(dropped ?? taxonomy);
  const categories = [...new Set(ordered.map((t) => t.category))];

  /**
   * Saves one edit of the taxonomy (`edit` gets the stored list; `kept` edits the retired tags
   * too); a refusal (e.g. a hotkey already in use) is shown and nothing changes.
   */
  const apply = async (
    edit: ((t: TaxonomyTag[]) => StoredTaxonomyEdit) | null,
    done: string | null,
    kept?: (current: TaxonomyWithRetired) => StoredTaxonomyEdit,
  ): Promise<boolean> => {
    const result = await saveTaxonomy(
      kept ?? ((c) => (edit ? edit(c.taxonomy) : { ok: false, error: 'no edit' })),
    );
    if (!result.ok) {
      setMessage('');
      setError(result.error);
      return false;
    }
    setError(null);
    setMessage(done ?? result.note ?? '');
    await onChanged();
    return true;
  };

  const actions: TagActions = {
    edit: setEditing,
    save: async (id, draft) => {
      const before = ordered.find((t) => t.id === id);
      const trimmed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.trim()]));
      const what = before
        ? describeChanged(changedFields(before, { ...before, ...trimmed }, TAG_FIELDS))
        : '';
      const saved = await apply((t) => updateTag(t, id, draft), `Saved ${draft.label.trim()}: ${what}.`);
      if (saved) setEditing(null);
      return saved;
    },
    move: (tag, direction) => {
      if (!canMove(ordered, tag.id, direction)) {
        setError(`${tag.label} is already the ${direction === 'up' ? 'first' : 'last'} of ${tag.category}.`);
        return;
      }
      void apply((t) => moveTag(t, tag.id, direction), `Moved ${tag.label} ${direction}.`).then(() =>
        // The row may have been re-inserted, which drops focus: put it back on the same button.
        requestAnimationFrame(() => document.getElementById(moveButtonId(tag.id, direction))?.focus()),
      );
    },
    place: (tag, targetId) => {
      const position = ordered.filter((t) => t.category === tag.category).findIndex((t) => t.id === targetId);
      const shown = placeTag(ordered, tag.id, targetId);
      if (shown.ok) setDropped(shown.taxonomy);
      void apply(
        (t) => placeTag(t, tag.id, targetId),
        `Moved ${tag.label} to position ${position + 1} of ${tag.category}.`,
      ).then(() =>
        requestAnimationFrame(() => document.getElementById(moveButtonId(tag.id, 'drag'))?.focus()),
      );
    },
    askRetire: (tag) => setRetiring(tag?.id ?? null),
    retire: (tag) => void apply(null, null, (c) => retireKeeping(c, tag.id)),
  };
  const restore = (tag: TaxonomyTag) => void apply(null, null, (c) => restoreRetired(c, tag.id));
  const add = (draft: TagDraft) => apply((t) => addTag(t, draft), `Added ${draft.label.trim()}.`);

  return (
    <div>
      {isStarter && !locked ? <p>The starter taxonomy shipped with Earmark.</p> : null}
      <div className="em-tags-layout">
        <ul aria-label="Tags" className="em-tag-groups">
          {categories.map((category) => (
            <li key={category}>
              <h3>{category}</h3>
              <SortableCategory
                tags={ordered.filter((t) => t.category === category)}
                locked={locked}
                onPlace={(id, targetId) => {
                  const tag = ordered.find((t) => t.id === id);
                  if (tag) actions.place(tag, targetId);
                }}
              >
                <ul aria-label={category} className="em-tag-rows">
                  {ordered
                    .filter((t) => t.category === category)
                    .map((tag) => (
                      <TagRow
                        key={tag.id}
                        tag={tag}
                        editing={editing === tag.id}
                        retiring={retiring === tag.id}
                        locked={locked}
                        canMoveUp={canMove(ordered, tag.id, 'up')}
                        canMoveDown={canMove(ordered, tag.id, 'down')}
                        categories={categories}
                        actions={actions}
                      />
                    ))}
                </ul>
              </SortableCategory>
            </li>
          ))}
        </ul>
        <SidebarPreview taxonomy={ordered} />
      </div>
      <RetiredTags retired={retired} locked={locked} onRestore={restore} />
      <LockableControls locked={locked} id="tags-locked" label="Tag changes">
        {locked ? null : <TagForm tag={null} categories={categories} onSubmit={add} />}
        <button
          type="button"
          id="em-reset-taxonomy"
          disabled={isStarter}
          aria-expanded={resetting}
          onClick={() => setResetting(true)}
        >
          Reset to the starter taxonomy
        </button>
        {resetting ? (
          <Confirm
            name="Reset to the starter taxonomy?"
            consequence={`These ${taxonomy.length} tags, with their order, keys and colours, are replaced by the ${DEFAULT_TAXONOMY.length} starter tags. Captures already made keep their tags and are still delivered.`}
            confirm="Yes, reset"
            onConfirm={() => {
              setResetting(false);
              void resetTaxonomy()
                .then(onChanged)
                .then(() => setMessage('Starter taxonomy restored.'));
            }}
            onCancel={() => {
              setResetting(false);
              document.getElementById('em-reset-taxonomy')?.focus();
            }}
          />
        ) : null}
      </LockableControls>
      {error ? <p role="alert">Not changed: {error}</p> : null}
      <p role="status">{message}</p>
    </div>
  );
}
