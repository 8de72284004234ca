import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Item } from '../schema';

/** An item as kept locally: the latest revision plus its delivery bookkeeping. */
export interface StoredItem {
  item: Item;
  /** Epoch ms of the last 2xx for this item's current revision, null while undelivered. */
  sentAt: number | null;
  /** 1 while any outbox row exists for the item (indexed, so the queue size is a count). */
  pending?: 1;
  /**
   * Hostname of the page the capture was made on, from the browser's record of the sender: the
   * sidebar lists a capture only on this host (lib/capture/site-scope.ts). Optional, so no
   * migration: items stored before it fall back to their source URL's host.
   */
  host?: string;
  /**
   * 1 while no configured endpoint takes the item's tags: it was saved with no outbox row and waits
   * for one (lib/store/item-writes.ts:routeWaitingItems gives it rows when endpoints change).
   * Present only when set, so the waiting items are an index count.
   */
  unrouted?: 1;
}

/** Why a row stopped being retried; it waits for an admin to retry, export or discard it. */
export interface Parked {
  at: number;
  reason: string;
}

/** One delivery obligation: this item (at least this revision) must reach this endpoint. */
export interface OutboxRow {
  itemId: string;
  endpointId: string;
  revision: number;
  /** Failed attempts that count towards backoff (offline failures don't). */
  attempts: number;
  /** Epoch ms before which the row is not sent again. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Size of the item's JSON when the row was queued, so batching needs no item read (optional: older rows lack it). */
  bytes?: number;
  /** Batch the row was last sent in; kept so a retry reuses the same webhook-id. */
  batchId: string | null;
  /** Epoch ms until which a flush owns the row. */
  leaseUntil: number;
  /** The worker instance holding the lease; a lease of a previous (killed) worker is void. */
  leaseOwner?: string;
  /** Epoch ms of the first counted failure; a row failing for 7 days is parked. */
  firstFailureAt?: number;
  /** Set when the row is a dead letter; absent on live rows (so the index lists only parked ones). */
  parkedAt?: number;
  parkedReason?: string;
  /**
   * Set on a row parked because its endpoint left the configuration (settings or policy): such a
   * row goes back to the queue if that endpoint comes back, and "Retry" leaves it parked meanwhile.
   */
  parkedForRemoval?: true;
}

/** Health of one endpoint as the delivery engine last saw it. */
export interface EndpointState {
  endpointId: string;
  status: 'healthy' | 'retrying' | 'paused';
  /** Epoch ms the current status began. */
  since: number;
  /** Why the endpoint is retrying or paused, in words an admin can act on. */
  reason: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
}

/** A lead's triage of one of this agent's captures, as the hub last reported it (the loop back). */
export interface Review {
  itemId: string;
  status: 'reviewed' | 'actioned' | 'declined';
  /** The lead's comment, null when they left none. */
  comment: string | null;
  /** When the lead set this status (the hub's time, ISO-8601), null if the hub did not say. */
  updatedAt: string | null;
  /**
   * 1 while the agent has not yet seen an actioned capture (or a new comment on it); absent once
   * seen. A flag that is only present when set keeps the badge count an index count, as `pending`.
   */
  unseen?: 1;
}

/** The typed IndexedDB schema of the background (extension origin only). */
export interface EarmarkDB extends DBSchema {
  items: {
    key: string;
    value: StoredItem;
    indexes: { 'by-captured': string; 'by-pending': number; 'by-unrouted': number };
  };
  outbox: {
    key: [string, string];
    value: OutboxRow;
    indexes: { 'by-due': number; 'by-item': string; 'by-parked': number; 'by-endpoint': string };
  };
  endpoints: { key: string; value: EndpointState };
  reviews: { key: string; value: Review; indexes: { 'by-unseen': number } };
}

export const DB_NAME = 'earmark';

type UpgradeTx = IDBPTransaction<EarmarkDB, StoreNames<EarmarkDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<EarmarkDB>, tx: UpgradeTx) => Promise<void> | void;

/** The upgrade ladder: step N brings a database from version N to N+1. Append, never edit. */
export const MIGRATIONS: Migration[] = [
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'item.id' });
    items.createIndex('by-captured', 'item.capturedAt');
    const outbox = db.createObjectStore('outbox', { keyPath: ['itemId', 'endpointId'] });
    outbox.createIndex('by-due', 'nextAttemptAt');
    outbox.createIndex('by-item', 'itemId');
  },
  async (db, tx) => {
    // v2: endpoint health, dead letters, and an index that makes "items waiting" a count.
    db.createObjectStore('endpoints', { keyPath: 'endpointId' });
    tx.objectStore('outbox').createIndex('by-parked', 'parkedAt');
    tx.objectStore('items').createIndex('by-pending', 'pending');
    let cursor = await tx.objectStore('outbox').openCursor();
    const pending = new Set<string>();
    while (cursor) {
      pending.add(cursor.value.itemId);
      cursor = await cursor.continue();
    }
    for (const id of pending) {
      const stored = await tx.objectStore('items').get(id);
      if (stored) await tx.objectStore('items').put({ ...stored, pending: 1 });
    }
  },
  (_db, tx) => {
    // v3: an endpoint's queue without a scan (options page: delete or export an endpoint's items).
    tx.objectStore('outbox').createIndex('by-endpoint', 'endpointId');
  },
  (db) => {
    // v4: the leads' triage of the agent's captures, polled from the hub, and what is still unseen.
    db.createObjectStore('reviews', { keyPath: 'itemId' }).createIndex('by-unseen', 'unseen');
  },
  (_db, tx) => {
    // v5: captures no endpoint took, waiting for one. Not backfilled: an older item with neither
    // rows nor a delivery may as well have had its dead letters discarded, and must not be re-sent.
    tx.objectStore('items').createIndex('by-unrouted', 'unrouted');
  },
];

/** Current schema version: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/** Runs every step from oldVersion up to DB_VERSION inside the version-change transaction. */
export async function upgrade(db: IDBPDatabase<EarmarkDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  for (let v = oldVersion; v < DB_VERSION; v++) await MIGRATIONS[v]?.(db, tx);
}

/** Opens (and upgrades) the Earmark database. */
export function openEarmarkDB(name = DB_NAME): Promise<IDBPDatabase<EarmarkDB>> {
  return openDB<EarmarkDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}

export type EarmarkDatabase = IDBPDatabase<EarmarkDB>;
