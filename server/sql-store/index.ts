import { migrate, type SqlDb } from '../db/sql';
import type { HubStore } from '../store';
import { agentSummaryMethods } from './agent-summary';
import { demandMethods } from './demand';
import { digestStatMethods } from './digest-stats';
import { digestTargetMethods } from './digest-targets';
import { facetMethods } from './facets';
import { itemMethods } from './items';
import { TeamThemes } from './team-themes';
import { teamMethods } from './teams';
import { themeEditMethods } from './theme-edits';
import { themeListMethods } from './theme-list';
import { tokenMethods } from './tokens';
import { trendMethods } from './trends';

/** The one HubStore implementation, over either driver; migrates before returning. */
export async function createSqlStore(db: SqlDb): Promise<HubStore> {
  await migrate(db);
  const themes = new TeamThemes(db);
  return {
    ...itemMethods(db, themes),
    ...teamMethods(db),
    ...tokenMethods(db),
    ...trendMethods(db),
    ...demandMethods(db),
    ...facetMethods(db),
    ...agentSummaryMethods(db),
    ...themeListMethods(db),
    ...themeEditMethods(db, themes),
    ...digestStatMethods(db),
    ...digestTargetMethods(db),
    close: () => db.close(),
  };
}
