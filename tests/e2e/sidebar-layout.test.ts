import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWithSidebar } from './support/pages';
import { type Session, startSession } from './support/session';

// The sidebar's layout in real Chromium: a hostile page cannot restyle or be covered by it, and
// side, width and the collapsed tab's position are remembered per site.
const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const HOSTILE = 'https://acme.zendesk.com/agent/tickets/hostile';
const SALESFORCE = 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZaBIAZ/view';
const VIEWPORT_HEIGHT = 800; // launchWithExtension's viewport is 1280 × 800
/** Points ("x,y") away from the collapsed tab: the page, never our host, must be hit there. */
const OFF_TAB_POINTS = ['1270,100', '1000,700', '640,400', '5,5'];
let session: Session;

type LocalStorage = { get(k: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
type StorageGlobal = { chrome: { storage: { local: LocalStorage } } };

/** Writes to the extension's local storage, as its popup would. */
async function setLocal(items: object): Promise<void> {
  await session.browser.worker.evaluate(async (value) => {
    await (globalThis as unknown as StorageGlobal).chrome.storage.local.set(value);
  }, items);
}

/** The layout the extension stored for a hostname. */
function storedLayout(host: string): Promise<Record<string, unknown> | undefined> {
  return session.browser.worker.evaluate(async (h) => {
    const { sidebarLayouts } = await (globalThis as unknown as StorageGlobal).chrome.storage.local.get(
      'sidebarLayouts',
    );
    return (sidebarLayouts as Record<string, Record<string, unknown>> | undefined)?.[h];
  }, host);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box (not visible)');
  return found;
}

/** The layout viewport's width (without a scrollbar, if the page has one). */
function viewportWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.clientWidth);
}

const openPage = (url: string) => openWithSidebar(session.browser, url);

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(() => setLocal({ sidebarLayouts: {}, disabledSites: [] }));

describe('a hostile page with a strict CSP', () => {
  it('cannot restyle the sidebar, still captures, and stays clickable around the collapsed tab', async () => {
    const { page, sidebar } = await openPage(HOSTILE);
    const bug = sidebar.getByRole('button', { name: 'Bug' });
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, boxSizing: s.boxSizing, display: s.display };
    };
    // The page's rules apply to the page (nothing of ours leaked into it)…
    expect(await page.getByRole('button', { name: 'Views' }).evaluate(style)).toMatchObject({
      fontSize: '40px',
      color: 'rgb(255, 0, 0)',
      boxSizing: 'content-box',
    });
    // …and none of them reach the sidebar.
    expect(await bug.evaluate(style)).toEqual({
      fontSize: '13px',
      color: 'rgb(31, 35, 40)',
      boxSizing: 'border-box',
      display: 'flex', // inline-flex, blockified as a flex item
    });
    expect(await sidebar.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect((await box(sidebar)).width).toBe(280);
    // Nothing was injected into the page's own document, and the CSP reported nothing.
    expect(await page.evaluate(() => document.querySelectorAll('style, [style]').length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.cspViolations ?? '')).toBe('');

    await bug.click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toBe('Saved: Bug');
    const request = await session.receiver.waitFor((r) => r.body.includes('"bug"'));
    expect(request.body).toContain('/agent/tickets/hostile');

    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    const tab = page.getByRole('button', { name: 'Open Earmark' });
    const tabBox = await box(tab);
    expect(tabBox.width).toBeLessThanOrEqual(32);
    expect(tabBox.height).toBeLessThanOrEqual(120);
    expect(tabBox.x + tabBox.width).toBe(await viewportWidth(page));
    // The page's right-hand panel is clickable where the sidebar was, and only the tab is ours.
    await page.click('#call-customer');
    expect(await page.locator('#call-log').textContent()).toBe('Calling Jane Doe (1)');
    const hits = await page.evaluate(
      (points) =>
        points
          .map((p) => document.elementFromPoint(...(p.split(',').map(Number) as [number, number])) ?? null)
          .map((el) => el?.tagName.toLowerCase() ?? ''),
      OFF_TAB_POINTS,
    );
    expect(hits).not.toContain('earmark-sidebar');
    await page.close();
  });
});

describe('layout per site', () => {
  it('switches side, resizes by drag and by keyboard, and remembers it for this site only', async () => {
    const { page, sidebar } = await openPage(ZENDESK);
    let frame = await box(sidebar);
    expect(frame).toMatchObject({ x: (await viewportWidth(page)) - 280, width: 280 });

    await sidebar.getByRole('button', { name: 'Move to left side' }).click();
    await expect.poll(async () => (await box(sidebar)).x).toBe(0);
    await sidebar.getByRole('button', { name: 'Move to right side' }).waitFor();

    const edge = sidebar.getByRole('separator', { name: 'Resize Earmark' });
    const handle = await box(edge);
    await page.mouse.move(handle.x + handle.width / 2, 300);
    await page.mouse.down();
    await page.mouse.move(360, 320, { steps: 6 });
    await page.mouse.move(400, 320, { steps: 2 });
    await page.mouse.up();
    await expect.poll(async () => (await box(sidebar)).width).toBe(400);

    // Docked left, ArrowRight moves the inner edge right: wider.
    await edge.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => edge.getAttribute('aria-valuenow')).toBe('416');
    frame = await box(sidebar);
    expect(frame).toMatchObject({ x: 0, width: 416 });
    expect(await edge.getAttribute('aria-orientation')).toBe('vertical');

    const expected = { side: 'left', width: 416, collapsed: false, tabTop: 0.4 };
    await expect.poll(() => storedLayout('acme.zendesk.com')).toEqual(expected);
    await page.reload();
    await sidebar.getByRole('button', { name: 'Bug' }).waitFor();
    expect(await box(sidebar)).toMatchObject({ x: 0, width: 416 });

    // Another site keeps the default: docked right, 280 px.
    const other = await openPage(SALESFORCE);
    expect(await box(other.sidebar)).toMatchObject({
      x: (await viewportWidth(other.page)) - 280,
      width: 280,
    });
    await other.page.close();
    await page.close();
  });

  it('drags the collapsed tab along the edge, by pointer and by keyboard, and remembers where', async () => {
    const { page, sidebar } = await openPage(ZENDESK);
    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    const tab = page.getByRole('button', { name: 'Open Earmark' });
    const start = await box(tab);
    expect(Math.abs(start.y - 0.4 * (VIEWPORT_HEIGHT - start.height))).toBeLessThanOrEqual(1);

    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - 100, { steps: 8 });
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - 200, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(tab)).y)).toBe(Math.round(start.y - 200));
    // A drag is not a click: the sidebar stayed collapsed.
    expect(await sidebar.count()).toBe(0);

    await tab.focus();
    await page.keyboard.press('ArrowDown');
    const free = VIEWPORT_HEIGHT - start.height;
    // The key's move lands on the next render: wait for it rather than read the box at once.
    await expect
      .poll(async () => Math.abs((await box(tab)).y - (start.y - 200 + 0.05 * free)))
      .toBeLessThanOrEqual(1);
    const moved = await box(tab);

    const expectedTop = Math.round((moved.y / free) * 1000) / 1000;
    await expect
      .poll(async () => (await storedLayout('acme.zendesk.com'))?.tabTop)
      .toBeCloseTo(expectedTop, 2);
    await page.reload();
    const after = await box(page.getByRole('button', { name: 'Open Earmark' }));
    expect(Math.abs(after.y - moved.y)).toBeLessThanOrEqual(1);
    expect(after.x + after.width).toBe(await viewportWidth(page));

    await page.getByRole('button', { name: 'Open Earmark' }).click();
    await sidebar.getByRole('button', { name: 'Bug' }).waitFor();
    await page.close();
  });
});

describe('per-site switch', () => {
  it('removes the sidebar live when the site is switched off, and brings it back when on', async () => {
    const { page, sidebar } = await openPage(ZENDESK);
    const setDisabled = (sites: string[]) => setLocal({ disabledSites: sites });
    const hosts = () => page.evaluate(() => document.querySelectorAll('earmark-sidebar').length);

    await setDisabled(['acme.zendesk.com']);
    await expect.poll(hosts).toBe(0);
    await page.reload();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    expect(await hosts()).toBe(0); // stays off after a reload

    await setDisabled([]);
    await expect.poll(hosts).toBe(1);
    await sidebar.getByRole('button', { name: 'Bug' }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toBe('Saved: Bug');
    await setDisabled(['acme.zendesk.com']);
    await setDisabled([]);
    await expect.poll(hosts).toBe(1); // a quick off-on leaves exactly one sidebar
    await page.close();
  });
});
