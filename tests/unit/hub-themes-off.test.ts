import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/pglite';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES } from '../helpers/themes-hub';

// Themes off (createSqlStore's `themes: false`, EARMARK_THEMES=off): a team's items are stored
// without a theme and the start's backfill groups nothing; a later store with themes on groups them.
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) console.warn('hub-themes-off: skipping PostgreSQL: DATABASE_URL unset');
const SCHEMA = `t_themes_off_${process.pid}`;
const dbs: Array<{ name: string; open: () => Promise<SqlDb> }> = [
  { name: 'PGlite', open: () => openPglite() },
];
if (DATABASE_URL) dbs.push({ name: 'PostgreSQL', open: () => openPostgres(DATABASE_URL, SCHEMA) });

afterAll(async () => {
  if (DATABASE_URL) await dropSchema(DATABASE_URL, SCHEMA).catch(() => {});
});

describe.each(dbs)('themes off, $name', ({ open }) => {
  it('stores a team’s items ungrouped, and a store with themes on groups them later', async () => {
    const db = await open();
    const off = await createSqlStore(db, { themes: false });
    const teamId = (await off.createTeam('Tier 1', 'whsec_x')).id;
    const items = EXPORT_NOTES.map((text) => makeItem({ note: text }));
    expect(await off.upsertItems(items, teamId)).toEqual({ stored: 3, duplicates: 0 });
    const themeIds = async () =>
      (await off.listItems({ limit: 10, ids: items.map((i) => i.id) })).map((i) => i.themeId);
    expect(await themeIds()).toEqual([null, null, null]);
    expect(await off.backfillThemes()).toBe(0);
    expect(await off.listThemes({ sort: 'count', offset: 0, limit: 50, scope: { teamId } })).toEqual([]);

    // Same database, themes on (the default): the backfill groups what was stored meanwhile, and
    // reports each item once (it once counted the engine's load and its own pass both).
    const on = await createSqlStore(db);
    expect(await on.backfillThemes()).toBe(3);
    const grouped = await themeIds();
    expect(new Set(grouped).size).toBe(1);
    expect(grouped[0]).not.toBeNull();
    await db.close();
  });
});
