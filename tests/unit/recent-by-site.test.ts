import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { captureFromMenu } from '../../lib/capture/menu-actions';
import { recentBySite, recentEntries } from '../../lib/capture/recent';
import type { EffectiveConfig } from '../../lib/config/policy';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { testConfig } from '../helpers/config';
import { makeItem } from '../helpers/items';

// The sidebar's shadow root is open, so the page showing it can read "Recent captures": a content
// script is answered only its own site's captures, the site taken from the browser's record of the
// sender (never from the request). Earmark's own pages may list every site's.

const EXTENSION = 'chrome-extension://earmarkid/';
const A = 'https://acme.zendesk.com/agent/tickets/4821';
const B = 'https://acme.freshdesk.com/a/tickets/77';
const onA = { url: A, tab: { url: A } };
const onB = { url: B, tab: { url: B } };
const popup = { url: `${EXTENSION}popup.html` };

async function setup(config: EffectiveConfig = testConfig()) {
  const db = await openEarmarkDB(`recent-by-site-${Math.random()}`);
  const handlers = createCaptureHandlers({
    db: async () => db,
    loadConfig: async () => config,
    now: Date.now,
    newId: uuidv7,
    onQueued: () => {},
    extensionOrigin: EXTENSION,
  });
  const capture = async (sender: unknown, note: string, url = A) =>
    unwrapReply(
      'capture',
      await dispatch(
        handlers,
        {
          type: 'capture',
          tagId: 'bug',
          note,
          quote: null,
          context: { site: 'zendesk', url, title: null, ticketId: null },
        },
        sender,
      ),
    ).id;
  const notes = async (sender: unknown) =>
    unwrapReply('recent', await dispatch(handlers, { type: 'recent', limit: 10 }, sender)).entries.map(
      (e) => e.note,
    );
  const deps = { db: async () => db, loadConfig: async () => config, now: Date.now };
  return { db, deps, handlers, capture, notes };
}

describe('recent captures by site', () => {
  it("gives each snapshot host, in one scan, the answer that host's own request gets", async () => {
    const t = await setup();
    for (let i = 0; i < 4; i++) await t.capture(onA, `A ${i}`);
    for (let i = 0; i < 2; i++) await t.capture(onB, `B ${i}`, B);
    const bySite = await recentBySite(t.deps, 3, ['acme.zendesk.com', 'acme.freshdesk.com', 'other.example']);
    for (const host of ['acme.zendesk.com', 'acme.freshdesk.com', 'other.example']) {
      expect(bySite[host]).toEqual(await recentEntries(t.deps, 3, { all: false, host }));
    }
    expect(bySite['acme.zendesk.com']?.entries.map((e) => e.note)).toEqual(['A 3', 'A 2', 'A 1']);
    expect(bySite['other.example']).toEqual({ entries: [] });
  });

  it('counts only the sending frame, not its tab, as an extension page', async () => {
    const t = await setup();
    await t.capture(onA, 'note on A');
    // A frame in a tab that shows an extension page is not that page (pageOnly rests on this too).
    expect(await t.notes({ tab: { url: `${EXTENSION}popup.html` } })).toEqual([]);
  });

  it("answers a content script only its own site's captures, an extension page all", async () => {
    const t = await setup();
    await t.capture(onA, 'note on A');
    await t.capture(onB, 'note on B', B);
    expect(await t.notes(onA)).toEqual(['note on A']);
    expect(await t.notes(onB)).toEqual(['note on B']);
    expect(await t.notes(popup)).toEqual(['note on B', 'note on A']);
    // A sender the browser gave no page URL is no site's: it sees nothing.
    expect(await t.notes({})).toEqual([]);
    expect(await t.notes({ url: 'chrome-extension://another-extension/page.html' })).toEqual([]);
  });

  it('takes the site from the sender, not from what the request claims', async () => {
    const t = await setup();
    const id = await t.capture(onB, 'claims to be from A', A);
    expect(await t.notes(onA)).toEqual([]);
    expect(await t.notes(onB)).toEqual(['claims to be from A']);
    expect((await t.db.get('items', id))?.host).toBe('acme.freshdesk.com');
  });

  it('keeps the site when the URL mode keeps no URL, and through edits', async () => {
    const t = await setup(testConfig({ urlMode: 'none' }));
    const id = await t.capture(onA, 'no url kept');
    expect((await t.db.get('items', id))?.item.source.url).toBeNull();
    unwrapReply(
      'revise',
      await dispatch(t.handlers, { type: 'revise', id, change: { kind: 'note', note: 'edited' } }, onA),
    );
    expect(await t.notes(onA)).toEqual(['edited']);
    expect(await t.notes(onB)).toEqual([]);
  });

  it("lists a capture stored before sites were kept by its source URL's host, or nowhere", async () => {
    const t = await setup();
    await t.db.put('items', { item: makeItem({ note: 'old, with url' }), sentAt: 1 });
    const noUrl = makeItem({ note: 'old, no url' });
    await t.db.put('items', { item: { ...noUrl, source: { ...noUrl.source, url: null } }, sentAt: 1 });
    expect(await t.notes(onA)).toEqual(['old, with url']);
    expect(await t.notes(onB)).toEqual([]);
    expect((await t.notes(popup)).sort()).toEqual(['old, no url', 'old, with url']);
  });

  it("files a context-menu capture under the clicked page's site", async () => {
    const t = await setup();
    const api = { action: { setBadgeBackgroundColor: async () => {}, setBadgeText: async () => {} } };
    await captureFromMenu(
      api as unknown as Parameters<typeof captureFromMenu>[0],
      t.handlers,
      { menuItemId: 'earmark-tag:bug', selectionText: 'menu quote', pageUrl: B },
      undefined,
    );
    const [stored] = await t.db.getAll('items');
    expect([stored?.host, stored?.item.quote]).toEqual(['acme.freshdesk.com', 'menu quote']);
  });
});
