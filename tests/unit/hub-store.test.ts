import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { MIGRATIONS } from '../../server/db/migrations';
import { openPglite } from '../../server/db/pglite';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import { migrate, type SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import { makeItem } from '../helpers/items';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) console.warn('hub-store: skipping PostgreSQL: DATABASE_URL unset');

type Opener = { name: string; open: () => Promise<{ db: SqlDb; drop: () => Promise<void> }> };
const openers: Opener[] = [
  { name: 'PGlite', open: async () => ({ db: await openPglite(), drop: async () => {} }) },
];
if (DATABASE_URL) {
  openers.push({
    name: 'PostgreSQL',
    open: async () => {
      const schema = `t_store_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      return { db: await openPostgres(DATABASE_URL, schema), drop: () => dropSchema(DATABASE_URL, schema) };
    },
  });
}

// PGlite takes seconds to start when the whole suite runs in parallel.
const SLOW = 30_000;

describe.each(openers)('hub store on $name', ({ open }) => {
  it(
    'runs every migration once, even when started twice at the same moment',
    async () => {
      const { db, drop } = await open();
      try {
        const applied = await Promise.all([migrate(db), migrate(db)]);
        expect(applied.sort()).toEqual([0, MIGRATIONS.length]);
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        expect(rows[0]?.n).toBe(MIGRATIONS.length);
        expect(await migrate(db)).toBe(0);
      } finally {
        await db.close();
        await drop();
      }
    },
    SLOW,
  );

  it(
    'keeps tokens only as hashes, scopes items to their team, and filters',
    async () => {
      const { db, drop } = await open();
      const store = await createSqlStore(db);
      try {
        const a = await store.createTeam('A', 'whsec_a');
        const b = await store.createTeam('B', 'whsec_b');
        const plain = 'x'.repeat(43);
        await store.createToken({ hash: hashToken(plain), role: 'lead', teamId: a.id, agentId: null });
        const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM tokens');
        expect(JSON.stringify(rows)).not.toContain(plain);
        expect((await store.findToken(hashToken(plain)))?.teamId).toBe(a.id);

        const mine = makeItem({ note: 'needs dark mode' });
        const theirs = makeItem();
        expect(await store.upsertItems([mine], a.id)).toEqual({ stored: 1, duplicates: 0 });
        await store.upsertItems([theirs], b.id);
        // Team B cannot overwrite team A's item, even with a higher revision.
        expect(await store.upsertItems([{ ...mine, revision: 5, note: 'hijack' }], b.id)).toEqual({
          stored: 0,
          duplicates: 1,
        });
        const listed = await store.listItems({ limit: 10, scope: { teamId: a.id } });
        expect(listed.map((h) => h.item.note)).toEqual(['needs dark mode']);
        expect(await store.listItems({ limit: 10, q: 'dark' })).toHaveLength(1);
        expect(await store.getItem(mine.id, { teamId: b.id })).toBeNull();
      } finally {
        await store.close();
        await drop();
      }
    },
    SLOW,
  );
});
