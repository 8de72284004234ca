import type { Page, Worker } from 'playwright-core';
import { type ChromeApi, inPage } from './inpage';
import { sleep } from './stats';

// The sidebar snapshot a site keeps for the launcher's first paint (lib/sidebar/snapshot-store.ts), as
// the bench sees it from the extension's worker: waited for before the page-load rounds, and
// spoiled before each "stale" load so that load must render the app.

interface StoredSnapshots {
  [host: string]: { savedAt: number; snapshot: { key: string; live: boolean } };
}

/** The stored snapshot's key and liveness for `host`, or null. */
export function snapshotOf(worker: Worker, host: string): Promise<{ key: string; live: boolean } | null> {
  return inPage(
    worker,
    async (h) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const all = (await api.storage.local.get('sidebarSnapshots')).sidebarSnapshots as
        | StoredSnapshots
        | undefined;
      const stored = all?.[h]?.snapshot;
      return stored ? { key: stored.key, live: stored.live } : null;
    },
    host,
  );
}

/** Marks the key of a snapshot spoilSnapshot made stale. */
const SPOILED = 'stale ';

/** True for a snapshot a page load would paint and leave painted: current and not live. */
function isSettled(snapshot: { key: string; live: boolean } | null): boolean {
  return snapshot !== null && !snapshot.live && !snapshot.key.startsWith(SPOILED);
}

/**
 * Waits until `host` has a settled snapshot (an open page's app writes it), other than one keyed
 * `unlike` if given; returns its key, or throws.
 */
export async function waitForSettledSnapshot(
  worker: Worker,
  host: string,
  options: { unlike?: string; timeoutMs?: number } = {},
): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const snapshot = await snapshotOf(worker, host);
    if (snapshot && isSettled(snapshot) && snapshot.key !== options.unlike) return snapshot.key;
    if (Date.now() > deadline) {
      throw new Error(`no settled sidebar snapshot for ${host}: ${JSON.stringify(snapshot)}`);
    }
    await sleep(100);
  }
}

/** Leaves `host` with a settled snapshot, opening a page until its app wrote one; returns its key. */
export async function ensureSettledSnapshot(
  worker: Worker,
  host: string,
  open: () => Promise<Page>,
): Promise<string> {
  const stored = await snapshotOf(worker, host);
  if (stored && isSettled(stored)) return stored.key;
  const page = await open();
  try {
    return await waitForSettledSnapshot(worker, host);
  } finally {
    await page.close();
  }
}

/** Makes `host`'s stored snapshot stale (its key no longer matches), as a change elsewhere would. */
export function spoilSnapshot(worker: Worker, host: string): Promise<void> {
  return inPage(
    worker,
    async ({ h, prefix }) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const all = (await api.storage.local.get('sidebarSnapshots')).sidebarSnapshots as
        | StoredSnapshots
        | undefined;
      const stored = all?.[h];
      if (!stored) throw new Error(`no sidebar snapshot for ${h} to spoil`);
      stored.snapshot.key = `${prefix}${Date.now()}`;
      await api.storage.local.set({ sidebarSnapshots: all });
    },
    { h: host, prefix: SPOILED },
  );
}
