import { openPgliteStore, openPostgresStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';

/** One database a hub test runs against. */
export interface HubStoreCase {
  name: string;
  open: () => Promise<HubStore>;
}

/**
 * The stores a hub test runs against: embedded PGlite always, PostgreSQL too when DATABASE_URL is
 * set (in a schema of its own per test file and process, dropped afterwards with dropSchema).
 */
export function hubStores(testName: string, schemaPrefix: string) {
  const url = process.env.DATABASE_URL;
  if (!url) console.warn(`${testName}: skipping PostgreSQL: DATABASE_URL unset`);
  const schema = `${schemaPrefix}_${process.pid}`;
  const stores: HubStoreCase[] = [{ name: 'PGlite', open: () => openPgliteStore() }];
  if (url) stores.push({ name: 'PostgreSQL', open: () => openPostgresStore(url, schema) });
  return {
    stores,
    /** Drops the PostgreSQL schema, if PostgreSQL is in the run. */
    async dropSchema(): Promise<void> {
      if (url) await (await import('../../server/db/postgres')).dropSchema(url, schema);
    },
  };
}
