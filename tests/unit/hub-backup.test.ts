import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libpqEnv } from '../../server/backup';
import { runCommand } from '../../server/cli';
import { dropSchema } from '../../server/db/postgres';
import { demoItems } from '../../server/demo-data';
import { openPostgresStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';

// Issue 23: the backup and restore script (scripts/hub-backup.ts, pg_dump/pg_restore) round-trips a
// seeded hub database: items with their revisions, triage and history, themes with a lead's merge,
// teams and tokens; a restore replaces what was written after the backup, and is refused without
// --replace on a database that holds a hub's data.
const url = process.env.DATABASE_URL;
if (!url) console.warn('hub-backup: skipping: DATABASE_URL unset (CI sets it)');
const schema = `backup_${process.pid}`;

/** Runs the script as an admin would (npm run hub:backup / hub:restore), on this test's schema. */
function script(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/hub-backup.ts', ...args, '--schema', schema],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    },
  );
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Everything a hub keeps, read row by row in a stable order. */
async function contents(store: HubStore, teamId: string) {
  const scope = { teamId };
  const items = await store.listItems({ limit: 1000, scope });
  const details = await Promise.all(items.map((i) => store.getItem(i.item.id, scope)));
  const themes = await store.listThemes({ scope, sort: 'count', offset: 0, limit: 500 });
  return {
    items: details.sort((a, b) => (a?.item.id ?? '').localeCompare(b?.item.id ?? '')),
    themes: themes.sort((a, b) => a.id.localeCompare(b.id)),
    tokens: await store.listTokens(),
    version: await store.schemaVersion(),
  };
}

describe.skipIf(!url)('hub backup and restore (PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earmark-backup-'));
  const file = join(dir, 'hub.dump');
  let store: HubStore;
  let teamId: string;
  let saved: Awaited<ReturnType<typeof contents>>;

  beforeAll(async () => {
    await dropSchema(url as string, schema);
    store = await openPostgresStore(url as string, schema);
    const team = (await runCommand(store, ['team', 'create', 'Tier 1'])) as { team: { id: string } };
    teamId = team.team.id;
    await runCommand(store, ['token', 'create', '--team', 'Tier 1', '--role', 'lead']);
    const items = demoItems(300, { seed: 5, weeks: 6 });
    for (let i = 0; i < items.length; i += 50) await store.upsertItems(items.slice(i, i + 50), teamId);
    const actor = { tokenId: null, role: 'admin' as const };
    await store.triage(
      items.slice(0, 20).map((i) => i.id),
      'reviewed',
      'seen',
      actor,
      { teamId },
    );
    await store.triage(
      items.slice(0, 5).map((i) => i.id),
      'actioned',
      'fixed',
      actor,
      { teamId },
    );
    const [first, second] = await store.listThemes({ scope: { teamId }, sort: 'count', offset: 0, limit: 2 });
    await store.mergeThemes([first?.id as string, second?.id as string], { teamId });
    saved = await contents(store, teamId);
    expect(saved.items).toHaveLength(300);
    expect(saved.themes.length).toBeGreaterThan(5);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    if (url) await dropSchema(url, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, and a restore brings back exactly what was backed up', async () => {
    const backup = script('backup', file);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Backed up to .* \(\d+ entries/);

    // Written after the backup: the restore must take all of it away again.
    await store.triage(
      [saved.items[0]?.item.id as string],
      'declined',
      'later',
      { tokenId: null, role: 'admin' },
      { teamId },
    );
    await store.upsertItems(demoItems(10, { seed: 99 }), teamId);
    await store.close();

    const refused = script('restore', file);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/add --replace/);

    const restore = script('restore', file, '--replace');
    expect(restore.code, restore.out).toBe(0);
    store = await openPostgresStore(url as string, schema);
    expect(await contents(store, teamId)).toEqual(saved);
  }, 120_000);

  it('groups a new item into the restored themes (the engine loads from the restored rows)', async () => {
    const biggest = [...saved.themes].sort((a, b) => b.count - a.count)[0];
    const like = saved.items.find((i) => i?.themeId === biggest?.id)?.item;
    const [next] = demoItems(1, { seed: 7 });
    const copy = { ...(next as NonNullable<typeof next>), note: like?.note ?? '' };
    await store.upsertItems([copy], teamId);
    const stored = await store.getItem(copy.id, { teamId });
    // A note told before joins a theme that was restored; an engine without them would start one.
    expect(saved.themes.map((t) => t.id)).toContain(stored?.themeId);
  });

  it("names no password in the tools' arguments: the connection goes in libpq variables", () => {
    const env = libpqEnv(
      'postgres://ear%40mark:s3cr%2Ft@db.example:6432/hub?options=-c%20search_path%3Dx&sslmode=require',
    );
    expect(env).toEqual({
      PGHOST: 'db.example',
      PGPORT: '6432',
      PGUSER: 'ear@mark',
      PGPASSWORD: 's3cr/t',
      PGDATABASE: 'hub',
      PGOPTIONS: '-c search_path=x',
      PGSSLMODE: 'require',
    });
    expect(() => libpqEnv('mysql://x@y/z')).toThrow(/not a postgres/);
  });
});
