import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '../../lib/schema';
import { openPglite } from '../../server/db/pglite';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import type { HubStore } from '../../server/store';
import { makeItem } from '../helpers/items';

// PGlite has no autovacuum: the store vacuums the items table itself (sql-store/vacuum.ts) once
// enough rows were written, after a quiet spell following smaller writes, and at start when most
// pages are not all-visible, so updates leave no dead rows behind for good and theme listings can
// read their covering index instead of the heap.

/** The items table's pages and how many of them are all-visible. */
async function visibility(db: SqlDb): Promise<{ pages: number; visible: number }> {
  const { rows } = await db.query<{ pages: number; visible: number }>(
    `SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'items'::regclass`,
  );
  return { pages: Number(rows[0]?.pages), visible: Number(rows[0]?.visible) };
}

/** How many heap pages an index-only scan of every item still visits (0 once all are all-visible). */
async function heapFetches(db: SqlDb): Promise<number> {
  await db.query('SET enable_seqscan = off');
  await db.query('SET enable_bitmapscan = off');
  const { rows } = await db.query<{ 'QUERY PLAN': Array<{ Plan: Record<string, unknown> }> }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM items WHERE id > '00000000-0000-0000-0000-000000000000'`,
  );
  await db.query('RESET ALL');
  const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
  expect(plan?.['Node Type']).toBe('Index Only Scan');
  return Number(plan?.['Heap Fetches']);
}

const admin = { tokenId: null, role: 'admin' as const };

/** Triages one item in three: updates scattered over the whole table. */
async function triageEveryThird(store: HubStore, items: Item[]): Promise<void> {
  const ids = items.filter((_, i) => i % 3 === 0).map((item) => item.id);
  await store.triage(ids, 'reviewed', null, admin, {});
}
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DATABASE_URL = process.env.DATABASE_URL;
const SCHEMA = `t_vacuum_${process.pid}`;

describe('items vacuum on PGlite', () => {
  it('vacuums the items table after autovacuum’s threshold of written rows', async () => {
    const db = await openPglite();
    const store = await createSqlStore(db);
    const items = Array.from({ length: 1_100 }, (_, i) => makeItem({ note: `note ${i}` }));
    await store.upsertItems(items.slice(0, 500));
    expect((await visibility(db)).visible).toBe(0);
    await store.upsertItems(items.slice(500));
    expect((await visibility(db)).visible).toBeGreaterThan(0);
    await store.close();
  });

  it('vacuums rows written below the threshold once writes have stopped for a while', async () => {
    const db = await openPglite();
    const store = await createSqlStore(db, { idleVacuumMs: 200 });
    const items = Array.from({ length: 300 }, (_, i) => makeItem({ note: `note ${i}` }));
    await store.upsertItems(items.slice(0, 150));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.upsertItems(items.slice(150)); // a write inside the quiet time starts it again
    expect((await visibility(db)).visible).toBe(0);
    await expect.poll(async () => (await visibility(db)).visible, { timeout: 10_000 }).toBeGreaterThan(0);
    const { pages, visible } = await visibility(db);
    expect(visible).toBe(pages);
    await store.close();
  });

  it('closes without vacuuming what a quiet spell would have', async () => {
    const db = await openPglite();
    const store = await createSqlStore(db, { idleVacuumMs: 100 });
    const warn = vi.spyOn(console, 'warn');
    await store.upsertItems([makeItem({ note: 'one' })]);
    await store.close(); // the timer is cleared: nothing runs on the closed database
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('vacuums at start a table whose pages scattered updates left for the heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-vacuum-'));
    dirs.push(dir);
    const first = await openPglite(join(dir, 'db'));
    const store = await createSqlStore(first);
    const items = Array.from({ length: 2_000 }, (_, i) => makeItem({ note: `note ${i} ${'x'.repeat(200)}` }));
    await store.upsertItems(items); // past the threshold: vacuumed
    // One item in three, all over the table: below the next threshold (1,000 + a fifth of 2,000).
    await triageEveryThird(store, items);
    expect(await heapFetches(first)).toBeGreaterThan(600);
    await store.close();

    const second = await openPglite(join(dir, 'db'));
    const reopened = await createSqlStore(second);
    expect(await heapFetches(second)).toBe(0);
    const { pages, visible } = await visibility(second);
    expect(visible).toBe(pages);
    await reopened.close();
  });
});

describe.skipIf(!DATABASE_URL)('items vacuum on PostgreSQL', () => {
  it('vacuums what writes below autovacuum’s threshold left, once writes have stopped for a while', async () => {
    const url = DATABASE_URL as string;
    const db = await openPostgres(url, SCHEMA);
    try {
      const store = await createSqlStore(db, { idleVacuumMs: 1_000 });
      const items = Array.from({ length: 300 }, (_, i) => makeItem({ note: `note ${i}` }));
      await store.upsertItems(items);
      await triageEveryThird(store, items);
      expect(await heapFetches(db)).toBeGreaterThan(0);
      await expect.poll(() => heapFetches(db), { timeout: 10_000 }).toBe(0);
      await store.close();
    } finally {
      await dropSchema(url, SCHEMA).catch(() => undefined);
    }
  });
});
