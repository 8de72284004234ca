import { describe, expect, it, vi } from 'vitest';
import { saveCapture } from '../../lib/capture/commit';
import { openEarmarkDB } from '../../lib/store/db';
import { pendingItemCount } from '../../lib/store/pending-count';
import { makeItem } from '../helpers/items';

describe('saving new captures (group commit)', () => {
  it('commits a burst of captures in far fewer transactions, each with its outbox rows', async () => {
    const db = await openEarmarkDB(`commit-${Math.random()}`);
    expect(await pendingItemCount(db)).toBe(0);
    const transactions = vi.spyOn(db, 'transaction');
    const items = Array.from({ length: 40 }, () => makeItem());
    await Promise.all(items.map((item, i) => saveCapture(db, item, i % 4 ? ['a', 'b'] : [], 1000)));
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await db.count('items')).toBe(40);
    expect(await db.count('outbox')).toBe(60);
    expect(await db.get('outbox', [items[1]!.id, 'b'])).toMatchObject({ revision: 1, nextAttemptAt: 1000 });
    expect(await pendingItemCount(db)).toBe(30);
    expect(await db.countFromIndex('items', 'by-pending')).toBe(30);
  });

  it('fails only the capture that cannot be stored, not the ones sharing its transaction', async () => {
    const db = await openEarmarkDB(`commit-${Math.random()}`);
    const existing = makeItem();
    await saveCapture(db, existing, ['a'], 0);
    const fresh = [makeItem(), makeItem()];
    const results = await Promise.allSettled([
      saveCapture(db, fresh[0]!, ['a'], 0),
      saveCapture(db, existing, ['a'], 0), // the same id again: refused, never overwritten
      saveCapture(db, fresh[1]!, ['a'], 0),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await db.count('items')).toBe(3);
    expect(await pendingItemCount(db)).toBe(3);
  });
});
