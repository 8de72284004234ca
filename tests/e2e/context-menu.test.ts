import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { seedSettings } from '../../scripts/harness/launch';
import { openExtensionPage, TEST_AGENT, verifiedItems } from './support/extension';
import { type Session, startSession } from './support/session';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

/** Selects the customer's message on the ticket page and returns the selected text. */
function selectCustomerMessage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const paragraph = document.getElementById('customer-message');
    if (!paragraph) throw new Error('fixture lacks #customer-message');
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selected = window.getSelection();
    selected?.removeAllRanges();
    selected?.addRange(range);
    return selected?.toString() ?? '';
  });
}

/**
 * Calls the extension's own contextMenus.onClicked handler (headless Chromium cannot open the
 * native menu) with the data Chrome would pass for a click in the active tab; `tab: false` passes
 * none, as for a click Chrome reports without a tab. Resolves to the active tab's id.
 */
function menuClick(worker: Worker, click: object, tab = true): Promise<number | undefined> {
  return worker.evaluate(
    async ([click, withTab]) => {
      const api = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
        earmarkMenuClick(click: object, tab?: { id?: number }): Promise<void>;
      };
      const [active] = await api.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await api.earmarkMenuClick(click, withTab ? { id: active?.id } : undefined);
      return active?.id;
    },
    [click, tab] as const,
  );
}

/** The toolbar badge text of a tab. */
function badgeOf(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

describe('context menu "Earmark selection as ▸ <tag>"', () => {
  it('captures the selected text with the ticket context, without opening the sidebar', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    await page.getByRole('complementary', { name: 'Earmark' }).waitFor();
    await page.getByRole('button', { name: 'Collapse Earmark' }).click();
    const selection = await selectCustomerMessage(page);
    await menuClick(s.browser.worker, {
      menuItemId: 'earmark-tag:competitor-mention',
      selectionText: selection,
      frameId: 0,
      pageUrl: 'https://acme.zendesk.com/',
    });
    const request = await s.receiver.waitFor((r) => r.body.includes('competitor-mention'), 10_000);
    const [item] = verifiedItems([request], s.secret);
    expect(item).toMatchObject({
      tags: [{ id: 'competitor-mention' }],
      source: { site: 'zendesk', ticketId: '4821' },
    });
    expect(item?.quote).toContain('Competitor Co');
    expect(item?.quote).toContain('[card]');
    expect(item?.quote).toContain('[email]');
    expect(item?.quote).not.toContain('4111');
    expect(await page.getByRole('button', { name: 'Open Earmark' }).count()).toBe(1); // still collapsed
  });

  it('a failed capture is kept with its text: the popup says why, "Try again" saves it, "Dismiss" drops one', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    // Earmark is on the page (collapsed, if the test before left it so on this site).
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar
      .or(page.getByRole('button', { name: 'Open Earmark' }))
      .first()
      .waitFor();
    const selection = await selectCustomerMessage(page);
    // The menu still offers a tag the taxonomy no longer has (it was rebuilt meanwhile, say).
    const tabId = await menuClick(s.browser.worker, {
      menuItemId: 'earmark-tag:warranty-claim',
      selectionText: selection,
      frameId: 0,
      pageUrl: 'https://acme.zendesk.com/agent/tickets/4821',
    });
    if (tabId === undefined) throw new Error('no active tab');
    // And one Chrome reports with no page at all: nothing to capture with, only the text is left.
    await menuClick(s.browser.worker, { menuItemId: 'earmark-tag:bug', selectionText: 'kept text' }, false);
    await new Promise((r) => setTimeout(r, 3000)); // longer than the old 2.5 s flash
    expect(await badgeOf(s.browser.worker, tabId)).toBe('!');

    const popup = await openExtensionPage(s.browser, 'popup.html');
    const notSaved = popup.getByRole('region', { name: 'Selections not saved' });
    const failures = notSaved.getByRole('listitem');
    await expect.poll(() => failures.count()).toBe(2);
    const [pageless, retired] = [failures.nth(0), failures.nth(1)]; // newest first
    expect(await retired.textContent()).toContain(
      'Not saved as warranty-claim: unknown tag "warranty-claim"',
    );
    expect(await retired.getByRole('textbox', { name: 'Selected text' }).inputValue()).toBe(selection.trim());
    expect(await pageless.textContent()).toContain('could not read this page');
    expect(await pageless.getByRole('textbox', { name: 'Selected text' }).inputValue()).toBe('kept text');
    expect(await pageless.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await pageless.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => failures.count()).toBe(1);

    // The admin adds the tag; the agent tries again from the popup.
    await seedSettings(s.browser.worker, {
      endpoints: [s.endpoint],
      agent: TEST_AGENT,
      taxonomy: [
        ...DEFAULT_TAXONOMY,
        { id: 'warranty-claim', label: 'Warranty claim', category: 'Customer insight' },
      ],
    });
    await failures.first().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => notSaved.textContent()).toContain('Saved: Warranty claim');
    expect(await failures.count()).toBe(0);
    const request = await s.receiver.waitFor((r) => r.body.includes('warranty-claim'), 10_000);
    const [item] = verifiedItems([request], s.secret);
    expect(item).toMatchObject({
      tags: [{ id: 'warranty-claim' }],
      source: { site: 'zendesk', ticketId: '4821' },
    });
    expect(item?.quote).toContain('Competitor Co');
    expect(await badgeOf(s.browser.worker, tabId)).toBe('');
  });
});
