import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Item } from './schema';

/** An item as kept locally: the latest revision plus when it last reached any endpoint. */
export interface StoredItem {
  item: Item;
  /** Epoch ms of the last 2xx for this item's current revision, null while undelivered. */
  sentAt: number | null;
}

/** One delivery obligation: this item (at least this revision) must reach this endpoint. */
export interface OutboxRow {
  itemId: string;
  endpointId: string;
  revision: number;
  attempts: number;
  /** Epoch ms before which the row is not sent again. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Batch the row was last sent in; kept so a retry reuses the same webhook-id. */
  batchId: string | null;
  /** Epoch ms until which a flush owns the row; a lease from a killed worker simply expires. */
  leaseUntil: number;
}

/** The typed IndexedDB schema of the background (extension origin only). */
export interface EarmarkDB extends DBSchema {
  items: { key: string; value: StoredItem; indexes: { 'by-captured': string } };
  outbox: {
    key: [string, string];
    value: OutboxRow;
    indexes: { 'by-due': number; 'by-item': string };
  };
}

export const DB_NAME = 'earmark';

type UpgradeTx = IDBPTransaction<EarmarkDB, StoreNames<EarmarkDB>[], 'versionchange'>;

/** The upgrade ladder: step N brings a database from version N to N+1. Append, never edit. */
export const MIGRATIONS: Array<(db: IDBPDatabase<EarmarkDB>, tx: UpgradeTx) => void> = [
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'item.id' });
    items.createIndex('by-captured', 'item.capturedAt');
    const outbox = db.createObjectStore('outbox', { keyPath: ['itemId', 'endpointId'] });
    outbox.createIndex('by-due', 'nextAttemptAt');
    outbox.createIndex('by-item', 'itemId');
  },
];

/** Current schema version: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/** Runs every step from oldVersion up to DB_VERSION. */
export function upgrade(db: IDBPDatabase<EarmarkDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]?.(db, tx);
}

/** Opens (and upgrades) the Earmark database. */
export function openEarmarkDB(name = DB_NAME): Promise<IDBPDatabase<EarmarkDB>> {
  return openDB<EarmarkDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}

export type EarmarkDatabase = IDBPDatabase<EarmarkDB>;
