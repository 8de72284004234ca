import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { createSqlStore } from './sql-store';
import type { HubStore } from './store';

/** Embedded PostgreSQL (PGlite): a data directory, or memory when dataDir is undefined. */
export async function openPgliteStore(dataDir?: string): Promise<HubStore> {
  return createSqlStore(await openPglite(dataDir));
}

/** PostgreSQL at `url` (DATABASE_URL); `schema` isolates tests sharing one database. */
export async function openPostgresStore(url: string, schema?: string): Promise<HubStore> {
  return createSqlStore(await openPostgres(url, schema));
}

/** The store the configuration asks for: PostgreSQL when databaseUrl is set, else PGlite. */
export function openStore(config: { databaseUrl?: string; dataDir?: string }): Promise<HubStore> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openPgliteStore(config.dataDir);
}
