import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { captureFromMenu, clearMenuFailureBadge, MENU_FAILED_TITLE } from '../../lib/capture/menu-actions';
import { createMenuFailureHandlers } from '../../lib/capture/menu-failure-handlers';
import {
  createMenuFailureLog,
  MAX_MENU_FAILURES,
  type MenuFailure,
  menuFailureItem,
} from '../../lib/capture/menu-failures';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { testConfig } from '../helpers/config';

// A context-menu capture has no Earmark UI on screen. One that fails (queue full, a tag gone from
// the taxonomy, a page Earmark cannot read) is kept with the selected text until the agent retries
// or dismisses it in the popup, and the toolbar icon keeps its "!" until then.

const PAGE = 'https://acme.zendesk.com/agent/tickets/4821';
const TEXT = 'The customer says Competitor Co is cheaper';
const NOW = Date.parse('2026-11-23T10:00:00Z');

/** The part of browser.action and tabs the menu uses, recording the badge per tab. */
function fakeApi(context: object | null = null) {
  const badge = new Map<number, string>();
  const titles = new Map<number, string>();
  const api = {
    action: {
      setBadgeBackgroundColor: async () => {},
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badge.set(tabId, text),
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) => void titles.set(tabId, title),
      getTitle: async () => 'Earmark',
    },
    tabs: {
      // The page's sidebar answering the ticket-context message (or nothing at all).
      sendMessage: async () => {
        if (!context) throw new Error('Could not establish connection');
        return { ok: true, value: context };
      },
    },
  };
  return { api: api as unknown as Parameters<typeof captureFromMenu>[0], badge, titles };
}

/** A worker: the capture handler over a fresh database, its failure log in memory. */
async function setup(queueCap?: number) {
  const db = await openEarmarkDB(`menu-failures-${Math.random()}`);
  const config = testConfig();
  let stored: unknown = [];
  const store = {
    getValue: async () => stored,
    setValue: async (value: MenuFailure[]) => {
      stored = value;
    },
  };
  const log = createMenuFailureLog(store);
  const handlers = createCaptureHandlers({
    db: async () => db,
    loadConfig: async () => config,
    now: () => NOW,
    newId: uuidv7,
    onQueued: () => {},
    queueCap,
  });
  const failures = {
    log,
    newId: uuidv7,
    now: () => NOW,
    tagLabel: async (tagId: string) => config.taxonomy.find((t) => t.id === tagId)?.label ?? null,
  };
  return { db, log, handlers, failures, raw: () => stored };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a context-menu capture that fails', () => {
  it('is kept with the selected text and the capture to retry, and the "!" stays on the icon', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const t = await setup(0); // the queue is full
    const { api, badge, titles } = fakeApi();
    const click = { menuItemId: 'earmark-tag:bug', selectionText: `  ${TEXT} `, pageUrl: PAGE, frameId: 0 };
    expect(await captureFromMenu(api, t.handlers, click, 7, t.failures)).toBe(false);
    const [failure] = await t.log.list();
    expect(failure).toMatchObject({
      at: new Date(NOW).toISOString(),
      tagId: 'bug',
      tagLabel: 'Bug',
      error: expect.stringMatching(/queue is full/),
      text: TEXT,
      pageUrl: PAGE,
      request: { type: 'capture', tagId: 'bug', quote: TEXT, context: { url: PAGE, site: 'generic' } },
      tabId: 7,
    });
    expect(badge.get(7)).toBe('!');
    expect(titles.get(7)).toBe(MENU_FAILED_TITLE);
    vi.advanceTimersByTime(10_000);
    expect(badge.get(7)).toBe('!'); // not a 2.5 s flash any more
    expect(await t.db.count('items')).toBe(0);
  });

  it('keeps a tag gone from the taxonomy, a page Earmark cannot read, and an empty selection', async () => {
    const t = await setup();
    const { api } = fakeApi();
    const unknownTag = { menuItemId: 'earmark-tag:retired', selectionText: TEXT, pageUrl: PAGE };
    expect(await captureFromMenu(api, t.handlers, unknownTag, 7, t.failures)).toBe(false);
    // No page URL and no sidebar answering: there is nothing to capture with, but the text is kept.
    const noPage = { menuItemId: 'earmark-tag:bug', selectionText: TEXT };
    expect(await captureFromMenu(api, t.handlers, noPage, 8, t.failures)).toBe(false);
    // A page URL the capture message refuses.
    const badPage = { menuItemId: 'earmark-tag:bug', selectionText: TEXT, pageUrl: 'not a url' };
    expect(await captureFromMenu(api, t.handlers, badPage, 9, t.failures)).toBe(false);
    const empty = { menuItemId: 'earmark-tag:bug', selectionText: '   ', pageUrl: PAGE };
    expect(await captureFromMenu(api, t.handlers, empty, 10, t.failures)).toBe(false);
    const [blank, bad, none, retired] = await t.log.list(); // newest first
    expect(retired).toMatchObject({ tagLabel: null, error: 'unknown tag "retired"', text: TEXT });
    expect(retired?.request).not.toBeNull();
    expect(none).toMatchObject({
      error: expect.stringMatching(/could not read this page/),
      text: TEXT,
      request: null,
    });
    expect(bad).toMatchObject({
      error: expect.stringMatching(/could not read this page/),
      text: TEXT,
      request: null,
    });
    expect(blank).toMatchObject({ error: 'No text was selected', text: null, request: null });
  });

  it('is not kept when it is not an Earmark tag entry, and a saved one flashes "✓" only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const t = await setup();
    const { api, badge } = fakeApi();
    expect(
      await captureFromMenu(api, t.handlers, { menuItemId: 'other', selectionText: TEXT }, 7, t.failures),
    ).toBe(null);
    const click = { menuItemId: 'earmark-tag:bug', selectionText: TEXT, pageUrl: PAGE };
    expect(await captureFromMenu(api, t.handlers, click, 7, t.failures)).toBe(true);
    expect(badge.get(7)).toBe('✓');
    vi.advanceTimersByTime(2500);
    expect(badge.get(7)).toBe('');
    expect(await t.log.list()).toEqual([]);
    expect(await t.db.count('items')).toBe(1);
  });
});

describe("the popup's failed menu captures", () => {
  async function withFailures() {
    const t = await setup(0);
    const { api, badge } = fakeApi();
    const click = (tabId: number) =>
      captureFromMenu(
        api,
        t.handlers,
        { menuItemId: 'earmark-tag:bug', selectionText: TEXT, pageUrl: PAGE },
        tabId,
        t.failures,
      );
    await click(7);
    await click(7);
    await click(8);
    let cap = 0;
    const handlers = createMenuFailureHandlers({
      log: t.log,
      // The queue stays full until `cap` is raised.
      capture: (request, sender) =>
        createCaptureHandlers({
          db: async () => t.db,
          loadConfig: async () => testConfig(),
          now: () => NOW,
          newId: uuidv7,
          onQueued: () => {},
          queueCap: cap,
        }).capture(request, sender),
      clearBadge: (tabId) => clearMenuFailureBadge(api, tabId),
    });
    const send = async (message: object, origin: 'extension-page' | 'content-script' = 'extension-page') =>
      dispatch(handlers, message, {}, origin);
    return { ...t, badge, send, openQueue: () => (cap = 100) };
  }

  it('are listed to extension pages only, with the text, and the request kept in the worker', async () => {
    const t = await withFailures();
    const refused = await t.send({ type: 'menu-failures' }, 'content-script');
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only accepted from Earmark's own pages/),
    });
    const { failures } = unwrapReply('menu-failures', await t.send({ type: 'menu-failures' }));
    expect(failures).toHaveLength(3);
    expect(failures[0]).toEqual({
      id: expect.any(String),
      at: new Date(NOW).toISOString(),
      tagLabel: 'Bug',
      error: expect.stringMatching(/queue is full/),
      text: TEXT,
      pageUrl: PAGE,
      retryable: true,
    });
  });

  it('retry: still failing keeps it with the new error; saved, forgets it and clears that tab\'s "!"', async () => {
    const t = await withFailures();
    const [newest, second, oldest] = await t.log.list();
    if (!newest || !second || !oldest) throw new Error('three failures expected');
    const failed = await t.send({ type: 'menu-failure', id: oldest.id, action: 'retry' });
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/queue is full/) });
    expect(await t.log.list()).toHaveLength(3);

    t.openQueue();
    const retried = unwrapReply(
      'menu-failure',
      await t.send({ type: 'menu-failure', id: oldest.id, action: 'retry' }),
    );
    expect(retried.saved).toMatchObject({ tagLabel: 'Bug', routed: true });
    expect(retried.failures.map((f) => f.id)).toEqual([newest.id, second.id]);
    const [item] = await t.db.getAll('items');
    expect(item).toMatchObject({ host: 'acme.zendesk.com', item: { quote: TEXT } });
    expect(t.badge.get(7)).toBe('!'); // another failure of tab 7 is left

    const dismissed = unwrapReply(
      'menu-failure',
      await t.send({ type: 'menu-failure', id: second.id, action: 'dismiss' }),
    );
    expect(dismissed).toEqual({ failures: [expect.objectContaining({ id: newest.id })], saved: null });
    expect(t.badge.get(7)).toBe('');
    expect(t.badge.get(8)).toBe('!');
    expect(await t.send({ type: 'menu-failure', id: second.id, action: 'dismiss' })).toMatchObject({
      ok: false,
      error: 'that failed capture is no longer kept',
    });
  });

  it('cannot retry one with nothing to capture with, but can dismiss it', async () => {
    const t = await setup();
    const { api } = fakeApi();
    await captureFromMenu(
      api,
      t.handlers,
      { menuItemId: 'earmark-tag:bug', selectionText: TEXT },
      7,
      t.failures,
    );
    const handlers = createMenuFailureHandlers({
      log: t.log,
      capture: t.handlers.capture,
      clearBadge: async () => {},
    });
    const [failure] = await t.log.list();
    const { failures } = unwrapReply(
      'menu-failures',
      await dispatch(handlers, { type: 'menu-failures' }, {}, 'extension-page'),
    );
    expect(failures[0]).toMatchObject({ retryable: false, text: TEXT });
    const retry = await dispatch(
      handlers,
      { type: 'menu-failure', id: failure?.id, action: 'retry' },
      {},
      'extension-page',
    );
    expect(retry).toMatchObject({ ok: false, error: expect.stringMatching(/nothing to try again/) });
  });
});

describe('the failure log', () => {
  it(`keeps the newest ${MAX_MENU_FAILURES}, every one of failures arriving together, and reads junk as none`, async () => {
    const t = await setup();
    const failure = (n: number): MenuFailure => ({
      id: `f${n}`,
      at: new Date(NOW + n).toISOString(),
      tagId: 'bug',
      tagLabel: 'Bug',
      error: 'the queue is full',
      text: `text ${n}`,
      pageUrl: null,
      request: null,
      tabId: null,
    });
    await Promise.all(Array.from({ length: MAX_MENU_FAILURES + 2 }, (_, n) => t.log.add(failure(n))));
    const kept = await t.log.list();
    expect(kept.map((f) => f.id)).toEqual(
      Array.from({ length: MAX_MENU_FAILURES }, (_, n) => `f${MAX_MENU_FAILURES + 1 - n}`),
    );

    const junk = createMenuFailureLog({ getValue: async () => [{ id: 1 }], setValue: async () => {} });
    expect(await junk.list()).toEqual([]);
  });

  it("lives in storage.session, the worker's, empty until a failure", async () => {
    expect(await menuFailureItem.getValue()).toEqual([]);
    const log = createMenuFailureLog();
    const { api } = fakeApi();
    const t = await setup(0);
    await captureFromMenu(
      api,
      t.handlers,
      { menuItemId: 'earmark-tag:bug', selectionText: TEXT, pageUrl: PAGE },
      7,
      { ...t.failures, log },
    );
    const session = (await fakeBrowser.storage.session.get(null)) as Record<string, unknown>;
    expect(Object.values(session)).toEqual([[expect.objectContaining({ text: TEXT })]]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
