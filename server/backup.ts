import { spawn } from 'node:child_process';

// Backups of a hub's PostgreSQL database with PostgreSQL's own tools (pg_dump's custom format,
// pg_restore), driven by scripts/hub-backup.ts. The connection goes to the tools as libpq
// environment variables, never as arguments: a password in argv is visible to every user of the
// machine (ps).

/** A PostgreSQL client tool's answer. */
interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The libpq environment for a postgres:// URL (host, port, user, password, database, options). */
export function libpqEnv(url: string): Record<string, string> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new Error(`DATABASE_URL is not a postgres:// URL: ${parsed.protocol}`);
  const env: Record<string, string> = {};
  if (parsed.hostname) env.PGHOST = decodeURIComponent(parsed.hostname);
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const options = parsed.searchParams.get('options');
  if (options) env.PGOPTIONS = options;
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a PostgreSQL client tool against `url`. */
function runTool(tool: string, args: string[], url: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...libpqEnv(url) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', (error) =>
      reject(new Error(`${tool} could not run (${error.message}): install PostgreSQL's client tools`)),
    );
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Throws the tool's own words when it failed. */
function check(tool: string, result: ToolResult): ToolResult {
  if (result.code !== 0) throw new Error(`${tool} failed (exit ${result.code}): ${result.stderr.trim()}`);
  return result;
}

/** Where a backup or restore applies: the whole database, or one schema of it (tests). */
export interface BackupScope {
  schema?: string;
}

/** A schema name as PostgreSQL writes it unquoted (the hub's own tests name theirs so). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function schemaOf(scope: BackupScope): string {
  const schema = scope.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return schema;
}

/**
 * Writes the database (or one schema) to `file` in pg_dump's custom format, then reads the file's
 * table of contents back, so a backup that cannot be restored fails here; returns its entries.
 */
export async function backupDatabase(url: string, file: string, scope: BackupScope = {}): Promise<number> {
  const only = scope.schema ? ['--schema', schemaOf(scope)] : [];
  check('pg_dump', await runTool('pg_dump', ['--format=custom', '--no-owner', '--file', file, ...only], url));
  const list = check('pg_restore', await runTool('pg_restore', ['--list', file], url));
  return list.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(';')).length;
}

/** Whether the database (or schema) already holds a hub's tables. */
export async function holdsHubData(url: string, scope: BackupScope = {}): Promise<boolean> {
  const query = `SELECT to_regclass('${schemaOf(scope)}.schema_migrations') IS NOT NULL`;
  const result = check('psql', await runTool('psql', ['-tAc', query], url));
  return result.stdout.trim() === 't';
}

/**
 * Restores a backup into the database (or schema) in one transaction: the tables it holds are
 * dropped and created again from the file, so nothing of the current data is kept, or, should
 * anything fail, all of it is.
 */
export async function restoreDatabase(url: string, file: string, scope: BackupScope = {}): Promise<void> {
  const only = scope.schema ? ['--schema', schemaOf(scope)] : [];
  const args = ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error'];
  check(
    'pg_restore',
    await runTool('pg_restore', [...args, ...only, '--dbname', libpqEnv(url).PGDATABASE ?? '', file], url),
  );
}
