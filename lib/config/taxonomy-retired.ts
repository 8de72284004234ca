import type { TaxonomyTag } from './settings';
import { groupedOrder, hotkeyOwner, retireTag } from './taxonomy-edit';

/** A taxonomy with the tags retired from it, kept so they can be restored. */
export interface TaxonomyWithRetired {
  taxonomy: TaxonomyTag[];
  retired: TaxonomyTag[];
}

/** The outcome of retiring or restoring: both lists, and a note for the person; or why not. */
export type RetiredEdit = ({ ok: true; note: string } & TaxonomyWithRetired) | { ok: false; error: string };

/**
 * Retires a tag and keeps it in the retired list (the latest copy of an id wins), so an admin can
 * bring it back with its label, colour and description.
 */
export function retireKeeping(current: TaxonomyWithRetired, id: string): RetiredEdit {
  const tag = current.taxonomy.find((t) => t.id === id);
  const result = retireTag(current.taxonomy, id);
  if (!result.ok || !tag) return { ok: false, error: result.ok ? `no tag "${id}"` : result.error };
  return {
    ok: true,
    taxonomy: result.taxonomy,
    retired: [...current.retired.filter((t) => t.id !== id), tag],
    note: `Retired ${tag.label}. Captures already made with it keep their tag and are still delivered.`,
  };
}

/**
 * Brings a retired tag back at the end of its category. Its key comes back too unless another tag
 * took it meanwhile; then it returns without a key, and the note says so.
 */
export function restoreRetired(current: TaxonomyWithRetired, id: string): RetiredEdit {
  const tag = current.retired.find((t) => t.id === id);
  if (!tag) return { ok: false, error: `no retired tag "${id}"` };
  if (current.taxonomy.some((t) => t.id === id)) {
    return {
      ok: false,
      error: `a tag with the ID "${id}" is in the taxonomy again: rename or retire it first`,
    };
  }
  const owner = hotkeyOwner(current.taxonomy, tag.hotkey);
  const { hotkey: _taken, ...withoutKey } = tag;
  const restored: TaxonomyTag = owner ? withoutKey : tag;
  const note = owner
    ? `Restored ${tag.label} without its key ${tag.hotkey?.toUpperCase()}, which ${owner.label} uses now.`
    : `Restored ${tag.label}.`;
  return {
    ok: true,
    taxonomy: groupedOrder([...current.taxonomy, restored]),
    retired: current.retired.filter((t) => t.id !== id),
    note,
  };
}
