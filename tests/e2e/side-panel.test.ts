import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { openWithSidebar } from './support/pages';
import { type Session, startSession } from './support/session';
import { attachSidePanel, type SidePanelTarget } from './support/side-panel';

const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const SALESFORCE = 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view';
const QUOTE = 'the CSV export has failed three times this week';

let s: Session;
let zendesk: Page;
let cdp: CDPSession;
let panel: SidePanelTarget;

/** The first item the receiver got with this tag, once it is there. */
async function receivedWith(tagId: string): Promise<Item> {
  await expect.poll(() => s.received().some((i) => i.tags[0]?.id === tagId), { timeout: 10_000 }).toBe(true);
  return s.received().find((i) => i.tags[0]?.id === tagId) as Item;
}

/** Whether the in-page sidebar (open or collapsed) is on the page. */
async function overlayShown(page: Page): Promise<boolean> {
  const open = await page.getByRole('complementary', { name: 'Earmark' }).count();
  const collapsed = await page.getByRole('button', { name: 'Open Earmark' }).count();
  return open + collapsed > 0;
}

beforeAll(async () => {
  s = await startSession();
  ({ page: zendesk } = await openWithSidebar(s.browser, ZENDESK));
  cdp = await s.browser.context.newCDPSession(zendesk);
}, 60_000);

afterAll(async () => {
  await s?.close();
});

describe("Earmark in the browser's side panel", { timeout: 60_000 }, () => {
  it('opens from the in-page sidebar, which then leaves the page', async () => {
    const sidebar = zendesk.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Open in side panel' }).click();
    panel = await attachSidePanel(cdp, s.browser.extensionId);
    await expect.poll(() => overlayShown(zendesk), { timeout: 5000 }).toBe(false);
    await expect
      .poll(() => panel.text(), { timeout: 5000 })
      .toContain('Capturing for Zendesk · #4821 · Export to CSV keeps timing out');
  });

  it("captures with the tab's ticket and the page's selection as the quote", async () => {
    await zendesk.evaluate((quote) => {
      const message = document.getElementById('customer-message');
      const text = message?.firstChild;
      const start = text?.textContent?.indexOf(quote) ?? -1;
      if (!text || start < 0) throw new Error('fixture text not found');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + quote.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, QUOTE);
    await panel.click('button', 'Bug');
    await expect
      .poll(() => panel.evaluate<string>("document.querySelector('[role=status]')?.textContent ?? ''"))
      .toContain('Saved');
    const item = await receivedWith('bug');
    expect(item.source).toEqual({
      site: 'zendesk',
      url: ZENDESK,
      title: 'Export to CSV keeps timing out',
      ticketId: '4821',
    });
    expect(item.quote).toBe(QUOTE);
    // Extension pages list every site's captures; the panel's list has this one.
    await expect.poll(() => panel.text()).toMatch(/Recent captures[\s\S]*Bug/i);
  });

  it('follows the agent to a Salesforce tab: its context, its captures, no overlay there either', async () => {
    const salesforce = await s.browser.context.newPage();
    await salesforce.goto(SALESFORCE);
    await salesforce.bringToFront();
    await expect
      .poll(() => panel.text(), { timeout: 5000 })
      .toContain('Capturing for Salesforce · #500Hs00001XyZabIAF · Sync stops after 2 GB upload');
    await panel.click('button', 'Chaser');
    const item = await receivedWith('chaser');
    expect(item.source).toMatchObject({ site: 'salesforce', ticketId: '500Hs00001XyZabIAF' });
    expect(item.quote).toBeNull();
    expect(await overlayShown(salesforce)).toBe(false);
    await zendesk.bringToFront();
  });

  it('follows navigation inside the Zendesk app', async () => {
    await zendesk.evaluate(() => history.pushState({}, '', '/agent/tickets/4822'));
    await expect.poll(() => panel.text(), { timeout: 5000 }).toContain('Capturing for Zendesk · #4822');
  });

  it('says plainly that it cannot read a page Earmark does not run on, and captures nothing', async () => {
    const other = await s.browser.context.newPage();
    await other.goto('about:blank');
    await other.bringToFront();
    await expect.poll(() => panel.text(), { timeout: 5000 }).toContain('Earmark cannot read this page');
    const before = s.received().length;
    await panel.click('button', 'Feature request');
    await expect
      .poll(() => panel.evaluate<string>("document.querySelector('[role=alert]')?.textContent ?? ''"))
      .toContain('cannot read this page');
    await new Promise((r) => setTimeout(r, 1000));
    expect(s.received().length).toBe(before);
    await other.close();
    await zendesk.bringToFront();
  });

  it('gives the page its sidebar back when the panel closes', async () => {
    await s.browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: { active: boolean }): Promise<Array<{ windowId: number }>> };
          sidePanel: { close(o: { windowId: number }): Promise<void> };
        };
      };
      // The tests' tabs share one window: the active one's.
      const [tab] = await chrome.tabs.query({ active: true });
      if (!tab) throw new Error('no active tab');
      await chrome.sidePanel.close({ windowId: tab.windowId });
    });
    await expect.poll(() => overlayShown(zendesk), { timeout: 5000 }).toBe(true);
  });

  it('opens in a new window too, and follows that window’s tab', async () => {
    const opened = s.browser.context.waitForEvent('page');
    await s.browser.worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: { windows: { create(o: { url: string }): Promise<unknown> } };
      };
      await chrome.windows.create({ url });
    }, 'https://acme.zendesk.com/agent/tickets/5150');
    const page = await opened;
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Open in side panel' }).click();
    const second = await attachSidePanel(cdp, s.browser.extensionId, [panel]);
    await expect.poll(() => second.text(), { timeout: 5000 }).toContain('Capturing for Zendesk · #5150');
    await expect.poll(() => overlayShown(page), { timeout: 5000 }).toBe(false);
    // The first window's panel is closed: its tab keeps the in-page sidebar.
    expect(await overlayShown(zendesk)).toBe(true);
  });
});
