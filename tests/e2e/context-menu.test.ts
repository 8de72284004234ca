import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedItems } from './support/extension';
import { type Session, startSession } from './support/session';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

describe('context menu "Earmark selection as ▸ <tag>"', () => {
  it('captures the selected text with the ticket context, without opening the sidebar', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    await page.getByRole('complementary', { name: 'Earmark' }).waitFor();
    await page.getByRole('button', { name: 'Collapse Earmark' }).click();
    const selection = await page.evaluate(() => {
      const paragraph = document.getElementById('customer-message');
      if (!paragraph) throw new Error('fixture lacks #customer-message');
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selected = window.getSelection();
      selected?.removeAllRanges();
      selected?.addRange(range);
      return selected?.toString() ?? '';
    });
    // Headless Chromium cannot open the native context menu, so the test calls the extension's own
    // contextMenus.onClicked handler with the data Chrome would pass for this click.
    await s.browser.worker.evaluate(async (selectionText) => {
      const api = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
        earmarkMenuClick(click: object, tab?: { id?: number }): Promise<void>;
      };
      const [tab] = await api.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await api.earmarkMenuClick(
        {
          menuItemId: 'earmark-tag:competitor-mention',
          selectionText,
          frameId: 0,
          pageUrl: 'https://acme.zendesk.com/',
        },
        { id: tab?.id },
      );
    }, selection);
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
});
