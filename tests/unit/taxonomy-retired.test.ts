import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LocalSettingsSchema, type TaxonomyTag } from '../../lib/config/settings';
import { restoreRetired, retireKeeping } from '../../lib/config/taxonomy-retired';

// Retired tags are shown apart in the options page and can be restored (issue 21).
const taxonomy: TaxonomyTag[] = [
  { id: 'bug', label: 'Bug', category: 'Insight', hotkey: 'b', color: '#b42318', description: 'Broken' },
  { id: 'praise', label: 'Praise', category: 'Insight' },
  { id: 'idea', label: 'Idea', category: 'Improvement', hotkey: 'i' },
];

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('retireKeeping and restoreRetired', () => {
  it('keeps a retired tag whole and restores it at the end of its category, key included', () => {
    const retired = ok(retireKeeping({ taxonomy, retired: [] }, 'bug'));
    expect(retired.taxonomy.map((t) => t.id)).toEqual(['praise', 'idea']);
    expect(retired.retired).toEqual([taxonomy[0]]);
    expect(retired.note).toMatch(/^Retired Bug\. Captures already made/);
    const restored = ok(restoreRetired(retired, 'bug'));
    expect(restored.taxonomy.map((t) => t.id)).toEqual(['praise', 'bug', 'idea']);
    expect(restored.taxonomy[1]).toEqual(taxonomy[0]);
    expect(restored.retired).toEqual([]);
    expect(restored.note).toBe('Restored Bug.');
  });

  it('restores without the key when another tag took it meanwhile, and says so', () => {
    const retired = ok(retireKeeping({ taxonomy, retired: [] }, 'bug'));
    const taken = {
      ...retired,
      taxonomy: [...retired.taxonomy, { id: 'billing', label: 'Billing', category: 'Money', hotkey: 'B' }],
    };
    const restored = ok(restoreRetired(taken, 'bug'));
    expect(restored.taxonomy.find((t) => t.id === 'bug')?.hotkey).toBeUndefined();
    expect(restored.note).toBe('Restored Bug without its key B, which Billing uses now.');
  });

  it('refuses unknown tags, an id back in use and retiring the last tag, changing nothing', () => {
    expect(retireKeeping({ taxonomy, retired: [] }, 'nope')).toMatchObject({ ok: false });
    expect(retireKeeping({ taxonomy: [taxonomy[1] as TaxonomyTag], retired: [] }, 'praise')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/last tag/),
    });
    expect(restoreRetired({ taxonomy, retired: [] }, 'bug')).toMatchObject({ ok: false });
    expect(restoreRetired({ taxonomy, retired: [taxonomy[0] as TaxonomyTag] }, 'bug')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/in the taxonomy again/),
    });
  });

  it('is stored with the settings, optional so older settings stay valid', () => {
    expect(LocalSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(LocalSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, retiredTags: [taxonomy[0]] }).success).toBe(
      true,
    );
    expect(
      LocalSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, retiredTags: [{ id: 'Bad Id' }] }).success,
    ).toBe(false);
  });
});
