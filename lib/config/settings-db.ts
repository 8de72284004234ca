import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

// Local settings hold endpoint secrets and hub tokens, so they live in the extension's own
// IndexedDB: IndexedDB is per origin, and content scripts run in the CRM page's origin, so only
// the service worker and the extension's pages (chrome-extension://<id>) can open this database.
// storage.local, by contrast, is readable and writable by every content script of the extension.
// The queue's database (lib/store/db.ts) is a separate one with its own single writer (the worker);
// this one is written by the extension pages (options) and read by the worker.

/** A stored settings value with the settings version it was written in. */
export interface VersionedRecord {
  version: number;
  value: unknown;
}

/** The typed schema of the settings database. */
export interface SettingsDB extends DBSchema {
  /**
   * `local`: the local settings; `legacyImported`: set once storage.local was emptied of them;
   * `session`: the hub sign-in's tokens and person (lib/auth/session-store.ts).
   */
  records: { key: 'local' | 'legacyImported' | 'session'; value: VersionedRecord | true };
}

export const SETTINGS_DB_NAME = 'earmark-settings';

type Migration = (db: IDBPDatabase<SettingsDB>) => void;

/** The upgrade ladder: step N brings the database from version N to N+1. Append, never edit. */
const MIGRATIONS: Migration[] = [(db) => void db.createObjectStore('records')];

let connection: Promise<IDBPDatabase<SettingsDB>> | null = null;

/** The settings database, opened once per context (closed again if an upgrade elsewhere needs it). */
export function openSettingsDB(): Promise<IDBPDatabase<SettingsDB>> {
  connection ??= openDB<SettingsDB>(SETTINGS_DB_NAME, MIGRATIONS.length, {
    upgrade(db, oldVersion) {
      for (let v = oldVersion; v < MIGRATIONS.length; v++) MIGRATIONS[v]?.(db);
    },
    blocking() {
      // A newer build (or a test resetting the database) is waiting: let it go first.
      void connection?.then((db) => db.close());
      connection = null;
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

/** The stored local settings record, or null on a fresh install. */
export async function readSettingsRecord(): Promise<VersionedRecord | null> {
  const record = await (await openSettingsDB()).get('records', 'local');
  return record && record !== true ? record : null;
}

/** The record kept under `key` (besides the settings: the sign-in session), or null. */
export async function readRecord(key: 'session'): Promise<VersionedRecord | null> {
  const record = await (await openSettingsDB()).get('records', key);
  return record && record !== true ? record : null;
}

/** Stores (or with null, deletes) the record kept under `key`. */
export async function writeRecord(key: 'session', record: VersionedRecord | null): Promise<void> {
  const db = await openSettingsDB();
  if (record) await db.put('records', record, key);
  else await db.delete('records', key);
}

/**
 * Replaces the local settings record with what `change` makes of the current one, in one
 * transaction, so two pages saving at once cannot lose each other's edit. `change` must be
 * synchronous (an IndexedDB transaction ends at the first unrelated await) and may throw to abort.
 */
export async function changeSettingsRecord(
  change: (current: VersionedRecord | null) => VersionedRecord,
): Promise<VersionedRecord> {
  const tx = (await openSettingsDB()).transaction('records', 'readwrite');
  const current = await tx.store.get('local');
  let next: VersionedRecord;
  try {
    next = change(current && current !== true ? current : null);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => {});
    throw error;
  }
  await tx.store.put(next, 'local');
  await tx.done;
  return next;
}

/**
 * Moves settings an older build kept in storage.local into this database, once: `read` gives the
 * old record (null if none) and `clear` removes it from storage.local. Afterwards a marker makes
 * this a no-op, so a content script that later writes an old-style record imports nothing.
 */
export async function importLegacySettings(
  read: () => Promise<VersionedRecord | null>,
  clear: () => Promise<void>,
): Promise<boolean> {
  const db = await openSettingsDB();
  if ((await db.get('records', 'legacyImported')) === true) return false;
  const legacy = await read();
  const tx = db.transaction('records', 'readwrite');
  // The marker is checked again inside the transaction: two contexts may race to import.
  if ((await tx.store.get('legacyImported')) === true) return false;
  const imported = legacy !== null && (await tx.store.get('local')) === undefined;
  if (imported) await tx.store.put(legacy, 'local');
  await tx.store.put(true, 'legacyImported');
  await tx.done;
  await clear();
  return imported;
}
