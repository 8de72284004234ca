// `npm run hub:backup -- <file>`: writes the hub's PostgreSQL database (DATABASE_URL) to <file> with
// pg_dump (custom format). `npm run hub:restore -- <file> --replace`: restores it, replacing what the
// database holds (refused without --replace when it holds a hub's data). `--schema <name>` limits
// either to one schema. See docs/hub-scale.md, Backups.
import { parseArgs } from 'node:util';
import { backupDatabase, holdsHubData, restoreDatabase } from '../server/backup';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { schema: { type: 'string' }, replace: { type: 'boolean', default: false } },
  });
  const [command, file] = positionals;
  const url = process.env.DATABASE_URL;
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: hub-backup.ts backup <file> | restore <file> --replace  [--schema <name>]');
    return 2;
  }
  if (!url) {
    console.error(
      'DATABASE_URL is not set: backups are of a PostgreSQL hub (for PGlite, copy the data dir while the hub is stopped)',
    );
    return 2;
  }
  const scope = { schema: values.schema };
  if (command === 'backup') {
    const entries = await backupDatabase(url, file, scope);
    console.log(`Backed up to ${file} (${entries} entries; pg_dump custom format, checked readable).`);
    return 0;
  }
  if (!values.replace && (await holdsHubData(url, scope))) {
    console.error(
      "The database already holds a hub's data: add --replace to replace all of it with the backup.",
    );
    return 2;
  }
  await restoreDatabase(url, file, scope);
  console.log(`Restored ${file}. Start the hub: it migrates the restored schema if it is older.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
