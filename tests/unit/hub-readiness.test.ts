import { Hono } from 'hono';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readinessRoute } from '../../server/api/readiness';
import { createHubApp } from '../../server/app';
import type { HubEnv } from '../../server/auth/access';
import { SCHEMA_VERSION } from '../../server/db/sql';
import type { HubStore } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';

const { stores, dropSchema } = hubStores('hub-readiness', 'readyz');
afterAll(() => dropSchema());

describe.each(stores)('GET /readyz on $name', ({ open }) => {
  it("answers 200 with the schema version while the database answers at this hub's schema", async () => {
    const store = await open();
    try {
      const reply = await createHubApp({ store }).request('/readyz');
      expect(reply.status).toBe(200);
      expect(await reply.json()).toEqual({ ok: true, schema: SCHEMA_VERSION });
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
    } finally {
      await store.close();
    }
  });

  it('answers 503 once the database is gone, naming no detail of it, and logs the detail once', async () => {
    const store = await open();
    const app = createHubApp({ store });
    await store.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const replies = [await app.request('/readyz'), await app.request('/readyz')];
    for (const reply of replies) {
      expect(reply.status).toBe(503);
      expect(await reply.json()).toEqual({ ok: false, error: 'the database does not answer' });
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/not ready/);
    log.mockRestore();
  });
});

describe('GET /readyz against other schema versions and a slow database', () => {
  /** A hub whose store answers `schemaVersion` as given. */
  function hub(schemaVersion: () => Promise<number>, timeoutMs?: number) {
    const app = new Hono<HubEnv>();
    readinessRoute(app, { schemaVersion } as unknown as HubStore, timeoutMs);
    return app;
  }

  it('is not ready on a database an older hub left behind, or one a newer hub migrated', async () => {
    const behind = await hub(async () => SCHEMA_VERSION - 1).request('/readyz');
    expect(behind.status).toBe(503);
    expect((await behind.json()) as { error: string }).toEqual({
      ok: false,
      error: `the database is at schema version ${SCHEMA_VERSION - 1}, this hub needs ${SCHEMA_VERSION}: it migrates at start`,
    });
    const ahead = await hub(async () => SCHEMA_VERSION + 1).request('/readyz');
    expect(ahead.status).toBe(503);
    expect(((await ahead.json()) as { error: string }).error).toMatch(
      /newer than this hub's .*upgrade this hub/,
    );
  });

  it('is not ready when the database does not answer in time', async () => {
    const never = new Promise<number>(() => {});
    const reply = await hub(() => never, 50).request('/readyz');
    expect(reply.status).toBe(503);
    expect(await reply.json()).toEqual({ ok: false, error: 'the database did not answer within 50 ms' });
  });

  it('refuses a probe naming another host, as every route does', async () => {
    const store = { schemaVersion: async () => SCHEMA_VERSION } as unknown as HubStore;
    const app = createHubApp({ store });
    expect((await app.request('http://evil.example/readyz')).status).toBe(421);
    expect((await app.request('/readyz')).status).toBe(200);
  });
});
