import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { createSqlStore, type SqlStoreOptions } from './sql-store';
import type { HubStore } from './store';

/** Embedded PostgreSQL (PGlite): a data directory, or memory when dataDir is undefined. */
export async function openPgliteStore(dataDir?: string, options?: SqlStoreOptions): Promise<HubStore> {
  return createSqlStore(await openPglite(dataDir), options);
}

/** PostgreSQL at `url` (DATABASE_URL); `schema` isolates tests sharing one database. */
export async function openPostgresStore(
  url: string,
  schema?: string,
  options?: SqlStoreOptions,
  poolMax?: number,
): Promise<HubStore> {
  return createSqlStore(await openPostgres(url, schema, poolMax), options);
}

/** The store the configuration asks for: PostgreSQL when databaseUrl is set, else PGlite. */
export function openStore(config: {
  databaseUrl?: string;
  dataDir?: string;
  themes?: boolean;
  /** PostgreSQL connections at most (EARMARK_PG_POOL_MAX). */
  poolMax?: number;
}): Promise<HubStore> {
  const options = { themes: config.themes };
  return config.databaseUrl
    ? openPostgresStore(config.databaseUrl, undefined, options, config.poolMax)
    : openPgliteStore(config.dataDir, options);
}
