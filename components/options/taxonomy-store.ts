import { DEFAULT_TAXONOMY, type TaxonomyTag } from '@/lib/config/settings';
import { updateLocalSettings } from '@/lib/config/store';
import type { TaxonomyWithRetired } from '@/lib/config/taxonomy-retired';

/** What an edit of the stored taxonomy gives: the new lists (and a note to show), or why not. */
export type StoredTaxonomyEdit =
  | { ok: true; taxonomy: TaxonomyTag[]; retired?: TaxonomyTag[]; note?: string }
  | { ok: false; error: string };

/**
 * Applies one taxonomy edit to the settings as stored now (the starter taxonomy until the first
 * edit), so two tabs editing at once never write back a stale list. Refused edits write nothing.
 */
export async function saveTaxonomy(
  edit: (current: TaxonomyWithRetired) => StoredTaxonomyEdit,
): Promise<StoredTaxonomyEdit> {
  const made: { result?: StoredTaxonomyEdit } = {};
  try {
    await updateLocalSettings((s) => {
      const result = edit({ taxonomy: s.taxonomy ?? DEFAULT_TAXONOMY, retired: s.retiredTags ?? [] });
      made.result = result;
      if (!result.ok) throw new Error(result.error);
      const retiredTags = result.retired ?? s.retiredTags;
      return {
        ...s,
        taxonomy: result.taxonomy,
        ...(retiredTags?.length ? { retiredTags } : { retiredTags: undefined }),
      };
    });
  } catch (error) {
    if (made.result && !made.result.ok) return made.result;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return made.result ?? { ok: false, error: 'not saved' };
}

/** Goes back to the starter taxonomy shipped with Earmark (stored as "not set"); retired tags stay. */
export async function resetTaxonomy(): Promise<void> {
  await updateLocalSettings((s) => ({ ...s, taxonomy: null }));
}
