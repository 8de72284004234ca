import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { openPglite } from '../../server/db/pglite';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import { GroupCommit, MAX_GROUP, type Transact } from '../../server/sql-store/group-commit';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES, REFUND_NOTES } from '../helpers/themes-hub';

// A team's ingest batches that wait for its turn share one transaction (server/sql-store/group-commit.ts).

/** A fake database: one transaction at a time per key; a transaction's writes count only if it commits. */
function fakeDb() {
  const committed: string[] = [];
  const transactions: number[] = []; // how many jobs each transaction ran
  const queues = new Map<string, Promise<unknown>>();
  const transact: Transact<[string[]]> = (key, fn) => {
    const run = async () => {
      const writes: string[] = []; // one per job run
      const result = await fn(writes);
      transactions.push(writes.length);
      committed.push(...writes); // commit
      return result;
    };
    const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
    queues.set(
      key,
      next.catch(() => {}),
    );
    return next;
  };
  const job =
    (name: string, fail = false, ms = 5) =>
    async (writes: string[]) => {
      writes.push(name);
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (fail) throw new Error(`${name} is bad`);
      return `${name} stored`;
    };
  return { committed, transactions, transact, job };
}

describe('group commit', () => {
  it('runs the jobs that wait for the same turn in one transaction, each caller getting its own result', async () => {
    const db = fakeDb();
    const group = new GroupCommit(db.transact);
    const first = group.run('team', db.job('a', false, 60));
    await new Promise((resolve) => setTimeout(resolve, 20)); // a's transaction is under way
    const waiting = ['b', 'c', 'd'].map((name) => group.run('team', db.job(name)));
    const other = group.run('other team', db.job('x'));
    expect(await Promise.all([first, ...waiting, other])).toEqual([
      'a stored',
      'b stored',
      'c stored',
      'd stored',
      'x stored',
    ]);
    expect(db.committed.indexOf('a')).toBeLessThan(db.committed.indexOf('b')); // the team's turns in order
    expect(db.committed.slice(-3)).toEqual(['b', 'c', 'd']);
    expect(db.transactions.sort()).toEqual([1, 1, 3]); // b, c and d shared one; the other team is apart
  });

  it('runs each job of a failed group again alone: one bad batch fails no other, and nothing is written twice', async () => {
    const db = fakeDb();
    const group = new GroupCommit(db.transact);
    const first = group.run('team', db.job('a', false, 60));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const results = await Promise.allSettled([
      first,
      group.run('team', db.job('b')),
      group.run('team', db.job('bad', true)),
      group.run('team', db.job('c')),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'a stored',
      'b stored',
      'bad is bad',
      'c stored',
    ]);
    expect(db.committed.sort()).toEqual(['a', 'b', 'c']); // the shared attempt was rolled back whole
  });

  it(`takes at most ${MAX_GROUP} jobs into one transaction`, async () => {
    const db = fakeDb();
    const group = new GroupCommit(db.transact);
    const first = group.run('team', db.job('first', false, 60));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rest = Array.from({ length: MAX_GROUP + 2 }, (_, i) => group.run('team', db.job(`j${i}`)));
    await Promise.all([first, ...rest]);
    expect(db.transactions).toEqual([1, MAX_GROUP, 2]);
    expect(db.committed).toHaveLength(MAX_GROUP + 3);
  });
});

/** The database, counting the transactions that lock a team for grouping. */
function countingLocks(db: SqlDb): { db: SqlDb; locks: () => number } {
  let locks = 0;
  const wrap = (tx: SqlDb): SqlDb => ({
    noAutovacuum: tx.noAutovacuum,
    close: () => tx.close(),
    transaction: (fn) => tx.transaction((inner) => fn(wrap(inner))),
    query(sql, params) {
      if (sql.includes('FOR UPDATE')) locks++;
      return tx.query(sql, params);
    },
  });
  return { db: wrap(db), locks: () => locks };
}

describe('grouped ingest of batches arriving together (PGlite)', () => {
  it('stores and groups every batch in fewer transactions, and the same batches again change nothing', async () => {
    const counted = countingLocks(await openPglite());
    const store = await createSqlStore(counted.db);
    const teamId = (await store.createTeam('Tier 1', 'whsec_a')).id;
    const notes = [...EXPORT_NOTES, ...REFUND_NOTES];
    const batches: Item[][] = [0, 1, 2, 3].map((b) =>
      notes.map((note, i) => makeItem({ note: `${note} (${b}.${i})` })),
    );
    const results = await Promise.all(batches.map((batch) => store.upsertItems(batch, teamId)));
    expect(results.map((r) => r.stored)).toEqual(batches.map((b) => b.length));
    expect(counted.locks()).toBeLessThan(batches.length);

    const read = () =>
      counted.db.query<{ id: string; theme_id: string | null }>(
        'SELECT id, theme_id FROM items WHERE team_id = $1 ORDER BY id',
        [teamId],
      );
    const grouped = (await read()).rows;
    expect(grouped).toHaveLength(batches.flat().length);
    expect(grouped.every((row) => row.theme_id !== null)).toBe(true);
    const docs = await counted.db.query<{ n: number }>(
      'SELECT theme_documents AS n FROM teams WHERE id = $1',
      [teamId],
    );
    expect(docs.rows[0]?.n).toBe(batches.flat().length); // each item counted once

    const again = await Promise.all(batches.map((batch) => store.upsertItems(batch, teamId)));
    expect(again.map((r) => r.duplicates)).toEqual(batches.map((b) => b.length));
    expect((await read()).rows).toEqual(grouped);
    await store.close();
  });
});
