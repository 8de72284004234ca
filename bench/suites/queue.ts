import type { Page } from 'playwright-core';
import type { Item } from '../../lib/schema';
import type { ExtensionBrowser } from '../../scripts/harness/launch';
import { uniqueRevisions, verifiedItems } from '../../tests/e2e/support/extension';
import type { Receiver } from '../../tests/e2e/support/receiver';
import { managedPolicyFiles } from '../lib/browsers';
import { type ChromeApi, callSource, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';

/** The capture message the sidebar sends (the same one tests/e2e/support/extension.ts uses). */
export const CAPTURE_MESSAGE = {
  type: 'capture',
  tagId: 'bug',
  note: null,
  quote: null,
  context: {
    site: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/1',
    title: null,
    ticketId: '1',
  },
} as const;

/**
 * In an extension page: sends `n` messages, `concurrency` in flight; time, failures, and when the
 * first and the last tenth of the replies arrived (to show whether the rate holds as the queue grows).
 */
function sendBurst(arg: { n: number; concurrency: number; message: unknown }) {
  const { runtime } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
  const tenth = Math.max(1, Math.floor(arg.n / 10));
  let next = 0;
  let done = 0;
  let firstTenthAt = 0;
  let lastTenthFrom = 0;
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const lane = async () => {
    while (next < arg.n) {
      next++;
      const reply = await runtime
        .sendMessage(arg.message)
        .catch((e: unknown) => ({ ok: false, error: String(e) }));
      done++;
      if (done === tenth) firstTenthAt = performance.now();
      if (done === arg.n - tenth) lastTenthFrom = performance.now();
      if (!reply?.ok) {
        failed++;
        firstError ??= reply?.error ?? 'no reply';
      }
    }
  };
  return Promise.all(Array.from({ length: arg.concurrency }, lane)).then(() => {
    const ended = performance.now();
    return {
      ms: ended - started,
      firstTenthPerS: tenth / ((firstTenthAt - started) / 1000),
      lastTenthPerS: tenth / ((ended - lastTenthFrom) / 1000),
      failed,
      firstError,
    };
  });
}

/** Items waiting, as the popup would learn it (queue-health from an extension page). */
export async function pendingItems(page: Page): Promise<number> {
  return inPage(
    page,
    async () => {
      const { runtime } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const reply = await runtime.sendMessage({ type: 'queue-health' });
      if (!reply.ok) throw new Error(reply.error);
      return (reply.value as { pendingItems: number }).pendingItems;
    },
    undefined,
  );
}

/** Waits until the queue is empty (earlier captures delivered). */
export async function waitForEmptyQueue(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingItems(page);
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} items still waiting after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** `n` capture messages from an extension page, 16 in flight: items per second. */
export async function measureCaptures(page: Page, n: number, concurrency: number) {
  const result = await inPage(page, sendBurst, { n, concurrency, message: CAPTURE_MESSAGE });
  if (result.failed) {
    const policies = managedPolicyFiles();
    const hint = policies.length ? ` (a managed policy is present: ${policies.join(', ')})` : '';
    throw new Error(`${result.failed} of ${n} captures failed: ${result.firstError}${hint}`);
  }
  return {
    itemsPerS: n / (result.ms / 1000),
    ms: result.ms,
    firstTenthPerS: result.firstTenthPerS,
    lastTenthPerS: result.lastTenthPerS,
  };
}

/**
 * Goes back online with `n` items queued and waits for the receiver to hold all of them: items per
 * second from going online to the last request, and how many requests that took. Every body's
 * signature is verified and each item revision counted once.
 */
export async function measureDrain(options: {
  browser: ExtensionBrowser;
  receiver: Receiver;
  secret: string;
  n: number;
  timeoutMs: number;
}): Promise<{ itemsPerS: number; requests: number; ms: number; firstMs: number; items: Item[] }> {
  const { receiver } = options;
  const first = receiver.requests.length;
  const seen = new Set<string>();
  let parsed = first;
  const started = Date.now();
  await options.browser.context.setOffline(false);
  // CDP's offline emulation flips navigator.onLine in the worker but fires no `online` event there
  // (a real reconnect does); dispatch it, so the drain starts as it would, not on the next alarm.
  await options.browser.worker.evaluate(() => self.dispatchEvent(new Event('online')));
  const deadline = started + options.timeoutMs;
  while (seen.size < options.n) {
    for (; parsed < receiver.requests.length; parsed++) {
      const body = JSON.parse(receiver.requests[parsed]?.body ?? '{}') as { items?: Array<{ id: string }> };
      for (const item of body.items ?? []) seen.add(item.id);
    }
    if (Date.now() > deadline)
      throw new Error(`drained ${seen.size} of ${options.n} in ${options.timeoutMs} ms`);
    if (seen.size < options.n) await sleep(20);
  }
  const requests = receiver.requests.slice(first, parsed);
  const times = requests.map((r) => r.at);
  const last = Math.max(...times);
  const items = verifiedItems(requests, options.secret);
  const unique = uniqueRevisions(items).size;
  if (unique !== options.n) throw new Error(`expected ${options.n} verified items, got ${unique}`);
  const ms = last - started;
  return {
    itemsPerS: options.n / (ms / 1000),
    requests: requests.length,
    ms,
    firstMs: Math.min(...times) - started,
    items,
  };
}

/**
 * Writes `n` waiting items straight into the worker's database (captures stop at the queue cap):
 * each stored item with its outbox row, or (`withRows: false`, to save time) the items alone; the
 * popup's queries (pending-items index, parked-rows index) read no live outbox row either way.
 */
export async function seedQueue(
  browser: ExtensionBrowser,
  n: number,
  endpointId: string,
  withRows: boolean,
): Promise<void> {
  await inPage(
    browser.worker,
    async (arg: { n: number; endpointId: string; withRows: boolean }) => {
      const request = indexedDB.open('earmark');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const template = await new Promise<{ item: Record<string, unknown> }>((resolve, reject) => {
        const cursor = db.transaction('items').objectStore('items').openCursor();
        cursor.onsuccess = () =>
          cursor.result ? resolve(cursor.result.value) : reject(new Error('no item'));
        cursor.onerror = () => reject(cursor.error);
      });
      // Waiting as after a long outage: not due for an hour, so no flush picks them up meanwhile.
      const dueAt = Date.now() + 3_600_000;
      const hex = (v: number, digits: number) => v.toString(16).padStart(digits, '0');
      const base = Date.now() - arg.n;
      for (let start = 0; start < arg.n; start += 10_000) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['items', 'outbox'], 'readwrite');
          for (let i = start; i < Math.min(arg.n, start + 10_000); i++) {
            const ms = hex(base + i, 12);
            const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7000-8000-${hex(i, 12)}`;
            const item = { ...template.item, id, capturedAt: new Date(base + i).toISOString() };
            tx.objectStore('items').put({ item, sentAt: null, pending: 1 });
            if (!arg.withRows) continue;
            tx.objectStore('outbox').put({
              itemId: id,
              endpointId: arg.endpointId,
              revision: 1,
              attempts: 1,
              nextAttemptAt: dueAt,
              lastError: 'network error: Failed to fetch',
              batchId: null,
              leaseUntil: 0,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { n, endpointId, withRows },
  );
}

interface PopupProbe {
  at: number | null;
  text: string | null;
}

/** Installed before the popup's script: the time (since navigation start) its role=status appears. */
function popupProbe(): void {
  const probe: PopupProbe = { at: null, text: null };
  (window as unknown as { __bench: PopupProbe }).__bench = probe;
  const observer = new MutationObserver(() => {
    const status = document.querySelector('[role=status]');
    if (!status?.textContent) return;
    probe.at = performance.now();
    probe.text = status.textContent;
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Opens popup.html in a tab: ms from navigation start until the status line shows the queue. */
export async function openPopup(browser: ExtensionBrowser): Promise<{ ms: number; text: string }> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: callSource(popupProbe, undefined) });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // Polled with evaluate (CDP, exempt from the page's CSP); the time was taken by the observer.
    const probe = await inPage(
      page,
      (timeoutMs) =>
        new Promise<PopupProbe>((resolve, reject) => {
          const deadline = performance.now() + timeoutMs;
          const poll = () => {
            const current = (window as unknown as { __bench?: PopupProbe }).__bench;
            if (current && current.at !== null) resolve(current);
            else if (performance.now() > deadline)
              reject(new Error('the popup never showed its status line'));
            else setTimeout(poll, 20);
          };
          poll();
        }),
      20_000,
    );
    return { ms: probe.at ?? Number.NaN, text: probe.text ?? '' };
  } finally {
    await page.close();
  }
}
