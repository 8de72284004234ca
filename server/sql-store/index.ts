import { migrate, type SqlDb, schemaVersion } from '../db/sql';
import type { HubStore } from '../store';
import { agentSummaryMethods } from './agent-summary';
import { demandMethods } from './demand';
import { digestStatMethods } from './digest-stats';
import { digestTargetMethods } from './digest-targets';
import { facetMethods } from './facets';
import { itemMethods } from './items';
import { signInMethods } from './sign-ins';
import { TeamThemes } from './team-themes';
import { teamMethods } from './teams';
import { themeEditMethods } from './theme-edits';
import { themeListMethods } from './theme-list';
import { tokenMethods } from './tokens';
import { trendMethods } from './trends';
import { ItemsVacuum } from './vacuum';

/** Store options; `themes: false` stores items without grouping them (see docs/hub-api.md, Themes). */
export interface SqlStoreOptions {
  themes?: boolean;
  /** Quiet time after writes before the items table is vacuumed (vacuum.ts); tests shorten it. */
  idleVacuumMs?: number;
}

/** The one HubStore implementation, over either driver; migrates before returning. */
export async function createSqlStore(db: SqlDb, options: SqlStoreOptions = {}): Promise<HubStore> {
  await migrate(db);
  const themes = new TeamThemes(db);
  const vacuum = new ItemsVacuum(db, { idleMs: options.idleVacuumMs });
  await vacuum.atStart();
  const grouping = options.themes ?? true;
  return {
    ...itemMethods(db, grouping ? themes : null, vacuum),
    ...teamMethods(db),
    ...tokenMethods(db),
    ...signInMethods(db),
    ...trendMethods(db),
    ...demandMethods(db),
    ...facetMethods(db),
    ...agentSummaryMethods(db),
    ...themeListMethods(db),
    ...themeEditMethods(db, themes, grouping, vacuum),
    ...digestStatMethods(db),
    ...digestTargetMethods(db),
    schemaVersion: () => schemaVersion(db),
    close: async () => {
      await vacuum.close();
      await db.close();
    },
  };
}
