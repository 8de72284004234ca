import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import type { Item } from '../../lib/schema';
import type { Receiver } from '../../tests/e2e/support/receiver';
import { LOOPBACK_ONLY, launchPlain } from '../lib/browsers';
import { PROBE_EXTENSION_DIR, WORKBOX_DIR } from '../lib/build';
import { type ChromeApi, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';
import type { Command, QueuedRequest } from '../workbox-reference/sw';

/**
 * In an extension page: `n` captures' worth of records (the stored item and its outbox row, the
 * product's stores and indexes) put with one readwrite transaction per capture, `concurrency` in
 * flight, in a database of its own. No messaging, validation or redaction: the practical limit.
 */
function rawIdbPuts(arg: { n: number; concurrency: number; item: Record<string, unknown> }) {
  const name = 'bench-raw-idb';
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const items = db.createObjectStore('items', { keyPath: 'item.id' });
        items.createIndex('by-captured', 'item.capturedAt');
        items.createIndex('by-pending', 'pending');
        const outbox = db.createObjectStore('outbox', { keyPath: ['itemId', 'endpointId'] });
        outbox.createIndex('by-due', 'nextAttemptAt');
        outbox.createIndex('by-item', 'itemId');
        outbox.createIndex('by-parked', 'parkedAt');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const drop = () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  const put = (db: IDBDatabase, i: number) =>
    new Promise<void>((resolve, reject) => {
      const id = `${crypto.randomUUID()}-${i}`;
      const now = Date.now();
      const tx = db.transaction(['items', 'outbox'], 'readwrite');
      tx.objectStore('items').put({
        item: { ...arg.item, id, capturedAt: new Date(now).toISOString() },
        sentAt: null,
        pending: 1,
      });
      tx.objectStore('outbox').put({
        itemId: id,
        endpointId: 'receiver',
        revision: 1,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        batchId: null,
        leaseUntil: 0,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  return (async () => {
    await drop();
    const db = await open();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: arg.concurrency }, async () => {
        while (next < arg.n) await put(db, next++);
      }),
    );
    const ms = performance.now() - started;
    db.close();
    await drop();
    return { ms, count: arg.n };
  })();
}

/**
 * In an extension page: the naive alternative, appending each capture to one array in
 * chrome.storage.local (read, push, write; one at a time, since concurrent appends lose items).
 * Each append rewrites the whole array, so it stops after `budgetMs` and reports its rate so far.
 */
function storageLocalAppends(arg: { n: number; budgetMs: number; item: Record<string, unknown> }) {
  const local = (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local;
  return (async () => {
    await local.remove('benchLog');
    const started = performance.now();
    let count = 0;
    while (count < arg.n && performance.now() - started < arg.budgetMs) {
      const stored = (await local.get('benchLog')).benchLog as unknown[] | undefined;
      const log = stored ?? [];
      log.push({ ...arg.item, id: `${crypto.randomUUID()}-${count}` });
      await local.set({ benchLog: log });
      count++;
    }
    const ms = performance.now() - started;
    await local.remove('benchLog');
    return { ms, count };
  })();
}

/** Items per second of both capture references, in a probe extension of their own. */
export async function measureStorageReferences(options: {
  n: number;
  concurrency: number;
  storageBudgetMs: number;
  item: Item;
}): Promise<{ rawIdbPerS: number; storageLocalPerS: number; storageLocalCount: number }> {
  const browser = await launchPlain({
    hostResolverRules: LOOPBACK_ONLY,
    extensionDirs: [PROBE_EXTENSION_DIR],
  });
  try {
    const worker =
      browser.context.serviceWorkers()[0] ??
      (await browser.context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/probe.html`);
    const item = options.item as unknown as Record<string, unknown>;
    // One small unrecorded round first, so both start with a warm IndexedDB / storage backend.
    await inPage(page, rawIdbPuts, { n: 100, concurrency: options.concurrency, item });
    const raw = await inPage(page, rawIdbPuts, { n: options.n, concurrency: options.concurrency, item });
    const local = await inPage(page, storageLocalAppends, {
      n: options.n,
      budgetMs: options.storageBudgetMs,
      item,
    });
    return {
      rawIdbPerS: raw.count / (raw.ms / 1000),
      storageLocalPerS: local.count / (local.ms / 1000),
      storageLocalCount: local.count,
    };
  } finally {
    await browser.close();
  }
}

/** In the reference page: sends a command to the workbox worker and waits for its answer. */
function toWorker(command: Command) {
  return new Promise<unknown>((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      if (event.data.id !== command.id) return;
      navigator.serviceWorker.removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.result);
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(command), reject);
  });
}

/**
 * The drain reference: workbox-background-sync's Queue in a service worker on a loopback origin
 * (the bench serves the page and the bundled worker), holding one request per item (the same items,
 * each in a signed single-item body, to the same receiver), then `replayRequests()`. The receiver
 * answers no CORS preflight, so this browser runs with --disable-web-security (the extension needs
 * no preflight either: it has host permission for loopback).
 */
export async function measureWorkboxDrain(options: {
  receiver: Receiver;
  secret: string;
  items: Item[];
  log: (line: string) => void;
}): Promise<{ itemsPerS: number; requests: number; ms: number }> {
  const sw = readFileSync(join(WORKBOX_DIR, 'sw.js'));
  const server = createServer((req, res) => {
    if (req.url === '/sw.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(sw);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>workbox reference</title>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchPlain({
    hostResolverRules: LOOPBACK_ONLY,
    extraArgs: ['--disable-web-security'],
  });
  try {
    const page: Page = await browser.context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('/sw.js');
      await navigator.serviceWorker.ready;
    });
    let id = 0;
    const now = Date.now();
    const requests: QueuedRequest[] = options.items.map((item) => {
      const batchId = uuidv7();
      const body = batchBody(batchId, [item], now);
      return { url: options.receiver.url, headers: signBatch(options.secret, batchId, body, now), body };
    });
    for (let start = 0; start < requests.length; start += 500) {
      await inPage(page, toWorker, { id: ++id, op: 'push', requests: requests.slice(start, start + 500) });
    }
    options.log(`  workbox queue holds ${requests.length} requests; replaying`);
    const first = options.receiver.requests.length;
    const started = Date.now();
    const result = (await inPage(page, toWorker, { id: ++id, op: 'replay' })) as { size: number };
    if (result.size !== 0) throw new Error(`workbox left ${result.size} requests queued`);
    await sleep(50);
    const received = options.receiver.requests.slice(first);
    if (received.length !== requests.length) {
      throw new Error(`workbox replayed ${received.length} of ${requests.length} requests`);
    }
    const ms = Math.max(...received.map((r) => r.at)) - started;
    return { itemsPerS: options.items.length / (ms / 1000), requests: received.length, ms };
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}
