import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { countQueued, exportAndDelete } from '../../components/options/endpoint-actions';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { createEndpointHandlers } from '../../lib/delivery/endpoint-handlers';
import { dispatch, type Handlers, unwrapReply } from '../../lib/protocol/messages';
import { DB_NAME, type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { dropExported, exportQueued } from '../../lib/store/endpoint-queue';
import { pendingItemCount } from '../../lib/store/pending-count';
import { saveRevision } from '../../lib/store/queue';
import { testConfig } from '../helpers/config';
import { TICKET_CONTEXT } from '../helpers/context';
import { makeItem } from '../helpers/items';

// The options page's downloads, kept instead of clicking a link.
const downloads = vi.hoisted(() => [] as Array<{ name: string; value: unknown }>);
vi.mock('../../components/shared/download', async (original) => ({
  ...(await original<object>()),
  downloadJson: (name: string, value: unknown) => downloads.push({ name, value }),
}));

const capture = { type: 'capture', tagId: 'bug', note: null, quote: null, context: TICKET_CONTEXT };
const CAP = 3;

/** The truth the worker's running count must equal: the by-pending index, counted now. */
const indexCount = (db: EarmarkDatabase) => db.countFromIndex('items', 'by-pending');

/** The background worker: one connection to the extension's database, every handler on it. */
async function startWorker() {
  const db = await openEarmarkDB(); // the extension's own database, the one the pages would open
  const base = {
    db: async () => db,
    loadConfig: async () => testConfig(),
    now: Date.now,
    onQueued: vi.fn(),
    queueCap: CAP,
  };
  const handlers: Handlers = {
    ...createCaptureHandlers({ ...base, newId: uuidv7 }),
    ...createAdminHandlers(base),
    ...createEndpointHandlers({ ...base, fetch: () => Promise.reject(new Error('no network here')) }),
  };
  // The options page's runtime.sendMessage reaches the worker's dispatcher as an extension page.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((message: unknown) =>
    dispatch(handlers, message, {}, 'extension-page'),
  );
  const health = async () =>
    unwrapReply('queue-health', await dispatch(handlers, { type: 'queue-health' }, {}, 'extension-page'));
  return { db, handlers, health };
}

beforeEach(async () => {
  downloads.length = 0;
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = done;
  });
});
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
afterEach(() => {
  worker?.db.close();
  worker = undefined;
});

describe('one writer per database: the options page deletes an endpoint through the worker', () => {
  it('leaves the worker’s queue health and queue cap right at once', async () => {
    worker = await startWorker();
    for (let i = 0; i < CAP; i++) expect((await dispatch(worker.handlers, capture, {})).ok).toBe(true);
    expect(await worker.health()).toMatchObject({ pendingItems: CAP, nearCap: true });
    expect((await dispatch(worker.handlers, capture, {})).ok).toBe(false); // full

    // The admin deletes the endpoint 'hub' in the options page: counted, exported, dropped.
    expect(await countQueued('hub')).toBe(CAP);
    expect(await exportAndDelete('hub')).toEqual({
      exported: CAP,
      files: 1,
      deleted: true,
      remaining: 0,
    });
    expect(downloads.map((d) => d.value)).toEqual([
      expect.objectContaining({
        type: 'earmark.queued-items.v1',
        endpointId: 'hub',
        items: expect.any(Array),
      }),
    ]);
    expect((downloads[0]?.value as { items: unknown[] } | undefined)?.items).toHaveLength(CAP);

    // No restart: the worker's health panel and its cap check see the empty queue at once.
    expect(await indexCount(worker.db)).toBe(0);
    expect(await worker.health()).toMatchObject({ pendingItems: 0, nearCap: false });
    expect((await dispatch(worker.handlers, capture, {})).ok).toBe(true);
    expect(await worker.health()).toMatchObject({ pendingItems: 1, nearCap: false });
  });

  it('keeps the endpoint when a capture arrives between the export and the drop', async () => {
    worker = await startWorker();
    const { handlers } = worker;
    expect((await dispatch(handlers, capture, {})).ok).toBe(true);
    // The worker takes a capture from a CRM tab just before the page's drop arrives.
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(async (message: unknown) => {
      if ((message as { type: string }).type === 'endpoint-queued-drop')
        await dispatch(handlers, capture, {});
      return dispatch(handlers, message, {}, 'extension-page');
    });
    expect(await exportAndDelete('hub')).toEqual({ exported: 1, files: 1, deleted: false, remaining: 1 });
    expect(downloads).toHaveLength(1);
    expect(await countQueued('hub')).toBe(1);
    expect(await worker.health()).toMatchObject({ pendingItems: 1 });
    expect(await indexCount(worker.db)).toBe(1);
  });
});

describe('why only the worker writes', () => {
  it('a write through a second connection is not seen by the first connection’s tally', async () => {
    const name = `two-connections-${Math.random()}`;
    const first = await openEarmarkDB(name);
    for (let i = 0; i < 3; i++) await saveRevision(first, makeItem(), ['gone'], Date.now());
    expect(await pendingItemCount(first)).toBe(3);

    // A second connection (a page opening the database itself) drops the endpoint's queue.
    const second = await openEarmarkDB(name);
    expect(await dropExported(second, await exportQueued(second, 'gone', Date.now()))).toBe(0);
    expect(await indexCount(first)).toBe(0);
    expect(await pendingItemCount(second)).toBe(0);
    // The first connection's running count never heard of it: stale until that worker restarts.
    expect(await pendingItemCount(first)).toBe(3);
    first.close();
    second.close();
  });
});
