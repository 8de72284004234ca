import { describe, expect, it } from 'vitest';
import { countCaptures } from '../../lib/store/capture-tally';
import type { Review } from '../../lib/store/db';
import { openEarmarkDB } from '../../lib/store/db';
import { makeItem } from '../helpers/items';

// The popup's tally without a hub: the captures kept in this device's IndexedDB in a range, with
// the leads' triage the loop back stored for them.
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const FROM = '2026-11-22T23:00:00.000Z';
const TO = '2026-11-29T23:00:00.000Z';

async function seeded() {
  const db = await openEarmarkDB(`tally-${Math.random()}`);
  const week = [23, 24, 25, 26, 29].map((day) => makeItem({ capturedAt: at(day) }));
  const undone = makeItem({ capturedAt: at(24), deleted: true });
  const lastWeek = makeItem({ capturedAt: at(22, 22) }); // Sunday 22:00 UTC, before Monday 00:00 at UTC+1
  const atStart = makeItem({ capturedAt: FROM });
  const atEnd = makeItem({ capturedAt: TO }); // `to` is exclusive
  for (const item of [...week, undone, lastWeek, atStart, atEnd]) await db.put('items', { item, sentAt: 1 });
  const review = (itemId: string, status: Review['status']): Review => ({
    itemId,
    status,
    comment: null,
    updatedAt: null,
  });
  const [a, b, c] = week;
  if (!a || !b || !c) throw new Error('seed');
  for (const r of [
    review(a.id, 'reviewed'),
    review(b.id, 'actioned'),
    review(c.id, 'declined'),
    review(undone.id, 'actioned'),
    review(lastWeek.id, 'actioned'),
  ])
    await db.put('reviews', r);
  return db;
}

describe('countCaptures', () => {
  it('counts live captures in [from, to) and those a lead triaged or actioned', async () => {
    const db = await seeded();
    // 5 this week + the one at `from`; triaged: reviewed, actioned, declined; actioned: 1.
    expect(await countCaptures(db, FROM, TO)).toEqual({ captures: 6, reviewed: 3, actioned: 1 });
    db.close();
  });

  it('counts nothing in an empty or reversed range', async () => {
    const db = await seeded();
    expect(await countCaptures(db, at(1), at(2))).toEqual({ captures: 0, reviewed: 0, actioned: 0 });
    expect(await countCaptures(db, TO, FROM)).toEqual({ captures: 0, reviewed: 0, actioned: 0 });
    db.close();
  });
});

describe('countCaptures in chunks', () => {
  it('reads a large range in short transactions, counting each item once, also where capture times repeat', async () => {
    const db = await openEarmarkDB(`tally-chunks-${Math.random()}`);
    // 23 items over 4 capture times (runs of equal keys cross the chunk boundaries), 2 of them undone.
    const items = Array.from({ length: 23 }, (_, i) =>
      makeItem({ capturedAt: at(24, 8 + (i % 4)), deleted: i % 8 === 7 }),
    );
    for (const item of items) await db.put('items', { item, sentAt: 1 });
    const [first, second] = items;
    if (!first || !second) throw new Error('seed');
    await db.put('reviews', { itemId: first.id, status: 'actioned', comment: null, updatedAt: null });
    await db.put('reviews', { itemId: second.id, status: 'reviewed', comment: null, updatedAt: null });
    const whole = await countCaptures(db, FROM, TO);
    expect(whole).toEqual({ captures: 21, reviewed: 2, actioned: 1 });
    for (const chunk of [1, 2, 3, 5, 7, 100]) expect(await countCaptures(db, FROM, TO, chunk)).toEqual(whole);
    db.close();
  });
});
