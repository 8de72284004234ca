import type { SqlDb } from '../db/sql';
import type { HubStore, Scope, ThemeEditResult } from '../store';
import { mergeThemes, moveItem, renameTheme, ThemeFeedbackError } from '../themes/feedback';
import type { TeamThemes } from './team-themes';
import type { ItemsVacuum } from './vacuum';

type EditMethods = 'themeItemIds' | 'moveItemToTheme' | 'mergeThemes' | 'renameTheme' | 'backfillThemes';

/** The team of each theme id that exists in scope (merged-away ids included). */
async function teamsOfThemes(db: SqlDb, ids: readonly string[], scope: Scope): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; team_id: string }>(
    'SELECT id, team_id FROM themes WHERE id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR team_id = $2::uuid)',
    [ids, scope.teamId ?? null],
  );
  return new Map(rows.map((r) => [r.id, r.team_id]));
}

/** Runs a lead's edit; the engine's "no such item or theme" becomes a not-found answer. */
async function edit(run: () => Promise<string>, missing: 'item' | 'theme'): Promise<ThemeEditResult> {
  try {
    return { ok: true, themeId: await run() };
  } catch (error) {
    if (error instanceof ThemeFeedbackError) return { ok: false, notFound: missing };
    throw error;
  }
}

/** A lead's moves, merges and renames, each through the team's engine (sql-store/team-themes.ts). */
export function themeEditMethods(
  db: SqlDb,
  themes: TeamThemes,
  grouping: boolean,
  vacuum: ItemsVacuum,
): Pick<HubStore, EditMethods> {
  return {
    async themeItemIds(themeId, scope) {
      const teamId = (await teamsOfThemes(db, [themeId], scope)).get(themeId);
      if (!teamId) return null;
      return themes.withEngine(teamId, async (engine, tx) => {
        const { rows } = await tx.query<{ id: string }>(
          'SELECT id FROM items WHERE team_id = $1 AND theme_id = $2 AND NOT deleted ORDER BY captured_at, id',
          [teamId, engine.resolve(themeId)],
        );
        return rows.map((r) => r.id);
      });
    },

    async moveItemToTheme(itemId, themeId, scope) {
      const { rows } = await db.query<{ team_id: string }>(
        `SELECT team_id FROM items WHERE id = $1 AND NOT deleted AND team_id IS NOT NULL
           AND ($2::uuid IS NULL OR team_id = $2::uuid)`,
        [itemId, scope.teamId ?? null],
      );
      const teamId = rows[0]?.team_id;
      if (!teamId) return { ok: false, notFound: 'item' };
      if ((await teamsOfThemes(db, [themeId], scope)).get(themeId) !== teamId)
        return { ok: false, notFound: 'theme' };
      return edit(
        () =>
          themes.withEngine(teamId, async (engine) => {
            moveItem(engine, itemId, themeId);
            return engine.resolve(themeId);
          }),
        'item',
      );
    },

    async mergeThemes(ids, scope) {
      const teams = await teamsOfThemes(db, ids, scope);
      const teamId = teams.get(ids[0] ?? '');
      // Themes of another team (or none) are not found, whatever the caller may know of them.
      if (!teamId || ids.some((id) => teams.get(id) !== teamId)) return { ok: false, notFound: 'theme' };
      return edit(() => themes.withEngine(teamId, async (engine) => mergeThemes(engine, ids)), 'theme');
    },

    async renameTheme(themeId, title, scope) {
      const teamId = (await teamsOfThemes(db, [themeId], scope)).get(themeId);
      if (!teamId) return { ok: false, notFound: 'theme' };
      return edit(
        () =>
          themes.withEngine(teamId, async (engine) => {
            renameTheme(engine, themeId, title);
            return engine.resolve(themeId);
          }),
        'theme',
      );
    },

    async backfillThemes() {
      // Themes off: nothing is grouped; a start with themes on groups what was stored meanwhile.
      if (!grouping) return 0;
      // The feature worker starts now, so the first batch after a start does not wait for it.
      const warm = themes.warmUp();
      const { rows } = await db.query<{ id: string }>('SELECT id FROM teams ORDER BY created_at, id');
      let grouped = 0;
      for (const team of rows) grouped += await themes.backfill(team.id);
      // Grouping wrote every ungrouped row again (see sql-store/vacuum.ts).
      await vacuum.wrote(grouped);
      await warm;
      return grouped;
    },
  };
}
