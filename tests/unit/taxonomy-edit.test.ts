import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, type TaxonomyTag } from '../../lib/config/settings';
import {
  addTag,
  canMove,
  type EditResult,
  groupedOrder,
  hotkeyOwner,
  moveTag,
  placeTag,
  retireTag,
  slugify,
  updateTag,
} from '../../lib/config/taxonomy-edit';

const taxonomy: TaxonomyTag[] = [
  { id: 'bug', label: 'Bug', category: 'Insight', hotkey: '1' },
  { id: 'praise', label: 'Praise', category: 'Insight' },
  { id: 'idea', label: 'Idea', category: 'Improvement', hotkey: 'i', color: '#112233' },
  { id: 'churn', label: 'Churn risk', category: 'Insight' },
];

function ok(result: EditResult): TaxonomyTag[] {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.taxonomy;
}
function refused(result: EditResult): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}
const ids = (tags: TaxonomyTag[]) => tags.map((t) => t.id);

describe('slugify and grouping', () => {
  it('makes schema-valid ids from labels', () => {
    expect(slugify('Feature request')).toBe('feature-request');
    expect(slugify('  Café / Résumé!! ')).toBe('cafe-resume');
    expect(slugify('x'.repeat(80))).toHaveLength(64);
  });
  it('groups by category in order of first appearance, keeping order within a category', () => {
    expect(ids(groupedOrder(taxonomy))).toEqual(['bug', 'praise', 'churn', 'idea']);
  });
});

describe('addTag', () => {
  it('adds at the end of its category, id from the label, empty optionals left out', () => {
    const next = ok(addTag(taxonomy, { label: 'Refund', category: 'Insight', hotkey: '', color: '' }));
    expect(ids(next)).toEqual(['bug', 'praise', 'churn', 'refund', 'idea']);
    expect(next.find((t) => t.id === 'refund')).toEqual({
      id: 'refund',
      label: 'Refund',
      category: 'Insight',
    });
  });
  it('refuses a duplicate id, an invalid id, a bad colour and an empty label', () => {
    expect(refused(addTag(taxonomy, { label: 'Bug', category: 'Insight' }))).toMatch(
      /id: a tag "bug" already/,
    );
    expect(refused(addTag(taxonomy, { id: 'Not OK', label: 'X', category: 'C' }))).toMatch(/^id: lowercase/);
    expect(refused(addTag(taxonomy, { label: 'X', category: 'C', color: 'red' }))).toMatch(
      /color: a #rrggbb/,
    );
    expect(refused(addTag(taxonomy, { id: 'x', label: ' ', category: 'C' }))).toMatch(/^label:/);
  });
  it('refuses a hotkey already used, case-insensitively, naming the tag that has it', () => {
    expect(refused(addTag(taxonomy, { label: 'New', category: 'C', hotkey: 'I' }))).toBe(
      'hotkey: "i" is already used by "Idea"; choose another key',
    );
    expect(refused(addTag(taxonomy, { label: 'New', category: 'C', hotkey: '1' }))).toMatch(/used by "Bug"/);
    expect(refused(addTag(taxonomy, { label: 'New', category: 'C', hotkey: '!' }))).toMatch(
      /one letter or digit/,
    );
  });
});

describe('updateTag', () => {
  it('renames, recolours, re-keys and recategorises, keeping the id', () => {
    const next = ok(
      updateTag(taxonomy, 'praise', {
        label: 'Kudos',
        category: 'Improvement',
        hotkey: 'K',
        color: '#ABCDEF',
      }),
    );
    expect(next.find((t) => t.id === 'praise')).toEqual({
      id: 'praise',
      label: 'Kudos',
      category: 'Improvement',
      hotkey: 'k',
      color: '#abcdef',
    });
    expect(ids(next)).toEqual(['bug', 'churn', 'idea', 'praise']);
  });
  it('lets a tag keep its own hotkey but not take another tag’s', () => {
    ok(updateTag(taxonomy, 'bug', { label: 'Bug!', category: 'Insight', hotkey: '1' }));
    expect(refused(updateTag(taxonomy, 'bug', { label: 'Bug', category: 'Insight', hotkey: 'i' }))).toMatch(
      /"i" is already used by "Idea"/,
    );
    expect(refused(updateTag(taxonomy, 'nope', { label: 'X', category: 'C' }))).toMatch(/no tag "nope"/);
  });
});

describe('moveTag', () => {
  it('swaps with the neighbour inside its category', () => {
    expect(ids(ok(moveTag(taxonomy, 'churn', 'up')))).toEqual(['bug', 'churn', 'praise', 'idea']);
    expect(ids(ok(moveTag(taxonomy, 'bug', 'down')))).toEqual(['praise', 'bug', 'churn', 'idea']);
  });
  it('does not cross a category boundary (the sidebar groups by category)', () => {
    expect(canMove(taxonomy, 'bug', 'up')).toBe(false);
    expect(canMove(taxonomy, 'churn', 'down')).toBe(false);
    expect(canMove(taxonomy, 'idea', 'up')).toBe(false);
    expect(refused(moveTag(taxonomy, 'churn', 'down'))).toMatch(/already the last/);
    expect(refused(moveTag(taxonomy, 'missing', 'up'))).toMatch(/already the first/);
  });
});

describe('placeTag (drag and drop)', () => {
  it('puts the tag where the target was, shifting the tags between by one, both ways', () => {
    expect(ids(ok(placeTag(taxonomy, 'churn', 'bug')))).toEqual(['churn', 'bug', 'praise', 'idea']);
    expect(ids(ok(placeTag(taxonomy, 'bug', 'churn')))).toEqual(['praise', 'churn', 'bug', 'idea']);
    expect(ids(ok(placeTag(taxonomy, 'praise', 'praise')))).toEqual(['bug', 'praise', 'churn', 'idea']);
  });
  it('refuses a drop in another category and unknown tags, changing nothing', () => {
    expect(refused(placeTag(taxonomy, 'idea', 'bug'))).toMatch(/only move within Improvement/);
    expect(refused(placeTag(taxonomy, 'nope', 'bug'))).toMatch(/no tag "nope"/);
    expect(refused(placeTag(taxonomy, 'bug', 'nope'))).toMatch(/no tag "nope"/);
  });
});

describe('retireTag and hotkeyOwner', () => {
  it('removes the tag and nothing else; refuses the last tag and unknown ids', () => {
    expect(ids(ok(retireTag(taxonomy, 'praise')))).toEqual(['bug', 'idea', 'churn']);
    expect(refused(retireTag([taxonomy[0]!], 'bug'))).toMatch(/last tag/);
    expect(refused(retireTag(taxonomy, 'nope'))).toMatch(/no tag/);
  });
  it('finds who owns a hotkey, ignoring the tag being edited', () => {
    expect(hotkeyOwner(DEFAULT_TAXONOMY, '1')?.id).toBe('feature-request');
    expect(hotkeyOwner(DEFAULT_TAXONOMY, '1', 'feature-request')).toBeNull();
    expect(hotkeyOwner(DEFAULT_TAXONOMY, undefined)).toBeNull();
  });
});
