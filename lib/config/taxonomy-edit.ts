import { describeZodError } from '../schema';
import { type TaxonomyTag, TaxonomyTagSchema } from './settings';

/** The outcome of one taxonomy edit: the whole new taxonomy, or why the edit is refused. */
export type EditResult = { ok: true; taxonomy: TaxonomyTag[] } | { ok: false; error: string };

/** What an admin types for a tag; empty optional fields mean "none". */
export interface TagDraft {
  id?: string;
  label: string;
  category: string;
  hotkey?: string;
  color?: string;
  description?: string;
}

/** A tag id from a label: lowercase words joined by dashes (what TaxonomyTagSchema accepts). */
export function slugify(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay: "Café" → "cafe"
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}

/** Tags grouped by category (categories in order of first appearance), the order the sidebar shows. */
export function groupedOrder(taxonomy: readonly TaxonomyTag[]): TaxonomyTag[] {
  const categories = [...new Set(taxonomy.map((t) => t.category))];
  return categories.flatMap((category) => taxonomy.filter((t) => t.category === category));
}

/** The tag (other than `exceptId`) already using this hotkey; keys are case-insensitive in the sidebar. */
export function hotkeyOwner(
  taxonomy: readonly TaxonomyTag[],
  hotkey: string | undefined,
  exceptId?: string,
): TaxonomyTag | null {
  if (!hotkey) return null;
  const key = hotkey.toLowerCase();
  return taxonomy.find((t) => t.id !== exceptId && t.hotkey?.toLowerCase() === key) ?? null;
}

/** Validates one tag, with the hotkey conflict check the schema alone cannot do. */
function checked(taxonomy: readonly TaxonomyTag[], candidate: unknown, selfId?: string) {
  const parsed = TaxonomyTagSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false as const, error: describeZodError(parsed.error) };
  const owner = hotkeyOwner(taxonomy, parsed.data.hotkey, selfId ?? parsed.data.id);
  if (owner) {
    return {
      ok: false as const,
      error: `hotkey: "${parsed.data.hotkey}" is already used by "${owner.label}"; choose another key`,
    };
  }
  return { ok: true as const, tag: parsed.data };
}

/** Drops empty optional fields so "no hotkey" is stored as absent, not as "". */
function fromDraft(draft: TagDraft, id: string): Record<string, string> {
  const tag: Record<string, string> = { id, label: draft.label.trim(), category: draft.category.trim() };
  const hotkey = draft.hotkey?.trim().toLowerCase();
  if (hotkey) tag.hotkey = hotkey;
  if (draft.color?.trim()) tag.color = draft.color.trim().toLowerCase();
  if (draft.description?.trim()) tag.description = draft.description.trim();
  return tag;
}

/** Adds a tag at the end of its category (the id defaults to the label's slug). */
export function addTag(taxonomy: readonly TaxonomyTag[], draft: TagDraft): EditResult {
  const id = draft.id?.trim() || slugify(draft.label);
  if (taxonomy.some((t) => t.id === id)) return { ok: false, error: `id: a tag "${id}" already exists` };
  const result = checked(taxonomy, fromDraft(draft, id));
  if (!result.ok) return result;
  return { ok: true, taxonomy: groupedOrder([...taxonomy, result.tag]) };
}

/** Renames, recolours, recategorises or re-keys a tag; its id never changes (items refer to it). */
export function updateTag(taxonomy: readonly TaxonomyTag[], id: string, draft: TagDraft): EditResult {
  const index = taxonomy.findIndex((t) => t.id === id);
  if (index < 0) return { ok: false, error: `no tag "${id}"` };
  const result = checked(taxonomy, fromDraft(draft, id), id);
  if (!result.ok) return result;
  const moved = taxonomy[index]?.category !== result.tag.category;
  // A tag moved to another category joins it at the end, as a new tag would.
  const next = moved
    ? [...taxonomy.filter((t) => t.id !== id), result.tag]
    : taxonomy.map((t) => (t.id === id ? result.tag : t));
  return { ok: true, taxonomy: groupedOrder(next) };
}

/** True when the tag has a neighbour of its own category in that direction. */
export function canMove(taxonomy: readonly TaxonomyTag[], id: string, direction: 'up' | 'down'): boolean {
  const ordered = groupedOrder(taxonomy);
  const index = ordered.findIndex((t) => t.id === id);
  const neighbour = ordered[direction === 'up' ? index - 1 : index + 1];
  return index >= 0 && neighbour !== undefined && neighbour.category === ordered[index]?.category;
}

/**
 * Swaps a tag with its neighbour inside its category. Moving across a category would change
 * nothing the agent sees, because the sidebar groups tags by category.
 */
export function moveTag(taxonomy: readonly TaxonomyTag[], id: string, direction: 'up' | 'down'): EditResult {
  if (!canMove(taxonomy, id, direction)) {
    return {
      ok: false,
      error: `"${id}" is already the ${direction === 'up' ? 'first' : 'last'} in its category`,
    };
  }
  const ordered = groupedOrder(taxonomy);
  const index = ordered.findIndex((t) => t.id === id);
  const other = direction === 'up' ? index - 1 : index + 1;
  const [a, b] = [ordered[index], ordered[other]];
  if (!a || !b) return { ok: false, error: `no tag "${id}"` };
  ordered[index] = b;
  ordered[other] = a;
  return { ok: true, taxonomy: ordered };
}

/**
 * Puts a tag where another tag of its category is (a drag and drop): the tags between shift by
 * one. A drop on a tag of another category is refused, since the sidebar groups by category.
 */
export function placeTag(taxonomy: readonly TaxonomyTag[], id: string, targetId: string): EditResult {
  const ordered = groupedOrder(taxonomy);
  const from = ordered.findIndex((t) => t.id === id);
  const to = ordered.findIndex((t) => t.id === targetId);
  const [tag, target] = [ordered[from], ordered[to]];
  if (!tag || !target) return { ok: false, error: `no tag "${tag ? targetId : id}"` };
  if (tag.category !== target.category) {
    return {
      ok: false,
      error: `"${id}" can only move within ${tag.category}: edit it to change its category`,
    };
  }
  ordered.splice(from, 1);
  ordered.splice(to, 0, tag);
  return { ok: true, taxonomy: ordered };
}

/**
 * Removes a tag from the taxonomy. Queued and delivered items keep the label and category they were
 * captured with, so nothing already captured changes; only new captures can no longer use it.
 */
export function retireTag(taxonomy: readonly TaxonomyTag[], id: string): EditResult {
  if (!taxonomy.some((t) => t.id === id)) return { ok: false, error: `no tag "${id}"` };
  if (taxonomy.length === 1) return { ok: false, error: 'the last tag cannot be retired; add another first' };
  return { ok: true, taxonomy: taxonomy.filter((t) => t.id !== id) };
}
