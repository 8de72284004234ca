import { describe, expect, it } from 'vitest';
import {
  applyStatuses,
  type HubStatus,
  markSeen,
  reviewsFor,
  unseenActioned,
  unseenCount,
} from '../../lib/hub/status/reviews';
import { openEarmarkDB } from '../../lib/store/db';
import { makeItem } from '../helpers/items';

const open = () => openEarmarkDB(`db-reviews-${Math.random()}`);
const status = (id: string, s: HubStatus['status'], comment: string | null = null): HubStatus => ({
  id,
  status: s,
  comment,
  updatedAt: '2026-11-23T10:00:00.000Z',
});

describe('reviews store (the loop back)', () => {
  it('stores triaged statuses, ignores untriaged ones, and reports the newly actioned', async () => {
    const db = await open();
    const result = await applyStatuses(db, [
      status('a', 'new'),
      status('b', 'reviewed'),
      status('c', 'actioned', 'Shipped in 4.2'),
      status('d', 'declined', 'Not planned'),
    ]);
    expect(result).toEqual({ changed: 3, newlyActioned: ['c'] });
    const stored = await reviewsFor(db, ['a', 'b', 'c', 'd']);
    expect([...stored.keys()].sort()).toEqual(['b', 'c', 'd']);
    expect(stored.get('c')).toEqual({
      itemId: 'c',
      status: 'actioned',
      comment: 'Shipped in 4.2',
      updatedAt: '2026-11-23T10:00:00.000Z',
      unseen: 1,
    });
    expect(stored.get('d')?.unseen).toBeUndefined();
    expect(await unseenCount(db)).toBe(1);
    db.close();
  });

  it('changes nothing when the hub repeats itself, and counts a reset to "new" as a removal', async () => {
    const db = await open();
    await applyStatuses(db, [status('a', 'actioned', 'done'), status('b', 'reviewed')]);
    expect(await applyStatuses(db, [status('a', 'actioned', 'done')])).toEqual({
      changed: 0,
      newlyActioned: [],
    });
    expect(await applyStatuses(db, [status('b', 'new')])).toEqual({ changed: 1, newlyActioned: [] });
    expect((await reviewsFor(db, ['b'])).size).toBe(0);
    db.close();
  });

  it('makes an actioned capture unseen again when the lead changes the comment, not otherwise', async () => {
    const db = await open();
    await applyStatuses(db, [status('a', 'actioned', 'first')]);
    expect(await markSeen(db, ['a'])).toBe(0);
    // Same comment, newer time: nothing new for the agent.
    await applyStatuses(db, [{ ...status('a', 'actioned', 'first'), updatedAt: '2026-11-24T00:00:00.000Z' }]);
    expect(await unseenCount(db)).toBe(0);
    const again = await applyStatuses(db, [status('a', 'actioned', 'second')]);
    expect(again.newlyActioned).toEqual([]); // still actioned, but the new comment is news
    expect(await unseenCount(db)).toBe(1);
    db.close();
  });

  it('marks given ids seen, or all of them, and answers how many stay unseen', async () => {
    const db = await open();
    await applyStatuses(db, [status('a', 'actioned'), status('b', 'actioned'), status('c', 'actioned')]);
    expect(await markSeen(db, ['a', 'not-there'])).toBe(2);
    expect((await reviewsFor(db, ['a'])).get('a')).not.toHaveProperty('unseen');
    expect(await markSeen(db, 'all')).toBe(0);
    expect(await unseenCount(db)).toBe(0);
    db.close();
  });
});

describe('unseen actioned captures (the popup list)', () => {
  it('lists what the badge counts, newest review first, with tags, a note excerpt and the comment', async () => {
    const db = await open();
    const long = makeItem({ note: 'x'.repeat(500) });
    const short = makeItem({ note: null, quote: 'The customer said it twice' });
    for (const item of [long, short]) await db.put('items', { item, sentAt: 1 });
    await applyStatuses(db, [
      { id: long.id, status: 'actioned', comment: 'Fixed', updatedAt: '2026-11-23T09:00:00.000Z' },
      { id: short.id, status: 'actioned', comment: null, updatedAt: '2026-11-23T11:00:00.000Z' },
      {
        id: 'gone',
        status: 'actioned',
        comment: 'Item no longer here',
        updatedAt: '2026-11-23T10:00:00.000Z',
      },
    ]);
    const listed = await unseenActioned(db);
    expect(listed.map((e) => e.id)).toEqual([short.id, 'gone', long.id]);
    expect(listed[0]).toMatchObject({
      tags: short.tags.map((t) => t.label),
      note: 'The customer said it twice',
    });
    expect(listed[1]).toMatchObject({ tags: [], note: null, comment: 'Item no longer here' });
    expect(listed[2]?.note).toHaveLength(140);
    expect(listed[2]?.note?.endsWith('…')).toBe(true);
    await markSeen(db, 'all');
    expect(await unseenActioned(db)).toEqual([]);
    db.close();
  });
});
