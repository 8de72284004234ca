import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSettings } from '../../scripts/harness/launch';
import { TEST_AGENT, verifiedItems } from './support/extension';
import { openWithSidebar } from './support/pages';
import { currentSnapshotStored, openPainted, sidebarState, storedSnapshot } from './support/painted';
import { type Session, startSession } from './support/session';

// The open sidebar is painted at page load from a snapshot of its last rendering (plain DOM, no
// app); the app renders over it when the agent reaches for it, or at once when it is stale. These
// tests load the real build in Chromium and drive it as an agent would, right after page load.

const HOST = 'acme.zendesk.com';
const ticket = (id: number) => `https://${HOST}/agent/tickets/${id}`;
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/**
 * The key of this site's stored snapshot, once one is stored that the next page load paints: drawn
 * from the data the worker publishes now (a key published after the snapshot was taken, on a
 * loaded machine, would make the next load render the app instead) and showing nothing moving.
 */
async function storedSnapshotKey(): Promise<string> {
  await expect.poll(() => currentSnapshotStored(session.browser, HOST), { timeout: 10_000 }).toBe(true);
  return (await storedSnapshot(session.browser, HOST))?.snapshot?.key as string;
}

/** A page load that leaves this site's snapshot stored (tests run alone stay independent). */
async function snapshotReady(): Promise<string> {
  const { page } = await openWithSidebar(session.browser, ticket(4821));
  const key = await storedSnapshotKey();
  await page.close();
  return key;
}

/** A freshly loaded ticket page whose sidebar is painted from its snapshot (support/painted.ts). */
async function paintedPage(id: number): Promise<{ page: Page; sidebar: Locator }> {
  await snapshotReady();
  return openPainted(session.browser, ticket(id));
}

describe('the sidebar painted from its snapshot', () => {
  it('shows at the next page load without the app, which renders over it unchanged when reached for', async () => {
    const first = await openWithSidebar(session.browser, ticket(4821));
    expect((await sidebarState(first.page)).painted).toBe(false); // nothing to paint yet: the app rendered
    await storedSnapshotKey();
    await first.page.close();

    const { page, sidebar } = await openWithSidebar(session.browser, ticket(4821));
    const painted = await sidebarState(page);
    expect(painted.painted).toBe(true);
    expect(await sidebar.getByRole('button', { name: 'Chaser' }).getAttribute('aria-keyshortcuts')).toBe('4');
    await page.waitForTimeout(1500);
    expect((await sidebarState(page)).painted).toBe(true); // fresh and settled: no app loaded

    await sidebar.getByRole('heading', { name: 'Earmark' }).hover();
    await expect.poll(async () => (await sidebarState(page)).painted).toBe(false);
    expect((await sidebarState(page)).markup).toBe(painted.markup); // the app rendered what was painted
    await page.close();
  });

  it('captures a click and a note typed before the app is there, with the ticket context', async () => {
    const { page, sidebar } = await paintedPage(5150);
    // At once, as an agent would: type a note, then click a tag. The app loads meanwhile.
    await sidebar.getByRole('textbox', { name: 'Note' }).pressSequentially('asked twice for the refund');
    await sidebar.getByRole('button', { name: 'Chaser' }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toContain('Saved: Chaser');

    const request = await session.receiver.waitFor((r) => r.body.includes('"chaser"'), 15_000);
    const [item] = verifiedItems([request], session.secret);
    expect(item).toMatchObject({
      tags: [{ id: 'chaser' }],
      note: 'asked twice for the refund',
      source: { site: 'zendesk', ticketId: '5150' },
      agent: TEST_AGENT,
    });
    await page.close();
  });

  it('captures the text selected on the page with a click at once, as the app would', async () => {
    const { page, sidebar } = await paintedPage(6200);
    const selected = 'the CSV export has failed three times this week';
    await page.evaluate((text) => {
      const paragraph = document.getElementById('customer-message') as HTMLElement;
      const node = paragraph.firstChild as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, selected);
    await sidebar.getByRole('button', { name: 'Competitor mention' }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toContain('Saved: Competitor mention');
    const request = await session.receiver.waitFor((r) => r.body.includes('"competitor-mention"'), 15_000);
    const [item] = verifiedItems([request], session.secret);
    expect(item).toMatchObject({ quote: selected, source: { ticketId: '6200' } });
    // The app took over what the painted sidebar began: Undo is there.
    await sidebar.getByRole('button', { name: 'Undo' }).waitFor();
    await page.close();
  });

  it("ignores the page's own scripts: their events neither capture nor load the app", async () => {
    const { page } = await paintedPage(4821);
    const before = session.receiver.requests.length;
    await page.evaluate(() => {
      const root = document.querySelector('earmark-sidebar')?.shadowRoot;
      const opts = { bubbles: true, composed: true, cancelable: true };
      for (const button of root?.querySelectorAll<HTMLButtonElement>('button.em-tag') ?? []) {
        button.dispatchEvent(new PointerEvent('pointerover', opts));
        button.dispatchEvent(new FocusEvent('focusin', opts));
        button.click();
        button.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: '1' }));
      }
    });
    await page.waitForTimeout(1500);
    expect((await sidebarState(page)).painted).toBe(true);
    expect(session.receiver.requests.length).toBe(before);
    await page.close();
  });

  it('follows a capture made in another tab: the painted sidebar learns of it and shows it', async () => {
    const watching = await paintedPage(4821);

    const other = await openWithSidebar(session.browser, ticket(7001));
    await other.sidebar.getByRole('button', { name: 'Praise' }).click();
    await expect.poll(() => other.sidebar.getByRole('status').textContent()).toContain('Saved: Praise');
    // No reload: the background publishes a new data key, the painted tab sees it and renders.
    const list = watching.sidebar.getByRole('list', { name: 'Recent captures' });
    await expect
      .poll(() => list.getByRole('listitem').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Praise/);
    expect((await sidebarState(watching.page)).painted).toBe(false);
    await other.page.close();
    await watching.page.close();
  });

  it('renders a stale snapshot anew at once: a taxonomy changed since it was painted', async () => {
    const painted = await snapshotReady();
    await seedSettings(session.browser.worker, {
      endpoints: [session.endpoint],
      agent: TEST_AGENT,
      taxonomy: [
        { id: 'refund-delay', label: 'Refund delay', category: 'Failure demand' },
        { id: 'bug', label: 'Bug', category: 'Customer insight' },
      ],
    });
    const { page, sidebar } = await openWithSidebar(session.browser, ticket(4821));
    await sidebar.getByRole('button', { name: 'Refund delay' }).waitFor({ timeout: 10_000 });
    expect((await sidebarState(page)).painted).toBe(false);
    await expect.poll(storedSnapshotKey).not.toBe(painted); // and the new rendering is kept
    await page.close();
  });
});
