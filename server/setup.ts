import { join, resolve } from 'node:path';
import { openStore } from './pglite-store';
import { resolveSecret } from './secret';
import type { HubStore } from './store';

/** Where the hub keeps its data: PostgreSQL when databaseUrl is set, else PGlite under dataDir/db. */
export interface HubConfig {
  dataDir: string;
  secret?: string;
  databaseUrl?: string;
  /** false: items are stored without being grouped into themes (EARMARK_THEMES=off). Default true. */
  themes?: boolean;
  /** PostgreSQL connections this process keeps at most (EARMARK_PG_POOL_MAX); default 10. */
  poolMax?: number;
}

/** Name of the team created on first start, holding the pre-teams webhook secret. */
export const DEFAULT_TEAM = 'Default';

/**
 * Opens (and migrates) the store. Backwards compatibility: a hub with no team yet gets a team
 * "Default" whose secret is the resolved one (EARMARK_WEBHOOK_SECRET or the data dir file).
 */
export async function openHub(config: HubConfig): Promise<{
  store: HubStore;
  dataDir: string;
  secret: string;
  secretSource: string;
  secretCreated: boolean;
}> {
  const dataDir = resolve(config.dataDir);
  const { secret, created, source } = resolveSecret(dataDir, config.secret);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: join(dataDir, 'db'),
    themes: config.themes,
    poolMax: config.poolMax,
  });
  try {
    if ((await store.countTeams()) === 0) await store.createTeam(DEFAULT_TEAM, secret);
  } catch (error) {
    // Two hubs starting together on one PostgreSQL: the other one created it first.
    if (!(await store.findTeam(DEFAULT_TEAM))) {
      await store.close();
      throw error;
    }
  }
  return { store, dataDir, secret, secretSource: source, secretCreated: created };
}
