import { describe, expect, it } from 'vitest';
import { BatchSchema, describeZodError, ItemSchema } from '../../lib/schema';
import { makeItem } from '../helpers/items';

function errorOf(value: unknown): string {
  const result = ItemSchema.safeParse(value);
  if (result.success) throw new Error('expected the item to be rejected');
  return describeZodError(result.error);
}

describe('Item schema v1', () => {
  it('accepts a complete item', () => {
    const item = makeItem();
    expect(ItemSchema.parse(item)).toEqual(item);
  });

  it('rejects an item without tags, naming the field', () => {
    expect(errorOf(makeItem({ tags: [] }))).toMatch(/^tags: an item needs at least one tag/);
  });

  it('rejects a non-v7 id', () => {
    expect(errorOf(makeItem({ id: '2c1c5c4e-8f7a-4b2e-9d3c-1a2b3c4d5e6f' }))).toMatch(/^id:/);
  });

  it('rejects revision 0 and unknown sites', () => {
    expect(errorOf(makeItem({ revision: 0 }))).toMatch(/^revision:/);
    const bad = { ...makeItem(), source: { ...makeItem().source, site: 'myspace' } };
    expect(errorOf(bad)).toMatch(/^source\.site:/);
  });

  it('rejects unknown fields instead of silently carrying them', () => {
    expect(errorOf({ ...makeItem(), secret: 'x' })).toMatch(/Unrecognized key.*secret/);
  });

  it('rejects a bad date and a missing agent', () => {
    expect(errorOf(makeItem({ capturedAt: 'yesterday' }))).toMatch(/^capturedAt:/);
    const { agent: _agent, ...noAgent } = makeItem();
    expect(errorOf(noAgent)).toMatch(/^agent:/);
  });

  it('validates a batch envelope', () => {
    const ok = BatchSchema.safeParse({
      type: 'earmark.items.v1',
      batchId: 'b1',
      sentAt: new Date().toISOString(),
      items: [makeItem()],
    });
    expect(ok.success).toBe(true);
    const wrongType = BatchSchema.safeParse({
      type: 'x',
      batchId: 'b1',
      sentAt: new Date().toISOString(),
      items: [],
    });
    expect(wrongType.success).toBe(false);
  });
});
