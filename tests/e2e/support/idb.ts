import type { Worker } from 'playwright-core';

/** Every record of every object store of one IndexedDB database, by store name. */
export type IndexedDbDump = Record<string, unknown[]>;

/**
 * Reads a whole IndexedDB database of the extension origin (the background's "earmark" by default)
 * from its service worker, with the raw API so nothing of the product's db module is trusted.
 * Fails rather than creating the database when it does not exist yet: an open without a version
 * would create it at version 1 and the background's upgrade ladder would then skip its first step.
 */
export async function readAllIndexedDb(worker: Worker, name = 'earmark'): Promise<IndexedDbDump> {
  return worker.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`cannot open IndexedDB "${dbName}": ${request.error}`));
    });
    try {
      const stores = [...db.objectStoreNames];
      const dump: Record<string, unknown[]> = {};
      if (stores.length === 0) return dump;
      const tx = db.transaction(stores, 'readonly');
      await Promise.all(
        stores.map(
          (store) =>
            new Promise<void>((resolve, reject) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => {
                dump[store] = request.result;
                resolve();
              };
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return dump;
    } finally {
      db.close();
    }
  }, name);
}
