import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { openPglite } from '../../server/db/pglite';
import { dropSchema, openPostgres } from '../../server/db/postgres';
import type { SqlDb } from '../../server/db/sql';
import { createSqlStore } from '../../server/sql-store';
import type { HubStore } from '../../server/store';
import { makeItem } from '../helpers/items';
import { EXPORT_NOTES, REFUND_NOTES } from '../helpers/themes-hub';

// Themes persisted with the items: grouped on ingest, unchanged by re-delivery, restored after a
// restart, backfilled for items stored without a theme. PGlite, and PostgreSQL when DATABASE_URL is set.
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) console.warn('hub-themes-store: skipping PostgreSQL: DATABASE_URL unset');
const SCHEMA = `t_themes_store_${process.pid}`;
const dbs: Array<{ name: string; open: () => Promise<SqlDb> }> = [
  { name: 'PGlite', open: () => openPglite() },
];
if (DATABASE_URL) dbs.push({ name: 'PostgreSQL', open: () => openPostgres(DATABASE_URL, SCHEMA) });

const EXPORT = EXPORT_NOTES;
const REFUND = REFUND_NOTES;
const note = (text: string, at = '2026-11-23T10:00:00.000Z') => makeItem({ note: text, capturedAt: at });

describe.each(dbs)('themes stored with items, $name', ({ open }) => {
  let db: SqlDb;
  let store: HubStore;
  let teamId: string;
  const themeOf = async (id: string) =>
    (await store.listItems({ limit: 500, includeDeleted: true, ids: [id] }))[0]?.themeId ?? null;
  const themeRows = async () =>
    (await db.query<Record<string, unknown>>('SELECT * FROM themes ORDER BY id')).rows;

  beforeAll(async () => {
    db = await open();
    store = await createSqlStore(db);
    teamId = (await store.createTeam('Tier 1', 'whsec_x')).id;
  });
  afterAll(async () => {
    await store.close();
    if (DATABASE_URL && db) await dropSchema(DATABASE_URL, SCHEMA).catch(() => {});
  });

  const exportItems: Item[] = EXPORT.map((t) => note(t));
  const refundItems: Item[] = REFUND.map((t) => note(t));

  it('groups a team’s items on ingest: one theme per family', async () => {
    await store.upsertItems([...exportItems, ...refundItems], teamId);
    const exportThemes = new Set(await Promise.all(exportItems.map((i) => themeOf(i.id))));
    const refundThemes = new Set(await Promise.all(refundItems.map((i) => themeOf(i.id))));
    expect(exportThemes.size).toBe(1);
    expect(refundThemes.size).toBe(1);
    expect([...exportThemes][0]).not.toBeNull();
    expect([...exportThemes][0]).not.toBe([...refundThemes][0]);
  });

  it('writes each new item’s theme in its own insert: one row version per item, no update', async () => {
    // An update after the insert would leave a second version (a dead row, which PGlite never
    // vacuums) and put the live one after all the inserted rows: line pointers 1..n mean none did.
    const { rows } = await db.query<{ n: number; last: number }>(
      `SELECT count(*)::int AS n, max((ctid::text::point)[1])::int AS last FROM items`,
    );
    expect(rows[0]?.n).toBe(exportItems.length + refundItems.length);
    expect(rows[0]?.last).toBe(rows[0]?.n);
  });

  it('leaves items without a team ungrouped', async () => {
    const loose = note(EXPORT[0] as string);
    await store.upsertItems([loose], null);
    expect(await themeOf(loose.id)).toBeNull();
  });

  it('changes nothing when the same items arrive again', async () => {
    const before = await themeRows();
    const result = await store.upsertItems([...exportItems, ...refundItems], teamId);
    expect(result.stored).toBe(0);
    expect(await themeRows()).toEqual(before);
  });

  it('restores the engine from the database after a restart', async () => {
    const restarted = await createSqlStore(db);
    const later = note('wants to export the reports to a CSV file', '2026-11-24T10:00:00.000Z');
    const themesBefore = (await themeRows()).length;
    await restarted.upsertItems([later], teamId);
    expect(await themeOf(later.id)).not.toBeNull();
    expect(await themeOf(later.id)).toBe(await themeOf(exportItems[0]?.id as string));
    expect((await themeRows()).length).toBe(themesBefore);
  });

  it('sees what another hub process on the same database grouped meanwhile', async () => {
    const other = await createSqlStore(db);
    await other.upsertItems([note(REFUND[0] as string, '2026-11-24T11:00:00.000Z')], teamId);
    const meanwhile = note('customer wants a CSV export of the report', '2026-11-24T12:00:00.000Z');
    await store.upsertItems([meanwhile], teamId);
    const next = note('asks to export the monthly report as CSV', '2026-11-24T13:00:00.000Z');
    await other.upsertItems([next], teamId);
    expect(await themeOf(next.id)).toBe(await themeOf(meanwhile.id));
    const { rows } = await db.query<{ n: number; docs: number }>(
      `SELECT (SELECT count(*)::int FROM items WHERE theme_id IS NOT NULL) AS n,
              (SELECT theme_documents FROM teams WHERE id = $1) AS docs`,
      [teamId],
    );
    expect(rows[0]?.docs).toBe(rows[0]?.n);
  });

  it('takes a deleted item out of its theme', async () => {
    const gone = refundItems[2] as Item;
    const theme = await themeOf(gone.id);
    const count = async () =>
      (await db.query<{ count: number }>('SELECT count FROM themes WHERE id = $1', [theme])).rows[0]?.count;
    const before = await count();
    await store.upsertItems([{ ...gone, revision: 2, deleted: true }], teamId);
    expect(await themeOf(gone.id)).toBeNull();
    expect(await count()).toBe((before as number) - 1);
    const vectors = await db.query('SELECT 1 FROM theme_vectors WHERE item_id = $1', [gone.id]);
    expect(vectors.rows).toEqual([]);
  });

  it('lists the tags of an item whose tag list is too large for the listing index', async () => {
    // Labels of up to 200 characters each: the listing index keeps no copy of these (NULL), so the
    // theme listing reads this item's tags from its data instead.
    const tags = Array.from({ length: 8 }, (_, i) => ({
      id: `long-${i}`,
      label: `${'Long label '.repeat(17)}${i}`,
      category: 'Customer insight',
    }));
    const big = makeItem({ note: EXPORT[0] as string, tags, capturedAt: '2026-11-23T11:00:00.000Z' });
    await store.upsertItems([big], teamId);
    const { rows } = await db.query<{ listing_tags: unknown }>(
      'SELECT listing_tags FROM items WHERE id = $1',
      [big.id],
    );
    expect(rows[0]?.listing_tags).toBeNull();
    const themeId = await themeOf(big.id);
    const listed = await store.listThemes({ scope: { teamId }, sort: 'count', offset: 0, limit: 50 });
    const theme = listed.find((t) => t.id === themeId);
    expect(theme?.tags).toEqual(
      expect.arrayContaining(tags.map((t) => ({ id: t.id, label: t.label, count: 1 }))),
    );
    // Undone again, so the tests after this one see the families as they were.
    await store.upsertItems([{ ...big, revision: 2, deleted: true }], teamId);
  });

  it('backfills items stored without a theme, once', async () => {
    await db.query('UPDATE items SET theme_id = NULL');
    await db.query('DELETE FROM theme_vectors');
    await db.query('DELETE FROM themes');
    await db.query('UPDATE teams SET theme_documents = 0');
    const restarted = await createSqlStore(db);
    const trigger = note(REFUND[0] as string, '2026-11-25T10:00:00.000Z');
    await restarted.upsertItems([trigger], teamId);
    const themes = await Promise.all([...exportItems, ...refundItems.slice(0, 2)].map((i) => themeOf(i.id)));
    expect(themes.every((t) => t !== null)).toBe(true);
    expect(new Set(themes).size).toBe(2);
    expect(await themeOf(trigger.id)).toBe(await themeOf(refundItems[0]?.id as string));
    const after = await themeRows();
    await createSqlStore(db).then((again) => again.upsertItems([trigger], teamId));
    expect(await themeRows()).toEqual(after);
  });
});
