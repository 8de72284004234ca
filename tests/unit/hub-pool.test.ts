import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_MAX, dropSchema, openPostgres, parsePoolMax } from '../../server/db/postgres';

// EARMARK_PG_POOL_MAX: how many PostgreSQL connections one hub process keeps at most (several
// processes share the server's max_connections, docs/hub-scale.md).
describe('EARMARK_PG_POOL_MAX', () => {
  it('is 10 unset, a whole number from 1 to 1000 when set, and refused otherwise, naming it', () => {
    expect(parsePoolMax(undefined)).toBe(DEFAULT_POOL_MAX);
    expect(parsePoolMax('')).toBe(10);
    expect(parsePoolMax('25')).toBe(25);
    for (const bad of ['0', '-3', '2.5', 'ten', '1001'])
      expect(() => parsePoolMax(bad)).toThrow(
        `EARMARK_PG_POOL_MAX: a whole number from 1 to 1000, not ${bad}`,
      );
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)(
    'keeps a process to that many connections: four queries on a pool of two run two by two',
    async () => {
      const schema = `pool_${process.pid}`;
      const db = await openPostgres(url as string, schema, 2);
      try {
        const started = performance.now();
        const backends = await Promise.all(
          [1, 2, 3, 4].map(() =>
            db
              .query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.3)')
              .then((r) => r.rows[0]?.pid),
          ),
        );
        // A lower bound only: four 0.3 s sleeps on two connections cannot end before 0.6 s.
        expect(performance.now() - started).toBeGreaterThanOrEqual(590);
        expect(new Set(backends).size).toBe(2);
      } finally {
        await db.close();
        await dropSchema(url as string, schema);
      }
    },
  );
});
