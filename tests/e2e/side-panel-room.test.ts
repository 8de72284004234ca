import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithSidebar } from './support/pages';
import { type Session, startSession } from './support/session';
import { attachSidePanel } from './support/side-panel';

// The point of the side panel: the browser makes room for it, so the CRM's own right-hand panel
// (Zendesk's context panel in the fixture) is whole and clickable, where the in-page overlay
// covers it. Pages get the real window (no fixed viewport) so they reflow when the panel opens.

const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const WINDOW = { width: 1400, height: 900 };
const CONTEXT_PANEL = '[data-test-id="context-panel"]';

let s: Session;
let page: Page;
let widthWithOverlay: number;

/** The context panel's box and its "Edit customer" button's centre, in viewport coordinates. */
function panelGeometry(p: Page) {
  return p.evaluate((selector) => {
    const panel = document.querySelector(selector);
    const button = document.getElementById('edit-customer');
    if (!panel || !button) throw new Error('fixture has no context panel with its button');
    const { left, top, right, bottom } = panel.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    return {
      panel: { left, top, right, bottom },
      button: { x: b.left + b.width / 2, y: b.top + b.height / 2 },
      viewport: { width: innerWidth, height: innerHeight },
    };
  }, CONTEXT_PANEL);
}

/** For each point, what the page hits there: "panel" (the context panel or inside it) or the tag name. */
function hitsAt(p: Page, points: Array<{ x: number; y: number }>) {
  return p.evaluate(
    ([selector, at]) =>
      at.map(({ x, y }) => {
        const hit = document.elementFromPoint(x, y);
        return hit?.closest(selector) ? 'panel' : (hit?.tagName.toLowerCase() ?? 'nothing');
      }),
    [CONTEXT_PANEL, points] as const,
  );
}

/** Earmark's elements on the page that take up any room (its sidebar host, open or collapsed). */
function earmarkOnPage(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.tagName.toLowerCase().startsWith('earmark'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const shadowBoxes = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].map((x) =>
          x.getBoundingClientRect(),
        );
        return [box, ...shadowBoxes].some((r) => r.width > 0 && r.height > 0);
      })
      .map((el) => el.tagName.toLowerCase()),
  );
}

beforeAll(async () => {
  s = await startSession({ windowSize: WINDOW });
  ({ page } = await openWithSidebar(s.browser, ZENDESK));
}, 90_000);

afterAll(async () => {
  await s?.close();
});

describe("the page beside Earmark's side panel", { timeout: 90_000 }, () => {
  it("with the in-page overlay open, the CRM's right-hand panel is covered where its button is", async () => {
    const { panel, button, viewport } = await panelGeometry(page);
    widthWithOverlay = viewport.width;
    expect(panel.right).toBeGreaterThan(viewport.width - 280); // the overlay's 280 px overlap it
    expect(await hitsAt(page, [button])).toEqual(['earmark-sidebar']);
  });

  it('with the side panel open, that panel is whole, nothing of Earmark is on the page, and its button works', async () => {
    await page
      .getByRole('complementary', { name: 'Earmark' })
      .getByRole('button', { name: 'Open in side panel' })
      .click();
    const cdp = await s.browser.context.newCDPSession(page);
    const sidePanel = await attachSidePanel(cdp, s.browser.extensionId);
    await expect.poll(() => sidePanel.text(), { timeout: 15_000 }).toContain('Capturing for Zendesk · #4821');
    // The panel fits its own width too: nothing of it is cut off at the window's edge.
    expect(
      await sidePanel.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    ).toBe(0);
    // The browser made room: the page is narrower and reflowed.
    await expect
      .poll(async () => (await panelGeometry(page)).viewport.width, { timeout: 15_000 })
      .toBeLessThan(widthWithOverlay);
    await expect.poll(() => earmarkOnPage(page), { timeout: 15_000 }).toEqual([]);

    const { panel, button, viewport } = await panelGeometry(page);
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.top).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(viewport.width);
    expect(panel.bottom).toBeLessThanOrEqual(viewport.height);
    const inset = 2; // just inside each corner
    const corners = [
      { x: panel.left + inset, y: panel.top + inset },
      { x: panel.right - inset, y: panel.top + inset },
      { x: panel.left + inset, y: panel.bottom - inset },
      { x: panel.right - inset, y: panel.bottom - inset },
      { x: (panel.left + panel.right) / 2, y: (panel.top + panel.bottom) / 2 },
      button,
    ];
    expect(await hitsAt(page, corners)).toEqual(corners.map(() => 'panel'));

    await page.getByRole('button', { name: 'Edit customer' }).click({ timeout: 10_000 });
    await expect
      .poll(() =>
        page.getByRole('complementary', { name: 'Customer context' }).getByRole('status').textContent(),
      )
      .toBe('Editing Jane Doe');
  });
});
