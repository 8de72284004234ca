import { useState } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import { slugify, type TagDraft } from '@/lib/config/taxonomy-edit';

/** Form values of a tag (empty strings for absent optional fields). */
function draftOf(tag: TaxonomyTag | null): Required<TagDraft> {
  return {
    id: tag?.id ?? '',
    label: tag?.label ?? '',
    category: tag?.category ?? '',
    hotkey: tag?.hotkey ?? '',
    color: tag?.color ?? '',
    description: tag?.description ?? '',
  };
}

/**
 * Adds a tag, or renames / recolours / recategorises / re-keys one. Submitting hands the draft to
 * the editor, which validates it (hotkey conflicts included) and says why when it refuses.
 */
export function TagForm({
  tag,
  categories,
  onSubmit,
  onCancel,
}: {
  tag: TaxonomyTag | null;
  categories: string[];
  /** Resolves true when saved (then a new-tag form empties itself). */
  onSubmit(draft: TagDraft): Promise<boolean>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(tag));
  const set = (change: Partial<TagDraft>) => setDraft((d) => ({ ...d, ...change }));
  const title = tag ? `Edit ${tag.label}` : 'Add a tag';
  const listId = `em-categories-${tag?.id ?? 'new'}`;
  const field = (name: keyof TagDraft, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}{' '}
      <input
        value={draft[name]}
        autoComplete="off"
        onChange={(e) => set({ [name]: e.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(draft).then((saved) => {
          if (saved && !tag) setDraft(draftOf(null));
        });
      }}
    >
      <fieldset>
        <legend>{title}</legend>
        {field('label', 'Tag label')}{' '}
        {tag ? null : field('id', 'Tag ID', { placeholder: slugify(draft.label) || 'made from the label' })}{' '}
        {field('category', 'Category', { list: listId })}
        <datalist id={listId}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>{' '}
        {field('hotkey', 'Hotkey', { maxLength: 1, size: 2, placeholder: 'a–z, 0–9' })}{' '}
        {field('color', 'Colour', { size: 8, placeholder: '#rrggbb' })}
        <br />
        {field('description', 'Description', { size: 60, placeholder: 'shown as a tooltip' })}{' '}
        <button type="submit">{tag ? `Save ${tag.label}` : 'Add tag'}</button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}
