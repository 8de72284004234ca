import { describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/pglite';
import { createSqlStore } from '../../server/sql-store';
import { makeItem } from '../helpers/items';

// PGlite has no autovacuum: the store vacuums the items table itself once enough rows were written
// (sql-store/vacuum.ts), so updates leave no dead rows behind for good and pages become
// all-visible, which lets theme listings read their covering index instead of the heap.
describe('items vacuum on PGlite', () => {
  it('vacuums the items table after autovacuum’s threshold of written rows', async () => {
    const db = await openPglite();
    const store = await createSqlStore(db);
    const allVisible = async () =>
      (await db.query<{ n: number }>(`SELECT relallvisible AS n FROM pg_class WHERE oid = 'items'::regclass`))
        .rows[0]?.n ?? 0;
    const items = Array.from({ length: 1_100 }, (_, i) => makeItem({ note: `note ${i}` }));
    await store.upsertItems(items.slice(0, 500));
    expect(await allVisible()).toBe(0);
    await store.upsertItems(items.slice(500));
    expect(await allVisible()).toBeGreaterThan(0);
    await store.close();
  });
});
